"""The pages of a clean set with their gold, and each page read the way ``newsctl clean`` reads
a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from evaluation.manifest import ROOT, EvalSet
from newsctl.io.documents import Document, Source, read_source


@dataclass(frozen=True)
class Case:
    """One page and its gold files."""

    name: str
    page: Path
    gold: Path
    meta: Path


def cases(evalset: EvalSet) -> list[Case]:
    """The set's pages that have both gold files, by file name."""
    found = []
    for page in evalset.page_files():
        gold = ROOT / evalset.gold.format(stem=page.stem)
        meta = ROOT / evalset.meta.format(stem=page.stem)
        if gold.is_file() and meta.is_file():
            found.append(Case(page.stem, page, gold, meta))
    return found


def read_page(case: Case, form: str) -> Document:
    """The page as newsctl's loader reads it, under a ``.txt`` name so that a saved HTML page is
    recognised by its content, as a scraper's mislabelled file would have to be.  Raises
    ValueError when the page is not read as the manifest's ``form`` says (a saved page taken for
    text would score the markup, not the cleaner)."""
    source = Source(f"{case.name}.txt", f"{case.name}.txt", data=case.page.read_bytes())
    read = next(read_source(source))
    if not isinstance(read, Document):
        raise read  # a page that cannot be read or decoded: newsctl's own error
    as_form = "html" if read.page is not None else "text"
    if as_form != form:
        raise ValueError(f"{case.page} was read as {as_form}, the manifest says {form}")
    return read
