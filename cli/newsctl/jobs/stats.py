"""Per-document and corpus statistics of Chinese text.

Character classes partition the text exactly: ``chars == cjk + latin + digits + punctuation +
whitespace + other`` (a property the tests check), so every number a reporter quotes adds up.
"""

from __future__ import annotations

import functools
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsctl.text import regexcache
from newsctl.text.script import script_summary

# Sentence ends: a run of terminators, then any closing quotes or brackets.  An ellipsis ends a
# sentence only at the end of a line or before a closing quote (mid-sentence it is a pause):
#     [。！？!?｡]+[”’」』）)\]】》〉"']*  |  (?:…{1,2}|\.{3,6})(?:[”’」』）)"']+|(?=\s*$))
# written below as one character class first, then the rest of whichever branch that character
# starts (a lookbehind tells which): a pattern that starts with a class is scanned for in a tight
# C loop, six times faster than trying both branches at every character of the text.
_TERMINATOR = "[。！？!?｡]"
_ELLIPSIS_END = r"""(?:[”’」』）)"']+|(?=\s*$))"""
_SENTENCE_END = regexcache.compile(
    r"[。！？!?｡….]"
    rf"(?:(?<={_TERMINATOR}){_TERMINATOR}*[”’」』）)\]】》〉\"']*"
    rf"|(?<=…)…?{_ELLIPSIS_END}"
    rf"|(?<=\.)\.{{2,5}}{_ELLIPSIS_END})",
    re.MULTILINE,
)
_WORDISH = regexcache.compile(r"[^\W_]", re.UNICODE)  # a letter, digit or ideograph
# Runs of the characters :func:`is_cjk` accepts (the same ranges): cut out in one C-level pass,
# so that only the rest of a text (a sixth of a Chinese news text) is counted per character.
_CJK_RUN = regexcache.compile(
    "[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U000323af\uf900-\ufaff\U0002f800-\U0002fa1f\u3007]+"
)

COUNT_FIELDS = ("chars", "cjk", "latin", "digits", "punctuation", "whitespace", "other")
SUMMARY_FIELDS = ("chars", "cjk", "sentences", "words")


