"""Writers: atomic files, out-dir targets, JSON Lines, reports."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from newsctl.errors import OutputError
from newsctl.cli.output import TEMP_PREFIX, AtomicFile, atomic_output, json_line, out_dir_target, write_report


def test_atomic_output_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(str(target)) as stream:
        stream.write("一半")
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == "一半"


def test_atomic_output_leaves_nothing_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(str(target)) as stream:
            stream.write("partial")
            raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(TEMP_PREFIX)]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("input")
    with pytest.raises(OutputError, match="refusing to write over an input"):
        AtomicFile(str(source), frozenset({os.path.realpath(source)}))
    assert source.read_text() == "input"


def test_out_dir_target_mirrors_and_stays_inside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert out_dir_target(str(out), "a/b.txt") == str(out / "a" / "b.txt")
    assert out_dir_target(str(out), "a/b.txt", ".jsonl") == str(out / "a" / "b.jsonl")
    assert out_dir_target(str(out), "../../x.txt") == str(out / "x.txt")


def test_out_dir_symlink_pointing_outside_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "link").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="escapes"):
        out_dir_target(str(out), "link/x.txt")


def test_json_line_keeps_chinese_readable() -> None:
    assert json_line({"text": "新闻"}) == '{"text": "新闻"}'


ROWS = [{"word": "经济", "count": 3, "weight": 0.5}, {"word": "a,b", "count": 1, "weight": None}]


def test_report_tsv_and_csv() -> None:
    tsv = io.StringIO()
    write_report(ROWS, ["word", "count", "weight"], "tsv", tsv)
    assert tsv.getvalue() == "word\tcount\tweight\n经济\t3\t0.5\na,b\t1\t\n"
    csv_out = io.StringIO()
    write_report(ROWS, ["word", "count"], "csv", csv_out)
    assert csv_out.getvalue() == 'word,count\n经济,3\n"a,b",1\n'


def test_report_table_has_every_value() -> None:
    out = io.StringIO()
    write_report(ROWS, ["word", "count"], "table", out)
    assert "经济" in out.getvalue() and "3" in out.getvalue()


def test_reducers_say_what_a_report_holds_before_any_format() -> None:
    from newsctl.io.documents import Document
    from newsctl.engine.reducing import keyword_count_entries, stats_entries

    docs = [Document(f"{n}.txt", f"{n}.txt", "", fields={"keyword_counts": {"补助": n}})
            for n in (1, 2)]
    per_doc = list(keyword_count_entries(docs, ["补助", "候鸟"], per_doc=True))
    assert [entry.document for entry in per_doc] == docs
    assert per_doc[1].rows[0] == {"path": "2.txt", "word": "补助", "count": 2, "weight": None}
    (total,) = keyword_count_entries(docs, ["补助", "候鸟"], per_doc=False)
    assert total.document is None
    assert total.record == {"keywords": [{"word": "补助", "count": 3, "weight": None},
                                         {"word": "候鸟", "count": 0, "weight": None}]}
    stats = {"chars": 4, "cjk": 4}
    *rows, summary = stats_entries([Document("a.txt", "a.txt", "", fields={"stats": stats})])
    assert rows[0].rows == [{"path": "a.txt", **stats}] and rows[0].summary is None
    assert summary.summary is not None and summary.summary.documents == 1
    assert summary.rows[0]["path"] == "TOTAL" and summary.rows[0]["chars"] == 4
