"""Word-level precision, recall and F1 against a hand-segmented gold set, as SIGHAN scores them.

A word counts as correct when the test segmentation has a word with exactly the same character
span (start and end) in the same sentence.  Whitespace is not part of any word: a gold line is
its words separated by spaces, and a test segmentation is a list of words per line.
(Moved here from ``newsctl.segmenting.score``: the installed package holds no evaluation code.)

>>> s = score_segmentation([["中华", "人民"]], [["中华人民"]])
>>> (s.correct, s.gold_words, s.test_words)
(0, 2, 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing only: jieba loads when a segmenter is first scored
    from newsctl.jobs.segment import SegmentOptions

__all__ = ["Score", "read_gold", "score_segmentation", "score_segmenter", "word_spans"]


@dataclass(frozen=True)
class Score:
    """Counts and the three ratios; ratios are 0.0 when their denominator is 0."""

    gold_words: int
    test_words: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.test_words if self.test_words else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_words if self.gold_words else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f}"


def read_gold(path: str) -> list[list[str]]:
    """Read a gold file: one sentence a line, words separated by whitespace; blank lines skipped."""
    with open(path, encoding="utf-8-sig") as handle:
        return [line.split() for line in handle.read().split("\n") if line.strip()]


def word_spans(words: Iterable[str]) -> set[tuple[int, int]]:
    """The ``(start, end)`` character span of each word in the concatenation of ``words``."""
    spans = set()
    start = 0
    for word in words:
        end = start + len(word)
        spans.add((start, end))
        start = end
    return spans


def score_segmentation(gold: Sequence[Sequence[str]], test: Sequence[Sequence[str]]) -> Score:
    """Score ``test`` against ``gold``, sentence by sentence.

    Raises ValueError when the two disagree on the number of sentences or on a sentence's text.
    """
    if len(gold) != len(test):
        raise ValueError(f"gold has {len(gold)} sentences, test has {len(test)}")
    gold_total = test_total = correct = 0
    for number, (gold_words, test_words) in enumerate(zip(gold, test), 1):
        gold_words = [w for w in gold_words if w.strip()]
        test_words = [w for w in test_words if w.strip()]
        if "".join(gold_words) != "".join(test_words):
            raise ValueError(f"sentence {number}: test text differs from gold text")
        gold_spans, test_spans = word_spans(gold_words), word_spans(test_words)
        gold_total += len(gold_spans)
        test_total += len(test_spans)
        correct += len(gold_spans & test_spans)
    return Score(gold_total, test_total, correct)


def score_segmenter(gold: Sequence[Sequence[str]], options: SegmentOptions | None = None) -> Score:
    """Segment the gold's text (each line's words joined) with ``options`` (the defaults when
    None) and score the words against the gold."""
    from newsctl.jobs.segment import SegmentOptions, segment_text

    text = "\n".join("".join(words) for words in gold)
    test = [[token.word for token in line] for line in segment_text(text, options or SegmentOptions())]
    return score_segmentation(gold, test)
