"""The ``segment`` task: text output (one line per input line) or JSON token fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.io.documents import Document, Source
from newsctl.text.script import SCRIPT_SAMPLE_CHARS

if TYPE_CHECKING:  # pragma: no cover - typing only; the module loads lazily
    from newsctl.jobs.segment import SegmentOptions


@dataclass(frozen=True)
class SegmentTask:
    """Segment a document: text output (one line per input line) or JSON fields."""

    options: SegmentOptions
    delimiter: str = " "
    json: bool = False
    offsets: bool = False

    def setup(self) -> None:
        from newsctl.jobs.segment import get_segmenter

        get_segmenter(self.options)

    def render(self, text: str, options: SegmentOptions | None = None) -> str:
        """Text output: one line per input line, tokens joined by the delimiter."""
        from newsctl.jobs.segment import segment_joined, segment_text

        options = options or self.options
        if options.pos:
            return "\n".join(
                self.delimiter.join(f"{t.word}/{t.pos}" for t in line)
                for line in segment_text(text, options)
            )
        return segment_joined(text, options, self.delimiter)

    def __call__(self, document: Document) -> Document:
        from newsctl.jobs.segment import segment_text

        if not self.json:
            return document.replace(text=self.render(document.text))
        if not self.options.pos and not self.offsets:
            # words only: the fast path, without a Token object per word (3x less Python work)
            from newsctl.jobs.segment import segment_tokens

            return document.with_fields(tokens=segment_tokens(document.text, self.options))
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

        from newsctl.io.streaming import iter_text_chunks
        from newsctl.text.script import is_traditional

        options = self.options
        for chunk in iter_text_chunks(source.path, encoding):
            if options.script == "auto":  # decide once per file, like a whole document
                script = "traditional" if is_traditional(chunk[:SCRIPT_SAMPLE_CHARS]) else "simplified"
                options = dataclasses.replace(options, script=script)  # type: ignore[arg-type]
            for piece in _pieces(chunk):
                ends_line = piece.endswith("\n")
                body = piece[:-1] if ends_line else piece
                yield self.render(body, options) + ("\n" if ends_line else "")


# Text is segmented in pieces of about this many characters (whole lines): the words of a
# megabyte chunk (a quarter of a million strings) outgrow the allocator's free memory and are
# handed back to the system after every chunk, at a cost in page faults of 10% of the run.
PIECE_CHARS = 1 << 16


def _pieces(chunk: str) -> Iterator[str]:
    """``chunk`` in pieces of whole lines, each about ``PIECE_CHARS`` characters or one line."""
    start = 0
    while len(chunk) - start > PIECE_CHARS:
        end = chunk.find("\n", start + PIECE_CHARS)
        if end < 0:
            break
        yield chunk[start:end + 1]
        start = end + 1
    yield chunk[start:] if start else chunk
