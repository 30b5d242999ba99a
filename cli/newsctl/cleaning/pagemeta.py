"""The metadata a page's markup declares, merged with what its text rows said.

The text's rows come first: on real pages, ``<meta name="author">`` often holds the site's name
or the editor, ``og:title`` keeps the column label and the site suffix, dates are in UTC or
without their time, and section names are URL slugs (``news``).  What the page prints beside
the story is what its readers see.  The markup fills what the text does not say, where its
value has the shape of the field (an author with Chinese characters that is not the site's name,
a category in words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsctl.htmlpage import Page

_CJK = re.compile(r"[\u3400-\u9fff]")


def declared_titles(page: Page) -> frozenset[str]:
    """The texts the page declares as its headline: its ``<h1>`` lines and its meta title."""
    titles = {line.text for line in page.lines if line.heading == 1}
    if "title" in page.meta:
        titles.add(page.meta["title"][0])
    return frozenset(titles)


def merge_meta(text_meta: Mapping[str, Any],
               declared: Mapping[str, tuple[str, str]]) -> tuple[dict[str, Any], dict[str, str]]:
    """``text_meta`` with its gaps filled from ``declared`` (key -> (value, where)); also
    ``key -> where`` for every value taken from the markup."""
    meta = dict(text_meta)
    sources: dict[str, str] = {}
    site_names = {str(meta.get("site") or ""), *(v for k, (v, _) in declared.items()
                                               if k == "site")}
    for key, (value, where) in declared.items():
        if key not in meta or meta[key] is not None:
            continue
        if key == "author":
            if not _CJK.search(value) or value in site_names or len(value) > 40:
                continue   # a site's name or a brand, not a person
            meta[key] = [name for name in re.split(r"[、,，/／]\s*", value) if name]
        elif key == "category" and not _CJK.search(value):
            continue   # a URL slug ("news"), not the section's name
        else:
            meta[key] = value
        sources[key] = where
    return meta, sources
