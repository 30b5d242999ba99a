"""The ``segment`` task: text output (one line per input line) or JSON token fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.documents import Document, Source
from newsctl.script import SCRIPT_SAMPLE_CHARS

if TYPE_CHECKING:  # pragma: no cover - typing only; the module loads lazily
    from newsctl.segment import SegmentOptions


@dataclass(frozen=True)
class SegmentTask:
    """Segment a document: text output (one line per input line) or JSON fields."""

    options: SegmentOptions
    delimiter: str = " "
    json: bool = False
    offsets: bool = False

    def setup(self) -> None:
        from newsctl.segment import get_segmenter

        get_segmenter(self.options)

    def render(self, text: str, options: SegmentOptions | None = None) -> str:
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
        if not self.options.pos and not self.offsets:
            # words only: the fast path, without a Token object per word (3x less Python work)
            from newsctl.segment import segment_words

            words = [w for line in segment_words(document.text, self.options) for w in line]
            return document.with_fields(tokens=words)
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
                script = "traditional" if is_traditional(chunk[:SCRIPT_SAMPLE_CHARS]) else "simplified"
                options = dataclasses.replace(options, script=script)  # type: ignore[arg-type]
            ends_line = chunk.endswith("\n")
            body = chunk[:-1] if ends_line else chunk
            yield self.render(body, options) + ("\n" if ends_line else "")
