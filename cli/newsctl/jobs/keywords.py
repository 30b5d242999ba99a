"""Keywords: count given words across scripts, or rank the top terms (count, TF-IDF, TextRank).

Terms are keyed by their Simplified form (OpenCC t2s), so 經濟 and 经济 are one term, and shown
in the form the input used most.  Traditional text is segmented (and POS-tagged) through its
Simplified projection (see :mod:`newsctl.jobs.segment`), so TF-IDF and TextRank work on it at the speed
they do on Simplified text.  Per-document work produces a mergeable :class:`TermCounts`; ranking
happens once over the merged counts, so a folder is processed in parallel and nothing but counts
is shipped back from workers.
"""

from __future__ import annotations

import functools
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from newsctl.errors import DependencyError, UsageError
from newsctl.io.userfiles import read_user_text
from newsctl.jobs.converters import convert_text
from newsctl.text import regexcache

Method = Literal["count", "tfidf", "textrank"]
IdfSource = Literal["jieba", "corpus"]
METHODS: tuple[Method, ...] = ("count", "tfidf", "textrank")

# jieba.analyse's TextRank defaults: these parts of speech, a window of 5 tokens, d = 0.85.
TEXTRANK_POS = ("ns", "n", "vn", "v")
TEXTRANK_WINDOW = 5
TEXTRANK_DAMPING = 0.85
TEXTRANK_ITERATIONS = 10

# Numbers (with separators, units of time or percent) are never keywords: "2025年", "3.5%", "十二".
_NUMBER = regexcache.compile(
    r"[\d０-９.,，．%％‰\-+]+(?:[年月日号號时時分秒点點]|万|萬|亿|億)?|[〇零一二三四五六七八九十百千万萬亿億两兩]+"
)
_HAS_WORD_CHAR = regexcache.compile(r"[^\W_]")


@dataclass(frozen=True)
class KeywordOptions:
    """How terms are chosen and ranked (one object, handed to every worker)."""

    method: Method = "count"
    top: int = 20
    min_len: int = 2
    pos: tuple[str, ...] = ()  # part-of-speech prefixes to keep ("n" keeps n, nr, ns, …)
    use_stopwords: bool = True
    stopword_files: tuple[str, ...] = ()
    idf: IdfSource = "jieba"

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise UsageError(f"unknown method {self.method!r}; choose from {', '.join(METHODS)}")
        if self.top < 1:
            raise UsageError("--top must be at least 1")
        if self.min_len < 1:
            raise UsageError("--min-len must be at least 1")

    @property
    def wanted_pos(self) -> tuple[str, ...]:
        """POS filter in effect: the user's, else TextRank's default for textrank."""
        if self.pos:
            return self.pos
        return TEXTRANK_POS if self.method == "textrank" else ()

    @property
    def needs_pos(self) -> bool:
        return bool(self.wanted_pos)


@dataclass(frozen=True)
class Keyword:
    """One ranked term: as the input wrote it most often, its count, and its weight."""

    word: str
    count: int
    weight: float

    def as_dict(self) -> dict[str, object]:
        return {"word": self.word, "count": self.count, "weight": round(self.weight, 6)}


@dataclass
class TermCounts:
    """What one document (or a merged set) contributes to ranking: counts, forms, co-occurrences."""

    counts: Counter[str] = field(default_factory=Counter)
    forms: dict[str, Counter[str]] = field(default_factory=dict)  # plain dict: must pickle
    edges: Counter[tuple[str, str]] = field(default_factory=Counter)
    documents: int = 0
    doc_freq: Counter[str] = field(default_factory=Counter)

    def merge(self, other: TermCounts) -> None:
        self.counts.update(other.counts)
        for key, forms in other.forms.items():
            self.forms.setdefault(key, Counter()).update(forms)
        self.edges.update(other.edges)
        # One document's frequencies are its terms: derived here rather than shipped twice.
        self.doc_freq.update(other.doc_freq if other.documents > 1 else other.counts.keys())
        self.documents += other.documents

    def surface(self, key: str) -> str:
        """The form the input wrote most; ``forms`` records only forms that differ from the key."""
        forms = self.forms.get(key)
        if not forms:
            return key
        as_key = self.counts[key] - sum(forms.values())
        form, count = forms.most_common(1)[0]
        return form if count > as_key else key


