"""The ``stats`` task: a document's statistics (the text is not sent back)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.io.documents import Document, given_tokens

if TYPE_CHECKING:  # pragma: no cover - typing only; the module loads lazily
    from newsctl.jobs.segment import SegmentOptions


@dataclass(frozen=True)
class StatsTask:
    """Compute a document's statistics; the text itself is not sent back (reports need none)."""

    segment_options: SegmentOptions | None

    def setup(self) -> None:
        # nothing to load ahead: records of segment --json carry their words, and the
        # segmenter loads on the first document that needs it
        pass

    def __call__(self, document: Document) -> Document:
        from newsctl.jobs.stats import document_stats

        tokens = None
        if self.segment_options is not None:
            # the words a `segment --json` record carries are the words: no second segmentation
            tokens = given_tokens(document)
            if tokens is None:
                from newsctl.jobs.segment import segment_tokens

                tokens = segment_tokens(document.text, self.segment_options)
        stats = document_stats(document.text, document.encoding, document.nbytes, tokens)
        return document.replace(text="").with_fields(stats=stats.as_dict())
