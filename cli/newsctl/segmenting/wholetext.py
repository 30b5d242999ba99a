"""Precise mode over a whole text at once: the fast path of ``segment``'s text output, of
``segment --json``'s tokens and of the word lists ``stats`` and ``keywords`` count.

The whole text (its Simplified projection when it is Traditional, see
:mod:`newsctl.segmenting.projection`) is cut in one call: newlines are words of their own, so no
word spans two lines, and one call per line would cost rjieba a third more.  Everything after the
cut (projecting back, joining numbers to their units, dropping blank words) works on the words'
ends and on places found in the text, never on each word in Python, because on Traditional pages
that per-word work cost as much as rjieba's cut itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsctl.segmenting.blanks import kept_words, merge_joins, words_of_their_own
from newsctl.segmenting.cutjoin import cut_join, keep_flags
from newsctl.segmenting.projection import cut_at, source_text
from newsctl.segmenting.units import UNIT_HINT, apply_joins, unit_joins
from newsctl.segmenting.wordends import Ends, word_ends

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.segmenting.backends import Segmenter

__all__ = ["joined_words", "precise_cut", "precise_words", "source_cut"]


def precise_cut(
    segmenter: Segmenter, text: str, script: str, hmm: bool
) -> tuple[list[str], Ends | None, list[int]]:
    """The precise words of the whole text in its own characters (they tile it), their ends
    when they had to be counted, and the indices ``i`` where words ``i`` and ``i + 1`` are a
    number and its unit (see :func:`unit_joins`)."""
    words, ends, joins, projected = source_cut(segmenter, text, script, hmm)
    if projected:  # cut the original text where the Simplified one was cut
        if ends is None:  # pragma: no cover - projected words always have their ends counted
            ends = word_ends(words)
        words = cut_at(text, ends)
    return words, ends, joins


def source_cut(
    segmenter: Segmenter, text: str, script: str, hmm: bool
) -> tuple[list[str], Ends | None, list[int], bool]:
    """:func:`precise_cut` before the projection: the words of what was segmented (the text's
    Simplified form when it is Traditional, same length), their ends when counted, the joins,
    and whether the words are a projection's (to be cut from ``text`` at the same ends)."""
    source = source_text(text, text.split("\n"), script)
    ends: Ends | None = None
    precise_ends = getattr(segmenter, "precise_ends", None)   # rjieba's: ends it counted anyway
    if precise_ends is not None:
        words, ends = precise_ends(source, hmm)
    else:
        words = segmenter.cut(source, "precise", hmm)
    projected = source is not text
    joins: list[int] = []
    if projected or UNIT_HINT.search(text) is not None:
        if ends is None:
            ends = word_ends(words)
        if UNIT_HINT.search(text) is not None:
            joins = unit_joins(text, None, ends)   # the words tile the text
    return words, ends, joins, projected


def precise_words(segmenter: Segmenter, text: str, script: str, hmm: bool) -> list[str]:
    """The precise words of the whole text in its own characters, numbers joined to their
    units; newlines and blanks are still words of their own."""
    words, _, joins = precise_cut(segmenter, text, script, hmm)
    return apply_joins(words, joins, str.__add__) if joins else words


def joined_words(
    segmenter: Segmenter, text: str, script: str, hmm: bool, delimiter: str
) -> str | None:
    """Each line's precise words joined by ``delimiter`` (no "\\n" in it), one output line per
    line of ``text``, blank words dropped; None when ``text`` has a CR (CR LF is one word) or a
    newline that is not a word of its own, for the caller's line-by-line way.

    No word is looked at after the cut: numbers join to their units and blank words drop out by
    their places (:func:`~newsctl.segmenting.cutjoin.keep_flags`), and the output is cut from
    ``text`` at the words' ends (:func:`~newsctl.segmenting.cutjoin.cut_join`), so a
    projection's words are never cut from the original one by one.
    """
    words, ends, joins, projected = source_cut(segmenter, text, script, hmm)
    if ends is None:
        ends = word_ends(words)
    keep = keep_flags(words, ends, text, newlines=True)
    if keep is None:   # a CR, a newline inside a word, or a blank inside a longer word
        kept = (kept_words(words, ends, joins, text, newlines=True, projected=projected)
                if words_of_their_own(words, text) else None)
        if kept is None:
            return None
        joined = delimiter.join(kept)
        return joined.replace(delimiter + "\n", "\n").replace("\n" + delimiter, "\n")
    merge_joins(ends, keep, joins)
    return cut_join(text, ends, keep, delimiter)
