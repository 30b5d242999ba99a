"""Numbers joined to their date, time, percent and magnitude units: ``2025年``, ``3月``, ``5.3%``.

jieba cuts ``2025年3月5日`` into six tokens and ``305.7万亿`` into two, where segmentation
standards (PKU and MSR, Academia Sinica and City University in SIGHAN 2005; our gold set) write
dates, clock times, percentages and 万/亿 amounts as one word each.  Durations and counts stay
apart, as those standards keep them (``8 年``, ``12.98 秒``, ``1 分``, ``6 个 月``): a year needs
four digits (or 民國 before it), minutes and seconds an hour before them.  On the gold set
(tests/data/seg_gold) this raises word F1 by about one point in each script.

The work is driven by the text, not by the tokens: one regex scan finds every number followed by
a unit, and only those places are looked at (a Python step per token would cost more than
segmenting with rjieba).  Applied to precise-mode tokens of both backends, after the projection
has put the input's own characters back, so ``１９９７年`` and ``二〇二五年`` join too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from newsctl.text import regexcache

__all__ = ["UNIT_HINT", "apply_joins", "unit_joins", "with_joined_numbers"]

T = TypeVar("T")


class Spanned(Protocol):
    """A token with its place in the line."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)

# units (and 第 before a number): the numbers are read backwards from them
# a unit right after the last digit or numeral of a number: the scan looks for the units (fewer
# than the digits and numerals, 一 being everywhere) and a lookbehind for the digit (0.07 s ->
# 0.05 s on 20 MB); the same places as the plain form f"[{digits}](?:万亿|萬億|[{units}])"
# (tests/test_segment_units.py), each match starting one character later
_UNIT = regexcache.compile(r"[年月日号號时時分秒%％‰万萬亿億兆](?<=[\d〇○零一二三四五六七八九十两兩].)"
                           r"(?:(?<=万)亿|(?<=萬)億)?")
_NUMERAL_UNITS = frozenset("年月日号號时時")
_ORDINAL = regexcache.compile(r"第(?=\d)")
# a cheap test: text without a candidate is left as it is
UNIT_HINT = regexcache.compile(r"[\d〇○零一二三四五六七八九十两兩][年月日号號时時分秒%％‰万萬亿億兆]|第\d")
_DIGITS = regexcache.compile(r"\d+(?:[.,．，]\d+)*")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_ROC = ("民國", "民国")
_AMOUNT_UNITS = frozenset({"%", "％", "‰", "万", "萬", "亿", "億", "万亿", "萬億", "兆"})
# a clock hour or minute just before a number: "8时12分" (the 分 belongs to a time)
_NUMERALS = frozenset("〇○零一二三四五六七八九十两兩")
_SEPARATORS = frozenset(".．,，")
_NEEDS_BEFORE = frozenset("年分秒")
_CLOCK_BEFORE = regexcache.compile(r"\d{1,2}[时時点點]$|\d{1,2}分$")


