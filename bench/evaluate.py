"""Score newsctl on its evaluation sets: ``python bench/evaluate.py [-v] [SET ...]``.

The sets are those ``tests/data/evalsets.toml`` lists (all of them when none is named; a family
such as ``realpages`` or ``seg`` names all of its sets): the
invented clean sets, the segmentation gold, and the real pages of ``../shared/realpages`` beside
the checkout, which are skipped when that folder is absent.  Prints one line per set, the same
figures for every clean set (body-line F1, precision, recall; headlines; metadata fields) and
for every segment set (word F1); ``-v`` adds a line per page.  The scorer is the tests' own
(``tests/evaluation/``), not part of the installed package.  Exits 1 when a set falls below a
floor of the manifest, 2 for an unknown set name.
"""

from __future__ import annotations

import sys
from pathlib import Path

# the harness lives with the tests, outside the package (as bench scripts import their own folder)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from evaluation.manifest import load_sets
from evaluation.runner import run_set


def _named(set_name: str, asked: str) -> bool:
    """A set is named by its name or by its family (``realpages`` for ``realpages-dump``)."""
    return set_name == asked or set_name.startswith(f"{asked}-")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    names = [arg for arg in argv if arg != "-v"]
    sets = load_sets()
    unknown = [name for name in names if not any(_named(s.name, name) for s in sets)]
    if unknown:
        print(f"unknown set {', '.join(unknown)}; the sets: {' '.join(s.name for s in sets)}")
        return 2
    width = max(len(s.name) for s in sets)
    status = 0
    for evalset in sets:
        if names and not any(_named(evalset.name, name) for name in names):
            continue
        if not evalset.present:
            print(f"{evalset.name:{width}}  absent (an external set: {evalset.pages})")
            continue
        result = run_set(evalset)
        print(f"{evalset.name:{width}}  {result.summary}", flush=True)
        for miss in result.misses:
            print(f"{'':{width}}  BELOW FLOOR: {miss}")
            status = 1
        if verbose:
            for line in result.details:
                print(f"{'':{width}}    {line}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
