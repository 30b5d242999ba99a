"""The ``convert`` task: a document's text and every string of its metadata, converted."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsctl.io.documents import Document, Source
from newsctl.jobs.convert import (
    ConvertOptions,
    choose_config,
    convert_blocks,
    convert_meta,
    convert_string,
)
from newsctl.text.script import SCRIPT_SAMPLE_CHARS


@dataclass(frozen=True)
class ConvertTask:
    """Convert a document's text and every string in its metadata."""

    options: ConvertOptions

    def setup(self) -> None:
        from newsctl.jobs.converters import get_converter

        if self.options.config is not None:
            get_converter(self.options.config)

    def config_for(self, sample: str) -> str | None:
        return choose_config(self.options, sample[:SCRIPT_SAMPLE_CHARS])

    def __call__(self, document: Document) -> Document:
        config = self.config_for(document.text)
        keep = self.options.keep
        return document.replace(
            text=convert_string(document.text, config, keep),
            meta=convert_meta(document.meta, config, keep),
        )

    def stream_source(self, source: Source, encoding: str | None) -> Iterator[str]:
        """Convert a plain-text file chunk by chunk (bounded memory for any file size)."""
        from newsctl.io.streaming import iter_text_chunks

        chunks = iter_text_chunks(source.path, encoding)
        first = next(chunks, None)
        if first is None:
            return
        config = self.config_for(first)

        def all_chunks() -> Iterator[str]:
            yield first
            yield from chunks

        yield from convert_blocks(all_chunks(), config, self.options.keep)
