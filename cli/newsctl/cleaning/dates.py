"""Dates and times as news pages print them, turned into ISO 8601.

Handles ``2025-03-02``, ``2025/3/2``, ``2025.03.02``, ``2025年3月2日``, ROC years
(``民國114年3月2日``, ``114/03/02``), Chinese numerals (``二〇二五年三月二日``), day first
(``14/03/2025``, as Hong Kong, Macau, Singapore and Malaysia print it), English month names
(``March 18, 2025``, ``18 Mar 2025``), full-width digits, an optional weekday, and a time
(``14:05``, ``14:05:33``, ``14时05分``, ``下午2:05``, ``4:12 PM``).
The result is as precise as the page: ``2025-03-02``, ``2025-03-02T14:05`` or with seconds.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from typing import NamedTuple

from newsctl.text import regexcache

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９：／．－", "0123456789:/.-")
_FULLWIDTH = regexcache.compile("[０-９]")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇○零一二三四五六七八九十"
_ROC = r"(?:中華民國|中华民国|民國|民国)"
_WEEKDAY = r"(?:[(（]?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天七][)）]?)"
_TIME = (
    r"(?:\s*(?:T|\s|,|，|[|｜丨・·]|\s[-–—]\s)?\s*(?:" + _WEEKDAY + r"\s*)?"
    # a time-zone token between the date and the time: "2025-03-03 HKT 07:52"
    r"(?:(?:HKT|CST|JST|GMT(?:\+0?8)?|UTC(?:\+0?8)?|北京时间|北京時間|台北時間|香港時間"
    r"|格林尼治标准时间|格林尼治標準時間|格林威治时间|格林威治時間)\s*)?"
    r"(?P<ampm>上午|下午|晚上|早上|凌晨|中午|傍晚)?\s*"
    r"(?P<H>[01]?\d|2[0-3])\s*(?:[:：]|时|時|点|點)\s*(?P<M>[0-5]\d)(?:分|\s+分(?=\s|$))?"
    r"(?:\s*[:：]\s*(?P<S>[0-5]\d)|\s*(?P<S2>[0-5]?\d)\s*秒)?"
    r"(?!\d)(?:\s*(?P<ampm2>AM|PM|am|pm))?)?"
)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = (
    r"(?:(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)"
    r"|(?P<roc1>" + _ROC + r"\s*)?(?<![\d.])(?P<ry>1\d{2})(?P<rsep>[/.-])(?P<rm>[01]?\d)(?P=rsep)"
    r"(?P<rd>[0-3]?\d)(?!\d)"
    r"|(?P<roc2>" + _ROC + r"\s*)?(?<!\d)(?P<cy>\d{2,4}|[" + _CN_NUM + r"]{2,4})\s*年\s*"
    r"(?P<cm>[01]?\d|[" + _CN_NUM + r"]{1,2})\s*月\s*(?P<cd>[0-3]?\d|[" + _CN_NUM + r"]{1,3})\s*[日号號]"
    r"(?:\s*" + _WEEKDAY + r")?"
    # day first: 14/03/2025 (a year of four digits last tells it from 2025/03/14 and 114/03/14)
    r"|(?<![\d./-])(?P<dd>[0-3]?\d)(?P<dsep>[-/.])(?P<dm>[01]?\d)(?P=dsep)(?P<dy>(?:19|20)\d{2})(?!\d)"
    # March 18, 2025 / Mar. 18 2025 / 18 March 2025
    r"|(?P<em>" + _MONTHS + r")\.?\s+(?P<ed>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<ey>(?:19|20)\d{2})(?!\d)"
    r"|(?<!\d)(?P<ed2>[0-3]?\d)\s+(?P<em2>" + _MONTHS + r")\.?,?\s+(?P<ey2>(?:19|20)\d{2})(?!\d))"
)


# every date shape opens with a year (or ROC year) and a separator or 年: cheap to rule out.
# It holds where two year digits stand before \s* and a separator or 年 (a longer year holds
# them too), where a digit, a separator and a digit stand, or where a month's name opens.  Each
# branch is written after one shared first character (its own class checked looking back), so
# re skips to those characters instead of trying every branch at every place of the line.
_YEAR_DIGIT = "0-9０-９〇○零一二三四五六七八九"
MAYBE_DATE = regexcache.compile(
    r"[" + _YEAR_DIGIT + r"\dJFMASOND]"
    r"(?:(?<=[" + _YEAR_DIGIT + r"])[" + _YEAR_DIGIT + r"]\s*(?:[-/.．／－]|年)|(?<=\d)[-/.]\d"
    r"|(?<=J)(?:an|u[nl])|(?<=F)eb|(?<=M)a[ry]|(?<=A)(?:pr|ug)|(?<=S)ep|(?<=O)ct|(?<=N)ov|(?<=D)ec)"
)


class DateMatch(NamedTuple):
    """One date found in a line: where it is and its ISO 8601 form."""

    start: int
    end: int
    iso: str


@functools.lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    return regexcache.compile(_DATE + _TIME)


# Where a date can start (a ROC marker or a year before its separator): the full pattern is
# only tried there, which is far cheaper than scanning it across the whole line.  Every branch
# opens with one character of a shared class, then checks (looking back) that it is its own
# ("(?<!\d)\d" is written "\d(?<!\d\d)", the same test once the digit is read): re skips to
# the characters of that class and tries the branches only there, instead of everywhere.
# The branches and their order are those of _ROC, the years and _MONTHS, so the matches (and
# where each ends: the scan goes on from there) are the same.
_MONTH_TAILS = (r"(?:(?<=J)(?:an(?:uary)?|une?|uly?)|(?<=F)eb(?:ruary)?|(?<=M)(?:ar(?:ch)?|ay)"
                r"|(?<=A)(?:pr(?:il)?|ug(?:ust)?)|(?<=S)ep(?:t(?:ember)?)?|(?<=O)ct(?:ober)?"
                r"|(?<=N)ov(?:ember)?|(?<=D)ec(?:ember)?)")   # _MONTHS after its first letter
_START = regexcache.compile(
    r"[中民\d" + _CN_NUM + r"JFMASOND]"
    r"(?:(?<=中)(?:華民國|华民国)|(?<=民)[國国]"   # _ROC
    r"|(?<=\d)(?<!\d\d)\d{1,3}(?=\s*(?:[-/.]|年))|(?<=[" + _CN_NUM + r"])[" + _CN_NUM + r"]{1,3}(?=\s*年)"
    r"|(?<=\d)(?<![\d./-]\d)\d?(?=[-/.]\d)|(?<=\d)(?<!\d\d)\d?(?=\s+" + _MONTHS + r")"
    r"|" + _MONTH_TAILS + r"(?=\.?\s+\d))"
)


def _cn_number(text: str) -> int | None:
    """``三`` -> 3, ``十二`` -> 12, ``二十一`` -> 21; plain digits pass through."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _cn_digits(text)
    tens, _, ones = text.partition("十")
    high = _CN_DIGITS.get(tens, -1) if tens else 1
    low = _CN_DIGITS.get(ones, -1) if ones else 0
    if high < 0 or low < 0:
        return None
    return high * 10 + low


