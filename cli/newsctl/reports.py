"""Reports over many documents (keywords, stats): rows, summaries, and how they are written.

Formats: a rich table on a terminal, TSV when piped, CSV with ``--csv``, JSON Lines with
``--json``.  Rows are written as documents arrive where the format allows (TSV, CSV, JSON), so a
report over 100,000 files does not hold them all.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from newsctl.documents import Document
from newsctl.keywords import KeywordOptions, TermCounts, merge_counts, rank
from newsctl.output import json_line, write_report
from newsctl.stats import COUNT_FIELDS, CorpusSummary

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


# --- stats ---------------------------------------------------------------------------------------


def write_stats(documents: Iterable[Document], fmt: str, stream: IO[str]) -> CorpusSummary:
    """Write per-document stats rows and the corpus summary; return the summary."""
    summary = CorpusSummary()
    table_rows: list[dict[str, Any]] = []
    rows = _Rows(stream, STATS_COLUMNS, fmt) if fmt in ("tsv", "csv") else None
    for document in documents:
        stats = document.fields["stats"]
        summary.add(stats)
        if fmt == "json":
            record = document.to_record(include_text=False)
            stream.write(json_line(record) + "\n")
        elif rows is not None:
            rows.write({"path": document.path, **stats})
        elif len(table_rows) < TABLE_MAX_ROWS:
            table_rows.append({"path": document.path, **stats})
    result = summary.as_dict()
    if fmt == "json":
        stream.write(json_line({"summary": result}) + "\n")
    elif rows is not None:
        rows.write({"path": "TOTAL", **result["totals"]})
    else:
        _stats_table(table_rows, summary, stream)
    return summary


def _stats_table(rows: list[dict[str, Any]], summary: CorpusSummary, stream: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream)
    write_report(rows, TABLE_STATS_COLUMNS, "table", stream)
    if summary.documents > len(rows):
        console.print(f"… {summary.documents - len(rows)} more documents (use --json or pipe for all)")
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


# --- keywords ------------------------------------------------------------------------------------


def write_keyword_counts(
    documents: Iterable[Document], words: Sequence[str], per_doc: bool, fmt: str, stream: IO[str]
) -> dict[str, int]:
    """Counts of given keywords, per document or in total; return the totals."""
    totals: dict[str, int] = dict.fromkeys(words, 0)
    columns = ("path", "word", "count") if per_doc else ("word", "count")
    rows = _Rows(stream, columns, fmt) if fmt in ("tsv", "csv") else None
    table_rows: list[dict[str, Any]] = []
    for document in documents:
        counts: dict[str, int] = document.fields["keyword_counts"]
        merge_counts(totals, counts)
        if not per_doc:
            continue
        entries = [{"word": w, "count": counts.get(w, 0), "weight": None} for w in words]
        if fmt == "json":
            record = document.to_record(include_text=False)
            record.pop("keyword_counts", None)
            record["keywords"] = entries
            stream.write(json_line(record) + "\n")
        for entry in entries:
            row = {"path": document.path, **entry}
            if rows is not None:
                rows.write(row)
            elif fmt == "table":
                table_rows.append(row)
    if not per_doc:
        entries = [{"word": w, "count": totals[w], "weight": None} for w in words]
        if fmt == "json":
            stream.write(json_line({"keywords": entries}) + "\n")
        elif rows is not None:
            for entry in entries:
                rows.write(entry)
        else:
            table_rows = entries
    if fmt == "table":
        write_report(table_rows, columns, "table", stream)
    return totals


def write_ranked_keywords(
    documents: Iterable[Document], options: KeywordOptions, per_doc: bool, fmt: str, stream: IO[str]
) -> None:
    """Top terms per document or over all documents."""
    columns = ("path", "rank", "word", "count", "weight") if per_doc else ("rank", "word", "count", "weight")
    rows = _Rows(stream, columns, fmt) if fmt in ("tsv", "csv") else None
    table_rows: list[dict[str, Any]] = []
    merged = TermCounts()
    # --idf corpus needs every document's terms before any can be weighed.
    needs_corpus = per_doc and options.method == "tfidf" and options.idf == "corpus"
    held: list[Document] = []

    def emit(document: Document | None, terms: TermCounts, corpus: TermCounts | None) -> None:
        keywords = [k.as_dict() for k in rank(terms, options, corpus)]
        if fmt == "json":
            if document is None:
                stream.write(json_line({"keywords": keywords}) + "\n")
            else:
                record = document.to_record(include_text=False)
                record.pop("terms", None)
                record["keywords"] = keywords
                stream.write(json_line(record) + "\n")
            return
        for number, keyword in enumerate(keywords, start=1):
            row = {"rank": number, **keyword}
            if document is not None:
                row["path"] = document.path
            if rows is not None:
                rows.write(row)
            else:
                table_rows.append(row)

    for document in documents:
        terms: TermCounts = document.fields["terms"]
        merged.merge(terms)
        if per_doc and not needs_corpus:
            emit(document, terms, None)
        elif needs_corpus:
            held.append(document)
    for document in held:
        emit(document, document.fields["terms"], merged)
    if not per_doc:
        emit(None, merged, merged)
    if fmt == "table":
        write_report(table_rows, columns, "table", stream)