def _value(word: str) -> int | None:
    """The integer an Arabic or Chinese numeral says (``12``, ``１２``, ``十二``), else None."""
    if word.isdecimal():   # (isdigit takes "²", which int() refuses)
        return int(word)
    if not word or len(word) > 3 or any(c not in _CN_DIGITS and c != "十" for c in word):
        return None
    if "十" not in word:
        return _CN_DIGITS[word] if len(word) == 1 else None
    tens, _, ones = word.partition("十")
    if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS):
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _joins(number: str, unit: str, before: str) -> bool:
    """Whether ``unit`` belongs to ``number``; ``before`` is the text just before the number."""
    if unit in _AMOUNT_UNITS:
        return _DIGITS.fullmatch(number) is not None
    if unit == "年":
        if number.isdigit():
            return len(number) == 4 or (before.rstrip().endswith(_ROC) and 2 <= len(number) <= 3)
        return len(number) == 4 and all(c in _CN_DIGITS for c in number)   # 二〇二五
    value = _value(number)
    if value is None:
        return False
    if unit == "月":
        return 1 <= value <= 12
    if unit in ("日", "号", "號"):
        return 1 <= value <= 31
    if unit in ("时", "時"):
        return 0 <= value <= 24
    # 分/秒: only in a clock time (8时12分, 12分30秒); "1 分" is a score, "12.98 秒" a duration
    return 0 <= value <= 59 and _CLOCK_BEFORE.search(before) is not None


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """(start, split, end) of every number + unit (split: where the unit starts) and every 第 +
    number (split: after 第), in text order.

    The scan looks for a digit or numeral right before a unit and reads the number backwards
    from there; scanning for whole numbers is several times slower (一 is everywhere).
    """
    found: list[tuple[int, int, int]] = []
    for m in _UNIT.finditer(text):
        split = m.start()
        unit = text[split:m.end()]
        start = split
        if text[split - 1].isdigit():
            while start and (text[start - 1].isdigit() or (
                    text[start - 1] in _SEPARATORS and start >= 2 and text[start - 2].isdigit())):
                start -= 1
        elif text[split - 1] in _NUMERALS and unit in _NUMERAL_UNITS:
            while start and split - start < 4 and text[start - 1] in _NUMERALS:
                start -= 1
            if start and text[start - 1] in _NUMERALS:
                continue   # a longer run of numerals: not a number we read
        else:
            continue
        number = text[start:split]
        before = text[max(0, start - 6):start] if unit in _NEEDS_BEFORE else ""
        if _joins(number, unit, before):
            found.append((start, split, m.end()))
    for m in _ORDINAL.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isdigit():
            end += 1
        found.append((m.start(), m.end(), end))
    if found and len(found) > 1:
        found.sort()
    return found


def unit_joins(text: str, starts: Sequence[int] | None, ends: Sequence[int]) -> list[int]:
    """Indices ``i`` where token ``i`` (a number, or 第) and token ``i + 1`` form one word.

    ``starts``/``ends`` are the tokens' offsets in ``text``, in order (blank tokens may be
    missing); ``starts`` None means the tokens tile the text (each starts where the last ended).
    A join needs both tokens to be exactly the number and the unit, side by side.
    """
    joins: list[int] = []
    last = -2
    for first, split, unit_end in _candidates(text):
        i = bisect_left(ends, split)
        if i + 1 >= len(ends) or ends[i] != split or i <= last + 1:
            continue
        start_i = starts[i] if starts is not None else (ends[i - 1] if i else 0)
        start_next = starts[i + 1] if starts is not None else split
        if start_i != first:
            continue   # the number is not one token (or is part of the previous join)
        if start_next != split or ends[i + 1] != unit_end:
            continue   # the unit is not exactly the next token ("万元" stays 3000 万元)
        joins.append(i)
        last = i
    return joins


def apply_joins(items: list[T], joins: list[int], merge: Callable[[T, T], T]) -> list[T]:
    """``items`` with ``items[i]`` and ``items[i + 1]`` merged for each ``i`` in ``joins``."""
    out: list[T] = []
    previous = 0
    for i in joins:
        out += items[previous:i]
        out.append(merge(items[i], items[i + 1]))
        previous = i + 2
    out += items[previous:]
    return out


def with_joined_numbers(search: list[S], precise: list[S]) -> list[S]:
    """Search mode is the precise tokens plus the words inside them: where precise mode joins a
    number to its unit (``4月``, ``305.7万亿``), so does search mode, in place of the pieces."""
    import bisect

    spans = {(t.start, t.end) for t in precise}
    listed = {(t.start, t.end) for t in search}   # search lists the unjoined precise words
    starts = [t.start for t in precise]   # precise tokens tile the line: sorted, no overlap
    out: list[S] = []
    for token in search:
        if (token.start, token.end) in spans:
            out.append(token)
            continue
        whole = precise[max(0, bisect.bisect_right(starts, token.start) - 1)]
        if (whole.start, whole.end) in listed or not (
                whole.start <= token.start and token.end <= whole.end):
            out.append(token)   # a word inside a precise word that search mode lists as is
            continue
        inside = [t for t in search if whole.start <= t.start and t.end <= whole.end
                  and (t.start, t.end) != (whole.start, whole.end)]
        piece = not any(o.start <= token.start and token.end <= o.end
                        and o.end - o.start > token.end - token.start for o in inside)
        if not piece:
            out.append(token)       # a word inside a piece (万亿 in 305.7万亿) stays
        elif token.end == whole.end:
            out.append(whole)       # the joined token, where its last piece stood
    return out
