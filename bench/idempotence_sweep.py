"""Random idempotence sweep for ``clean``: ``python bench/idempotence_sweep.py [SEED] [PAGES]``.

Builds pages of 1-30 lines drawn at random from the lines of every page we have (samples,
held-out and blind evaluation pages) and checks that cleaning the cleaned text changes nothing.
Each failure is minimised (lines removed while it still fails) and printed, ready to become a
regression example in tests/test_clean_properties.py.  Far more pages than the Hypothesis tests
draw (tens of thousands, a few minutes); not part of the test suite.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "cli"))

from newsctl.jobs.clean import clean_text  # noqa: E402
from newsctl.io.encodings import decode_bytes  # noqa: E402


def _pool() -> list[str]:
    folders = [ROOT / "samples", ROOT / "tests" / "data" / "clean_eval" / "pages"]
    folders += sorted((ROOT / "tests" / "data").glob("clean_blind*/pages"))
    lines: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            lines += decode_bytes(path.read_bytes(), str(path)).text.split("\n")
    return lines


def _fails(lines: list[str]) -> bool:
    once = clean_text("\n".join(lines)).text
    return clean_text(once).text != once


def _minimise(lines: list[str]) -> list[str]:
    changed = True
    while changed:
        changed = False
        for i in range(len(lines)):
            trial = lines[:i] + lines[i + 1:]
            if trial and _fails(trial):
                lines, changed = trial, True
                break
    return lines


def main() -> None:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    rng = random.Random(seed)
    pool = _pool()
    failures = 0
    for _ in range(pages):
        lines = [rng.choice(pool) for _ in range(rng.randint(1, 30))]
        if _fails(lines):
            failures += 1
            if failures <= 5:
                print("FAIL", repr("\n".join(_minimise(lines))), flush=True)
    print(f"{pages} pages, {failures} not idempotent")


if __name__ == "__main__":
    main()
