"""``segment``'s text output from the words' places: the text cut at the words' ends, the kept
words of each line joined by the delimiter, in one pass.

In Python that is a slice per word, a join and two replacements (:func:`cut_join_python`, the
reference): on 20 MB of Traditional pages about 0.5 s of a 2.9 s run, for 4 million words.  The
optional compiled helper (see :mod:`newsctl.segmenting.wordends`) copies each kept word once
instead; without it newsctl gives the same output through the Python version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress

from newsctl.segmenting.blanks import blank_mask, words_of_their_own
from newsctl.segmenting.wordends import COMPILED, HELPER, Ends

__all__ = ["COMPILED", "cut_join", "cut_join_python", "keep_flags"]


def cut_join_python(text: str, ends: Sequence[int], keep: bytes | bytearray,
                    delimiter: str) -> str:
    """``text`` cut at ``ends`` (increasing, the last ``len(text)``: the words tile the text),
    the words whose ``keep`` byte is not 0 kept, each line's kept words joined by ``delimiter``.

    A kept word that is exactly "\\n" ends a line; the caller makes sure that every "\\n" of
    ``text`` is a word of its own and that ``delimiter`` holds none.  Then the words of the
    whole text can be joined at once: each newline has exactly one delimiter on either side
    (none at the text's ends), which two replacements take away, and can touch nothing else.
    """
    starts = [0]
    starts += ends   # one too many: zip stops at the shorter
    joined = delimiter.join([text[start:end] for start, end in compress(zip(starts, ends), keep)])
    return joined.replace(delimiter + "\n", "\n").replace("\n" + delimiter, "\n")


def keep_flags(words: list[str], ends: Ends, text: str, *,
               newlines: bool) -> bytearray | None:
    """One byte per word (the words tile ``text``, ending at ``ends``): 0 for a blank word, and
    for a newline word unless ``newlines``, else 1 (see :func:`~.blanks.blank_mask`); None when
    ``text`` has a CR, a newline that is not a word of its own, or a blank inside a longer word.
    The compiled helper reads each word's characters once instead of bisecting for each blank.
    """
    if "\r" in text:
        return None
    if _COMPILED_MASK is not None:
        return _COMPILED_MASK(text, ends, newlines)
    if not words_of_their_own(words, text):
        return None
    return blank_mask(words, ends, text, newlines=newlines)


_COMPILED_MASK: Callable[[str, Ends, bool], bytearray | None] | None = (
    HELPER.blank_mask if HELPER is not None else None)
#: :func:`cut_join_python`'s output, from the compiled helper when it was built.
cut_join: Callable[[str, Ends, bytes | bytearray, str], str] = (
    HELPER.cut_join if HELPER is not None else cut_join_python)
