"""Segmentation quality on the hand-segmented gold set (tests/data/seg_gold, see its README).

Each segment set of tests/data/evalsets.toml is held to its floor there, pinned loosely from
below, so a regression shows while small changes in jieba or OpenCC do not break the build.  The
Traditional half is the point of the projection: segmenting through t2s must beat jieba on the
Traditional characters.  Scores are printed (``pytest -s``).
"""

from __future__ import annotations

import pytest
from evaluation.manifest import ROOT, EvalSet, load_sets
from evaluation.runner import run_set
from evaluation.segscore import read_gold, score_segmentation, score_segmenter

from newsctl.jobs.segment import SegmentOptions

SEGMENT_SETS = {s.name: s for s in load_sets() if s.evaluates == "segment"}


def gold_of(name: str) -> list[list[str]]:
    return read_gold(str(ROOT / SEGMENT_SETS[name].gold))


@pytest.mark.parametrize("evalset", SEGMENT_SETS.values(), ids=SEGMENT_SETS.keys())
def test_segmentation_scores(evalset: EvalSet) -> None:
    """The default segmenter (auto script) above the set's floor in the manifest."""
    result = run_set(evalset)
    print(f"\n{evalset.name}: {result.summary}")
    assert not result.misses, f"{evalset.name}: {'; '.join(result.misses)}"


def test_projection_beats_direct_segmentation_on_traditional() -> None:
    gold = gold_of("seg-traditional")
    projected = score_segmenter(gold)  # auto: the file is Traditional
    direct = score_segmenter(gold, SegmentOptions(script="simplified"))  # jieba on the characters
    print(f"\nTraditional gold ({len(gold)} lines): projection {projected}; direct jieba {direct}")
    assert projected.f1 > direct.f1


def test_projection_costs_nothing_on_simplified() -> None:
    gold = gold_of("seg-simplified")
    auto = score_segmenter(gold)
    direct = score_segmenter(gold, SegmentOptions(script="simplified"))
    forced = score_segmenter(gold, SegmentOptions(script="traditional"))
    print(
        f"\nSimplified gold ({len(gold)} lines): auto {auto}; direct {direct}; forced t2s {forced}"
    )
    assert auto == direct
    assert forced.f1 >= direct.f1 - 0.005


def test_scorer_counts_spans() -> None:
    gold = [["中华", "人民", "共和国"], ["a", "b"]]
    test = [["中华人民", "共和国"], ["a", "b"]]
    result = score_segmentation(gold, test)
    assert (result.gold_words, result.test_words, result.correct) == (5, 4, 3)
    assert result.precision == pytest.approx(3 / 4)
    assert result.recall == pytest.approx(3 / 5)
    assert result.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_scorer_rejects_different_texts() -> None:
    with pytest.raises(ValueError, match="sentence 1"):
        score_segmentation([["中华"]], [["中国"]])
    with pytest.raises(ValueError, match="sentences"):
        score_segmentation([["中华"]], [])
