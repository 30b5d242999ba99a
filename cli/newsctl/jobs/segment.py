"""Word segmentation and part-of-speech tagging for Simplified and Traditional Chinese.

>>> from newsctl.jobs.segment import SegmentOptions, segment_text
>>> [[t.word for t in line] for line in segment_text("國際新聞\\n中華人民共和國成立了", SegmentOptions())]
[['國際', '新聞'], ['中華人民共和國', '成立', '了']]

Traditional text is segmented through its Simplified form (see
:mod:`newsctl.segmenting.projection`): tokens always come back in the input's own script, with
offsets into the line they came from.  With ``script="auto"`` the script is decided once per text
(:func:`newsctl.text.script.is_traditional`).  Whitespace tokens (and tokens of only zero-width
characters: U+200B-U+200D, U+2060, U+FEFF) are dropped; the offsets of the others still index the
original line, so the gaps between tokens are exactly what was dropped.

Importing this module is cheap: jieba and OpenCC are loaded by :func:`get_segmenter` and the
segmenting functions, once per process.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, TypeVar

from newsctl.errors import UsageError
from newsctl.jobs.converters import get_converter
from newsctl.segmenting.backends import MODES, Mode, Segmenter
from newsctl.segmenting.blanks import (
    BLANK_START,
    is_blank,
    kept_words,
    split_lines,
    without_blanks,
)
from newsctl.segmenting.projection import (
    cut_at,
    folded_projection,
    line_projections,
    to_simplified,
)
from newsctl.segmenting.registry import BACKENDS
from newsctl.segmenting.units import UNIT_HINT, apply_joins, unit_joins, with_joined_numbers
from newsctl.segmenting.userdict import load_user_dict, with_simplified_forms
from newsctl.segmenting.wholetext import joined_words, precise_words, source_cut
from newsctl.text.script import is_traditional

__all__ = [
    "Mode",
    "SegmentOptions",
    "Segmenter",
    "Token",
    "get_segmenter",
    "load_user_dict",
    "segment_joined",
    "segment_line",
    "segment_text",
    "segment_tokens",
    "segment_words",
]

Script = Literal["auto", "simplified", "traditional"]
Backend = Literal["auto", "jieba", "rjieba"]
SCRIPTS: tuple[Script, ...] = ("auto", "simplified", "traditional")

T = TypeVar("T")
_AMOUNT_TAGGED = frozenset({"%", "％", "‰", "万", "萬", "亿", "億", "万亿", "萬億", "兆"})


@dataclass(frozen=True)
class SegmentOptions:
    """Everything ``newsctl segment`` lets a user choose; built once, handed to every worker."""

    mode: Mode = "precise"
    """One of "precise" (one tiling of the line), "full" (every dictionary word) or "search"
    (the precise words plus the dictionary words inside them)."""
    hmm: bool = True
    """Let jieba's HMM join characters into words its dictionary lacks."""
    pos: bool = False
    """Tag each token with its part of speech (precise mode only)."""
    script: Script = "auto"
    """With "auto" decided per text; "traditional" always goes through t2s, "simplified" never."""
    user_dicts: tuple[str, ...] = ()
    """Paths of user dictionaries (``word [freq] [tag]`` a line)."""
    backend: Backend = "auto"
    """"jieba" (the reference), "rjieba" (the same tokens, several times faster), or "auto":
    rjieba when it is installed (it is a dependency), else jieba."""

    def __post_init__(self) -> None:
        if isinstance(self.user_dicts, str):
            object.__setattr__(self, "user_dicts", (self.user_dicts,))
        elif not isinstance(self.user_dicts, tuple):
            object.__setattr__(self, "user_dicts", tuple(self.user_dicts))
        if self.mode not in MODES:
            raise UsageError(f"unknown mode {self.mode!r}; choose from: {', '.join(MODES)}")
        if self.script not in SCRIPTS:
            raise UsageError(f"unknown script {self.script!r}; choose from: {', '.join(SCRIPTS)}")
        if self.backend == "auto":
            object.__setattr__(self, "backend", default_backend())
        if self.backend not in BACKENDS:
            raise UsageError(
                f"unknown backend {self.backend!r}; choose from: {', '.join(BACKENDS)}"
            )
        if self.pos and self.mode != "precise":
            raise UsageError("part-of-speech tags (--pos) need --mode precise")


@dataclass(frozen=True, slots=True)
class Token:
    """A word and where it is: ``line[start:end] == word``; ``pos`` only when tags were asked."""

    word: str
    start: int
    end: int
    pos: str | None = None


# A frozen dataclass's __init__ sets each field through object.__setattr__ (1.4 us a token, 15% of
# segmenting time on Simplified text); writing the slots directly is twice as fast.
_new_token = Token.__new__
_set_word = Token.__dict__["word"].__set__
_set_start = Token.__dict__["start"].__set__
_set_end = Token.__dict__["end"].__set__
_set_pos = Token.__dict__["pos"].__set__


