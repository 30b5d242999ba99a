"""The ``clean`` task: the article's text, its metadata, and (when asked) what was removed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsctl.io.documents import Document

if TYPE_CHECKING:  # pragma: no cover - typing only; the module loads lazily
    from newsctl.jobs.clean import CleanOptions


@dataclass(frozen=True)
class CleanTask:
    """Clean a document: the article's text, its metadata, and (when asked) what was removed."""

    options: CleanOptions
    explain: bool = False

    def setup(self) -> None:
        from newsctl.jobs.clean import clean_text
        from newsctl.text import derivedcache, regexcache

        clean_text("标题\n正文。", self.options)  # loads the lexicons once per process
        regexcache.save()   # pool workers leave without running exit handlers
        derivedcache.save()

    def __call__(self, document: Document) -> Document:
        from newsctl.jobs.clean import clean_page, clean_text

        result = (clean_page(document.page, self.options) if document.page is not None
                  else clean_text(document.text, self.options))
        meta: dict[str, object] = dict(result.meta)
        for key, value in document.meta.items():  # keep what an earlier step knew
            if meta.get(key) is None:
                meta[key] = value
        extra: dict[str, object] = {}
        if self.explain:
            extra["removed"] = [
                {"line": r.line, "text": r.text, "rule": r.rule,
                 **({"evidence": r.evidence} if r.evidence else {}),
                 **({"pass": r.by} if r.by else {}),
                 **({"because": r.because} if r.because else {})} for r in result.removed
            ]
            if result.meta_sources:
                extra["meta_sources"] = dict(result.meta_sources)
        if result.warnings:
            extra["warnings"] = list(result.warnings)
        return document.replace(text=result.text, meta=meta).with_fields(**extra)
