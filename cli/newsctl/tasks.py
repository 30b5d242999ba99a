"""Per-document transforms: small picklable objects that adapt the library functions to Documents.

Each task has ``setup()`` (build heavy resources once per process: called lazily in the main
process, and in the initializer of every pool worker) and ``__call__(document) -> document``.
Heavy modules are imported inside the methods so that importing this module stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.convert import (
    ConvertOptions,
    choose_config,
    convert_blocks,
    convert_meta,
    convert_string,
)
from newsctl.documents import Document, Source

if TYPE_CHECKING:  # pragma: no cover - typing only; the modules load lazily
    from newsctl.clean import CleanOptions
    from newsctl.keywords import KeywordOptions, KeywordQuery
    from newsctl.segment import SegmentOptions

# How much of a document the source-script detection looks at: enough to decide, cheap.
_SCRIPT_SAMPLE_CHARS = 4000


@dataclass(frozen=True)
class ConvertTask:
    """Convert a document's text and every string in its metadata."""

    options: ConvertOptions

    def setup(self) -> None:
        from newsctl.converters import get_converter

        if self.options.config is not None:
            get_converter(self.options.config)

    def config_for(self, sample: str) -> str | None:
        return choose_config(self.options, sample[:_SCRIPT_SAMPLE_CHARS])

    def __call__(self, document: Document) -> Document:
        config = self.config_for(document.text)
        keep = self.options.keep
        return document.replace(
            text=convert_string(document.text, config, keep),
            meta=convert_meta(document.meta, config, keep),
        )

    def stream_source(self, source: Source, encoding: str | None) -> Iterator[str]:
        """Convert a plain-text file chunk by chunk (bounded memory for any file size)."""
        from newsctl.streaming import iter_text_chunks

        chunks = iter_text_chunks(source.path, encoding)
        first = next(chunks, None)
        if first is None:
            return
        config = self.config_for(first)

        def all_chunks() -> Iterator[str]:
            yield first
            yield from chunks

        yield from convert_blocks(all_chunks(), config, self.options.keep)


@dataclass(frozen=True)
class SegmentTask:
    """Segment a document: text output (one line per input line) or JSON fields."""

    options: "SegmentOptions"
    delimiter: str = " "
    json: bool = False
    offsets: bool = False

    def setup(self) -> None:
        from newsctl.segment import get_segmenter

        get_segmenter(self.options)

    def render(self, text: str, options: "SegmentOptions | None" = None) -> str:
        """Text output: one line per input line, tokens joined by the delimiter."""
        from newsctl.segment import segment_text, segment_words

        options = options or self.options
        if options.pos:
            return "\n".join(
                self.delimiter.join(f"{t.word}/{t.pos}" for t in line)
                for line in segment_text(text, options)
            )
        return "\n".join(self.delimiter.join(line) for line in segment_words(text, options))

    def __call__(self, document: Document) -> Document:
        from newsctl.segment import segment_text

        if not self.json:
            return document.replace(text=self.render(document.text))
        lines = segment_text(document.text, self.options)
        tokens: list[str] = []
        tags: list[str | None] = []
        spans: list[list[int]] = []
        line_start = 0
        for raw_line, line in zip(document.text.split("\n"), lines):
            for token in line:
                tokens.append(token.word)
                tags.append(token.pos)
                spans.append([line_start + token.start, line_start + token.end])
            line_start += len(raw_line) + 1
        extra: dict[str, object] = {"tokens": tokens}
        if self.options.pos:
            extra["pos"] = tags
        if self.offsets:
            extra["spans"] = spans
        return document.with_fields(**extra)

    def stream_source(self, source: Source, encoding: str | None) -> Iterator[str]:
        """Segment a plain-text file chunk by chunk, deciding the script from its start."""
        import dataclasses

        from newsctl.script import is_traditional
        from newsctl.streaming import iter_text_chunks

        options = self.options
        for chunk in iter_text_chunks(source.path, encoding):
            if options.script == "auto":  # decide once per file, like a whole document
                script = "traditional" if is_traditional(chunk[:_SCRIPT_SAMPLE_CHARS]) else "simplified"
                options = dataclasses.replace(options, script=script)  # type: ignore[arg-type]
            ends_line = chunk.endswith("\n")
            body = chunk[:-1] if ends_line else chunk
            yield self.render(body, options) + ("\n" if ends_line else "")


@dataclass(frozen=True)
class StatsTask:
    """Compute a document's statistics; the text itself is not sent back (reports need none)."""

    segment_options: "SegmentOptions | None"

    def setup(self) -> None:
        if self.segment_options is not None:
            from newsctl.segment import get_segmenter

            get_segmenter(self.segment_options)

    def __call__(self, document: Document) -> Document:
        from newsctl.stats import document_stats

        tokens = None
        if self.segment_options is not None:
            from newsctl.segment import segment_words

            tokens = [w for line in segment_words(document.text, self.segment_options) for w in line]
        stats = document_stats(document.text, document.encoding, document.nbytes, tokens)
        return document.replace(text="").with_fields(stats=stats.as_dict())


@dataclass(frozen=True)
class KeywordsTask:
    """Count given keywords, or collect a document's candidate terms for ranking."""

    options: "KeywordOptions"
    segment_options: "SegmentOptions"
    query: "KeywordQuery | None" = None

    def setup(self) -> None:
        from newsctl.converters import get_converter

        get_converter("t2s")
        if self.query is None:
            from newsctl.keywords import stopwords_for
            from newsctl.segment import get_segmenter

            get_segmenter(self.segment_options)
            stopwords_for(self.options)

    def __call__(self, document: Document) -> Document:
        from newsctl.keywords import count_keywords, document_terms
        from newsctl.segment import segment_text

        if self.query is not None:
            counts = count_keywords(document.text, self.query)
            return document.replace(text="").with_fields(keyword_counts=counts)
        lines = [[(t.word, t.pos) for t in line] for line in segment_text(document.text, self.segment_options)]
        terms = document_terms(lines, self.options)
        return document.replace(text="").with_fields(terms=terms)


@dataclass(frozen=True)
class CleanTask:
    """Clean a document: the article's text, its metadata, and (when asked) what was removed."""

    options: "CleanOptions"
    explain: bool = False

    def setup(self) -> None:
        from newsctl.clean import clean_text

        clean_text("标题\n正文。", self.options)  # loads the lexicons once per process

    def __call__(self, document: Document) -> Document:
        from newsctl.clean import clean_text

        result = clean_text(document.text, self.options)
        meta: dict[str, object] = dict(result.meta)
        for key, value in document.meta.items():  # keep what an earlier step knew
            if meta.get(key) is None:
                meta[key] = value
        extra: dict[str, object] = {}
        if self.explain:
            extra["removed"] = [
                {"line": r.line, "text": r.text, "rule": r.rule} for r in result.removed
            ]
        if result.warnings:
            extra["warnings"] = list(result.warnings)
        return document.replace(text=result.text, meta=meta).with_fields(**extra)
