"""What a line reads as, whatever rule claims it: a sentence, a list item, a notice's signature.

These shape tests are asked by the rules, by the passes around the body and by the main block.
"""

from __future__ import annotations

import functools

from newsctl.cleaning.lines import LIST_ITEM, LIST_ITEM_FIRST
from newsctl.cleaning.shapes import CLAUSE_COMMA, DECO, SIGNATURE, SIGNATURE_LAST
from newsctl.text import regexcache


def strip_deco(text: str) -> str:
    """The line without brackets, bullets and arrows around it."""
    return text.strip(DECO)


# every pass asks it again of the same lines (six times a line on average), and site chrome
# recurs from page to page: a lookup is cheaper than the tests
@functools.lru_cache(maxsize=1 << 14)
def is_prose(text: str) -> bool:
    """A body sentence: ends like one (。！？, a closing quote after one) or is long with commas."""
    if len(text) < 2:
        return False
    last = text[-1]
    if last in "。！？!?；;":
        return True
    if last == "…":
        # "搜尋文章…", "載入中…": a placeholder trails off too; a sentence says more first
        return len(text.rstrip("… ")) >= 8 or "，" in text
    # a comma between digits is a thousands separator ("恒指 23,512.36 ▼86.14 (-0.37%)" is a
    # ticker), not a clause's end
    clause = "," in text and CLAUSE_COMMA.search(text) is not None
    if last in "」』”’）)\"'" and (clause or any(c in text for c in "。！？!?，")):
        return True
    # a paragraph that lost its final stop still reads as a sentence: a clause and a comma
    if (len(text) >= 10 and "，" in text) or (len(text) >= 25 and clause):
        return True
    # no headline, menu or caption runs this long in Chinese: text without its punctuation
    return len(text) >= _UNPUNCTUATED_MIN and len(CJK_CHAR.findall(text[:_UNPUNCTUATED_MIN])) >= _UNPUNCTUATED_MIN // 2


_UNPUNCTUATED_MIN = 200
CJK_CHAR = regexcache.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_signature(text: str) -> bool:
    """The issuing body at the foot of a notice (``某某市人民政府办公室``), above its date."""
    return len(text) <= 30 and text[-1:] in SIGNATURE_LAST and SIGNATURE.match(text) is not None


def is_list_item(text: str) -> bool:
    """``1.`` ``一、`` ``（一）`` ``①`` ``・`` ``◎`` items: kept wherever they stand."""
    first = text[:1]
    return (first in LIST_ITEM_FIRST or first.isdecimal()) and LIST_ITEM.match(text) is not None
