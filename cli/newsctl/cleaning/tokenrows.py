"""Header rows without labels, read token by token around their date.

Many pages print their header row without labels, in their own order: "2024年05月17日20:32:38
財經 8842", "2023年11月08日 08:15 某某财经综合", "某某要聞 2023-03-09".  When the labelled parse
(:mod:`.fields`) finds no row, such a line is read token by token: the date is the anchor, and
every other token must be something a header row holds, or the line is not a row (a teaser
headline with its date has a long token: it stays a headline).
"""

from __future__ import annotations

from newsctl.cleaning import lexicon
from newsctl.cleaning.dates import MAYBE_DATE, find_dates
from newsctl.cleaning.rows import (
    DATE_KINDS,
    SENTENCE_STOP,
    Row,
    RowBuilder,
    is_place,
    looks_like_outlet,
    parse_views,
)
from newsctl.text import regexcache

_ROW_TOKEN_SPLIT = regexcache.compile(r"[\s\u3000|｜丨/／・·•‧∙,，;；]+")
_BARE_COUNT = regexcache.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>[万萬wW]?)")
_COMPILED_BY = ("综合", "綜合", "整理", "编译", "編譯")
# "最後更新: 17:26" after the date: when the story was updated, the same day
_UPDATE_TIME = regexcache.compile(
    r"(?:最後更新|最后更新|更新時間|更新时间|更新於|更新于|更新)\s*[：:]?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?")
_TOKEN_ROW_MAX = 60


def parse_token_row(text: str) -> Row | None:
    """A header row without labels, read token by token around its date, else None.

    >>> row = parse_token_row("2024年05月17日20:32:38 財經 8842")
    >>> row.dates, row.category, row.views
    (((1, '2024-05-17T20:32:38'),), '財經', 8842)
    """
    if len(text) > _TOKEN_ROW_MAX or MAYBE_DATE.search(text) is None or SENTENCE_STOP.search(text):
        return None
    dates = find_dates(text)
    if not dates:
        return None
    rest = text
    for d in reversed(dates):
        rest = rest[:d.start] + " " + rest[d.end:]
    row = RowBuilder()
    row.dates.append((DATE_KINDS["date_plain"], dates[0].iso))
    row.kinds.append("date")
    channels = lexicon.word_set("category_words")
    for token in _ROW_TOKEN_SPLIT.split(_UPDATE_TIME.sub(" ", rest)):
        token = token.strip("()（）[]【】")
        if not token:
            continue
        count = _BARE_COUNT.fullmatch(token)
        if count is not None:
            if row.views is not None:
                return None   # two bare numbers: a score or a table, not a header row
            row.views = parse_views(count.group("num"), count.group("unit"))
            row.kinds.append("views")
        elif token in channels or token.removesuffix("新闻").removesuffix("新聞") in channels:
            if row.category is not None:
                return None
            row.category = token
            row.kinds.append("category")
        elif is_place(token):
            continue   # where the post was sent from
        elif looks_like_outlet(token.removesuffix(_compiled_by(token))) and len(token) <= 16:
            row.sources.append(token.removesuffix(_compiled_by(token)))
            row.kinds.append("source")
        elif token.endswith(_CHANNEL_ENDINGS) and len(token) <= 8:
            # "某某要聞", "本地新聞": a section's name printed with the date
            if row.category is not None:
                return None
            row.category = token
            row.kinds.append("category")
        else:
            return None
    return row.build()


_CHANNEL_ENDINGS = ("要闻", "要聞", "新闻", "新聞", "快讯", "快訊", "头条", "頭條", "资讯", "資訊")


def _compiled_by(token: str) -> str:
    """The "综合" of "某某财经综合" (compiled by an outlet), else ""."""
    return next((s for s in _COMPILED_BY if token.endswith(s) and len(token) > len(s)), "")
