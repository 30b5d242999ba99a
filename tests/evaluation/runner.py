"""One evaluation set scored: the same summary line for every set, a line a page, and the floors
(from the manifest) the figures fall below.  The tests assert there are none; the command prints
them."""

from __future__ import annotations

from dataclasses import dataclass

from evaluation.cases import cases
from evaluation.cleanscore import CleanReport, score_case
from evaluation.manifest import ROOT, EvalSet
from evaluation.segscore import Score, read_gold, score_segmenter


@dataclass(frozen=True)
class SetResult:
    """What a set scored, said in words."""

    evalset: EvalSet
    summary: str              # one line: the figures
    details: tuple[str, ...]  # one line a page (clean sets)
    misses: tuple[str, ...]   # the floors not reached; empty when the set passes


def run_set(evalset: EvalSet) -> SetResult:
    """Score one set (its files must be present: see :attr:`EvalSet.present`)."""
    if evalset.evaluates == "segment":
        return _segment_result(evalset)
    report = CleanReport(tuple(score_case(evalset, case) for case in cases(evalset)))
    return SetResult(evalset, report.summary(), tuple(report.details()),
                     tuple(clean_misses(evalset, report)))


def clean_misses(evalset: EvalSet, report: CleanReport) -> list[str]:
    """The floors a clean set's report falls below."""
    misses = []
    if len(report.pages) != evalset.count:
        misses.append(f"{len(report.pages)} pages with gold, the manifest says {evalset.count}")
    if report.f1 < evalset.min_f1:
        misses.append(f"body-line F1 {report.f1:.3f} < {evalset.min_f1}")
    right, counted = report.titles
    if counted - right > evalset.titles_missed:
        misses.append(f"{counted - right} headlines wrong > {evalset.titles_missed}")
    fields_right, known = report.fields
    share = fields_right / known if known else 1.0
    if share < evalset.min_meta:
        misses.append(f"meta fields {share:.3f} right < {evalset.min_meta}")
    return misses


def _segment_result(evalset: EvalSet) -> SetResult:
    gold = read_gold(str(ROOT / evalset.gold))
    score: Score = score_segmenter(gold)
    summary = (f"word F1 {score.f1:.3f} (P {score.precision:.3f} R {score.recall:.3f}), "
               f"{len(gold)} lines, {score.gold_words} gold words")
    misses = [f"word F1 {score.f1:.3f} < {evalset.min_f1}"] if score.f1 < evalset.min_f1 else []
    return SetResult(evalset, summary, (), tuple(misses))
