"""Numbers with their units, and full-width letters and digits, in segmentation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.segment import SegmentOptions, segment_text, segment_words
from newsctl.segmenting.projection import fold_width
from newsctl.segmenting.units import unit_joins

OPTIONS = SegmentOptions()


def words(text: str, **options: object) -> list[str]:
    return segment_words(text, SegmentOptions(**options))[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "joined", "apart"), [
    ("2025年3月5日全国两会开幕", ["2025年", "3月", "5日"], []),
    ("民國112年5月立法院通過", ["112年", "5月"], []),
    ("国内生产总值增长5.3%，达到305.7万亿元", ["5.3%"], []),
    ("比赛于8时12分开始", ["8时", "12分"], []),
    ("被告被判处有期徒刑8年6个月", [], ["8", "年"]),        # a duration stays apart
    ("他在比赛中只失了1分", [], ["1", "分"]),              # a score stays apart
    ("选手以12.98秒的成绩夺冠", [], ["12.98", "秒"]),
    ("第78分钟攻入一球", ["第78"], []),
])
def test_dates_times_percentages_join_durations_and_counts_do_not(
        text: str, joined: list[str], apart: list[str]) -> None:
    for backend in ("jieba", "rjieba"):
        got = words(text, backend=backend)
        assert "".join(got) == text
        for word in joined:
            assert word in got, (backend, got)
        if apart:
            i = got.index(apart[0])
            assert got[i:i + len(apart)] == apart, (backend, got)


def test_never_joined_across_a_blank_and_spans_stay_exact() -> None:
    line = "2025 年的计划于2025年3月公布"
    tokens = segment_text(line, OPTIONS)[0]
    assert ["2025", "年"] == [t.word for t in tokens[:2]]
    for token in tokens:
        assert line[token.start:token.end] == token.word
    tagged = segment_text("2025年3月5日增长5.3%", SegmentOptions(pos=True))[0]
    assert [(t.word, t.pos) for t in tagged[:3]] == [("2025年", "t"), ("3月", "t"), ("5日", "t")]
    assert ("5.3%", "m") in [(t.word, t.pos) for t in tagged]


def test_full_width_letters_and_digits_segment_like_ascii() -> None:
    full = "１９９７年３月５日，ＧＤＰ增长５．３％。"
    assert fold_width(full) == "1997年3月5日，GDP增长5.3%。"   # Chinese punctuation stays
    assert fold_width("没有全角") == "没有全角"
    got = words(full)
    assert got[:3] == ["１９９７年", "３月", "５日"] and "ＧＤＰ" in got and "５．３％" in got
    assert [len(w) for w in got] == [len(w) for w in words(fold_width(full))]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["2025", "3", "12", "年", "月", "日", "时", "分", "秒", "%", "万",
                                 " ", "第", "个", "增长", "，", "５", "Ｘ", "１２"]), max_size=16))
def test_joined_words_still_tile_the_line(parts: list[str]) -> None:
    line = "".join(parts)
    got = words(line) if line else []
    assert "".join(got) == line.replace(" ", "")
    tokens = segment_text(line, OPTIONS)[0] if line else []
    assert all(line[t.start:t.end] == t.word for t in tokens)
    assert [t.word for t in tokens] == got
    # joining is done once: the joined tokens offer nothing more to join
    assert unit_joins(line, [t.start for t in tokens], [t.end for t in tokens]) == []


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
@pytest.mark.parametrize("line", [
    "今年4月增长42%，2025年3月5日GDP达305.7万亿元。",
    "臺灣今年4月營收創新高，第3名落後8時12分。",
    "２０２５年３月５日，ＧＤＰ增长５．３％。",
])
def test_search_mode_holds_the_precise_tokens_with_their_units(line: str, backend: str) -> None:
    from newsctl.jobs.segment import SegmentOptions, segment_line

    precise = segment_line(line, SegmentOptions(backend=backend))  # type: ignore[arg-type]
    search = segment_line(line, SegmentOptions(mode="search", backend=backend))  # type: ignore[arg-type]
    spans = iter((t.start, t.end) for t in search)
    assert all(any(span == (t.start, t.end) for span in spans) for t in precise)
    if "4月" in line:
        assert "4月" in [t.word for t in search]   # joined as in precise mode


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0１9一十〇兩年月日時分秒%万萬亿億兆第 a.", max_size=24))
def test_units_are_found_where_the_plain_pattern_finds_them(text: str) -> None:
    """The scan looks for units and then for the digit before (it is faster): the same places as
    looking for a digit and then a unit."""
    import re

    from newsctl.segmenting.units import _UNIT

    plain = re.compile(r"[\d〇○零一二三四五六七八九十两兩](?:万亿|萬億|[年月日号號时時分秒%％‰万萬亿億兆])")
    assert [(m.start() - 1, m.end()) for m in _UNIT.finditer(text)] == [
        m.span() for m in plain.finditer(text)]


def test_a_superscript_digit_before_a_number_is_no_number_and_no_error() -> None:
    # "²2" is digits to str.isdigit but no integer to int(): segment used to stop with an error
    words = segment_words("今年²2月發布新規", SegmentOptions())
    assert "".join(w for line in words for w in line) == "今年²2月發布新規"
