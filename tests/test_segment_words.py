"""segment_words (the fast path for text output and counts) agrees with segment_text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.segment import SegmentOptions, segment_text, segment_words

NEWS = st.sampled_from([
    "臺灣的軟體產業與資訊服務", "北京今天发布新规", "記者走訪發現", " ", "\u3000", "2025年3月",
    "，", "。", "AI", "鄱阳湖", "後來", "髮型", "\ufeff", "x y",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(NEWS, max_size=6).map("".join), max_size=5).map("\n".join),
       st.sampled_from(["auto", "simplified", "traditional"]), st.booleans())
def test_words_match_tokens(text: str, script: str, hmm: bool) -> None:
    options = SegmentOptions(script=script, hmm=hmm)  # type: ignore[arg-type]
    assert segment_words(text, options) == [[t.word for t in line] for line in segment_text(text, options)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.one_of(NEWS, st.sampled_from(["\r", "\t", "  ", "\u200b"])), max_size=6)
                .map("".join), max_size=5).map("\n".join),
       st.sampled_from(["auto", "simplified", "traditional"]), st.booleans())
def test_tokens_are_the_words_of_every_line_in_order(text: str, script: str, hmm: bool) -> None:
    """segment --json's "tokens" (one list, no lines built): the lines' words, joined."""
    from newsctl.jobs.segment import segment_tokens

    options = SegmentOptions(script=script, hmm=hmm)  # type: ignore[arg-type]
    assert segment_tokens(text, options) == [w for line in segment_words(text, options) for w in line]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.one_of(NEWS, st.sampled_from(["\r", "\t", "  ", "\u200b", "-", "a-"])),
                         max_size=6).map("".join), max_size=5).map("\n".join),
       st.sampled_from(["auto", "simplified", "traditional"]),
       st.sampled_from([" ", "-", "--", " / ", "\t", "", "\n"]))
def test_joined_output_is_the_lines_words_joined(text: str, script: str, delimiter: str) -> None:
    """segment's text output (words of the whole text joined at once, newlines mended)."""
    from newsctl.jobs.segment import segment_joined

    options = SegmentOptions(script=script)  # type: ignore[arg-type]
    expected = "\n".join(map(delimiter.join, segment_words(text, options)))
    assert segment_joined(text, options, delimiter) == expected
