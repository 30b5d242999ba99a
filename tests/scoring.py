"""Score the cleaner against hand-labelled pages: body-paragraph F1, titles, metadata fields.

A gold folder holds ``<stem>.txt`` (the expected ``newsctl clean`` output: title line, then
paragraphs) and ``<stem>.meta.json``; the pages are ``<stem>.txt`` in a pages folder.  Used by
``test_clean_eval.py`` (floors, and a per-page report with ``pytest -s``); it lives with the
tests so that the installed package holds no evaluation code.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsctl.io.encodings import decode_bytes

# The metadata fields the evaluation counts (views, site and editor are reported, not scored).
SCORED_FIELDS = ("title", "date", "source", "author", "category")


@dataclass
class PageScore:
    """How one page came out."""

    name: str
    true_positives: int
    predicted: int
    expected: int
    title_right: bool | None  # None: the page has no title
    fields_right: int
    fields_known: int
    wrong_fields: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    """Totals over pages: line-level F1 of body paragraphs, titles right, metadata fields right."""

    pages: list[PageScore]

    @property
    def f1(self) -> float:
        tp = sum(p.true_positives for p in self.pages)
        predicted = sum(p.predicted for p in self.pages)
        expected = sum(p.expected for p in self.pages)
        precision = tp / predicted if predicted else 1.0
        recall = tp / expected if expected else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def titles(self) -> tuple[int, int]:
        scored = [p.title_right for p in self.pages if p.title_right is not None]
        return sum(scored), len(scored)

    @property
    def fields(self) -> tuple[int, int]:
        return sum(p.fields_right for p in self.pages), sum(p.fields_known for p in self.pages)


def _body(lines: list[str], title: str | None) -> list[str]:
    return lines[1:] if title is not None and lines and lines[0] == title else lines


def score_page(name: str, page_text: str, gold_text: str, gold_meta: dict[str, object]) -> PageScore:
    from newsctl.jobs.clean import clean_text

    result = clean_text(page_text)
    gold_title = gold_meta.get("title")
    gold_lines = [line for line in gold_text.split("\n") if line]
    expected = _body(gold_lines, gold_title if isinstance(gold_title, str) else None)
    predicted = list(result.paragraphs)
    overlap = Counter(expected) & Counter(predicted)
    right = known = 0
    wrong = []
    for key in SCORED_FIELDS:
        want = gold_meta.get(key)
        if want is None:
            continue
        known += 1
        got = result.meta.get(key)
        if _same(got, want):
            right += 1
        else:
            wrong.append(f"{key}: {got!r} != {want!r}")
    return PageScore(
        name, sum(overlap.values()), len(predicted), len(expected),
        None if gold_title is None else result.title == gold_title, right, known, wrong,
    )


def _same(got: object, want: object) -> bool:
    if isinstance(want, list):
        return isinstance(got, list) and sorted(map(str, got)) == sorted(map(str, want))
    return got == want


def evaluate(pages_dir: Path, gold_dir: Path) -> EvalReport:
    """Score every page in ``pages_dir`` that has gold in ``gold_dir``."""
    scores = []
    for page in sorted(pages_dir.glob("*.txt")):
        gold = gold_dir / page.name
        meta = gold_dir / (page.stem + ".meta.json")
        if not gold.exists() or not meta.exists():
            continue
        text = decode_bytes(page.read_bytes(), str(page)).text
        scores.append(score_page(
            page.stem, text, gold.read_text(encoding="utf-8"),
            json.loads(meta.read_text(encoding="utf-8")),
        ))
    return EvalReport(scores)
