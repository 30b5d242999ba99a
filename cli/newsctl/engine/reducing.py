"""Reports over many documents, reduced: what a report says, before any format is chosen.

A reducer reads documents as they come and yields :class:`Entry` items in the order a report
prints them: an entry per document as soon as it is known (a report over 100,000 files holds
none of them, except ``--idf corpus``, which must see every document first), then the entries
over the whole corpus.  :mod:`newsctl.cli.reports` only writes entries (table, TSV, CSV or JSON).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from newsctl.io.documents import Document
from newsctl.jobs.keywords import KeywordOptions, TermCounts, merge_counts, rank
from newsctl.jobs.stats import CorpusSummary


class Entry(NamedTuple):
    """One piece of a report, in the two shapes it is written in."""

    rows: list[dict[str, Any]]             # table, TSV and CSV rows (column -> value)
    record: dict[str, Any]                 # the JSON Lines record
    document: Document | None = None       # the document it is about; None: the whole corpus
    summary: CorpusSummary | None = None   # stats' last entry: the table shows its distributions


def stats_entries(documents: Iterable[Document]) -> Iterator[Entry]:
    """Each document's statistics, then the corpus summary (totals, distributions, scripts)."""
    summary = CorpusSummary()
    for document in documents:
        stats = document.fields["stats"]
        summary.add(stats)
        yield Entry([{"path": document.path, **stats}], document.to_record(include_text=False),
                    document)
    result = summary.as_dict()
    yield Entry([{"path": "TOTAL", **result["totals"]}], {"summary": result}, None, summary)


def keyword_count_entries(documents: Iterable[Document], words: Sequence[str],
                          per_doc: bool) -> Iterator[Entry]:
    """Counts of given keywords: per document (``per_doc``), else once, in total."""
    totals: dict[str, int] = dict.fromkeys(words, 0)
    for document in documents:
        counts: dict[str, int] = document.fields["keyword_counts"]
        merge_counts(totals, counts)
        if per_doc:
            entries = [{"word": w, "count": counts.get(w, 0), "weight": None} for w in words]
            record = document.to_record(include_text=False)
            record.pop("keyword_counts", None)
            record["keywords"] = entries
            yield Entry([{"path": document.path, **entry} for entry in entries], record, document)
    if not per_doc:
        entries = [{"word": w, "count": totals[w], "weight": None} for w in words]
        yield Entry(entries, {"keywords": entries})


def ranked_keyword_entries(documents: Iterable[Document], options: KeywordOptions,
                           per_doc: bool) -> Iterator[Entry]:
    """Top terms per document (``per_doc``), else over all documents merged."""
    merged = TermCounts()
    # --idf corpus needs every document's terms before any can be weighed
    needs_corpus = per_doc and options.method == "tfidf" and options.idf == "corpus"
    held: list[Document] = []
    for document in documents:
        terms: TermCounts = document.fields["terms"]
        merged.merge(terms)
        if needs_corpus:
            held.append(document)
        elif per_doc:
            yield _ranked(document, terms, options, None)
    for document in held:
        yield _ranked(document, document.fields["terms"], options, merged)
    if not per_doc:
        yield _ranked(None, merged, options, merged)


def _ranked(document: Document | None, terms: TermCounts, options: KeywordOptions,
            corpus: TermCounts | None) -> Entry:
    keywords = [k.as_dict() for k in rank(terms, options, corpus)]
    rows = [{"rank": number, **keyword} for number, keyword in enumerate(keywords, start=1)]
    if document is None:
        return Entry(rows, {"keywords": keywords})
    record = document.to_record(include_text=False)
    record.pop("terms", None)
    record["keywords"] = keywords
    return Entry([{**row, "path": document.path} for row in rows], record, document)
