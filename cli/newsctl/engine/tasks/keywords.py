"""The ``keywords`` task: given keywords counted, or a document's candidate terms collected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.io.documents import Document, given_tokens

if TYPE_CHECKING:  # pragma: no cover - typing only; the modules load lazily
    from newsctl.jobs.keywords import KeywordOptions, KeywordQuery
    from newsctl.jobs.segment import SegmentOptions


@dataclass(frozen=True)
class KeywordsTask:
    """Count given keywords, or collect a document's candidate terms for ranking."""

    options: KeywordOptions
    segment_options: SegmentOptions
    query: KeywordQuery | None = None

    def setup(self) -> None:
        from newsctl.jobs.converters import get_converter

        get_converter("t2s")
        if self.query is None:
            from newsctl.jobs.keywords import stopwords_for
            from newsctl.jobs.segment import get_segmenter

            get_segmenter(self.segment_options)
            stopwords_for(self.options)

    def __call__(self, document: Document) -> Document:
        from newsctl.jobs.keywords import count_keywords, document_terms
        from newsctl.jobs.segment import segment_text

        if self.query is not None:
            counts = count_keywords(document.text, self.query)
            return document.replace(text="").with_fields(keyword_counts=counts)
        tokens = given_tokens(document) if self.options.method != "textrank" else None
        tags = document.fields.get("pos")
        if tokens is not None and (not self.options.wanted_pos or (
                isinstance(tags, list) and len(tags) == len(tokens))):
            # a `segment --json` record's words (and tags): counted as they are, not cut again
            # (TextRank segments again: its windows stop at line ends, which tokens do not keep)
            pos = tags if isinstance(tags, list) and len(tags) == len(tokens) else [None] * len(tokens)
            lines = [list(zip(tokens, pos))]
        else:
            lines = [[(t.word, t.pos) for t in line]
                     for line in segment_text(document.text, self.segment_options)]
        terms = document_terms(lines, self.options)
        return document.replace(text="").with_fields(terms=terms)
