"""People's names in bylines: ``方立新、何佳``, ``施文龍／彰化報導``, ``何思齊(研究員)``, ``Jane Doe``.

A byline value is accepted only when it is made of names (2-4 CJK characters, a name with a
middle dot, or a Latin name), after dropping what bylines put around names: roles and fillers
(``admin``, ``綜合報導``, ``文/图``), places (``台北報導``) and parenthesised titles.  Anything
else means the line is prose, not a byline.
"""

from __future__ import annotations

import functools
import re

from newsctl.cleaning import lexicon
from newsctl.text import regexcache

_CJK_NAME = regexcache.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·‧•・][\u4e00-\u9fff]{1,8}")
_LATIN_NAME = regexcache.compile(r"[A-Za-z][A-Za-z.'\-]*(?: [A-Za-z][A-Za-z.'\-]*){0,3}")
_PARENS = regexcache.compile(r"[（(][^（）()]{0,60}[）)]")
_NAME_SPLIT = regexcache.compile(r"[、，,;；/／∕|｜丨\s]+")
_LATIN_ONLY = regexcache.compile(r"[A-Za-z .'\-,&/]+")
_LATIN_SPLIT = regexcache.compile(r"\s*(?:,|&|/|\band\b)\s*")
# "／瑞溪 報導" after the names: where they reported from, not one more name
_PLACE_REPORTED = regexcache.compile(r"[／/∕]\s*[\u4e00-\u9fff]{2,6}\s*(?:綜合報導|综合报道|報導|报道|報道|报导)\s*$")
# an outlet's name before the writer's ("文/车驰网 汪峻")
_OUTLET_TOKEN = regexcache.compile(r"..(?:网|網|新闻|新聞|日报|日報|晚报|晚報|电视台|電視台|社)$")
# "常宁_NH2871": a portal's staff code glued to an editor's name
_STAFF_CODE = regexcache.compile(r"_[A-Za-z]{0,4}\d{2,8}\b")
_REPORTED = regexcache.compile(r"(?:綜合報導|综合报道|联合报道|聯合報導|報導|报道|報道|报导|電|电)$")


@functools.lru_cache(maxsize=1)
def _trailing_place() -> re.Pattern[str]:
    return regexcache.compile("(?:" + lexicon.alternation(lexicon.words("places")) + ")$")


@functools.lru_cache(maxsize=1)
def _name_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that are not names: fillers/roles, places, and column words (记者手记)."""
    return (lexicon.word_set("not_names"), lexicon.word_set("places"),
            lexicon.word_set("column_words"))


def has_surname(name: str) -> bool:
    """``施文龍`` yes, ``器的性能`` no (Latin names pass: their shape is evidence enough)."""
    if name.isascii():
        return True
    surnames = lexicon.word_set("surnames")
    return name[:1] in surnames or name[:2] in surnames


def parse_names(value: str) -> list[str] | None:
    """Names in a byline value (``方立新、何佳``, ``施文龍／彰化報導``, ``何思齊(研究員)``).

    Returns None when the value is not made of names (then the line is prose, not a byline);
    roles, places and fillers (``admin``, ``綜合報導``) are dropped without failing.
    """
    value = value.strip(" \t\u3000:：|｜丨/／∕,，")
    if "_" in value:
        value = _STAFF_CODE.sub("", value)   # "常宁_NH2871": a portal's staff code after the name
    not_names, places, columns = _name_sets()
    if _CJK_NAME.fullmatch(value):
        # the common case, one plain name: no splitting needed
        if value in columns:
            return None
        return [] if value in not_names or value in places else [value]
    if "(" in value or "（" in value:
        value = _PARENS.sub(" ", value).strip(" \t\u3000:：|｜丨/／,，")
    if "報" in value or "报" in value:
        value = _PLACE_REPORTED.sub("", value)
    if not value:
        return []
    if _LATIN_ONLY.fullmatch(value):
        parts = [p.strip() for p in _LATIN_SPLIT.split(value) if p.strip()]
        if all(_LATIN_NAME.fullmatch(p) for p in parts):
            return [p for p in parts if p not in not_names]
        return None
    names: list[str] = []
    for token in _NAME_SPLIT.split(value):
        if token in columns:
            return None  # "记者手记" is a subheading
        if not token or token in not_names or token in places:
            continue
        if token.startswith(("發自", "发自", "綜合", "综合")) or _OUTLET_TOKEN.fullmatch(token):
            continue
        if _REPORTED.search(token):
            # "台北報導" is a place; "施文龍台北報導" is a name glued to a known place.
            base = _REPORTED.sub("", token)
            rest = _trailing_place().sub("", base)
            if base not in places and rest != base and _CJK_NAME.fullmatch(rest):
                names.append(rest)
            continue
        if _CJK_NAME.fullmatch(token) or _LATIN_NAME.fullmatch(token):
            names.append(token)
            continue
        return None
    return names
