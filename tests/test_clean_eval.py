"""clean on hand-labelled pages: the samples (which the rules were developed on), a held-out
set in tests/data/clean_eval and a blind set in tests/data/clean_blind (each written in other
site styles by someone who had not seen the rules; each scored once before any rule was changed
for what it showed: held-out F1 0.947, blind F1 0.930, titles 11/12, fields 53/60).

The floors are regression guards below what the cleaner reaches; the README reports the figures.
"""

from __future__ import annotations

from pathlib import Path

from newsctl.cleaning.evaluate import evaluate

DATA = Path(__file__).parent / "data"
SAMPLES = Path(__file__).parent.parent / "samples"


def _report(name: str, pages: Path, gold: Path):  # type: ignore[no-untyped-def]
    report = evaluate(pages, gold)
    right, titled = report.titles
    fields_right, known = report.fields
    print(f"\n{name}: F1 {report.f1:.3f}, titles {right}/{titled}, meta fields {fields_right}/{known}")
    for page in report.pages:
        print(f"  {page.name}: {page.true_positives}/{page.predicted} kept right of {page.expected};"
              f" title {page.title_right}; {'; '.join(page.wrong_fields)}")
    return report


def test_samples() -> None:
    report = _report("samples", SAMPLES, DATA / "clean_gold")
    assert len(report.pages) == 14
    assert report.f1 >= 0.97
    right, titled = report.titles
    assert right >= titled - 1
    fields_right, known = report.fields
    assert fields_right / known >= 0.9


def test_held_out_pages() -> None:
    report = _report("held out", DATA / "clean_eval" / "pages", DATA / "clean_eval")
    assert len(report.pages) == 12
    assert report.f1 >= 0.93
    right, titled = report.titles
    assert right >= 7
    fields_right, known = report.fields
    assert fields_right / known >= 0.70


def test_blind_pages() -> None:
    report = _report("blind", DATA / "clean_blind" / "pages", DATA / "clean_blind")
    assert len(report.pages) == 12
    assert report.f1 >= 0.95
    right, titled = report.titles
    assert right >= 11
    fields_right, known = report.fields
    assert fields_right / known >= 0.85
