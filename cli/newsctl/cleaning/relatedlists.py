"""Related and recommended lists: a heading (``相关阅读``, ``上一篇``, a contents or key-points
box) takes the run of short headline-like lines after it, and the teasers' one-line summaries.
"""

from __future__ import annotations

from newsctl.cleaning.headline import headline_shaped
from newsctl.cleaning.items import Item, Ledger
from newsctl.cleaning.limits import LINKED_HEADLINE_MAX
from newsctl.cleaning.prose import is_list_item, is_prose
from newsctl.cleaning.verdicts import Verdict

_RELATED_ITEM_MAX = 60

def related_blocks(items: list[Item], decide: Ledger) -> None:
    """A related/recommended heading takes the run of short headline-like lines after it."""
    for i, item in enumerate(items):
        if item.verdict is None or not item.verdict.heading:
            continue
        for k in range(i + 1, len(items)):   # (no slice: a copy of the rest per heading)
            follower = items[k]
            text = follower.text
            if item.verdict.rule == "navigation" and follower.verdict is None and not follower.keep:
                # a contents list: its entries are the story's subheadings (a weak verdict on
                # "1. 為什麼要換掉 cron" does not end it); it ends at the first sentence
                if len(text) > _RELATED_ITEM_MAX or "。" in text or "，" in text:
                    break
                decide.claim(follower, Verdict("navigation", True), f"listed under the contents heading on line {item.no}")
                continue
            if follower.keep or follower.verdict is not None or follower.weak is not None:
                break   # the list ends where another rule's line (a copyright note, a widget) starts
            if item.verdict.rule == "summary":
                # a key-points box: its bullets are sentences, the box ends where they end
                if not is_list_item(text):
                    break
                decide.claim(follower, Verdict("summary", True), f"a bullet of the key points on line {item.no}")
                continue
            if text[-1] in "：:":
                break   # "…常見以下手法：" leads into the story's own list, never a linked headline
            if _teaser_summary(items, k):
                decide.claim(follower, Verdict(item.verdict.rule, True),
                             f"a teaser's summary in the list under line {item.no}")
                continue
            teaser = text.endswith(("...", "…"))
            # a headline may ask a question ("……为何留住了年轻人？"); a sentence has a full stop
            question = text[-1] in "？?！!" and len(text) <= LINKED_HEADLINE_MAX and "。" not in text
            if not teaser and (len(text) > _RELATED_ITEM_MAX
                               or (text[-1] in "。！？!?" and not question)):
                break
            # a related list, a contents list
            decide.claim(follower, Verdict(item.verdict.rule, True), f"listed under the heading on line {item.no}")


_SUMMARY_MAX = 150


def _teaser_summary(items: list[Item], k: int) -> bool:
    """In a recommended list, the summary printed under a linked headline: prose, between that
    headline (already taken into the list) and the next one (or the page's end)."""
    text = items[k].text
    if not is_prose(text) or len(text) > _SUMMARY_MAX:
        return False
    before = items[k - 1]
    if before.verdict is None or before.verdict.heading or not _linked_headline(before.text):
        return False   # right under the heading, or under another summary: not a teaser's
    if k + 1 == len(items):
        return True
    after = items[k + 1].text
    return _linked_headline(after) or after.endswith(("...", "…"))


def _linked_headline(text: str) -> bool:
    """A headline in a list (a headline may hold commas, even half-width ones; never 。)."""
    return len(text) <= _RELATED_ITEM_MAX and headline_shaped(text)
