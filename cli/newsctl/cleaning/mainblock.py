"""The main block: the one dense run of prose on a page, where the story is.

A scraped page is a long list of short chrome lines (menus, buttons, headlines of other stories,
dates, counters) with one dense run of prose in it.  Recommendation feeds and comment threads
hold prose too, but in short pieces, each between a few chrome lines (a headline and a date, a
user name and a reply button).  So every line gets a score, positive for prose (more for longer
prose) and negative for a line that is no sentence, and the story is the run of lines with the
largest total: a long paragraph pays for the caption under it, a feed's two-line summary does
not pay for the headline and the date around it.

Lines a strong rule already claims (a byline, a share row, a caption) score zero or less: they
are removed wherever they stand, so cleaning the cleaned text again meets the same scores without
them, and a run whose every prefix and suffix was worth something still is: the same block
(idempotence).  Ties go to the longer run for the same reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

# The CJK ranges counted (U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF) are whole blocks of 256
# code points but for U+4DC0-4DFF (the Yijing hexagrams): a character counts when the high
# byte of its UTF-16 unit is one of these (surrogates, D8-DF, never are)
_CJK_HIGH = frozenset(range(0x34, 0xA0)) | {0xF9, 0xFA}
_NOT_CJK_HIGH = bytes(b for b in range(256) if b not in _CJK_HIGH)


class Scoring(NamedTuple):
    """The main block's settings (characters are CJK characters)."""

    # what a line that is no sentence costs: a feed item's headline and date together cost more
    # than a short summary gains, a caption costs less than a paragraph gains
    chrome_cost: float = 30.0
    # a line no rule recognises and that is no sentence: a subheading, a table row, a label, or
    # a headline of another story; cheaper than known chrome
    plain_cost: float = 5.0
    # a date row between two pieces of prose: a feed's teasers are dated one by one
    dated_cost: float = 15.0
    # a button or menu row that a rule claims: every comment has its reply and like buttons
    widget_cost: float = 15.0
    # a line the page's markup places outside the story (a menu item, a link to another story):
    # a feed's teasers stand between dozens of them, a story's paragraphs between none or few
    markup_cost: float = 5.0
    # a sentence this short gains nothing: "点击查看。" is no paragraph
    prose_floor: int = 8
    # a very long line counts no more than this: one giant line (a comment blob, a page's
    # description) must not outweigh a whole story of ordinary paragraphs
    prose_cap: int = 300


SCORING = Scoring()


class Block(NamedTuple):
    """Item indexes ``start`` (inclusive) to ``end`` (exclusive), and the run's total score."""

    start: int
    end: int
    score: float


# what a page's interface is made of (the rules that claim such lines)
WIDGET_RULES = frozenset({"share-widget", "comment", "ad", "navigation", "breadcrumb", "category",
                          "cookie-banner", "hashtag", "keywords", "site-name", "slogan"})


def cjk_weight(text: str) -> int:
    """How many CJK characters (U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF) ``text`` holds.

    Counted on the high bytes of its UTF-16 form, by C-level byte operations: twice as fast
    as a regex that deletes every other character (asked of every line of prose)."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    count = len(high.translate(None, _NOT_CJK_HIGH))
    if b"\x4d" in high:   # U+4D00-4DFF: only U+4D00-4DBF is CJK
        count -= sum(1 for char in text if "\u4dc0" <= char <= "\u4dff")
    return count


# cjk_weights marks each UTF-16 high byte: 1 for a CJK block, 2 for U+4Dxx (CJK up to U+4DBF)
_CJK_MARKS = bytes(2 if b == 0x4D else 1 if b in _CJK_HIGH else 0 for b in range(256))


def cjk_weights(texts: Sequence[str]) -> list[int]:
    """:func:`cjk_weight` of each of ``texts``, from one encoding of them all: the main block
    weighs a page's prose lines together, and per line the calls cost more than the counting.

    Each line is a slice of the joined high bytes (UTF-16 units are code points unless a
    character lies beyond U+FFFF: then the lines are counted one by one)."""
    joined = "".join(texts)
    high = joined.encode("utf-16-le", "surrogatepass")[1::2]
    if len(high) != len(joined):
        return [cjk_weight(text) for text in texts]
    marks = high.translate(_CJK_MARKS)
    count = marks.count
    hexagrams = b"\x02" in marks   # rare: only then are U+4DC0-4DFF looked for
    weights: list[int] = []
    start = 0
    for text in texts:
        end = start + len(text)
        weight = count(b"\x01", start, end)
        if hexagrams:
            weight += sum(1 for char in text if "\u4d00" <= char <= "\u4dbf")
        weights.append(weight)
        start = end
    return weights


def line_score(cjk: int, prose: bool, claimed: bool, chrome: bool, listed: bool = False,
               dated: bool = False, widget: bool = False, markup: bool = False,
               scoring: Scoring = SCORING) -> float:
    """A line's weight as evidence for the story: ``cjk`` (its CJK characters) if it is prose,
    minus a floor.

    ``claimed``: a strong rule removes the line anyway; ``chrome``: a weak rule names it;
    ``listed``: a list item, or a lead-in ending with a colon (neutral: stories have lists,
    and so do menus); ``dated``: a claimed row with a date (a feed prints one under every
    teaser; a story prints its own above its first paragraph); ``widget``: a claimed button
    or menu row (a comment thread has a reply button under every comment; a story's photos
    and their captions cost nothing); ``markup``: the page's markup claims it (each costs).

    A claimed line may cost, but never gains: the cleaned page, without it, must find the same
    run (removing lines that cost can only make the run's prefixes and suffixes worth more)."""
    if dated:
        return -scoring.dated_cost
    if claimed:
        if widget:
            return -scoring.widget_cost
        return -scoring.markup_cost if markup else 0.0
    if listed and not chrome and not prose:
        return 0.0
    if chrome:
        return -scoring.chrome_cost
    if not prose:
        return -scoring.plain_cost
    return float(min(cjk, scoring.prose_cap) - scoring.prose_floor)


def densest_run(scores: Sequence[float]) -> Block | None:
    """The run with the largest total (Kadane), the longest one among equals; None when no
    line scores above zero."""
    best_start = best_end = -1
    best_total = 0.0
    start = 0
    total = 0.0
    for i, score in enumerate(scores):
        if total < 0:   # a run worth less than nothing is dropped; a run worth zero is kept
            start, total = i, 0.0
        total += score
        if total > 0 and total >= best_total:
            best_start, best_end, best_total = start, i + 1, total
    return Block(best_start, best_end, best_total) if best_end > 0 else None
