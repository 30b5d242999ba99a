"""What a page's markup declares about its article: ``<meta>`` tags, JSON-LD and ``<time>``.

Each value says where it was found (``meta[property=og:title]``, ``json-ld:datePublished``,
``time[datetime]``), so ``--explain`` can show it.  The first source in each list below that
gives a value wins: the article's own properties before the site's, JSON-LD's typed fields
before loose tags.
"""

from __future__ import annotations

import json
import re
from typing import Any

# meta key -> the <meta> names/properties that give it, in order of trust
_META_TAGS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "title", "headline", "dc.title"),
    "date": ("article:published_time", "og:article:published_time", "pubdate", "publishdate",
             "publish_date", "publication_date", "datepublished", "dc.date", "dc.date.issued",
             "sailthru.date", "parsely-pub-date", "og:release_date", "date"),
    "author": ("article:author", "author", "dc.creator", "byl", "sailthru.author",
               "parsely-author"),
    "source": ("source", "contentsource", "og:source", "citation_publisher"),
    "site": ("og:site_name", "application-name", "twitter:site", "publisher"),
    "category": ("article:section", "section", "category", "og:article:section",
                 "parsely-section", "columnname", "column"),
}
# JSON-LD fields, in order
_LD_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("headline", "name"),
    "date": ("datePublished", "dateCreated", "uploadDate"),
    "author": ("author", "creator"),
    "site": ("publisher",),
    "category": ("articleSection",),
}
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "WebPage", "ReportageArticle", "OpinionNewsArticle")
_URL = re.compile(r"^(?:https?:)?//|^www\.", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def page_meta(root: Any) -> dict[str, tuple[str, str]]:
    """``key -> (value, where)`` for title, date, author, source, site and category."""
    found: dict[str, tuple[str, str]] = {}
    for key, value, where in [*_from_json_ld(root), *_from_meta_tags(root), *_from_time(root)]:
        value = _SPACES.sub(" ", value).strip()
        if value and not _URL.match(value) and key not in found and len(value) <= 200:
            found[key] = (value, where)
    return found


def _from_meta_tags(root: Any) -> list[tuple[str, str, str]]:
    by_name: dict[str, tuple[str, str]] = {}
    for tag in root.iter("meta"):
        content = tag.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            name = (tag.get(attr) or "").strip().lower()
            if name and name not in by_name:
                by_name[name] = (content, f"meta[{attr}={name}]")
    out = []
    for key, names in _META_TAGS.items():
        for name in names:
            if name in by_name:
                out.append((key, *by_name[name]))
    return out


def _from_time(root: Any) -> list[tuple[str, str, str]]:
    for tag in root.iter("time"):
        when = tag.get("datetime") or tag.get("pubdate")
        if when and any(c.isdigit() for c in when):
            return [("date", when, "time[datetime]")]
    return []


def _from_json_ld(root: Any) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for item in _ld_items(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(kind in _ARTICLE_TYPES for kind in kinds):
                continue
            for key, fields in _LD_FIELDS.items():
                for name in fields:
                    value = _ld_text(item.get(name))
                    if value:
                        out.append((key, value, f"json-ld:{name}"))
                        break
    return out


def _ld_items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD block (a list, an ``@graph``, or one object)."""
    if isinstance(data, list):
        return [item for part in data for item in _ld_items(part)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        return [data, *(_ld_items(graph) if graph else [])]
    return []


def _ld_text(value: Any) -> str | None:
    """A JSON-LD value as text: a string, an object's ``name``, or a list of those joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    if isinstance(value, list):
        names = [name for name in map(_ld_text, value) if name]
        return "、".join(names) or None
    return None