# --- stop words ---------------------------------------------------------------------------------


@functools.cache
def builtin_stopwords() -> frozenset[str]:
    """The shipped stop words (``data/stopwords.txt``), keyed by their Simplified form."""
    text = resources.files("newsctl").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(_simplified_keys(_split_words(_word_lines(text))))


def _split_words(lines: Iterable[str]) -> list[str]:
    """Stop-word files may list several words on a line, separated by spaces."""
    return [word for line in lines for word in line.split()]


def read_word_list(path: str) -> list[str]:
    """Words from a user file: one per line, ``#`` comments, BOM and CRLF tolerated."""
    return _word_lines(read_user_text(path, "word list"))


def _word_lines(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def _simplified_keys(words: Iterable[str]) -> list[str]:
    words = list(words)
    if not words:
        return []
    return convert_text("\n".join(words), "t2s").split("\n")


@functools.cache
def stopwords_for(options: KeywordOptions) -> frozenset[str]:
    """Stop words in effect for ``options`` (built-in unless disabled, plus user files)."""
    words: set[str] = set(builtin_stopwords()) if options.use_stopwords else set()
    for path in options.stopword_files:
        words.update(_simplified_keys(_split_words(read_word_list(path))))
    return frozenset(words)


# --- per-document terms -------------------------------------------------------------------------


def is_candidate(word: str, options: KeywordOptions) -> bool:
    """Whitespace, punctuation, bare numbers and (by default) single characters are never terms."""
    if len(word) < options.min_len or not _HAS_WORD_CHAR.search(word):
        return False
    return not _NUMBER.fullmatch(word)


def document_terms(
    lines: Sequence[Sequence[tuple[str, str | None]]], options: KeywordOptions
) -> TermCounts:
    """Count the candidate terms of one document, given its (word, pos) tokens line by line."""
    stop = stopwords_for(options)
    wanted = options.wanted_pos
    result = TermCounts(documents=1)
    keys_cache: dict[str, str] = {}
    flat: list[str | None] = []  # per token: its key if it is a candidate, else None
    for line in lines:
        words = [word for word, _ in line]
        missing = [w for w in words if w not in keys_cache]
        if missing:
            for word, key in zip(missing, _simplified_keys(missing)):
                keys_cache[word] = key
        for word, tag in line:
            key = keys_cache[word]
            keep = (
                is_candidate(word, options)
                and key not in stop
                and (not wanted or (tag is not None and tag.startswith(wanted)))
            )
            if keep:
                result.counts[key] += 1
                if word != key:  # Simplified text (the common case) records no forms at all
                    result.forms.setdefault(key, Counter())[word] += 1
            flat.append(key if keep else None)
        flat.append(None)  # co-occurrence windows do not cross lines
    if options.method == "textrank":
        result.edges = _cooccurrences(flat)
    return result


def _cooccurrences(keys: Sequence[str | None]) -> Counter[tuple[str, str]]:
    edges: Counter[tuple[str, str]] = Counter()
    for i, key in enumerate(keys):
        if key is None:
            continue
        for other in keys[i + 1 : i + TEXTRANK_WINDOW]:
            if other is None:
                continue
            if other != key:
                edges[(key, other) if key < other else (other, key)] += 1
    return edges


# --- ranking ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (shipped with jieba) and its median, for unknown words."""
    import importlib.util

    # The table ships inside jieba; find the file without importing jieba.analyse, whose import
    # also loads jieba.posseg (about 1.3 s).
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise DependencyError("jieba is not installed: pip install jieba")
    path = os.path.join(list(spec.submodule_search_locations)[0], "analyse", "idf.txt")
    table: dict[str, float] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.strip().partition(" ")
            if value:
                table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def rank(terms: TermCounts, options: KeywordOptions, corpus: TermCounts | None = None) -> list[Keyword]:
    """The top ``options.top`` terms of ``terms`` by the chosen method.

    ``corpus`` gives document frequencies for ``--idf corpus`` (defaults to ``terms`` itself).
    """
    if not terms.counts:
        return []
    if options.method == "count":
        total = sum(terms.counts.values())
        scored = {key: count / total for key, count in terms.counts.items()}
    elif options.method == "tfidf":
        scored = _tfidf(terms, options, corpus or terms)
    else:
        scored = _textrank(terms)
    ordered = sorted(scored.items(), key=lambda item: (-item[1], -terms.counts[item[0]], item[0]))
    return [
        Keyword(terms.surface(key), terms.counts[key], weight)
        for key, weight in ordered[: options.top]
    ]


def _tfidf(terms: TermCounts, options: KeywordOptions, corpus: TermCounts) -> dict[str, float]:
    total = sum(terms.counts.values())
    if options.idf == "corpus":
        n = max(corpus.documents, 1)
        doc_freq = corpus.doc_freq if corpus.documents > 1 else Counter(corpus.counts.keys())
        # Smoothed IDF: a term in every document still weighs 1, never 0.
        return {
            key: count / total * (math.log((1 + n) / (1 + doc_freq.get(key, 0))) + 1)
            for key, count in terms.counts.items()
        }
    table, median = jieba_idf()
    return {key: count / total * table.get(key, median) for key, count in terms.counts.items()}


def _textrank(terms: TermCounts) -> dict[str, float]:
    """Weighted PageRank over the co-occurrence graph (as jieba.analyse.TextRank computes it)."""
    neighbours: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (a, b), weight in terms.edges.items():
        neighbours[a].append((b, weight))
        neighbours[b].append((a, weight))
    if not neighbours:  # no co-occurrences (one-term texts): fall back to counts
        total = sum(terms.counts.values())
        return {key: count / total for key, count in terms.counts.items()}
    out_weight = {node: sum(w for _, w in edges) for node, edges in neighbours.items()}
    start = 1.0 / len(neighbours)
    score = dict.fromkeys(neighbours, start)
    for _ in range(TEXTRANK_ITERATIONS):
        score = {
            node: (1 - TEXTRANK_DAMPING)
            + TEXTRANK_DAMPING * sum(w / out_weight[other] * score[other] for other, w in edges)
            for node, edges in sorted(neighbours.items())
        }
    # Scale to (0, 1] as jieba does, so weights read the same across documents.
    low, high = min(score.values()), max(score.values())
    denominator = high - low / 10.0
    if denominator <= 0:
        return score
    return {node: (value - low / 10.0) / denominator for node, value in score.items()}


# --- counting given keywords --------------------------------------------------------------------


@dataclass(frozen=True)
class KeywordQuery:
    """The words a user asked to count, with the key each is matched by (its Simplified form)."""

    words: tuple[str, ...]
    keys: tuple[str, ...]

    @classmethod
    def build(cls, words: Iterable[str]) -> KeywordQuery:
        unique = list(dict.fromkeys(word.strip() for word in words if word.strip()))
        if not unique:
            raise UsageError("no keywords given")
        return cls(tuple(unique), tuple(_simplified_keys(unique)))


def count_keywords(text: str, query: KeywordQuery) -> dict[str, int]:
    """Non-overlapping occurrences of each query word in ``text``, across scripts (like grep -o).

    Text and query are both compared in their Simplified form, so 装备 counts 裝備 and 裝備
    counts 装备; a word is reported under the form the user typed.
    """
    simplified = convert_text(text, "t2s")
    return {word: simplified.count(key) if key else 0 for word, key in zip(query.words, query.keys)}


def merge_counts(totals: dict[str, int], counts: Mapping[str, int]) -> None:
    for word, count in counts.items():
        totals[word] = totals.get(word, 0) + count
