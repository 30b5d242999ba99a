"""Reports over many documents (keywords, stats): how the reducers' entries are written.

What a report says is decided in :mod:`newsctl.engine.reducing`; this module only writes it: a rich
table on a terminal, TSV when piped, CSV with ``--csv``, JSON Lines with ``--json``.  Entries are
written as they arrive where the format allows (TSV, CSV, JSON), so a report over 100,000 files
does not hold them all.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from newsctl.cli.output import json_line, write_report
from newsctl.engine.reducing import (
    Entry,
    keyword_count_entries,
    ranked_keyword_entries,
    stats_entries,
)
from newsctl.io.documents import Document
from newsctl.jobs.keywords import KeywordOptions
from newsctl.jobs.stats import COUNT_FIELDS, CorpusSummary

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsctl.cli.pipeline import CommonOptions
    from newsctl.engine.outcomes import Task

STATS_COLUMNS = (
    "path", "encoding", "bytes", *COUNT_FIELDS, "lines", "paragraphs", "sentences", "words",
    "unique_words", "avg_sentence_chars", "script", "traditional_share",
)
TABLE_STATS_COLUMNS = ("path", "chars", "cjk", "sentences", "words", "script", "traditional_share")
# A terminal table of more rows than this shows the first ones and says how many were left out.
TABLE_MAX_ROWS = 50


def choose_format(json: bool, csv_out: bool, stream: IO[str]) -> str:
    """json, csv, a table on a terminal, else TSV."""
    if json:
        return "json"
    if csv_out:
        return "csv"
    return "table" if stream.isatty() else "tsv"


class _Rows:
    """Writes delimited rows as they come (header first)."""

    def __init__(self, stream: IO[str], columns: Sequence[str], fmt: str) -> None:
        self.stream = stream
        self.columns = columns
        self.writer = csv.writer(stream, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        self.writer.writerow(columns)

    def write(self, row: Mapping[str, Any]) -> None:
        self.writer.writerow([_cell(row.get(column)) for column in self.columns])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def run_report(common: CommonOptions, task: Task, csv_out: bool,
               write: Callable[[Iterable[Document], str, IO[str]], None]) -> int:
    """Run a report command: documents through ``task``, then ``write`` them as one report
    (to stdout, or atomically to ``-o``) in the format the options and the stream call for."""
    import contextlib
    import sys

    from newsctl.cli.output import atomic_output
    from newsctl.cli.pipeline import collect_documents

    documents, run_stats = collect_documents(common, task)
    with contextlib.ExitStack() as stack:
        stream = (stack.enter_context(atomic_output(common.output, frozenset()))
                  if common.output else sys.stdout)
        write(documents, choose_format(common.json, csv_out, stream), stream)
    return run_stats.exit_code()


# --- writing entries ---------------------------------------------------------------------------


def write_entries(entries: Iterable[Entry], columns: Sequence[str], fmt: str, stream: IO[str],
                  table_columns: Sequence[str] | None = None,
                  table_limit: int | None = None) -> None:
    """Write a reducer's entries (:mod:`newsctl.engine.reducing`) as they come: JSON records, or
    TSV/CSV rows under ``columns``; a table (``table_columns``, at most ``table_limit`` rows,
    then the summary's distributions when the last entry has one) once they are all in."""
    rows = _Rows(stream, columns, fmt) if fmt in ("tsv", "csv") else None
    table_rows: list[dict[str, Any]] = []
    summary: CorpusSummary | None = None
    for entry in entries:
        if fmt == "json":
            stream.write(json_line(entry.record) + "\n")
        elif rows is not None:
            for row in entry.rows:
                rows.write(row)
        elif entry.summary is not None:
            summary = entry.summary
        elif table_limit is None or len(table_rows) < table_limit:
            table_rows.extend(entry.rows)
    if fmt == "table":
        write_report(table_rows, table_columns or columns, "table", stream)
        if summary is not None:
            _summary_table(summary, len(table_rows), stream)


def write_stats(documents: Iterable[Document], fmt: str, stream: IO[str]) -> None:
    """Per-document stats rows, then the corpus summary."""
    write_entries(stats_entries(documents), STATS_COLUMNS, fmt, stream,
                  table_columns=TABLE_STATS_COLUMNS, table_limit=TABLE_MAX_ROWS)


def write_keyword_counts(documents: Iterable[Document], words: Sequence[str], per_doc: bool,
                         fmt: str, stream: IO[str]) -> None:
    """Counts of given keywords, per document or in total."""
    columns = ("path", "word", "count") if per_doc else ("word", "count")
    write_entries(keyword_count_entries(documents, words, per_doc), columns, fmt, stream)


def write_ranked_keywords(documents: Iterable[Document], options: KeywordOptions, per_doc: bool,
                          fmt: str, stream: IO[str]) -> None:
    """Top terms per document or over all documents."""
    columns = (("path", "rank", "word", "count", "weight") if per_doc
               else ("rank", "word", "count", "weight"))
    write_entries(ranked_keyword_entries(documents, options, per_doc), columns, fmt, stream)


def _summary_table(summary: CorpusSummary, shown: int, stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    if summary.documents > shown:
        console.print(f"… {summary.documents - shown} more documents (use --json or pipe for all)")
    data = summary.as_dict()
    table = Table(title=f"{summary.documents} documents", show_edge=False, header_style="bold")
    for column in ("", "total", "mean", "median", "min", "max"):
        table.add_column(column, justify="right" if column else "left")
    for name, values in data["distribution"].items():
        table.add_row(name, str(data["totals"].get(name, "")), *(str(values[k]) for k in ("mean", "median", "min", "max")))
    console.print(table)
    scripts = ", ".join(f"{label} {count}" for label, count in data["scripts"].items())
    console.print(f"scripts: {scripts}")
    bins = summary.histogram("chars")
    if len(bins) > 1:
        peak = max(count for _, _, count in bins) or 1
        console.print("length (characters):")
        for low, high, count in bins:
            bar = "█" * max(1 if count else 0, round(30 * count / peak))
            console.print(f"  {low:>7,}–{high:<7,} {bar} {count}")
