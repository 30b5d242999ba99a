"""The value of one labelled field (names after 作者, an outlet after 来源, a channel after 栏目)
and the filler allowed between fields (separators, weekdays, time zones, widget words).
"""

from __future__ import annotations

import re

from newsctl.cleaning import lexicon
from newsctl.cleaning.names import has_surname, parse_names
from newsctl.cleaning.rows import DATE_KINDS, NAME_KINDS, SENTENCE_STOP, RowBuilder
from newsctl.text import regexcache

# brackets a field's value may open and close: "（編輯：張家瑜）"
OPEN_BRACKETS = "【[（(〔［「"
CLOSE_BRACKETS = "】]）)〕］」"
_FILLER_TOKEN = regexcache.compile(
    r"(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]|HKT|CST|GMT\+?8?|UTC\+?8?|\d{1,8}|[A-Za-z]{0,2}"
    r"|第\s*\d{1,5}\s*(?:期|号|號)"   # an issue number: "第387期"
    r"|更新|已更新|Updated|updated"   # an update time after the date: "（3/2 15:10 更新）"
    # an RSS date: "Tue, 18 Mar 2025 09:30:00 +0800"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
_SPLIT_FILLER = regexcache.compile(r"[\s" + re.escape(OPEN_BRACKETS + CLOSE_BRACKETS) + r"|｜丨/／∕・·•‧∙,，;；:：\-–—_*+■□◆◇●○★☆▶►]+")


def is_filler(text: str) -> bool:
    """Separators, brackets, weekdays, time zones and widget words (``【纠错】``) only."""
    if not text or text.isspace():
        return True
    ui = lexicon.word_set("ui_tokens")
    for token in _SPLIT_FILLER.split(text):
        if token and token not in ui and not _FILLER_TOKEN.fullmatch(token):
            return False
    return True


def _value_end(value: str) -> int:
    """A value stops at a closing bracket it did not open: ``（編輯：張家瑜）1140302``."""
    depth = 0
    for i, ch in enumerate(value):
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            if depth == 0:
                return i
            depth -= 1
    return len(value)


def _take_value(kind: str, label: str, value: str, row: RowBuilder, glued: bool = False) -> bool:
    """Record one labelled value; False when it does not have the shape its label promises.

    A value glued to its label must be names that start with a surname ("記者施文龍"), which
    keeps "编译器的性能" or "记者了解到" prose."""
    value = value.strip(" \t\u3000\u00a0:：|｜丨,，")
    if SENTENCE_STOP.search(value):
        return False
    not_names = lexicon.word_set("not_names")
    if kind in NAME_KINDS:
        if kind == "credit" and len(value) <= 30:
            return True
        if label in ("原创", "原創") and " " in value:
            # WeChat: "原创 <作者> <公众号>": the last token is the account, a source.
            head, _, account = value.rpartition(" ")
            names = parse_names(head)
            if names is None or not account or len(account) > 20:
                return False
            row.authors.extend(names)
            row.sources.append(account)
            return True
        # "作者：本报记者 林思源": the reporter's title inside the value is no name
        value = _ROLE_PREFIX.sub("", value)
        names = parse_names(value)
        if names is None or (glued and not all(has_surname(n) for n in names)):
            return False
        if kind == "editor":
            row.editors.extend(names)
        elif kind == "author":
            row.authors.extend(names)
        return True
    if kind == "source":
        if len(value) > 24 or "，" in value:
            return False
        if value and value not in not_names:
            row.sources.append(value)
            row.labelled_sources.append(value)
        return True
    if kind == "source_note":
        return len(value) <= 80
    if kind == "category":
        if len(value) > 12:
            return False
        row.category = value or None
        return True
    if kind == "keywords":
        return len(value) <= 100
    if kind == "field":
        return len(value) <= 60
    return False


_ROLE_PREFIX = regexcache.compile(r"^(?:本报|本報|本台|本网|本網|本刊)?(?:特派|特约|特約|实习|實習|见习|見習|首席)?"
                                  r"(?:记者|記者)\s*")


def finish_field(pending: tuple[str, str, bool], gap: str, row: RowBuilder, date_follows: bool) -> bool:
    """Close a label with the text that follows it (up to the next field)."""
    kind, label, glued = pending
    if kind in DATE_KINDS:
        # a date label must be followed by its date (handled by the caller) or by nothing
        return not gap.strip(" \t\u3000:：|｜丨") or (date_follows and is_filler(gap))
    end = _value_end(gap)
    if not is_filler(gap[end:]):
        return False
    return _take_value(kind, label, gap[:end], row, glued)
