"""Numbers joined to their date, time, percent and magnitude units: ``2025年``, ``3月``, ``5.3%``.

jieba cuts ``2025年3月5日`` into six tokens and ``305.7万亿`` into two, where segmentation
standards (PKU and MSR, Academia Sinica and City University in SIGHAN 2005; our gold set) write
dates, clock times, percentages and 万/亿 amounts as one word each.  Durations and counts stay
apart, as those standards keep them (``8 年``, ``12.98 秒``, ``1 分``, ``6 个 月``): a year needs
four digits (or 民國 before it), minutes and seconds an hour before them.  On the gold set
(tests/data/seg_gold) this raises word F1 by about one point in each script.

Applied to precise-mode tokens (both backends alike), after the projection has put the input's
own characters back, so ``１９９７年`` and ``二〇二五年`` join too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from newsctl import regexcache

__all__ = ["UNIT_HINT", "join_line_units", "join_units"]

_DIGITS = regexcache.compile(r"\d+(?:[.,．，]\d+)*")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ROC = frozenset({"民國", "民国", "中華民國", "中华民国"})
_AMOUNT_UNITS = frozenset({"%", "％", "‰", "万", "萬", "亿", "億", "万亿", "萬億", "兆"})
_HOURS = ("时", "時")
# a unit character right after a digit: lines without one are left as they are (the cheap test)
UNIT_HINT = regexcache.compile(
    r"[\d〇○零一二三四五六七八九十两兩][年月日号號时時分秒%％‰万萬亿億兆]|第\d")

T = TypeVar("T")


def _value(word: str) -> int | None:
    """The integer an Arabic or Chinese numeral says (``12``, ``１２``, ``十二``), else None."""
    if _DIGITS.fullmatch(word):
        return int(word) if word.isdigit() else None
    if not word or any(c not in _CN_DIGITS and c != "十" for c in word) or len(word) > 3:
        return None
    if "十" not in word:
        return _CN_DIGITS[word] if len(word) == 1 else None
    tens, _, ones = word.partition("十")
    if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _is_year(word: str, before: str | None) -> bool:
    if _DIGITS.fullmatch(word) and word.isdigit():
        return len(word) == 4 or (before in _ROC and 2 <= len(word) <= 3)
    # 二〇二五: four digit-by-digit numerals
    return len(word) == 4 and all(c in _CN_DIGITS for c in word)


def _joins(previous: str, word: str, before: str | None, after_hour: bool) -> bool:
    """Whether ``word`` (a unit) belongs to the number ``previous``."""
    if word in _AMOUNT_UNITS:
        return _DIGITS.fullmatch(previous) is not None
    if word == "年":
        return _is_year(previous, before)
    value = _value(previous)
    if value is None:
        return False
    if word == "月":
        return 1 <= value <= 12
    if word in ("日", "号", "號"):
        return 1 <= value <= 31
    if word in _HOURS:
        return 0 <= value <= 24
    if word in ("分", "秒"):
        return after_hour and 0 <= value <= 59
    return False


def join_units(words: Sequence[T], text_of: Callable[[T], str], merge: Callable[[T, T], T],
               adjacent: Callable[[T, T], bool]) -> list[T]:
    """``words`` with each unit joined to the number right before it (``merge(number, unit)``);
    ``adjacent(a, b)`` says that nothing (no blank) stands between two tokens."""
    out: list[T] = []
    after_hour = False   # the last joined token was a clock hour (8时) or minute (12分)
    for word in words:
        text = text_of(word)
        if out and adjacent(out[-1], word):
            previous = text_of(out[-1])
            before = text_of(out[-2]) if len(out) > 1 else None
            if previous == "第" and _DIGITS.fullmatch(text) and text.isdigit():
                out[-1] = merge(out[-1], word)   # 第78 (分钟): an ordinal
                continue
            if _joins(previous, text, before, after_hour):
                out[-1] = merge(out[-1], word)
                after_hour = text in _HOURS or text == "分"
                continue
        if not (after_hour and _DIGITS.fullmatch(text)):
            after_hour = False   # "8时 12分": the minutes' number comes between
        out.append(word)
    return out


def join_line_units(words: list[str], line: str) -> list[str]:
    """:func:`join_units` for the words of ``line`` (blank words already dropped)."""
    spans: list[tuple[str, int, int]] = []
    position = 0
    for word in words:
        start = line.find(word, position)
        if start < 0:   # pragma: no cover - the words always come from the line
            return words
        position = start + len(word)
        spans.append((word, start, position))
    joined = join_units(spans, _text, _merge_spans, _touching)
    return words if len(joined) == len(spans) else [word for word, _, _ in joined]


def _text(span: tuple[str, int, int]) -> str:
    return span[0]


def _merge_spans(a: tuple[str, int, int], b: tuple[str, int, int]) -> tuple[str, int, int]:
    return a[0] + b[0], a[1], b[2]


def _touching(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[2] == b[1]
