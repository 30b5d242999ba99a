"""Patterns rewritten for speed still find what their plain forms find.

A scan pattern whose branches open differently makes ``re`` try every branch at every place of
a line; rewritten to open with one shared character class (each branch checking its own class
looking back), ``re`` skips straight to the places where one can start.  These tests hold the
rewritten patterns to the plain ones: same matches, at the same places, ending at the same
places.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.cleaning import dates, headline

_CN_NUM = "〇○零一二三四五六七八九十"
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# the plain forms
PLAIN_MAYBE_DATE = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{2,4}\s*(?:[-/.．／－]|年)"
                              r"|\d[-/.]\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
PLAIN_START = re.compile(
    r"(?:中華民國|中华民国|民國|民国)|\d(?<!\d\d)\d{1,3}(?=\s*(?:[-/.]|年))|[" + _CN_NUM + r"][" + _CN_NUM
    + r"]{1,3}(?=\s*年)|\d(?<![\d./-]\d)\d?(?=[-/.]\d)|\d(?<!\d\d)\d?(?=\s+" + _MONTHS + r")|" + _MONTHS
    + r"(?=\.?\s+\d)"
)

# what dates are made of, and a few characters they are not
_ALPHABET = ("0123456789０１２٣〇○零一二三四五六七八九十年月日號 \u3000-/.．／－:"
             "JFMASONDanuebrpylgctovhimsx中華民國华民国")
LINES = st.text(alphabet=_ALPHABET, max_size=16)
SAMPLES = ["2025-03-02 14:05", "中華民國114年3月2日", "民國114年", "二〇二五年三月二日", "14/03/2025",
           "114/03/02", "March 18, 2025", "Sept. 3 2025", "18 Mar 2025", "June 12", "July", "3 Jan 2025",
           "記者 张小明 2025.3.2", "第1932期", "9-1", "Decide 5", "Mayor 2"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=3000)
@given(LINES)
def test_maybe_date_holds_where_the_plain_pattern_does(text: str) -> None:
    assert (dates.MAYBE_DATE.search(text) is None) == (PLAIN_MAYBE_DATE.search(text) is None)


@settings(max_examples=3000)
@given(LINES)
def test_date_starts_are_the_plain_patterns(text: str) -> None:
    assert _spans(dates._START, text) == _spans(PLAIN_START, text)


def test_samples() -> None:
    for sample in SAMPLES:
        for text in (sample, "x" + sample, "3" + sample, sample + "5"):
            assert (dates.MAYBE_DATE.search(text) is None) == (PLAIN_MAYBE_DATE.search(text) is None)
            assert _spans(dates._START, text) == _spans(PLAIN_START, text), text


PLAIN_HEAD_SPLIT = re.compile(r"\s*(?:[_｜|丨︱]|——|[-–—])\s*|[\s\u3000]+")
PLAIN_KEY_DROP = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉【】()（）!！?？,，.。:：;；、·・…\-—_|｜*]+")
HEAD_LINES = st.text(alphabet=" \u3000\t_｜|丨︱-–—－·・，。「」()（）x中a1", max_size=16)


@settings(max_examples=3000)
@given(HEAD_LINES, st.integers(min_value=0, max_value=10))
def test_head_separators_are_the_plain_patterns(text: str, start: int) -> None:
    assert ([m.span() for m in headline._HEAD_SPLIT.finditer(text, start)]
            == [m.span() for m in PLAIN_HEAD_SPLIT.finditer(text, start)])
    assert headline._KEY_DROP.sub("", text) == PLAIN_KEY_DROP.sub("", text)
