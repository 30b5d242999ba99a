"""Re-pin the golden outputs: ``python tests/golden/pin.py`` (only on purpose; review the diff).

For every sample in ``samples/`` and every command listed here, run the real CLI and store its
output in ``tests/golden/<command>/<sample>.out``.  ``tests/test_golden.py`` compares against them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from newsctl.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent

# command name -> extra arguments; each is run on one sample at a time.
COMMANDS: dict[str, list[str]] = {
    "clean": ["clean", "-q"],
    "clean-json": ["clean", "--json", "--explain", "-q"],
    "convert": ["convert", "--to", "simplified", "-q"],
    "segment": ["segment", "-q"],
    "stats": ["stats", "--json", "-q"],
}


def run(command: str, sample: Path) -> str:
    result = CliRunner().invoke(app, [*COMMANDS[command], str(sample.relative_to(ROOT))])
    if result.exit_code != 0:
        raise RuntimeError(f"{command} {sample.name}: exit {result.exit_code}: {result.stderr}")
    return result.stdout


def main() -> None:
    import os

    os.chdir(ROOT)  # paths in outputs are relative to the project root
    for command in COMMANDS:
        folder = GOLDEN / command
        folder.mkdir(exist_ok=True)
        for sample in sorted(SAMPLES.glob("*.txt")):
            (folder / f"{sample.stem}.out").write_text(run(command, sample), encoding="utf-8")
    print(f"pinned {len(COMMANDS)} commands x {len(list(SAMPLES.glob('*.txt')))} samples", file=sys.stderr)


if __name__ == "__main__":
    main()