def _cn_digits(text: str) -> int | None:
    """Digit-by-digit numerals as years are written: ``二〇二五`` -> 2025."""
    if text.isdigit():
        return int(text)
    value = 0
    for ch in text:
        if ch not in _CN_DIGITS:
            return None
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _year(raw: str, roc: bool) -> int | None:
    year = _cn_digits(raw)
    if year is None:
        return None
    if roc or 1 <= year < 200:
        return year + 1911
    if 1900 <= year <= 2100:
        return year
    return None


def _iso_from(m: re.Match[str]) -> str | None:
    if m.group("y"):
        year: int | None = int(m.group("y"))
        month: int | None = int(m.group("m"))
        day: int | None = int(m.group("d"))
    elif m.group("ry"):
        year = _year(m.group("ry"), True)
        month, day = int(m.group("rm")), int(m.group("rd"))
    elif m.group("dy"):
        year, month, day = int(m.group("dy")), int(m.group("dm")), int(m.group("dd"))
    elif m.group("ey") or m.group("ey2"):
        name = (m.group("em") or m.group("em2")).lower()
        month = next(i for i, full in enumerate(_MONTH_NAMES, start=1) if full.startswith(name[:3]))
        year, day = int(m.group("ey") or m.group("ey2")), int(m.group("ed") or m.group("ed2"))
    else:
        year = _year(m.group("cy"), bool(m.group("roc2")))
        month, day = _cn_number(m.group("cm")), _cn_number(m.group("cd"))
    if year is None or month is None or day is None:
        return None
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return None
    if m.group("H") is None:
        return date.isoformat()
    hour, minute = int(m.group("H")), int(m.group("M"))
    ampm = m.group("ampm") or m.group("ampm2") or ""
    if ampm in ("下午", "晚上", "傍晚", "PM", "pm") and hour < 12 or ampm == "中午" and hour < 11:
        hour += 12
    if hour > 23:
        return date.isoformat()
    seconds = m.group("S") or m.group("S2")
    iso = f"{date.isoformat()}T{hour:02d}:{minute:02d}"
    return f"{iso}:{int(seconds):02d}" if seconds is not None else iso


def has_date(text: str) -> bool:
    """A cheap over-approximation: could ``text`` hold a date at all?"""
    return MAYBE_DATE.search(text) is not None


def find_dates(text: str) -> list[DateMatch]:
    """Every valid date (with its time, when one follows) in ``text``, left to right."""
    if not MAYBE_DATE.search(text):
        return []
    return list(_dates(text))


# A line's dates are asked for by several rules in a row (the labelled row, then the row read
# token by token, and the weak date rule when the page is weighed): the last lines' dates are
# remembered (as tuples: every caller gets a list of its own)
@functools.lru_cache(maxsize=256)
def _dates(text: str) -> tuple[DateMatch, ...]:
    # str.translate walks every character: only pay for it when a full-width digit is there
    probe = text.translate(_FULLWIDTH_DIGITS) if _FULLWIDTH.search(text) else text
    pattern = _date_re()
    found: list[DateMatch] = []
    taken = 0
    for start in _START.finditer(probe):
        if start.start() < taken:
            continue
        m = pattern.match(probe, start.start())
        iso = _iso_from(m) if m else None
        if m is None or iso is None:
            continue
        end = m.end()
        while end > m.start() and probe[end - 1].isspace():
            end -= 1
        found.append(DateMatch(m.start(), end, iso))
        taken = m.end()
    return tuple(found)


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ISO 8601, or None.

    >>> parse_date("民國114年3月2日")
    '2025-03-02'
    """
    dates = find_dates(text)
    return dates[0].iso if dates else None
