"""segment's text output cut from the text at the words' ends (segmenting/cutjoin.py): the
compiled helper, when it was built, gives exactly what the Python version gives, and newsctl
gives the same output with either."""

from __future__ import annotations

import sys
from pathlib import Path
from itertools import accumulate

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.segmenting import cutjoin, wholetext
from newsctl.segmenting.cutjoin import cut_join_python

# Words as a segmenter gives them: every newline a word of its own.  Wide and narrow characters
# both, so the output's width must follow what is kept (a str of ASCII only must be narrow).
WORDS = st.sampled_from(["新聞", "臺灣", "a", "bc", "\n", " ", "\u3000", "é", "😀", "12", "年",
                         "，", "x-y"])
DELIMITERS = st.sampled_from([" ", "", "/", " | ", "／", "😀", "\t"])


def _compiled() -> object:
    if not cutjoin.COMPILED:
        pytest.skip("the C helper was not built (no compiler at install time)")
    from newsctl.speedups import cut_join

    return cut_join


def _reference(words: list[str], keep: list[bool], delimiter: str) -> str:
    """Each line's kept words joined, written out word by word."""
    lines: list[list[str]] = [[]]
    for word, kept in zip(words, keep):
        if not kept:
            continue
        if word == "\n":
            lines.append([])
        else:
            lines[-1].append(word)
    return "\n".join(map(delimiter.join, lines))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, st.booleans()), max_size=40), DELIMITERS)
def test_kept_words_of_each_line_joined(pairs: list[tuple[str, bool]], delimiter: str) -> None:
    words = [word for word, _ in pairs]
    keep = bytearray(kept for _, kept in pairs)
    text = "".join(words)
    ends = list(accumulate(map(len, words)))
    expected = _reference(words, [bool(k) for k in keep], delimiter)
    assert cut_join_python(text, ends, keep, delimiter) == expected
    if cutjoin.COMPILED:
        compiled = _compiled()(text, ends, keep, delimiter)  # type: ignore[operator]
        assert compiled == expected
        assert hash(compiled) == hash(expected)   # a str in its narrowest form


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_all_words_kept_without_a_delimiter_rejoin_to_the_text(words: list[str]) -> None:
    text = "".join(words)
    ends = list(accumulate(map(len, words)))
    keep = bytes([1]) * len(words)
    assert cutjoin.cut_join(text, ends, keep, "") == text
    assert cut_join_python(text, ends, keep, "") == text


def test_the_compiled_helper_refuses_ends_outside_the_text() -> None:
    cut_join = _compiled()
    with pytest.raises(ValueError, match="ends"):
        cut_join("abc", [2, 1], b"\x01\x01", " ")  # type: ignore[operator]
    with pytest.raises(ValueError, match="ends"):
        cut_join("abc", [4], b"\x01", " ")  # type: ignore[operator]
    with pytest.raises(ValueError, match="keep"):
        cut_join("abc", [3], b"", " ")  # type: ignore[operator]


@pytest.mark.parametrize("name", ["zh-hant-tw-daily-politics.txt", "zh-hant-hk-paper.txt",
                                  "zh-hans-portal-finance.txt"])
def test_segment_gives_the_same_output_without_the_compiled_helper(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a user without a C compiler gets: the same words, lines and spaces."""
    from newsctl.jobs.segment import SegmentOptions, segment_joined

    text = (Path(__file__).parent.parent / "samples" / name).read_text(encoding="utf-8")
    options = SegmentOptions()
    with_helper = [segment_joined(text, options, delimiter) for delimiter in (" ", " / ")]
    monkeypatch.setattr(wholetext, "cut_join", cut_join_python)
    assert [segment_joined(text, options, delimiter) for delimiter in (" ", " / ")] == with_helper


# Every blank character (whitespace and zero-width), newlines and CR among them, and words that
# hold one inside, which the mask must refuse.
MASK_WORDS = st.sampled_from(["新聞", "a", "\n", " ", "\u3000", "\t", "\xa0", "\u200b", "\ufeff",
                              "\u2060", "\x1c", "\x85", "\u2028", "\u205f", "\r", "x y", "a\n",
                              "é", "😀", "12"])


@settings(max_examples=400, deadline=None)
@given(st.lists(MASK_WORDS, max_size=30), st.booleans())
def test_keep_flags_are_the_same_with_and_without_the_compiled_helper(
    words: list[str], newlines: bool
) -> None:
    from newsctl.segmenting.blanks import blank_mask, is_blank, words_of_their_own

    text = "".join(words)
    ends = list(accumulate(map(len, words)))
    python = (blank_mask(words, ends, text, newlines=newlines)
              if "\r" not in text and words_of_their_own(words, text) else None)
    if python is not None:   # what the flags mean, word by word
        assert list(python) == [int(w == "\n" and newlines or not is_blank(w)) for w in words]
    assert cutjoin.keep_flags(words, ends, text, newlines=newlines) == python
    if cutjoin.COMPILED:
        _compiled()
        from newsctl.speedups import blank_mask as compiled

        if "\r" not in text:
            assert compiled(text, ends, newlines) == python


@settings(max_examples=200, deadline=None)
@given(st.lists(MASK_WORDS, max_size=30))
def test_word_ends_are_the_running_sums_of_the_lengths(words: list[str]) -> None:
    """A list without the helper, a compact array with it: the same numbers either way, and the
    other steps take either (the helper reads both)."""
    from newsctl.segmenting.wordends import word_ends

    expected = list(accumulate(map(len, words)))
    assert list(word_ends(words)) == expected
    if cutjoin.COMPILED:
        from array import array

        from newsctl.speedups import cut_join

        text = "".join(words)
        keep = bytes([1]) * len(words)
        if "\r" not in text:
            assert cut_join(text, array("q", expected), keep, " ") == cut_join(
                text, expected, keep, " ")


def test_a_helper_built_from_another_version_is_left_unused(monkeypatch: pytest.MonkeyPatch) -> None:
    """An editable install not installed again after speedups.c changed: Python, not a crash."""
    import types

    import newsctl
    from newsctl.segmenting import wordends

    stale = types.ModuleType("newsctl.speedups")
    stale.VERSION = wordends.SPEEDUPS_VERSION - 1  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "newsctl.speedups", stale)
    monkeypatch.setattr(newsctl, "speedups", stale, raising=False)
    monkeypatch.delenv("NEWSCTL_PURE_PYTHON", raising=False)
    assert wordends._helper() is None
    stale.VERSION = wordends.SPEEDUPS_VERSION  # type: ignore[attr-defined]
    assert wordends._helper() is stale


@pytest.mark.parametrize("flags", [[], ["--json"], ["--delimiter", " / "], ["--no-hmm"]])
def test_a_user_without_the_helper_gets_the_same_files(flags: list[str], tmp_path: Path) -> None:
    """Whole processes, with the helper and with NEWSCTL_PURE_PYTHON=1: byte for byte the same
    output on Traditional and Simplified samples (each step's Python version runs)."""
    import subprocess

    from conftest import newsctl_cmd, subprocess_env

    samples = Path(__file__).parent.parent / "samples"
    inputs = [str(samples / name) for name in (
        "zh-hant-tw-daily-politics.txt", "zh-hant-hk-magazine-bom.txt",
        "zh-hans-portal-finance.txt", "zh-hans-agency-rail-crlf.txt")]
    outputs = []
    for pure in ("", "1"):
        out = tmp_path / f"out{pure}.txt"
        done = subprocess.run([*newsctl_cmd(), "segment", *flags, "-o", str(out), *inputs],
                              env=subprocess_env(NEWSCTL_PURE_PYTHON=pure),
                              capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0]
