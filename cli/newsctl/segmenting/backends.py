"""Segmentation backends behind one small protocol.

A backend is a class with three methods (:class:`Segmenter`) and an entry in :data:`BACKENDS`;
everything else (scripts, projection, offsets, whitespace) is done once, in
:mod:`newsctl.segment`.  jieba is the default; rjieba (jieba-rs, issue 9) is optional.

jieba is imported only when a backend is built: ``import jieba`` costs about 0.3 s and loading its
dictionary about 1.5 s (0.4 s from the cache kept in :func:`cache_dir`).  The module-level
``jieba.dt`` tokenizer is never used: each backend owns a :class:`jieba.Tokenizer`.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

from newsctl.errors import DependencyError, UsageError

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.segmenting.userdict import UserWord

__all__ = [
    "BACKENDS",
    "MODES",
    "JiebaSegmenter",
    "Mode",
    "RjiebaSegmenter",
    "Segmenter",
    "cache_dir",
    "ordered_spans",
    "sequential_spans",
]

Mode = Literal["precise", "full", "search"]
MODES: tuple[Mode, ...] = ("precise", "full", "search")

Span = tuple[str, int, int]


class Segmenter(Protocol):
    """What :mod:`newsctl.segment` needs from a segmentation library.

    ``cut`` and ``tokenize`` return every token, whitespace included; ``cut_pos`` is precise mode
    with a part-of-speech tag per token.  ``tokenize`` gives each token's ``(word, start, end)``
    in ``text``: in precise mode the tokens tile ``text``; in full and search mode they overlap.
    """

    def cut(self, text: str, mode: Mode, hmm: bool) -> list[str]: ...

    def cut_pos(self, text: str, hmm: bool) -> list[tuple[str, str]]: ...

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]: ...


def cache_dir() -> str | None:
    """newsctl's per-user cache folder, created on demand; None when it cannot be created.

    ``$NEWSCTL_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsctl``, else ``~/.cache/newsctl``.
    """
    path = os.environ.get("NEWSCTL_CACHE_DIR")
    if not path:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        path = os.path.join(base, "newsctl")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path


# ---------------------------------------------------------------------------------------- jieba


def _import_jieba() -> Any:
    try:
        import jieba  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - jieba is a hard dependency
        raise DependencyError("jieba is not installed: pip install 'jieba>=0.42.1'") from exc
    # jieba logs "Building prefix dict..." (and cache-write tracebacks) to stderr at DEBUG level.
    logging.getLogger("jieba").setLevel(logging.CRITICAL)
    return jieba


# jieba's own block patterns (jieba/__init__.py, 0.42.1): what it segments, and what it skips.
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_RE_SKIP = re.compile("(\r\n|\\s)")
_RE_ENG = re.compile("[a-zA-Z0-9]")


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
        return [word for word, _, _ in self._full(text)]

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]:
        if mode == "precise":
            return sequential_spans(text, self._tokenizer.lcut(text, HMM=hmm))
        if mode == "search":
            return list(self._tokenizer.tokenize(text, mode="search", HMM=hmm))
        return list(self._full(text))

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

    def _full(self, text: str) -> Iterator[Span]:
        """Full mode with offsets: ``Tokenizer.cut(cut_all=True)``, less its empty tokens.

        One deliberate difference: jieba glues single ASCII letters/digits into one buffer even
        when a dictionary word cut in between (``aPKb`` could become ``ab``), which is not a
        substring of the text; here such a run is emitted in its contiguous pieces.
        """
        pos = 0
        for block in _RE_HAN.split(text):
            if not block:
                continue
            if _RE_HAN.match(block):
                yield from self._full_block(block, pos)
            else:
                for piece in _RE_SKIP.split(block):
                    if piece:
                        yield piece, pos, pos + len(piece)
                        pos += len(piece)
                continue
            pos += len(block)

    def _full_block(self, block: str, offset: int) -> Iterator[Span]:
        dag = self._tokenizer.get_DAG(block)
        old_j = -1
        eng_start = eng_end = -1  # the pending run of ASCII letters/digits, [start, end)
        for k, ends in dag.items():
            if eng_start >= 0 and not _RE_ENG.match(block[k]):
                yield block[eng_start:eng_end], offset + eng_start, offset + eng_end
                eng_start = -1
            if len(ends) == 1 and k > old_j:
                end = ends[0] + 1
                if _RE_ENG.match(block[k]):
                    if eng_start >= 0 and eng_end != k:  # not contiguous: flush (see _full)
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


# --------------------------------------------------------------------------------------- rjieba


class RjiebaSegmenter:
    """jieba-rs through rjieba (``pip install 'newsctl[fast]'``); no user dictionaries."""

    name = "rjieba"

    def __init__(self, words: Sequence[UserWord] = ()) -> None:
        if words:
            raise UsageError("the rjieba backend does not support user dictionaries (--dict)")
        try:
            import rjieba  # type: ignore[import-not-found, import-untyped, unused-ignore]
        except ImportError as exc:
            raise DependencyError(
                "the rjieba backend needs rjieba: pip install 'newsctl[fast]'"
            ) from exc
        self._jieba = rjieba.Jieba()

    def cut(self, text: str, mode: Mode, hmm: bool) -> list[str]:
        if mode == "precise":
            return list(self._jieba.cut(text, hmm))
        if mode == "search":
            return list(self._jieba.cut_for_search(text, hmm))
        return [word for word in self._jieba.cut_all(text) if word]

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]:
        if mode == "precise":
            return sequential_spans(text, self._jieba.cut(text, hmm))
        if mode == "search":
            spans: list[Span] = [(w, s, e) for w, s, e in self._jieba.tokenize(text, "search", hmm)]
            if all(text[start:end] == word for word, start, end in spans):
                return spans
            return ordered_spans(text, [word for word, _, _ in spans])  # pragma: no cover
        return ordered_spans(text, self.cut(text, mode, hmm))

    def cut_pos(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        return [(word, tag) for word, tag in self._jieba.tag(text, hmm)]


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


BackendFactory = Callable[[Sequence["UserWord"]], Segmenter]

#: Backend name → class.  Adding a backend is a class here and a name in SegmentOptions.
BACKENDS: dict[str, BackendFactory] = {
    "jieba": JiebaSegmenter,
    "rjieba": RjiebaSegmenter,
}