def _token(word: str, start: int, end: int, pos: str | None = None) -> Token:
    """``Token(word, start, end, pos)``, faster (the hot loops make one per word)."""
    token = _new_token(Token)
    _set_word(token, word)
    _set_start(token, start)
    _set_end(token, end)
    _set_pos(token, pos)
    return token


@functools.cache
def default_backend() -> Backend:
    """rjieba when it can be imported (it gives jieba's tokens, faster), else jieba."""
    import importlib.util

    return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"


def get_segmenter(options: SegmentOptions) -> Segmenter:
    """The process-wide segmenter for ``options.backend`` and ``options.user_dicts``.

    Built on first use (dictionary loaded, user words added in both scripts) and cached; call it
    in a pool worker's initializer so each worker loads once.  It also readies what ``options``
    will need later (POS tables, the t2s converter).  Raises :class:`~newsctl.errors.RulesError`
    for a bad user dictionary and :class:`~newsctl.errors.DependencyError` for a missing backend.
    """
    segmenter = _build_segmenter(options.backend, options.user_dicts)
    if options.pos:
        segmenter.cut_pos("", options.hmm)
    if options.script != "simplified":
        get_converter("t2s")   # s2t too, for --script auto, only when t2s cannot decide
    return segmenter


@functools.cache
def _build_segmenter(backend: str, user_dicts: tuple[str, ...]) -> Segmenter:
    # Read every dictionary before the slow backend load, so a typo fails fast.
    words = [entry for path in user_dicts for entry in load_user_dict(path)]
    return BACKENDS[backend](with_simplified_forms(words))


def segment_line(
    line: str, options: SegmentOptions, *, traditional: bool | None = None
) -> list[Token]:
    """Segment one line; offsets index ``line``.

    ``traditional`` overrides ``options.script`` (the caller may have decided for a whole text);
    None decides from ``options.script`` and, for "auto", from ``line`` itself.
    """
    segmenter = get_segmenter(options)
    if not line:
        return []
    converted = None
    if traditional is None:
        if options.script == "auto":
            converted = to_simplified(line)
            traditional = converted != line and is_traditional(line, simplified=converted)
        else:
            traditional = options.script == "traditional"
    if not traditional:
        return _segment(segmenter, line, folded_projection(line, line), options)
    if converted is None:
        converted = to_simplified(line)
    # A line whose length t2s changes cannot be projected: segment it as it is.
    source = converted if len(converted) == len(line) else line
    return _segment(segmenter, line, folded_projection(source, line), options)


def segment_text(text: str, options: SegmentOptions) -> list[list[Token]]:
    """Segment ``text`` line by line: one token list per ``text.split("\\n")`` item.

    A text ending in "\\n" so gets a last, empty list.  With ``script="auto"`` the script is
    decided once for the whole text, and Traditional text is converted in one OpenCC call.
    """
    segmenter = get_segmenter(options)
    lines = text.split("\n")
    simplified = line_projections(text, lines, options.script)
    return [_segment(segmenter, line, simple, options) for line, simple in zip(lines, simplified)]


def segment_tokens(text: str, options: SegmentOptions) -> list[str]:
    """The words of :func:`segment_words` as one list, in order (what ``segment --json`` writes
    as ``"tokens"``, and what ``stats`` counts): no list per line is built only to be joined."""
    if options.pos or options.mode != "precise":
        return [word for line in segment_words(text, options) for word in line]
    segmenter = get_segmenter(options)
    with _no_gc():
        words, ends, joins, projected = source_cut(segmenter, text, options.script, options.hmm)
        flat = kept_words(words, ends, joins, text, newlines=False, projected=projected)
    if flat is None:   # CR LF words: the slower way, by looking at the words
        if projected and ends is not None:
            words = cut_at(text, ends)
        flat = without_blanks(apply_joins(words, joins, str.__add__) if joins else words, text)
    if flat is None:  # pragma: no cover - a backend whose newlines are not tokens of their own
        return [word for line in segment_words(text, options) for word in line]
    return flat


def segment_joined(text: str, options: SegmentOptions, delimiter: str = " ") -> str:
    """``segment``'s text output: each line's words joined by ``delimiter``, one output line
    per line of ``text`` (``"\\n".join(map(delimiter.join, segment_words(text, options)))``),
    without building a list per line (see :func:`~newsctl.segmenting.wholetext.joined_words`).
    """
    if (options.pos or options.mode != "precise" or not delimiter or "\n" in delimiter
            or "\r" in text):   # CR LF words, or a delimiter the replacements could confuse
        return "\n".join(map(delimiter.join, segment_words(text, options)))
    segmenter = get_segmenter(options)
    with _no_gc():
        joined = joined_words(segmenter, text, options.script, options.hmm, delimiter)
    if joined is None:  # pragma: no cover - newlines not words of their own
        return "\n".join(map(delimiter.join, segment_words(text, options)))
    return joined