def is_cjk(char: str) -> bool:
    """A CJK ideograph: unified (all extensions), compatibility ideographs, or 〇."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x323AF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
        or code == 0x3007
    )


def _is_latin_letter(char: str) -> bool:
    code = ord(char)
    if code < 0x250:  # Basic Latin up to IPA: letters only
        return char.isalpha()
    return (0xFF21 <= code <= 0xFF3A) or (0xFF41 <= code <= 0xFF5A) or (
        0x1E00 <= code <= 0x1EFF
    )


@dataclass(frozen=True)
class TextStats:
    """Statistics of one document (see ``newsctl stats --help`` for the definitions)."""

    bytes: int
    encoding: str | None
    chars: int
    cjk: int
    latin: int
    digits: int
    punctuation: int
    whitespace: int
    other: int
    lines: int
    paragraphs: int
    sentences: int
    words: int | None
    unique_words: int | None
    avg_sentence_chars: float
    script: str
    traditional_share: float

    def as_dict(self) -> dict[str, Any]:
        # the fields in order, as dataclasses.asdict gives them (which deep-copies every value
        # through a recursive walk: a tenth of a stats run over segmented records)
        return dict(vars(self))


@functools.cache
def char_class(char: str) -> str:
    """The class of one character: cjk, whitespace, digits, latin, punctuation or other
    (remembered: a corpus has a few thousand distinct characters)."""
    if is_cjk(char):
        return "cjk"
    if char.isspace() or char in "\u200b\ufeff":
        return "whitespace"
    if char.isdigit():
        return "digits"
    if _is_latin_letter(char):
        return "latin"
    if unicodedata.category(char).startswith("P"):
        return "punctuation"
    return "other"


def char_classes(text: str) -> dict[str, int]:
    """Count every character of ``text`` into exactly one class.

    Ideographs are counted by cutting them out (one regex pass); every other distinct character
    is classified once (a news text has a few hundred of them): the counting runs in C.
    """
    result = dict.fromkeys(COUNT_FIELDS[1:], 0)
    rest = _CJK_RUN.sub("", text)
    classify = char_class
    for char, count in Counter(rest).items():
        result[classify(char)] += count
    result["cjk"] = len(text) - len(rest)
    result["chars"] = len(text)
    return result


def count_sentences(text: str) -> int:
    """Sentences: terminator runs (。！？!? and a final …), plus unterminated text on a line."""
    total = 0
    for line in text.split("\n"):
        if not _WORDISH.search(line):
            continue
        ends = list(_SENTENCE_END.finditer(line))
        total += len(ends)
        tail = line[ends[-1].end():] if ends else line
        if _WORDISH.search(tail):  # a heading or a paragraph without final punctuation
            total += 1
    return total


def is_word(token: str) -> bool:
    """A token that counts as a word: it has a letter, digit or ideograph."""
    return bool(_WORDISH.search(token))


# Every distinct token judged so far, by verdict: a document's tokens are then sorted out with
# set operations in C, and only the tokens new to this process are judged one by one (a corpus
# repeats its vocabulary: 18,000 distinct tokens in 5 million on 40 MB of news).  Forgotten
# when they grow past _MAX_KNOWN tokens, so memory stays bounded.
_WORDS: set[str] = set()
_NOT_WORDS: set[object] = set()
_MAX_KNOWN = 1 << 18


def count_words(tokens: Sequence[object]) -> tuple[int, int]:
    """``(words, unique words)`` among ``tokens``: those that are words (:func:`is_word`);
    an item that is not a string is not a word."""
    distinct = set(tokens)
    # binary minus walks the small set and looks into the large one (set.difference with
    # several arguments walks every known token instead)
    unknown = distinct - _WORDS - _NOT_WORDS
    if len(_WORDS) + len(_NOT_WORDS) + len(unknown) > _MAX_KNOWN:
        _WORDS.clear()
        _NOT_WORDS.clear()
        unknown = distinct
    for token in unknown:
        if isinstance(token, str) and is_word(token):
            _WORDS.add(token)
        else:
            _NOT_WORDS.add(token)
    not_words = distinct & _NOT_WORDS
    if not not_words:
        return len(tokens), len(distinct)
    return (len(tokens) - len(list(filter(not_words.__contains__, tokens))),
            len(distinct) - len(not_words))


def document_stats(
    text: str, encoding: str | None = None, nbytes: int | None = None,
    tokens: Iterable[str] | None = None,
) -> TextStats:
    """Statistics of one text; ``tokens`` (from the segmenter) give words, None skips them."""
    classes = char_classes(text)
    lines = text.count("\n") + (1 if text and not text.endswith("\n") else 0)
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    sentences = count_sentences(text)
    words = unique = None
    if tokens is not None:
        words, unique = count_words(tokens if isinstance(tokens, Sequence) else list(tokens))
    label, share = script_summary(text)
    visible = classes["chars"] - classes["whitespace"]
    return TextStats(
        bytes=nbytes if nbytes is not None else len(text.encode("utf-8")),
        encoding=encoding,
        **{name: classes[name] for name in COUNT_FIELDS},
        lines=lines,
        paragraphs=paragraphs,
        sentences=sentences,
        words=words,
        unique_words=unique,
        avg_sentence_chars=round(visible / sentences, 2) if sentences else 0.0,
        script=label,
        traditional_share=round(share, 4),
    )


@dataclass
class CorpusSummary:
    """Totals and distributions over all documents (built incrementally: no texts kept)."""

    documents: int = 0
    totals: Counter[str] = field(default_factory=Counter)
    values: dict[str, list[int]] = field(default_factory=lambda: {k: [] for k in SUMMARY_FIELDS})
    scripts: Counter[str] = field(default_factory=Counter)

    def add(self, stats: Mapping[str, Any]) -> None:
        self.documents += 1
        for name, value in stats.items():
            # Unique words do not add up across documents; every other count does.
            if isinstance(value, int) and not isinstance(value, bool) and name != "unique_words":
                self.totals[name] += value
        for name in SUMMARY_FIELDS:
            value = stats.get(name)
            if isinstance(value, int):
                self.values[name].append(value)
        self.scripts[str(stats.get("script"))] += 1

    def as_dict(self) -> dict[str, Any]:
        distribution = {}
        for name, values in self.values.items():
            if not values:
                continue
            distribution[name] = {
                "mean": round(statistics.fmean(values), 2),
                "median": statistics.median(values),
                "min": min(values),
                "max": max(values),
            }
        return {
            "documents": self.documents,
            "totals": dict(sorted(self.totals.items())),
            "distribution": distribution,
            "scripts": dict(self.scripts.most_common()),
        }

    def histogram(self, field_name: str = "chars", bins: int = 8) -> list[tuple[int, int, int]]:
        """(low, high, count) bins of a field's values, equal width, for the length histogram."""
        values = self.values.get(field_name) or []
        if not values:
            return []
        low, high = min(values), max(values)
        width = max(1, -(-(high - low + 1) // bins))
        counts = Counter((value - low) // width for value in values)
        return [(low + i * width, low + (i + 1) * width - 1, counts.get(i, 0)) for i in range(bins)
                if low + i * width <= high]


def summarize(rows: Sequence[Mapping[str, Any]]) -> CorpusSummary:
    """A summary of per-document stats rows."""
    summary = CorpusSummary()
    for row in rows:
        summary.add(row)
    return summary
