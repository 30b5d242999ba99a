"""Breadcrumbs printed one item per line (``首页`` / ``>`` / ``教育新闻``), or with each separator
glued to the item after it (``评论`` / ``> 海外观察`` / ``> 正文``): one trail, whose deepest
channel names the category.  (A trail on one line is :mod:`.menus`' job.)
"""

from __future__ import annotations

from newsctl.cleaning.items import Item, Ledger
from newsctl.cleaning.menus import crumb_channel
from newsctl.cleaning.prose import is_prose
from newsctl.cleaning.verdicts import Verdict
from newsctl.text import regexcache

_CRUMB_SEPARATORS = frozenset({">", "＞", ">>", "›", "»", "→", "/", "／"})
_CRUMB_ITEM_MAX = 12


def _crumb_item(item: Item) -> bool:
    text = item.text
    return (not item.keep and len(text) <= _CRUMB_ITEM_MAX and text not in _CRUMB_SEPARATORS
            and not is_prose(text) and (item.verdict is None or item.verdict.row is None))


_GLUED_CRUMB = regexcache.compile(r"^(?:>>|>|＞|›|»|→)\s*(?P<item>\S.{0,11})$")
_CRUMB_FIRST = frozenset(">＞›»→")


def breadcrumb_lines(items: list[Item], decide: Ledger) -> None:
    """A breadcrumb printed one item per line (``首页`` / ``>`` / ``教育新闻`` / ``>`` /
    ``工作动态``): its items go as one trail, the deepest channel naming the category."""
    _glued_crumbs(items, decide)
    i = 1
    while i < len(items) - 1:
        if items[i].text not in _CRUMB_SEPARATORS or not _crumb_item(items[i - 1]):
            i += 1
            continue
        run = [i - 1]
        j = i
        while (j + 1 < len(items) and items[j].text in _CRUMB_SEPARATORS
               and _crumb_item(items[j + 1])):
            run.append(j + 1)
            j += 2
        if len(run) < 2:
            i += 1
            continue
        channels = [c for c in (crumb_channel(items[k].text) for k in run) if c]
        why = f"a trail of {len(run)} items, one a line"
        for k in run:
            decide.claim(items[k], Verdict("breadcrumb", True), why)
        decide.claim(items[run[-1]], Verdict("breadcrumb", True, value=channels[-1] if channels else None), why)
        i = j + 1


def _glued_crumbs(items: list[Item], decide: Ledger) -> None:
    """The same trail with each separator glued to the item after it (``评论`` / ``> 海外观察``
    / ``> 正文``): the last channel before ``正文`` (or the end) names the category."""
    i = 0
    while i < len(items) - 1:
        first = items[i]
        if items[i + 1].text[0] not in _CRUMB_FIRST:
            i += 1
            continue
        glued = _GLUED_CRUMB.match(items[i + 1].text)
        if glued is None or not _crumb_item(first) or _GLUED_CRUMB.match(first.text):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(items) and (m := _GLUED_CRUMB.match(items[j].text)) is not None \
                and not items[j].keep and not is_prose(m.group("item")):
            run.append(j)
            j += 1
        parts = [items[k].text if k == i else _GLUED_CRUMB.match(items[k].text).group("item")  # type: ignore[union-attr]
                 for k in run]
        channels = [c for c in (crumb_channel(part) for part in parts) if c]
        if len(run) >= 2 and channels:
            why = f"a trail of {len(run)} items, each separator glued to the next"
            for k in run:
                decide.claim(items[k], Verdict("breadcrumb", True), why)
            decide.claim(items[run[-1]], Verdict("breadcrumb", True, value=channels[-1]), why)
        i = j
