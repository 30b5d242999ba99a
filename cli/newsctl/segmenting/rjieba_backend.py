"""The rjieba backend: jieba-rs through rjieba, giving jieba's tokens, offsets and tags.

Its own module because making jieba-rs agree with jieba takes a good deal of code (see
:class:`RjiebaSegmenter`); the protocol, the jieba backend and the algorithms both share live in
:mod:`newsctl.segmenting.backends`, jieba's frequencies for user words in
:mod:`newsctl.segmenting.jiebafreqs` and jieba's POS HMM in :mod:`newsctl.segmenting.jiebapos`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Any

from newsctl.errors import DependencyError
from newsctl.segmenting.backends import (
    RE_JIEBA_SKIP,
    Dag,
    Mode,
    Span,
    full_spans,
    search_spans,
    sequential_spans,
)
from newsctl.segmenting.jiebafreqs import JiebaFreqs
from newsctl.segmenting.jiebapos import pos_detail, posseg_model
from newsctl.segmenting.wordends import Ends, word_ends
from newsctl.text import regexcache

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.segmenting.userdict import UserWord

# --------------------------------------------------------------------------------------- rjieba

# Characters jieba-rs segments as Chinese but jieba 0.42 leaves out of its blocks (CJK extension
# blocks, compatibility ideographs, U+9FD6-U+9FFF); jieba emits each as a token of its own.
_RJIEBA_ONLY = (
    "\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U0002f800-\U0002fa1f"
)
_RE_RJIEBA_ONLY = regexcache.compile(f"([{_RJIEBA_ONLY}])")
# jieba-rs's HMM keeps "2025-03-02", "www.example.com", "1.2.3", "abc_def" whole; jieba's HMM
# (finalseg) cuts what is not Chinese with _RE_HMM_SKIP, which keeps only "3.5" or "50%".
_RE_HMM_SKIP = regexcache.compile("([a-zA-Z0-9]+(?:\\.\\d+)?%?)")
# Text where rjieba's plain cut may not be jieba's: the characters above, or ASCII that rjieba's
# HMM joins and jieba's does not (a fuzz test checks the pattern misses none).  Most lines have
# neither and take the fast path: one search, one call into rjieba.
_JOINED = "[a-zA-Z0-9][-_][a-zA-Z0-9]|\\.[a-zA-Z]|\\.[0-9]+(?:\\.[a-zA-Z0-9]|[a-zA-Z])"
_RE_JOINED = regexcache.compile(_JOINED)
# Finds the lines holding f"[{_RJIEBA_ONLY}]|{_JOINED}", written as one character class first
# and then the rest of the branch that character starts (a lookbehind tells which): a pattern
# that starts with a class is scanned for in a tight C loop, and this one is searched through
# every text (8x faster).  The class holds the rare characters (the separators, not the letters
# and digits before them: a match of "a-b" starts at "-"), which halves the scan on web pages.
_RE_RJIEBA_CAREFUL = regexcache.compile(
    f"[{_RJIEBA_ONLY}\\-_.]"
    f"(?:(?<=[{_RJIEBA_ONLY}])"
    "|(?<=[a-zA-Z0-9][-_])[a-zA-Z0-9]"
    "|(?<=\\.)(?:[a-zA-Z]|[0-9]+(?:\\.[a-zA-Z0-9]|[a-zA-Z])))"
)
_RE_CHINESE = regexcache.compile("[\u4e00-\u9fd5]+")
# Longest dictionary word with a character other than U+4E00-U+9FD5 (in jieba 0.42: 江南style,
# 7; a test checks the bound): full mode looks such words up one by one.
_MIXED_WORD_MAX = 8
# A dictionary entry no text can match (NUL never is in a block): it carries the frequency that
# jieba adds to its total when a user word replaces a dictionary word and jieba-rs does not.
_TOTAL_PAD = "\x00newsctl-total\x00"

# jieba.posseg's patterns (jieba/posseg/__init__.py, 0.42.1).
_RE_POS_BLOCK = regexcache.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._]+)")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _import_rjieba() -> Any:
    try:
        import rjieba  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError as exc:
        raise DependencyError(
            "the rjieba backend needs rjieba: pip install 'newsctl[fast]'"
        ) from exc
    return rjieba


class RjiebaSegmenter:
    """jieba-rs through rjieba (``pip install 'newsctl[fast]'``), giving jieba's results.

    jieba-rs carries jieba's dictionary and HMM, and without the HMM its precise cut is jieba's
    to the token.  Elsewhere it differs, and this class makes up the difference (each point is
    covered by ``tests/test_backends.py``):

    * HMM: jieba-rs keeps ``2025-03-02`` or ``www.example.com`` whole where jieba cuts
      ``2025 - 03 - 02``; such tokens are cut again with jieba's pattern.  Characters jieba does
      not segment (CJK extensions, U+9FD6-U+9FFF) are cut out of the text first, one token each.
    * Full mode: jieba-rs lists every character; jieba's walk (:func:`full_spans`) runs over a
      word graph built from rjieba's ``cut_all`` and ``has_word``.
    * Search mode: :func:`search_spans` over the precise words, as jieba does it.
    * POS: jieba-rs tags the words of its plain cut; jieba's tagger cuts unknown runs with its own
      POS HMM, so its boundaries differ.  ``cut_pos`` is jieba.posseg's algorithm over
      rjieba's dictionary route and tags, with jieba's POS HMM (tables read from the jieba
      package, which newsctl requires anyway) for the runs of characters the dictionary lacks.
    * User words go in through ``add_word`` with jieba's bookkeeping: a missing frequency is
      suggested as jieba suggests it, jieba's running total is kept, a word's tag always wins.

    Known gaps, both rare: when two HMM cuts of a run of unknown characters are exactly equally
    likely (a repeated character: 國國國國), jieba-rs breaks the tie its own way; and around a
    dictionary word that a user dictionary gives frequency 0 ("never join") a line can still
    differ, since jieba-rs cannot remove a word, only keep it with frequency 0.
    Texts are cut in one call; only the lines that need mending take a slower way.
    """

    name = "rjieba"

    def __init__(self, words: Sequence[UserWord] = ()) -> None:
        rjieba = _import_rjieba()
        self._user_tags: dict[str, str] = {}
        self._zero: set[str] = set()  # user words with frequency 0: never joined
        self._mixed_max = _MIXED_WORD_MAX
        if words:
            self._jieba = rjieba.Jieba()
            self._add_words(words)
        else:
            # Importing rjieba builds a default instance (0.3 s); only read here, it is shared
            # rather than loaded twice.
            self._jieba = getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba()
        self._has_word: Callable[[str], bool] = self._jieba.has_word

    # -- the protocol

    def cut(self, text: str, mode: Mode, hmm: bool) -> list[str]:
        if mode == "precise":
            return self._precise(text, hmm)
        if mode == "search":
            return [word for word, _, _ in search_spans(self._precise(text, hmm), self._is_word)]
        return [word for word, _, _ in full_spans(text, self._dag)]

    def tokenize(self, text: str, mode: Mode, hmm: bool) -> list[Span]:
        if mode == "precise":
            return sequential_spans(text, self._precise(text, hmm))
        if mode == "search":
            return search_spans(self._precise(text, hmm), self._is_word)
        return list(full_spans(text, self._dag))

    def cut_pos(self, text: str, hmm: bool) -> list[tuple[str, str]]:
        if hmm:
            posseg_model()  # load it now (get_segmenter readies the tagger with an empty text)
        tagged: list[tuple[str, str]] = []
        for block in _RE_POS_BLOCK.split(text):
            if not block:
                continue
            if _RE_POS_BLOCK.match(block):
                tagged += self._pos_block(block, hmm)
                continue
            for piece in RE_JIEBA_SKIP.split(block):  # jieba.posseg tags all of these "x"
                if RE_JIEBA_SKIP.match(piece):
                    tagged.append((piece, "x"))
                else:
                    tagged += [(char, "x") for char in piece]
        return tagged

    # -- precise mode

    def _is_word(self, word: str) -> bool:
        """jieba's ``FREQ.get(word)``: a dictionary word with a frequency above 0."""
        return self._has_word(word) and word not in self._zero

    def _precise(self, text: str, hmm: bool) -> list[str]:
        return self.precise_ends(text, hmm)[0]

    def precise_ends(self, text: str, hmm: bool) -> tuple[list[str], Ends | None]:
        """Precise words of ``text`` (jieba's) and, when they had to be counted, their ends
        (running sums of their lengths: the words tile ``text``); None when not counted.

        The lines to mend are found in the text, and their words by bisecting the ends: walking
        every line's newline token to reach them cost a third of rjieba's own cut on web pages
        (a few mended lines among thousands).  Callers that project or join numbers need the
        ends anyway.
        """
        if self._zero:
            return self._precise_line(text, hmm), None
        words: list[str] = self._jieba.cut(text, hmm)
        search = _RE_RJIEBA_CAREFUL.search
        found = search(text)
        if found is None:
            return words, None  # the fast path: most texts, and most lines of the others
        if "\n" not in text:
            return self._mend(text, words, hmm), None
        ends = word_ends(words)
        # Many lines: mend the words of each line that needs it.  A line starts and ends on a
        # word boundary (jieba-rs cuts its newline, or CR LF, as a word of its own), so
        # bisecting the ends finds its words.
        out: list[str] = []
        out_ends = ends[:0]   # a list or an array, as ends is
        kept = 0  # words[:kept] are settled in out
        while found is not None:
            first = text.rfind("\n", 0, found.start()) + 1
            newline = text.find("\n", found.end())
            after = len(text) if newline < 0 else newline + 1
            token = bisect.bisect_right(ends, first)
            end = bisect.bisect_right(ends, after)
            if (token and ends[token - 1] != first) or ends[end - 1] != after:
                return self._precise_line(text, hmm), None  # pragma: no cover - defensive
            out += words[kept:token]
            out_ends += ends[kept:token]
            mended = self._mend(text[first:after], words[token:end], hmm)
            out += mended
            out_ends.extend(islice(accumulate(map(len, mended), initial=first), 1, None))
            kept = end
            found = search(text, after)
        out += words[kept:]
        out_ends += ends[kept:]
        return out, out_ends

    def _mend(self, line: str, words: list[str], hmm: bool) -> list[str]:
        """jieba's tokens for ``line`` (no newline inside), given rjieba's ``words`` for it."""
        if _RE_RJIEBA_ONLY.search(line) is not None:
            return self._precise_line(line, hmm)  # other tokens throughout: cut it again
        return self._as_jieba_hmm(words) if hmm else words

    def _precise_line(self, text: str, hmm: bool) -> list[str]:
        """The slow way: characters jieba leaves out of its blocks cut out first, then mended."""
        if _RE_RJIEBA_ONLY.search(text) is None:
            return self._cut(text, hmm)
        words: list[str] = []
        for i, piece in enumerate(_RE_RJIEBA_ONLY.split(text)):
            if i % 2:
                words.append(piece)
            elif piece:
                words += self._cut(piece, hmm)
        return words

    def _cut(self, text: str, hmm: bool) -> list[str]:
        words: list[str] = self._jieba.cut(text, hmm)
        if hmm and (self._zero or _RE_JOINED.search(text) is not None):
            return self._as_jieba_hmm(words)
        return words

    def _as_jieba_hmm(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for word in words:
            if len(word) > 1:
                if word.isascii():
                    if not word.isalnum() and not self._is_word(word):
                        out += [piece for piece in _RE_HMM_SKIP.split(word) if piece]
                        continue
                elif word in self._zero and _RE_CHINESE.fullmatch(word):
                    out += word  # jieba's HMM splits a "never join" word into characters
                    continue
            out.append(word)
        return out

    # -- full mode

    def _dag(self, block: str) -> Dag:
        """jieba's ``get_DAG(block)``: every dictionary word, as start → inclusive ends."""
        is_word = self._is_word
        found: dict[int, list[int]] = {}
        # Words of Chinese characters only: cut_all lists them by start, then by length.
        for match in _RE_CHINESE.finditer(block):
            run, offset = match.group(), match.start()
            start, length = -1, 0
            for word in self._jieba.cut_all(run):
                if not (start >= 0 and len(word) > length and run.startswith(word, start)):
                    start = run.find(word, start + 1)
                length = len(word)
                if word not in self._zero:
                    found.setdefault(offset + start, []).append(offset + start + length - 1)
        # Words with other characters (T恤, AT&T, C++, user words): looked up one by one.
        if not _RE_CHINESE.fullmatch(block):
            limit = self._mixed_max
            other = [i for i, char in enumerate(block) if not "\u4e00" <= char <= "\u9fd5"]
            size = len(block)
            for start in range(max(0, other[0] - limit + 1), other[-1] + 1):
                first = other[bisect.bisect_left(other, start)]  # first other char from start
                for end in range(first + 1, min(size, start + limit) + 1):
                    if is_word(block[start:end]):
                        found.setdefault(start, []).append(end - 1)
        dag: Dag = {}
        for k in range(len(block)):
            ends = found.get(k)
            dag[k] = sorted(set(ends)) if ends else [k]
        return dag

    # -- POS: jieba.posseg's cut over rjieba's dictionary route

    def _pos_block(self, block: str, hmm: bool) -> list[tuple[str, str]]:
        # The route: rjieba's cut without HMM, whose only change to jieba's route is to join
        # single ASCII letters/digits; such a join (not itself a word) is taken apart again.
        steps: list[tuple[str, str | None]] = []
        for word, tag in self._jieba.tag(block, False):
            if len(word) > 1 and word[0] in _ASCII_ALNUM and not self._is_word(word):
                if all(char in _ASCII_ALNUM for char in word):
                    steps += [(char, None) for char in word]
                    continue
            steps.append((word, tag))
        out: list[tuple[str, str]] = []
        user_tags = self._user_tags
        if not hmm:  # posseg.__cut_DAG_NO_HMM
            run = ""
            for word, tag in steps:
                if len(word) == 1 and word in _ASCII_ALNUM:
                    run += word
                    continue
                if run:
                    out.append((run, "eng"))
                    run = ""
                out.append((word, self._tag(word, tag)))
            if run:
                out.append((run, "eng"))
            return out
        buffer: list[tuple[str, str | None]] = []  # posseg.__cut_DAG
        for word, tag in steps:
            if len(word) == 1:
                buffer.append((word, tag))
                continue
            if buffer:
                self._pos_flush(buffer, out)
                buffer = []
            out.append((word, user_tags.get(word) or tag or "x"))
        if buffer:
            self._pos_flush(buffer, out)
        return out

    def _pos_flush(self, buffer: list[tuple[str, str | None]], out: list[tuple[str, str]]) -> None:
        """A run of single-character route steps: one word, the POS HMM's words, or characters."""
        if len(buffer) > 1:
            run = "".join(char for char, _ in buffer)
            if not self._is_word(run):
                out += pos_detail(run)
                return
        out += [(char, self._tag(char, tag)) for char, tag in buffer]

    def _tag(self, word: str, tag: str | None) -> str:
        """jieba's ``word_tag_tab.get(word, "x")``: user tag, else dictionary tag, else "x"."""
        user = self._user_tags.get(word)
        if user:
            return user
        if len(word) > 1 and tag is not None:
            return tag or "x"  # a multi-character route step is a dictionary word
        if not self._has_word(word):
            return "x"  # rjieba would guess a tag for a word it does not know
        if tag is None:
            tag = self._jieba.tag(word, False)[0][1]
        return tag or "x"

    # -- user words

    def _add_words(self, words: Sequence[UserWord]) -> None:
        """``jieba.Tokenizer.add_word`` for each entry, jieba's bookkeeping included."""
        jieba = self._jieba
        held: dict[str, int] = {}  # user words jieba-rs holds, with the frequency it holds
        freqs = JiebaFreqs(jieba)
        gap = 0  # jieba's total minus jieba-rs's total
        for word, freq, tag in words:
            if not word:
                continue
            if freq is None:
                freq = freqs.suggest(word)
            if word in held:
                old: int | None = held[word]
            elif jieba.has_word(word):
                old = freqs.builtin(word)
            else:
                old = None
            # jieba adds every frequency to its total; jieba-rs first takes the old one off.
            # A new word of frequency 0 stays out of both dictionaries' word graphs.
            if freq or old is not None:
                jieba.add_word(word, freq, tag or None)
                held[word] = freq
                if old:
                    gap += old
                    jieba.add_word(_TOTAL_PAD, gap, None)
            freqs.added(word, freq)
            if tag:
                self._user_tags[word] = tag
            if freq:
                self._zero.discard(word)
            else:
                self._zero.add(word)
            if not _RE_CHINESE.fullmatch(word):
                self._mixed_max = max(self._mixed_max, len(word))
