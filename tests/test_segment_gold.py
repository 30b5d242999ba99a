"""Segmentation quality on the hand-segmented gold set (tests/data/seg_gold, see its README).

The Traditional half is the point of the projection: segmenting through t2s must beat jieba on
the Traditional characters.  Scores are printed (``pytest -s``) and pinned loosely from below, so a
regression shows while small changes in jieba or OpenCC do not break the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsctl.jobs.segment import SegmentOptions, segment_text
from newsctl.segmenting.score import Score, read_gold, score_segmentation

GOLD = Path(__file__).resolve().parent / "data" / "seg_gold"


def gold_or_skip(name: str) -> list[list[str]]:
    path = GOLD / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"gold file {path} is absent")
    return read_gold(str(path))


def score(gold: list[list[str]], options: SegmentOptions) -> Score:
    text = "\n".join("".join(words) for words in gold)
    test = [[token.word for token in line] for line in segment_text(text, options)]
    return score_segmentation(gold, test)


def test_projection_beats_direct_segmentation_on_traditional() -> None:
    gold = gold_or_skip("traditional")
    projected = score(gold, SegmentOptions())  # auto: the file is Traditional
    direct = score(gold, SegmentOptions(script="simplified"))  # jieba on the characters as given
    print(f"\nTraditional gold ({len(gold)} lines): projection {projected}; direct jieba {direct}")
    assert projected.f1 > direct.f1
    assert projected.f1 >= 0.80  # measured 0.825 (direct 0.749) with jieba 0.42.1, OpenCC 1.4.2


def test_projection_costs_nothing_on_simplified() -> None:
    gold = gold_or_skip("simplified")
    auto = score(gold, SegmentOptions())
    direct = score(gold, SegmentOptions(script="simplified"))
    forced = score(gold, SegmentOptions(script="traditional"))
    print(
        f"\nSimplified gold ({len(gold)} lines): auto {auto}; direct {direct}; forced t2s {forced}"
    )
    assert auto == direct
    assert forced.f1 >= direct.f1 - 0.005
    assert auto.f1 >= 0.78  # measured 0.804 (plain jieba 0.792: numbers joined to their units)


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
