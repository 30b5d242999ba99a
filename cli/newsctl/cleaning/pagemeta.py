"""The metadata a page's markup declares, merged with what its text rows said.

The text's rows come first for title, date and author: on real pages, ``<meta name="author">`` often holds the site's name
or the editor, ``og:title`` keeps the column label and the site suffix, dates are in UTC or
without their time, and section names are URL slugs (``news``).  What the page prints beside
the story is what its readers see.  The markup fills what the text does not say, where its
value has the shape of the field (an author with Chinese characters that is not the site's name,
a category in words).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from newsctl.io.htmlpage import Page, PageLine

_CJK = re.compile(r"[\u3400-\u9fff]")


def declared_titles(page: Page) -> frozenset[str]:
    """The texts the page declares as its headline: its ``<h1>`` lines and its meta title."""
    titles = {line.text for line in page.lines if line.heading == 1}
    if "title" in page.meta:
        titles.add(page.meta["title"][0])
    return frozenset(titles)


# a breadcrumb trail: a few short links right above the headline ("首页 > 港聞 > 政情 > 正文")
_TRAIL_MAX_LINKS = 5
_TRAIL_ITEM_MAX = 12
_TRAIL_GLUE = re.compile(r"^[>»›/|\-\s]*(?:正文|正文内容|正文內容|当前位置|當前位置|您的位置|你的位置)?[：:>»›/|\-\s]*$")


def trail_leaf(lines: Sequence[PageLine], headline: str | None) -> str | None:
    """The last section of a breadcrumb trail of links standing right above the headline: two
    to five short links, with nothing between them but separators (``>``, ``正文``)."""
    if not headline:
        return None
    # (the headline's line may carry a column label the headline was printed without)
    at = next((i for i, line in enumerate(lines) if headline in line.text and not line.link
               and line.landmark != "title" and len(line.text) <= 2 * len(headline)), None)
    if at is None:
        return None
    links: list[str] = []
    for line in reversed(lines[:at]):
        if line.link and len(line.text) <= _TRAIL_ITEM_MAX and not _TRAIL_GLUE.match(line.text):
            links.append(line.text)
            if len(links) > _TRAIL_MAX_LINKS:
                return None   # a menu, not a trail
        elif not _TRAIL_GLUE.match(line.text):
            break
    return links[0] if len(links) >= 2 else None


# what the markup says first, for the fields where it is explicit and the text guesses: a
# declared section beats a headline's column label, a declared source beats the site's name
# a page prints as its own, og:site_name is the site's name by definition
MARKUP_FIRST = frozenset({"category", "source", "site"})


def merge_meta(text_meta: Mapping[str, Any],
               declared: Mapping[str, tuple[str, str]]) -> tuple[dict[str, Any], dict[str, str]]:
    """``text_meta`` merged with ``declared`` (key -> (value, where)): the markup's value wins
    for :data:`MARKUP_FIRST` keys and fills gaps for the rest, where it has the field's shape;
    also ``key -> where`` for every value taken from the markup."""
    meta = dict(text_meta)
    sources: dict[str, str] = {}
    site_names = {str(meta.get("site") or ""), *(v for k, (v, _) in declared.items()
                                               if k == "site")}
    for key, (value, where) in declared.items():
        if key not in meta or (meta[key] is not None and key not in MARKUP_FIRST):
            continue
        if key == "author":
            if not _CJK.search(value) or value in site_names or len(value) > 40:
                continue   # a site's name or a brand, not a person
            meta[key] = [name for name in re.split(r"[、,，/／]\s*", value) if name]
        elif key in ("category", "source") and not _CJK.search(value):
            continue   # a URL slug ("news"), a code: not a name
        else:
            meta[key] = value
        sources[key] = where
    return meta, sources
