"""The evaluation harness itself (tests/evaluation/): the manifest is well formed, a set below its
floor is reported, and the two scoring rules differ only where they say they do."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from evaluation.cleanscore import CleanReport, score_page
from evaluation.manifest import load_sets
from evaluation.runner import clean_misses

from newsctl.jobs.clean import CleanResult

GOLD = "湖畔公园改造完成\n正文第一段。\n正文第二段。"
GOLD_META: dict[str, object] = {"title": "湖畔公园改造完成", "date": "2024-03-05",
                                "source": "某某网", "author": ["张三"], "category": None}


def cleaned(title: str | None, paragraphs: tuple[str, ...], **meta: object) -> CleanResult:
    text = "\n".join(([title] if title else []) + list(paragraphs))
    return CleanResult(text, title, paragraphs, {"title": title, **meta}, (), ())


def test_manifest_lists_every_set_once_with_its_floors() -> None:
    sets = load_sets()
    names = {s.name for s in sets}
    assert {"samples", "held-out", "blind", "blind16", "realpages-html", "seg-traditional"} <= names
    assert all(0 < s.min_f1 <= 1 for s in sets)
    assert all(s.external == s.name.startswith("realpages-") for s in sets)


def test_a_malformed_manifest_entry_names_the_set(tmp_path: Path) -> None:
    manifest = tmp_path / "sets.toml"
    manifest.write_text('[[set]]\nname = "odd"\nevaluates = "tag"\nform = "text"\n'
                        'gold = "x"\nmin_f1 = 0.5\n', encoding="utf-8")
    with pytest.raises(ValueError, match="'odd': evaluates"):
        load_sets(manifest)


def test_both_rules_agree_when_the_headline_is_right() -> None:
    result = cleaned("湖畔公园改造完成", ("正文第一段。", "多余的一行"),
                     date="2024-03-05", source="某某网", author=["张三"], category=None)
    for rules in ("paragraphs", "lines"):
        page = score_page(rules, "p", result, GOLD, GOLD_META)
        assert (page.matched, page.predicted, page.expected, page.title_right) == (1, 2, 2, True)
        assert (page.fields_right, page.fields_known, page.spurious) == (4, 4, 0)


def test_a_wrong_headline_is_a_body_line_only_under_the_lines_rules() -> None:
    result = cleaned("分享到微信", ("正文第一段。", "正文第二段。"))
    paragraphs = score_page("paragraphs", "p", result, GOLD, GOLD_META)
    lines = score_page("lines", "p", result, GOLD, GOLD_META)
    assert (paragraphs.predicted, lines.predicted) == (2, 3)
    assert paragraphs.title_right is False and lines.title_right is False


def test_lines_rules_read_dates_by_their_numbers_and_authors_as_sets() -> None:
    result = cleaned("湖畔公园改造完成", (), date="2024年3月5日 10:00", author="张三")
    assert score_page("lines", "p", result, GOLD, GOLD_META).wrong_fields == (
        "source: None != '某某网'",)
    assert len(score_page("paragraphs", "p", result, GOLD, GOLD_META).wrong_fields) == 3


def test_a_set_below_its_floor_is_reported() -> None:
    samples = next(s for s in load_sets() if s.name == "samples")
    page = score_page("paragraphs", "p", cleaned(None, ("正文第一段。",)), GOLD, GOLD_META)
    misses = clean_misses(replace(samples, count=1, titles_missed=0), CleanReport((page,)))
    assert [m.split()[0] for m in misses] == ["body-line", "1", "meta"]
