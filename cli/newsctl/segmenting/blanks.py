"""Blank words: the whitespace and zero-width tokens jieba and rjieba cut apart, and how the
whole-text paths drop them (a dozen blanks in an article, found in the text rather than by looking
at each of its hundreds of words).  Shared by :mod:`newsctl.jobs.segment`'s token and word paths.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, filterfalse

from newsctl.text import regexcache

INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")
#: Every character a blank token can start with (a set lookup is cheaper than a call per token).
BLANK_START = INVISIBLE | frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_BLANK_BUT_NEWLINE = BLANK_START - {"\n"}
_BLANK_CLASS = "[" + re.escape("".join(sorted(_BLANK_BUT_NEWLINE))) + "]"
HAS_BLANK = regexcache.compile(_BLANK_CLASS)
# Two blanks in a row within a line: only then can a word be blank and longer than one character
# (jieba and rjieba cut every blank apart, except CR LF, which ends a line).
_BLANK_PAIR = regexcache.compile(_BLANK_CLASS * 2)
_WHITESPACE = regexcache.compile("[" + re.escape("".join(sorted(BLANK_START - INVISIBLE))) + "]")
NEWLINES = frozenset({"\n", "\r\n"})


def is_blank(word: str) -> bool:
    """Whether ``word`` is only whitespace and zero-width characters (or empty)."""
    if not word:
        return True
    first = word[0]
    if not (first.isspace() or first in INVISIBLE):
        return False
    return all(c.isspace() or c in INVISIBLE for c in word)


_NEWLINE_WORD = frozenset({"\n"})
_HAS_INVISIBLE = regexcache.compile("[" + "".join(sorted(INVISIBLE)) + "]")


def blank_words(words: list[str], text: str) -> set[str]:
    """The distinct blank words among ``words`` (of ``text``), newlines included."""
    if _HAS_INVISIBLE.search(text) is None:
        return set(filter(str.isspace, words))   # whitespace only: one pass in C
    return {word for word in set(words) if is_blank(word)}


def without_blanks(words: list[str], text: str) -> list[str] | None:
    """The words of a whole text without its blank words (newlines included); None if its
    newlines are not all words of their own (LF, or CR LF after a CR)."""
    newlines = text.count("\n")
    if HAS_BLANK.search(text) is None:
        # the commonest text: its only blank words are its newlines, so as many words go
        kept = list(filterfalse(_NEWLINE_WORD.__contains__, words))
        return kept if len(words) - len(kept) == newlines else None
    kept = list(filterfalse(blank_words(words, text).__contains__, words))
    if words.count("\n") + words.count("\r\n") != newlines:
        return None  # pragma: no cover - see segment_tokens
    return kept


def split_lines(words: list[str], lines: list[str], text: str) -> list[list[str]] | None:
    """The words of a whole text, one list per line, blank words dropped; None if they do not
    split at newline tokens (LF, or CR LF after a line ending in CR)."""
    if HAS_BLANK.search(text) is not None:
        dropped = blank_words(words, text) - NEWLINES   # newlines split the lines below
        if dropped:
            words = list(filterfalse(dropped.__contains__, words))
    result: list[list[str]] = []
    append = result.append
    index = words.index
    start = 0
    try:
        for line in lines[:-1]:
            end = index("\r\n" if line.endswith("\r") else "\n", start)
            append(words[start:end])
            start = end + 1
    except ValueError:  # pragma: no cover - see segment_words
        return None
    append(words[start:])
    return result


def tokens_by_position(words: list[str], ends: list[int] | None, joins: list[int],
                        text: str) -> list[str] | None:
    """The words with numbers joined and blank words (newlines too) dropped, in one pass of
    slices, when every blank of ``text`` is a one-character word of its own (the commonest
    text: whitespace is cut apart); else None.

    The blanks are found in the text (a dozen in a news article) and placed among the words
    by their ends, instead of looking at each of the article's hundreds of words.
    """
    if "\r" in text or _BLANK_PAIR.search(text) is not None or _HAS_INVISIBLE.search(text):
        return None   # CR LF, zero-width characters or blank runs: words of several characters
    if ends is None:
        ends = list(accumulate(map(len, words)))
    events: list[tuple[int, bool]] = [(i, True) for i in joins]
    for match in _WHITESPACE.finditer(text):
        at = match.start()
        i = bisect_right(ends, at)
        if ends[i] != at + 1 or (i and ends[i - 1] != at):
            return None   # pragma: no cover - a blank inside a longer word
        events.append((i, False))
    if joins:
        events.sort()   # a blank is never one of a number's or a unit's words
    out: list[str] = []
    previous = 0
    for i, joined in events:
        out += words[previous:i]
        if joined:
            out.append(words[i] + words[i + 1])
            previous = i + 2
        else:
            previous = i + 1
    out += words[previous:]
    return out
