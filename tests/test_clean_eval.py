"""clean on hand-labelled pages: every clean set of tests/data/evalsets.toml held to its floors.

The sets are the samples (which the rules were developed on), a held-out set, sixteen blind sets
(each written in other site styles by someone who had not seen the rules, and scored once before
any rule was changed for what it showed), and the real pages of ../shared/realpages when that
folder is beside the checkout (skipped when it is not, as on CI).  The floors are regression
guards below what the cleaner reaches; ``pytest -s`` prints the figures, page by page, and
``python bench/evaluate.py`` prints them for every set.
"""

from __future__ import annotations

import pytest
from evaluation.manifest import EvalSet, load_sets
from evaluation.runner import run_set

CLEAN_SETS = [s for s in load_sets() if s.evaluates == "clean"]


@pytest.mark.parametrize("evalset", CLEAN_SETS, ids=[s.name for s in CLEAN_SETS])
def test_cleaning_scores(evalset: EvalSet) -> None:
    """Floors below what the cleaner reaches (regression guards); the README has the figures."""
    if not evalset.present:
        pytest.skip(f"external set {evalset.name} is absent ({evalset.pages})")
    result = run_set(evalset)
    print(f"\n{evalset.name}: {result.summary}")
    for line in result.details:
        print(f"  {line}")
    assert not result.misses, f"{evalset.name}: {'; '.join(result.misses)}"


def test_the_in_project_sets_are_all_there() -> None:
    """Only the real pages may be absent: a missing in-project set is a broken checkout."""
    absent = [s.name for s in load_sets() if not s.external and not s.present]
    assert absent == []
