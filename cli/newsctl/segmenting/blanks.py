"""Blank words: the whitespace and zero-width tokens jieba and rjieba cut apart, and how the
whole-text paths drop them (a dozen blanks in an article, found in the text rather than by looking
at each of its hundreds of words).  Shared by :mod:`newsctl.jobs.segment`'s token and word paths.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import MutableSequence, Sequence
from functools import partial
from itertools import accumulate, compress, filterfalse

from newsctl.segmenting.projection import cut_at
from newsctl.segmenting.units import apply_joins
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
# One blank character (newlines among them or not): each is a word of its own.
_BLANK = HAS_BLANK
_BLANK_OR_NEWLINE = regexcache.compile("[" + re.escape("".join(sorted(BLANK_START))) + "]")
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


def words_of_their_own(words: list[str], text: str) -> bool:
    """Whether every newline of ``text`` is a word of its own and there is no CR (CR LF is one
    word): what the whole-text paths need to tell the lines apart by their newline words."""
    return "\r" not in text and words.count("\n") == text.count("\n")


def blank_mask(words: list[str], ends: Sequence[int], text: str, *,
               newlines: bool) -> bytearray | None:
    """One byte per word (the words tile ``text``, ending at ``ends``): 0 for a blank word (and
    for a newline word unless ``newlines``), else 1; None when a blank lies inside a longer
    word (no backend cuts so: see :func:`kept_words`).  ``words`` may be a projection's (same
    lengths): only their lengths are read.

    jieba and rjieba cut every blank character apart, so the blanks are found in the text (a
    few hundred in a web page, against tens of thousands of words) and each is placed among
    the words by bisecting their ends: looking at each word in Python cost a tenth of the whole
    run on Traditional pages.
    """
    blanks = [match.start() for match in (_BLANK if newlines else _BLANK_OR_NEWLINE).finditer(text)]
    at = list(map(partial(bisect_right, ends), blanks))   # the word holding each blank
    if sum(map(len, map(words.__getitem__, at))) != len(at):
        return None
    keep = bytearray(b"\x01") * len(words)
    for i in at:
        keep[i] = 0
    return keep


def merge_joins(ends: MutableSequence[int], keep: bytearray, joins: list[int]) -> None:
    """Join each number to its unit in place: word ``i`` ends where word ``i + 1`` did, and
    word ``i + 1`` is not kept (see :func:`~newsctl.segmenting.units.unit_joins`)."""
    for i in joins:   # a number and its unit: neither is ever blank
        ends[i] = ends[i + 1]
        keep[i + 1] = 0


def kept_words(words: list[str], ends: MutableSequence[int] | None, joins: list[int], text: str, *,
               newlines: bool, projected: bool = False) -> list[str] | None:
    """The words of a whole text with numbers joined (``joins``, see
    :func:`~newsctl.segmenting.units.unit_joins`) and blank words dropped, newline words too
    unless ``newlines``; None when ``text`` has a CR or a newline that is not a word of its own.

    ``ends`` are the words' ends (they tile the text), None to count them; ``projected`` says
    that ``words`` are the words of a projection of ``text`` (its Simplified form, same length),
    and the words kept are cut from ``text`` itself.  ``words`` and ``ends`` may be changed.
    """
    if not words_of_their_own(words, text):
        return None   # CR LF words, or newlines inside words: the callers' line-by-line way
    if ends is None:
        ends = list(accumulate(map(len, words)))
    keep = blank_mask(words, ends, text, newlines=newlines)
    if keep is None:
        # A blank inside a longer word (no backend does that): look at the words themselves.
        words = cut_at(text, ends) if projected else words
        words = apply_joins(words, joins, str.__add__) if joins else words
        dropped = blank_words(words, text) - (NEWLINES if newlines else set())
        return list(filterfalse(dropped.__contains__, words))
    if not projected:
        for i in joins:
            words[i] += words[i + 1]
            keep[i + 1] = 0
        return list(compress(words, keep))
    merge_joins(ends, keep, joins)
    starts = [0]
    starts += ends   # one too many: zip stops at the shorter
    return [text[start:end] for start, end in compress(zip(starts, ends), keep)]
