"""Blank words dropped by their places in the text (segmenting/blanks.py: kept_words): the same
words as looking at each word, numbers joined to their units, newlines kept or not."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.segmenting.blanks import is_blank, kept_words

# Words as jieba cuts them: every blank character is a word of its own.
WORDS = st.sampled_from(["新聞", "今天", "2025", "年", "3", "月", "，", "AI", " ", "\u3000",
                         "\t", "\u200b", "\xa0", "\n", "記者", "x"])


def _looked_at(words: list[str], joins: list[int], newlines: bool) -> list[str]:
    """The reference: join the numbers, then test every word."""
    joined: list[str] = []
    skip = -1
    for i, word in enumerate(words):
        if i == skip:
            continue
        if i in joins:
            word += words[i + 1]
            skip = i + 1
        if not (is_blank(word) and (word != "\n" or not newlines)):
            joined.append(word)
    return joined


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30), st.booleans(), st.booleans(), st.data())
def test_blank_words_dropped_as_if_each_word_were_looked_at(
    words: list[str], newlines: bool, counted: bool, data: st.DataObject
) -> None:
    text = "".join(words)
    # joins: a word and the next, neither blank, never overlapping (as units.unit_joins gives)
    candidates = [i for i in range(len(words) - 1)
                  if not is_blank(words[i]) and not is_blank(words[i + 1])]
    picked = sorted(data.draw(st.sets(st.sampled_from(candidates))) if candidates else set())
    joins: list[int] = []
    for i in picked:
        if not joins or i > joins[-1] + 1:
            joins.append(i)
    ends = list(accumulate(map(len, words))) if counted else None
    expected = _looked_at(words, joins, newlines)
    assert kept_words(list(words), ends, joins, text, newlines=newlines) == expected


def test_a_blank_inside_a_longer_word_is_kept_with_it() -> None:
    """No backend cuts so, but a word holding a blank and more is not blank: it stays whole."""
    words = ["記者", " \u3000", "x y", "\n", "新聞", " "]
    assert kept_words(words, None, [], "".join(words), newlines=True) == ["記者", "x y", "\n", "新聞"]
    assert kept_words(list(words), None, [], "".join(words), newlines=False) == ["記者", "x y", "新聞"]


def test_a_text_with_cr_or_a_newline_inside_a_word_is_left_to_the_slower_way() -> None:
    assert kept_words(["a", "\r\n", "b"], None, [], "a\r\nb", newlines=True) is None
    assert kept_words(["a\n", "b"], None, [], "a\nb", newlines=False) is None
