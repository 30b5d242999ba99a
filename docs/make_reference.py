"""Write docs/reference.md from the app's own ``--help`` texts: ``python docs/make_reference.py``.

The reference is generated so that it cannot drift from the CLI; ``tests/test_readme.py`` fails
when the file differs from what this script would write (run it after changing an option).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "docs" / "reference.md"
COMMANDS = ("clean", "convert", "segment", "keywords", "stats")
WIDTH = "100"


def help_text(args: list[str]) -> str:
    """``newsctl ARGS --help`` as plain text, at a fixed width and without colour."""
    from typer.testing import CliRunner

    from newsctl.cli.app import app

    env = {"COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    result = CliRunner().invoke(app, [*args, "--help"], env=env, terminal_width=int(WIDTH))
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines).rstrip() + "\n"


def render() -> str:
    parts = ["# Command reference\n",
             "Generated from the app's own help texts by `python docs/make_reference.py`; do not "
             "edit by hand.\n"]
    for title, args in [("newsctl", []), *((f"newsctl {c}", [c]) for c in COMMANDS)]:
        parts.append(f"## {title}\n\n```\n{help_text(args)}```\n")
    return "\n".join(parts)


def main() -> int:
    os.environ.setdefault("NEWSCTL_CACHE_DIR", str(ROOT / "bench" / ".work" / "cache"))
    REFERENCE.write_text(render(), encoding="utf-8")
    print(f"wrote {REFERENCE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "cli"))
    sys.exit(main())
