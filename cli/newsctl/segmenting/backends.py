"""Segmentation backends behind one small protocol.

A backend is a class with three methods (:class:`Segmenter`) and an entry in :data:`BACKENDS`;
everything else (scripts, projection, offsets, whitespace) is done once, in
:mod:`newsctl.jobs.segment`.  jieba is the default; rjieba (jieba-rs, issue 9) is optional and gives
jieba's tokens and tags at native speed (:mod:`newsctl.segmenting.rjieba_backend`).

jieba is imported only when a backend is built: ``import jieba`` costs about 0.3 s and loading its
dictionary about 1.5 s (0.4 s from the cache kept in :func:`cache_dir`).  The module-level
``jieba.dt`` tokenizer is never used: each backend owns a :class:`jieba.Tokenizer`.

Two algorithms are written here once and used by both backends: jieba's full mode walked over a
word graph (:func:`full_spans`; each backend supplies the graph) and jieba's search mode
(:func:`search_spans`, used by rjieba; jieba has its own).
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

from newsctl.errors import DependencyError
from newsctl.text import regexcache
from newsctl.text.cachedir import cache_dir

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.segmenting.userdict import UserWord

__all__ = [
    "MODES",
    "JiebaSegmenter",
    "Mode",
    "Segmenter",
    "cache_dir",
    "full_spans",
    "ordered_spans",
    "search_spans",
    "sequential_spans",
]

Mode = Literal["precise", "full", "search"]
MODES: tuple[Mode, ...] = ("precise", "full", "search")

Span = tuple[str, int, int]
#: jieba's word graph of a block: start index → inclusive end index of every word from there.
Dag = dict[int, list[int]]


class Segmenter(Protocol):
    """What :mod:`newsctl.jobs.segment` needs from a segmentation library.

    ``cut`` and ``tokenize`` return every token, whitespace included; ``cut_pos`` is precise mode
    with a part-of-speech tag per token.  ``tokenize`` gives each token's ``(word, start, end)``
    in ``text``: in precise mode the tokens tile ``text``; in full and search mode they overlap.
    """

    def cut(self, text: str, mode: Mode, hmm: bool) -> list[str]: ...

    def cut_pos(self, text: str, hmm: bool) -> list[tuple[str, str]]: ...

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]: ...


# ---------------------------------------------------------------------------------------- jieba


def _import_jieba() -> Any:
    try:
        import jieba  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - jieba is a hard dependency
        raise DependencyError("jieba is not installed: pip install 'jieba>=0.42.1'") from exc
    # jieba logs "Building prefix dict..." (and cache-write tracebacks) to stderr at DEBUG level.
    logging.getLogger("jieba").setLevel(logging.CRITICAL)
    return jieba


def jieba_file(name: str) -> str:
    """Path of a data file inside the installed jieba package, found without importing jieba.

    rjieba uses jieba's dictionary (for user-word frequencies) and its POS HMM tables; importing
    ``jieba.posseg`` to reach them would cost 1.3 s (it reads the whole dictionary for tags).
    """
    spec = importlib.util.find_spec("jieba")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    if not folders:  # pragma: no cover - jieba is a hard dependency
        raise DependencyError("jieba is not installed: pip install 'jieba>=0.42.1'")
    return os.path.join(folders[0], name)


# jieba's own block patterns (jieba/__init__.py, 0.42.1): what it segments, and what it skips.
_RE_HAN = regexcache.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
RE_JIEBA_SKIP = regexcache.compile("(\r\n|\\s)")
_RE_ENG = regexcache.compile("[a-zA-Z0-9]")


class JiebaSegmenter:
    """jieba 0.42 through a private :class:`jieba.Tokenizer` (and ``POSTokenizer`` when asked)."""

    name = "jieba"

    def __init__(self, words: Sequence[UserWord] = ()) -> None:
        jieba = _import_jieba()
        tokenizer = jieba.Tokenizer()
        folder = cache_dir()
        if folder is not None:
            tokenizer.tmp_dir = folder
            # jieba reuses a default-dictionary cache without checking its age: name it per version.
            tokenizer.cache_file = f"jieba-{jieba.__version__}.cache"
        tokenizer.initialize()
        for word, freq, tag in words:
            tokenizer.add_word(word, freq, tag)
        self._tokenizer = tokenizer
        self._pos: Any = None

    def cut(self, text: str, mode: Mode, hmm: bool) -> list[str]:
        if mode == "precise":
            return self._tokenizer.lcut(text, HMM=hmm)  # type: ignore[no-any-return]
        if mode == "search":
            return self._tokenizer.lcut_for_search(text, HMM=hmm)  # type: ignore[no-any-return]
        return [word for word, _, _ in full_spans(text, self._tokenizer.get_DAG)]

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]:
        if mode == "precise":
            return sequential_spans(text, self._tokenizer.lcut(text, HMM=hmm))
        if mode == "search":
            return list(self._tokenizer.tokenize(text, mode="search", HMM=hmm))
        return list(full_spans(text, self._tokenizer.get_DAG))

    def cut_pos(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._pos_tokenizer().lcut(text, HMM=hmm)]

    def _pos_tokenizer(self) -> Any:
        if self._pos is None:
            from jieba import posseg

            shared = getattr(posseg.dt, "word_tag_tab", None)
            if isinstance(shared, dict):
                # POSTokenizer(tokenizer) re-reads dict.txt for the tags (0.6 s); importing posseg
                # already read it into posseg.dt, and our tokenizer uses the same dictionary.
                pos = posseg.POSTokenizer.__new__(posseg.POSTokenizer)
                pos.tokenizer = self._tokenizer
                pos.word_tag_tab = dict(shared)
            else:  # pragma: no cover - other jieba versions
                pos = posseg.POSTokenizer(self._tokenizer)
            self._pos = pos
        return self._pos


# ------------------------------------------------------------------- full and search mode, once


def full_spans(text: str, get_dag: Callable[[str], Dag]) -> Iterator[Span]:
    """jieba's full mode (``cut(cut_all=True)``) with offsets, less its empty tokens.

    ``get_dag(block)`` is the backend's word graph of one block (jieba's ``get_DAG``).  One
    deliberate difference: jieba glues single ASCII letters/digits into one buffer even when a
    dictionary word cut in between (``aPKb`` could become ``ab``), which is not a substring of the
    text; here such a run is emitted in its contiguous pieces.
    """
    pos = 0
    for block in _RE_HAN.split(text):
        if not block:
            continue
        if _RE_HAN.match(block):
            yield from _full_block(block, pos, get_dag(block))
        else:
            for piece in RE_JIEBA_SKIP.split(block):
                if piece:
                    yield piece, pos, pos + len(piece)
                    pos += len(piece)
            continue
        pos += len(block)


def _full_block(block: str, offset: int, dag: Dag) -> Iterator[Span]:
    old_j = -1
    eng_start = eng_end = -1  # the pending run of ASCII letters/digits, [start, end)
    for k, ends in dag.items():
        if eng_start >= 0 and not _RE_ENG.match(block[k]):
            yield block[eng_start:eng_end], offset + eng_start, offset + eng_end
            eng_start = -1
        if len(ends) == 1 and k > old_j:
            end = ends[0] + 1
            if _RE_ENG.match(block[k]):
                if eng_start >= 0 and eng_end != k:  # not contiguous: flush (see full_spans)
                    yield block[eng_start:eng_end], offset + eng_start, offset + eng_end
                    eng_start = -1
                if eng_start < 0:
                    eng_start = k
                eng_end = end
            else:
                yield block[k:end], offset + k, offset + end
            old_j = ends[0]
        else:
            for j in ends:
                if j > k:
                    yield block[k : j + 1], offset + k, offset + j + 1
                    old_j = j
    if eng_start >= 0:
        yield block[eng_start:eng_end], offset + eng_start, offset + eng_end


def search_spans(words: Iterable[str], is_word: Callable[[str], bool]) -> list[Span]:
    """jieba's search mode (``tokenize(mode="search")``) from the precise ``words`` of a text.

    Before each precise word longer than two characters come its two-character dictionary words,
    then (longer than three) its three-character ones, as jieba lists them.
    """
    spans: list[Span] = []
    start = 0
    for word in words:
        width = len(word)
        if width > 2:
            for i in range(width - 1):
                gram = word[i : i + 2]
                if is_word(gram):
                    spans.append((gram, start + i, start + i + 2))
            if width > 3:
                for i in range(width - 2):
                    gram = word[i : i + 3]
                    if is_word(gram):
                        spans.append((gram, start + i, start + i + 3))
        spans.append((word, start, start + width))
        start += width
    return spans


# ------------------------------------------------------------------------------- span helpers


def sequential_spans(text: str, words: Sequence[str]) -> list[Span]:
    """Offsets of tokens that tile ``text`` (precise mode); aligned by search if they do not."""
    spans: list[Span] = []
    start = 0
    for word in words:
        end = start + len(word)
        spans.append((word, start, end))
        start = end
    if start == len(text) and "".join(words) == text:
        return spans
    return ordered_spans(text, words)  # pragma: no cover - every backend tiles in precise mode


def ordered_spans(text: str, words: Sequence[str]) -> list[Span]:
    """Offsets for tokens listed in order of their start (full mode of most backends).

    Each word is looked up from the previous token's start; a word not found there is dropped
    rather than given offsets that are not its own.
    """
    spans: list[Span] = []
    low = 0
    for word in words:
        if not word:
            continue
        start = text.find(word, low)
        if start < 0:
            start = text.find(word)
            if start < 0:  # pragma: no cover - backends return substrings
                continue
        spans.append((word, start, start + len(word)))
        low = start
    return spans
