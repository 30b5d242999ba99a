"""The story's run on a page of items: weighing every line, and keeping the run settled.

:mod:`.mainblock` scores lines and finds the maximum-sum run; this module gives it the items'
evidence (what rules claimed, lead-ins, sign-offs, buttons, dates) and, once the other passes
have removed lines, makes the kept lines one dense run again, as a second cleaning would see
them (what keeps ``clean`` idempotent).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from newsctl.cleaning.captions import cut_inline_credits
from newsctl.cleaning.dateline import cut_dateline
from newsctl.cleaning.headline import headline_shaped
from newsctl.cleaning.items import Item, Ledger, Plan, is_paragraph, shape_all
from newsctl.cleaning.mainblock import WIDGET_RULES, Block, densest_run, line_score
from newsctl.cleaning.prose import is_list_item, is_prose
from newsctl.cleaning.rules import strong_verdict


def story_lost_weight(items: list[Item], block: Block) -> bool:
    """A line of the run that counted for it was dropped or cut since it was weighed: only then
    can the kept lines make a smaller run (dropping lines that cost only makes it stronger)."""
    return any(item.weight > 0 and (item.fate is not None or item._shape is None)
               for item in items[block.start:block.end])


def settle_story(result: Plan, cut_dateline_of: Callable[[Plan], int | None]) -> None:
    """The kept lines must still be one dense run on their own, as a second cleaning sees them.

    A line of the run that other evidence removed (a caption under a comment area, a bio) may
    have been what paid for the chrome between two paragraphs; without it, the paragraph past
    the chrome is no longer part of the story, and goes now rather than on the next run."""
    title = result.title_item
    # the headline is part of what the next run sees (a short question may read as prose), as
    # it will be printed: without its site suffix or column label
    headline = (Item(title.no, result.title.headline.text)
                if title is not None and result.title is not None else None)
    if result.dateline is None:
        _lede_over_tag(result)   # the lines between a lede and its tagged paragraph may be gone
    while True:
        kept = result.kept
        if not kept:
            return
        seen: list[Item] = []
        for it in result.items:
            if it is title:
                seen.append(headline or it)
            elif it.fate is None:
                seen.append(it)
        block = main_block(seen)
        outside = [it for it in seen[:block.start] + seen[block.end:]
                   if it is not headline and not it.keep]
        if not outside:
            return
        for item in outside:
            result.decide.overrule(item, "outside-main-block")
        _trim_head(result.decide, result.kept)
        _trim_tail(result.decide, result.kept)
        _recut_dateline(result, cut_dateline_of)
        if result.dateline is None:
            _lede_over_tag(result)


def _recut_dateline(result: Plan, cut_dateline_of: Callable[[Plan], int | None]) -> None:
    """The story's first lines changed: if the paragraph whose dateline tag was cut has left,
    its tag was not the story's (give it back); then cut the tag of the first paragraph that
    stays, as the next run will."""
    tagged = [it for it in result.items if it.before_cut is not None]
    if tagged and all(it.fate is not None for it in tagged):
        for item in tagged:
            result.cuts = [cut for cut in result.cuts
                           if not (cut[0] == item.no and cut[2] == "dateline-tag")]
            result.decide.restore(item)
        result.dateline = None
    if result.dateline is not None:
        return
    kept = Plan(result.kept, result.decide)
    cut_dateline_of(kept)
    result.dateline = kept.dateline
    result.cuts.extend(kept.cuts)


def _lede_over_tag(result: Plan) -> None:
    """What the dateline rule does on the next run, once the kept lines changed: a one-line lede
    above a paragraph that a bracketed tag opens goes, and the tag is cut."""
    paragraphs = list(itertools.islice((it for it in result.kept if is_paragraph(it.text)), 2))
    if len(paragraphs) < 2 or not is_lede(paragraphs[0].text):
        return
    lede, story = paragraphs
    if cut_dateline(lede.text)[1] is not None:
        return
    rest, found = cut_dateline(story.text)
    if found is None or not found.tag.startswith(TAG_BRACKETS) or not rest:
        return
    result.decide.overrule(lede, "head-chrome")
    result.dateline = found
    result.cuts.append((story.no, found.tag, "dateline-tag"))
    result.decide.cut_tag(story, rest)


def _trim_head(decide: Ledger, kept: list[Item]) -> None:
    """What the head rule does on the next run: above the first paragraph, a lead-in or a label
    left over goes (a headline or a standfirst may stay)."""
    for item in kept:
        text = item.text
        if is_paragraph(text):
            return
        if item.keep or is_prose(text) or is_list_item(text):
            continue   # a standfirst or a list item above the first paragraph stays
        if item.weak is None and headline_shaped(text) and text[-1] not in "：:":
            continue   # it may be chosen as the headline (a widget word never is)
        decide.overrule(item, "head-chrome")


def _trim_tail(decide: Ledger, kept: list[Item]) -> None:
    """What the tail rule does on the next run: the story ends with a sentence or a list item
    (or a notice's sign-off), never with a lead-in or a label left over."""
    for item in reversed(kept):
        text = item.text
        if item.keep or is_prose(text) or is_list_item(text):
            return
        if item.weak is None and strong_verdict(text) is not None:
            return   # a sign-off's date row, given back to the story (its issuer above it)
        decide.overrule(item, "tail-chrome")


def main_block(items: list[Item]) -> Block:
    """Where the story is (see :mod:`newsctl.cleaning.mainblock`); the whole page when no line
    reads as prose.  Only the evidence a line's kind needs is looked at: a claimed line's weak
    verdict never is."""
    scores: list[float] = []
    introduced = False   # under a lead-in ("各節比分："): a table's rows, until the next sentence
    widget_before = False   # a run of buttons (a player's controls) costs once
    signed = False          # the line before is an issuer's name (某某市人民政府办公室)
    shape_all(items)
    for it in items:
        verdict, keep = it.verdict, it.keep
        claimed = verdict is not None or keep
        prose, static_listed, signature, wide = it.shape
        lead_in = not prose and it.text[-1] in "：:"   # a paragraph may end with a colon too
        listed = introduced or lead_in or signed or static_listed
        weak = None if claimed else it.weak
        # a table's row under its lead-in reads like a menu row, and is not one
        chrome = weak is not None and not (introduced and weak.rule == "navigation") and not (
            signed and weak.rule == "date")
        row = verdict.row if verdict is not None else None
        # (a notice's date under its issuer is its sign-off, not a teaser's date)
        dated = row is not None and bool(row.dates) and not keep and not signed
        signed = signature and not claimed   # (a claimed line is gone on the next run)
        widget = verdict is not None and verdict.rule in WIDGET_RULES and not keep
        it.weight = line_score(wide, prose, claimed, chrome, listed, dated,
                               widget and not widget_before, it.claim is not None and not keep)
        scores.append(it.weight)
        widget_before = widget
        if not claimed:
            introduced = lead_in or (introduced and not prose)
    return densest_run(scores) or Block(0, len(items), 0.0)


# a lede above the story's first paragraph is one short sentence
_LEDE_MAX = 60


TAG_BRACKETS = ("【", "〔", "[", "［")


def is_lede(text: str) -> bool:
    """One short sentence (without the photo credit a later step cuts out)."""
    return len(cut_inline_credits(text)[0]) <= _LEDE_MAX


def reweigh(item: Item) -> None:
    """Weigh again a paragraph whose text was cut."""
    prose, _, _, wide = item.shape
    item.weight = line_score(wide, prose, item.keep, item.weak is not None)
