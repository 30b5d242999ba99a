"""Score ``newsctl clean`` against gold pages: body-line F1, headlines right, metadata fields right.

Gold is a text file (the headline, then one body paragraph a line) and a JSON file of metadata.
Body lines count as a multiset, pooled over the set's pages: a line is right when the gold has
the same line (exactly, after stripping).  A set's ``rules`` (the manifest) say how the output
meets the gold; the two agree on every set but where a headline is wrong or the gold has none:

- ``paragraphs`` (the invented sets): the cleaner's headline against the gold's ``title`` (pages
  without one are not counted), its paragraphs against the gold lines after that headline;
  metadata compared exactly (lists as sorted lists).
- ``lines`` (the real pages, as that set's own ``score.py`` scores the ``--json`` output): the
  output's lines; line 1 is right when it is gold line 1, and when it is not it counts as a body
  line; a date is right when its numbers start with the gold date's numbers, authors compare as
  sets of names.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from evaluation.cases import Case, read_page
from evaluation.manifest import EvalSet
from newsctl.io.documents import Document
from newsctl.jobs.clean import CleanResult, clean_page, clean_text

# The metadata fields counted (the gold's site, editor and views are not).
SCORED_FIELDS = ("title", "date", "source", "author", "category")
_EMPTY: tuple[object, ...] = (None, [], "")
_NAME_SEPARATORS = re.compile(r"[、,，/／\s]+")


@dataclass(frozen=True)
class PageScore:
    """How one page came out."""

    name: str
    matched: int               # body lines in both the output and the gold
    predicted: int             # body lines in the output
    expected: int              # body lines in the gold
    title_right: bool | None   # None: not counted (the gold has no headline)
    fields_right: int
    fields_known: int          # gold fields with a value
    spurious: int              # fields filled where the gold has no value
    wrong_fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class CleanReport:
    """A set's totals; ratios are 0.0 when their denominator is 0."""

    pages: tuple[PageScore, ...]

    @property
    def precision(self) -> float:
        predicted = sum(p.predicted for p in self.pages)
        return sum(p.matched for p in self.pages) / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        expected = sum(p.expected for p in self.pages)
        return sum(p.matched for p in self.pages) / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def titles(self) -> tuple[int, int]:
        """Headlines right, of those counted."""
        counted = [p.title_right for p in self.pages if p.title_right is not None]
        return sum(counted), len(counted)

    @property
    def fields(self) -> tuple[int, int]:
        """Metadata fields right, of those the gold gives."""
        return sum(p.fields_right for p in self.pages), sum(p.fields_known for p in self.pages)

    def summary(self) -> str:
        (titles, counted), (right, known) = self.titles, self.fields
        spurious = sum(p.spurious for p in self.pages)
        return (f"body-line F1 {self.f1:.3f} (P {self.precision:.3f} R {self.recall:.3f}), "
                f"titles {titles}/{counted}, meta fields {right}/{known} right, "
                f"{spurious} spurious")

    def details(self) -> list[str]:
        """One line a page: body lines right, headline, the fields that came out wrong."""
        return ["; ".join([f"{p.name}: {p.matched}/{p.predicted} kept right of {p.expected}",
                           f"title {p.title_right}", *p.wrong_fields]) for p in self.pages]


def clean_document(document: Document) -> CleanResult:
    """What ``newsctl clean`` makes of a document read from a file (a saved page or text)."""
    if document.page is not None:
        return clean_page(document.page)
    return clean_text(document.text)


def _lines(text: str) -> list[str]:
    """Non-blank lines, stripped of whitespace and ideographic spaces."""
    stripped = (line.strip().strip("\u3000").strip() for line in text.splitlines())
    return [line for line in stripped if line]


def _body_and_title(rules: str, result: CleanResult, gold: list[str],
                    gold_meta: dict[str, object]) -> tuple[list[str], list[str], bool | None]:
    """The output's body lines, the gold's, and whether the headline is right."""
    if rules == "lines":
        output = _lines(result.text)
        title_right = bool(output) and bool(gold) and output[0] == gold[0]
        return output[1:] if title_right else output, gold[1:], title_right
    gold_title = gold_meta.get("title")
    if gold_title is None:
        return list(result.paragraphs), gold, None
    expected = gold[1:] if gold and gold[0] == gold_title else gold
    return list(result.paragraphs), expected, result.title == gold_title


def _same_field(rules: str, key: str, got: object, want: object) -> bool:
    if rules == "lines":
        if key == "date":
            return _date_matches(str(want), got)
        if key == "author":
            return _names(want) == _names(got)
        return isinstance(got, str) and got.strip() == str(want).strip()
    if isinstance(want, list):
        return isinstance(got, list) and sorted(map(str, got)) == sorted(map(str, want))
    return got == want


def _date_matches(want: str, got: object) -> bool:
    """Whether ``got``'s numbers start with ``want``'s (2024-03-05 10:00 matches 2024年3月5日)."""
    if not got:
        return False
    wanted = [int(n) for n in re.findall(r"\d+", want)]
    return [int(n) for n in re.findall(r"\d+", str(got))][:len(wanted)] == wanted


def _names(value: object) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, str):
        return {n for n in _NAME_SEPARATORS.split(value) if n}
    if isinstance(value, (list, tuple)):
        return {str(n).strip() for n in value if n and str(n).strip()}
    return {str(value)}


def score_page(rules: str, name: str, result: CleanResult, gold_text: str,
               gold_meta: dict[str, object]) -> PageScore:
    """Score one cleaned page against its gold."""
    gold = [line for line in gold_text.splitlines() if line]
    predicted, expected, title_right = _body_and_title(rules, result, gold, gold_meta)
    matched = sum((Counter(expected) & Counter(predicted)).values())
    right = known = spurious = 0
    wrong = []
    for key in SCORED_FIELDS:
        want, got = gold_meta.get(key), result.meta.get(key)
        if want in _EMPTY:
            spurious += got not in _EMPTY
            continue
        known += 1
        if _same_field(rules, key, got, want):
            right += 1
        else:
            wrong.append(f"{key}: {got!r} != {want!r}")
    return PageScore(name, matched, len(predicted), len(expected), title_right,
                     right, known, spurious, tuple(wrong))


def score_case(evalset: EvalSet, case: Case) -> PageScore:
    """Read, clean and score one page of a clean set."""
    result = clean_document(read_page(case, evalset.form))
    gold_meta = json.loads(case.meta.read_text(encoding="utf-8"))
    return score_page(evalset.rules, case.name, result, case.gold.read_text(encoding="utf-8"),
                      gold_meta)