def segment_words(text: str, options: SegmentOptions) -> list[list[str]]:
    """Like :func:`segment_text`, but only the words (no offsets, no tags).

    The fast path for text output, word counts and keywords: in precise mode without tags it
    builds no :class:`Token` per word (that object costs ~15% of segmenting time), and it cuts
    the whole text in one call (newlines are tokens of their own, so no word spans two lines;
    one call per line costs rjieba a third more).
    """
    if options.pos or options.mode != "precise":
        return [[token.word for token in line] for line in segment_text(text, options)]
    segmenter = get_segmenter(options)
    with _no_gc():
        return _segment_words(segmenter, text, options)


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while segmenting: every line's word list is a new
    container, and with a million words alive each collection walks them all (5-10% of rjieba's
    whole run on 5 MB).  Lists of strings hold no cycles, so nothing is left for later."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _segment_words(segmenter: Segmenter, text: str, options: SegmentOptions) -> list[list[str]]:
    words = precise_words(segmenter, text, options.script, options.hmm)
    result = split_lines(words, text.split("\n"), text)
    if result is None:  # pragma: no cover - a backend whose newlines are not tokens of their own
        return [[token.word for token in line] for line in segment_text(text, options)]
    return result


def _joined_tokens(tokens: list[Token], line: str) -> list[Token]:
    """Precise tokens with numbers joined to their units (see :mod:`.segmenting.units`)."""
    if UNIT_HINT.search(line) is None:
        return tokens
    joins = unit_joins(line, [t.start for t in tokens], [t.end for t in tokens])
    return apply_joins(tokens, joins, _merge_tokens) if joins else tokens


def _merge_tokens(number: Token, unit: Token) -> Token:
    # a date or clock time is a time word (t), an amount stays a numeral (m); 第 + number too
    pos = number.pos if number.pos is None or unit.word in _AMOUNT_TAGGED else "t"
    if number.word == "第" and number.pos is not None:
        pos = "m"
    return _token(number.word + unit.word, number.start, unit.end, pos)


def _segment(
    segmenter: Segmenter, line: str, simplified: str | None, options: SegmentOptions
) -> list[Token]:
    """Tokens of ``line``, segmenting ``simplified`` (same length) instead when given."""
    if not line:
        return []
    project = simplified is not None and simplified != line
    source = simplified if project and simplified is not None else line
    tokens: list[Token] = []
    append = tokens.append
    if options.pos:
        start = 0
        for word, tag in segmenter.cut_pos(source, options.hmm):
            end = start + len(word)
            if project:
                word = line[start:end]
            if word and (word[0] not in BLANK_START or not is_blank(word)):
                append(_token(word, start, end, tag))
            start = end
        if start == len(line):
            return _joined_tokens(tokens, line)
        # jieba's POS tokens always tile the line; a backend whose tokens do not gets plain
        # precise tokens, tagged where a tagged word lines up with one.
        return _untiled_pos(segmenter, line, source, options)  # pragma: no cover
    if options.mode == "precise":
        # The hot path: precise tokens tile the line, so offsets are running sums.
        start = 0
        for word in segmenter.cut(source, "precise", options.hmm):
            end = start + len(word)
            if project:
                word = line[start:end]
            if word and (word[0] not in BLANK_START or not is_blank(word)):
                append(_token(word, start, end))
            start = end
        if start == len(line):
            return _joined_tokens(tokens, line)
        tokens.clear()  # pragma: no cover - a backend whose precise tokens do not tile
    for word, start, end in segmenter.tokenize(source, options.mode, options.hmm):
        if project:
            word = line[start:end]
        if word and (word[0] not in BLANK_START or not is_blank(word)):
            append(_token(word, start, end))
    if options.mode == "search" and UNIT_HINT.search(line) is not None:
        return with_joined_numbers(tokens, _segment(segmenter, line, simplified, _PRECISE[options.hmm]))
    return tokens


# precise options for the search mode's joined numbers (the only fields _segment reads)
_PRECISE = {hmm: SegmentOptions(mode="precise", hmm=hmm, backend="jieba") for hmm in (True, False)}


def _untiled_pos(  # pragma: no cover - defensive, see _segment
    segmenter: Segmenter, line: str, source: str, options: SegmentOptions
) -> list[Token]:
    tags: dict[tuple[int, int], str] = {}
    start = 0
    for word, tag in segmenter.cut_pos(source, options.hmm):
        at = source.find(word, start)
        if at >= 0:
            tags[(at, at + len(word))] = tag
            start = at + len(word)
    return [
        Token(line[start:end], start, end, tags.get((start, end), "x"))
        for _, start, end in segmenter.tokenize(source, "precise", options.hmm)
        if not is_blank(line[start:end])
    ]
