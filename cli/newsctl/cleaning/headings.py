"""Heading lines: the short line that says what follows it (an author's bio, a company profile,
the comment area, a related list after a channel's name, or a related heading with its one item).
"""

from __future__ import annotations

import functools

from newsctl.cleaning import lexicon
from newsctl.cleaning.limits import LINKED_HEADLINE_MAX
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.shapes import ABOUT_COMPANY, CJK_PHRASE
from newsctl.cleaning.verdicts import Verdict


def is_bio_heading(text: str) -> bool:
    """``作者简介`` alone on a line: the paragraph under it is the author's bio."""
    bare = strip_deco(text).rstrip("：:")
    return bare in _bio_words()


@functools.lru_cache(maxsize=1)
def _bio_words() -> frozenset[str]:
    labels = lexicon.labels()
    return frozenset(labels["bio"] + labels["bio_headings"])


def is_company_heading(text: str) -> bool:
    """``關於晶邦科技`` alone on a line: the paragraph under it is the company's profile."""
    return len(text) <= 24 and ABOUT_COMPANY.match(text) is not None


def is_comment_heading(verdict: Verdict | None, text: str) -> bool:
    """A short line opening the comment area (``评论（86）``, ``网友评论``, ``写评论...``)."""
    return verdict is not None and verdict.rule == "comment" and len(text) <= 20


def opens_with_bracket(text: str) -> bool:
    """The line opens with a bracket a related heading may stand in (``【延伸閱讀】…``)."""
    return text[:1] in "【[［〖"


def related_with_item(text: str, related: frozenset[str]) -> bool:
    """``【延伸閱讀】消費券派發成效 學者：短期刺激有限``: a related heading and one linked
    headline on the same line (a headline: short, no full stop)."""
    close = text.find({"【": "】", "[": "]", "［": "］", "〖": "〗"}[text[0]])
    if close < 2 or text[1:close].strip() not in related:
        return False
    rest = text[close + 1:].strip()
    return 0 < len(rest) <= LINKED_HEADLINE_MAX and "。" not in rest


# a channel's name and a related heading together are at most this long (``財經分類資訊推薦``)
CHANNEL_HEADING_MAX = 16
_CHANNEL_PREFIX_MAX = 4


def channel_heading(bare: str, related: frozenset[str] | set[str]) -> bool:
    """A related heading after a short channel name, as in ``<频道>相关推荐``."""
    for cut in range(1, min(_CHANNEL_PREFIX_MAX, len(bare) - 2) + 1):
        if bare[cut:] in related:
            return CJK_PHRASE.fullmatch(bare[:cut]) is not None
    return False
