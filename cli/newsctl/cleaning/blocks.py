"""Head, body and tail: which lines of a page are the article.

The body runs from the first paragraph (the first prose line no rule claims, or the paragraph a
dateline tag opens) to the last one.  Around it the cleaner is aggressive: in the head block every
classified line goes, and so does unclassified chrome above the headline; in the tail block every
classified or non-prose line goes.  In the middle only strong verdicts act, plus the structural
evidence this module collects: the headline's copies, related blocks under their heading,
captions right after an image, and footnote definitions injected into a sentence.

:func:`plan` runs :data:`PASSES` in order, each a named step (``--explain`` prints the one that
decided a line); they live by concept: :mod:`.crumbtrails`,
:mod:`.relatedlists` and :mod:`.imagecaptions` (structure, before the main block), :mod:`.story`
(the main block), :mod:`.head` (first paragraph, dateline, headline) and :mod:`.tail` (where the
story ends).  Data boxes, event details and cuts inside kept lines are here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from newsctl.cleaning.captions import cut_inline_credits
from newsctl.cleaning.crumbtrails import breadcrumb_lines
from newsctl.cleaning.head import body_start, choose_headline, cut_first_dateline, echoed_headline
from newsctl.cleaning.headline import decorated_heads
from newsctl.cleaning.imagecaptions import (
    alt_text_echoed_by_captions,
    captions_after_images,
    gallery_captions,
)
from newsctl.cleaning.items import Item, Ledger, Plan, is_paragraph
from newsctl.cleaning.mainblock import Block, densest_run
from newsctl.cleaning.pageanswers import new_page
from newsctl.cleaning.prose import is_list_item, is_prose
from newsctl.cleaning.registry import RuleTable
from newsctl.cleaning.relatedlists import related_blocks
from newsctl.cleaning.rules import strong_verdict
from newsctl.cleaning.story import main_block, reweigh, settle_story, story_lost_weight
from newsctl.cleaning.tail import bio_under_heading, tail_start
from newsctl.cleaning.verdicts import claimed
from newsctl.text import regexcache

_FOOTNOTE_TERM = regexcache.compile(r"^[^，。：:\s]{1,20}[：:]")
_LEADING_DOMAIN = regexcache.compile(r"^(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+[/\w.-]*\s*[,，、]?\s*")


def footnote_lines(lines: list[Item]) -> set[int]:
    """Indexes of footnote definitions injected between two halves of a sentence.

    ``……所谓的「光侵擾」`` / ``光侵擾：指……。`` / ``，近年……``: the middle line is a short
    definition (a term and a colon), the line before it does not end a sentence, and the line
    after it starts with a comma.
    """
    found: set[int] = set()
    for i in range(1, len(lines) - 1):
        prev, cur, nxt = lines[i - 1].text, lines[i].text, lines[i + 1].text
        if (prev and nxt and nxt[0] in "，,、；;" and prev[-1] not in "。！？!?…"
                and len(cur) <= 150 and _FOOTNOTE_TERM.match(cur)):
            found.add(i)
    return found


class SiteInput(NamedTuple):
    """What a ``--rules`` file adds: patterns of lines to drop, related headings, title
    suffixes, and its strong and weak line rules (tried before the built-in ones)."""

    drop: tuple[re.Pattern[str], ...] = ()
    headings: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    strong: RuleTable | None = None
    weak: RuleTable | None = None


class Pass(NamedTuple):
    """One step of :func:`plan`: a name (``--explain`` prints it) and what it does to the plan."""

    name: str
    run: Callable[[Plan, SiteInput], None]


def plan(items: list[Item], site: SiteInput = SiteInput(), record: bool = False) -> Plan:
    """Decide every item's fate by running :data:`PASSES` in order; each decides through the
    plan's :class:`~.items.Ledger`.

    With ``record``, each dropped item's ``decided_by`` and ``because`` name the pass that
    decided and its evidence (what ``--explain`` prints): the pass that gave the verdict its
    fate came from, else the one that set the fate."""
    new_page()   # (answers about the last page's lines are no use on this one)
    result = Plan(items, Ledger(record))
    for step in PASSES:
        result.decide.step = step.name
        step.run(result, site)
    return result


def _judge_lines(result: Plan, site: SiteInput) -> None:
    """Every line's verdict from the rules (a site's first); the markup's claims fill gaps."""
    decide = result.decide
    if site.weak is not None:
        for item in result.items:
            verdict = site.weak.verdict(item.text)
            if verdict is not None:
                decide.judge_weak(item, verdict)
    for item in result.items:
        if not item.keep:
            verdict = strong_verdict(item.text, site.drop, site.headings, site.strong)
            if verdict is None and item.claim is not None:
                # the markup says the line is chrome; a weak rule may say which (a breadcrumb,
                # a section name: what the metadata reads), else the markup's word stands
                # (a section's name in a menu is one of many: no evidence of the story's own)
                weak = item.weak
                verdict = (weak._replace(strong=True) if weak is not None and weak.rule != "category"
                           else claimed(item.claim))
                decide.claim(item, verdict, "the page's markup places it outside the story")
            elif verdict is not None:
                decide.claim(item, verdict)


def _main_block(result: Plan, site: SiteInput) -> None:
    """The story's dense run, and the dateline tag of its first paragraph."""
    items = result.items
    block = main_block(items)
    dl_index = cut_first_dateline(result, block.start)
    if dl_index is not None and result.cuts:
        # the paragraph lost its tag: weigh it as the next run will (it is prose before and
        # after, so no other line's weight depends on it)
        reweigh(items[dl_index])
        block = densest_run([it.weight for it in items]) or Block(0, len(items), 0.0)
        if not block.start <= dl_index < block.end:
            # so light that the story is elsewhere without it: that tag was not the story's
            item = items[dl_index]
            # (it still counts as the line whose tag was cut: the settle pass looks for it)
            result.decide.restore(item, forget=False)
            result.cuts.pop()
            result.dateline = None
            dl_index = cut_first_dateline(result, block.start)
    result.block, result.dateline_at = block, dl_index


def _body_and_headline(result: Plan, site: SiteInput) -> None:
    """Where the body starts, and the headline above it."""
    items, block, dl_index = result.items, result.block, result.dateline_at
    start = body_start(items, result.decide, dl_index, block.start)
    # (the <title> line heads a page dump; in the story itself, copies are alt texts)
    echoed = decorated_heads([item.text for item in items[:max(block.start, 1)]])
    headline_at = echoed_headline(items, start, block.end, echoed)
    if headline_at is not None:
        # the headline stands below what looked like the first paragraph (a notice, a teaser):
        # the story starts under its headline
        start = body_start(items, result.decide,
                           dl_index if dl_index and dl_index > headline_at else None, headline_at + 1)
    choose_headline(result, site.suffixes, start, echoed)
    result.body_start = start


def _story_captions(result: Plan, site: SiteInput) -> None:
    """Captions again: the paragraph a dateline opened is the story's first, however short it
    is once cut; then the bio under its heading (the next line the captions left)."""
    dl_index = result.dateline_at
    captions_after_images(result.items, result.decide,
                          story=result.items[dl_index] if dl_index is not None else None)
    bio_under_heading(result.items, result.body_start, result.decide)


def _tail(result: Plan, site: SiteInput) -> None:
    result.tail_start = tail_start(result.items, result.body_start, result.block.end, result.decide)


def _fates(result: Plan, site: SiteInput) -> None:
    """Verdicts act; prose outside the main block goes; weak verdicts and chrome go around the
    body."""
    items, block, start, end = result.items, result.block, result.body_start, result.tail_start
    decide = result.decide
    title_at = items.index(result.title_item) if result.title_item is not None else -1
    for i, item in enumerate(items):
        if item is result.title_item:
            continue
        if item.verdict is not None:
            decide.drop(item, item.verdict.rule)   # (credited to the pass that gave the verdict)
        elif (i < block.start or i >= block.end) and item.weak is None and is_prose(item.text):
            decide.drop(item, "outside-main-block")   # prose, but not in the story's dense run
        elif i < start or i >= end:
            _drop_around_body(decide, item, before_title=i < title_at, tail=i >= end)


def _settle(result: Plan, site: SiteInput) -> None:
    """The kept lines must be one dense run on their own, as a second cleaning sees them."""
    kept = result.kept
    result.story_lines = (kept[0].no, kept[-1].no) if kept else None
    title = result.title_item
    if story_lost_weight(result.items, result.block) or (title is not None and (
            title.weight > 0 or (result.title is not None
                                 and result.title.headline.text != title.text))):
        # a headline weighed as prose prints shorter; one printed without its suffix may weigh
        # as prose on the next run
        settle_story(result, cut_first_dateline)


# a box of short label and value lines inside the story ("樓盤名稱" / "海晴灣" / "地區" / "屯門"):
# this many lines in a row, none a sentence or a list item
_BOX_MIN = 5
_BOX_LINE_MAX = 12


def _data_boxes(result: Plan, site: SiteInput) -> None:
    """A page dump's widget boxes (a property's data, a quote box, a sidebar list) sit between
    paragraphs as runs of short lines; a story's subheading is one such line, never five.  The
    run's last line stays when a paragraph follows it (it may be the next subheading)."""
    kept = result.kept
    run: list[Item] = []
    before: Item | None = None   # the line above the run
    for item in [*kept, None]:
        if item is not None and _box_line(item):
            run.append(item)
            continue
        introduced = before is not None and before.text[-1] in "：:"
        if len(run) >= _BOX_MIN and not introduced:   # "各節比分：" introduces a table: content
            last = run[-1]
            keep_last = (item is not None and is_paragraph(item.text) and len(last.text) >= 4
                         and not any(c.isdigit() for c in last.text))
            for member in run[:-1] if keep_last else run:
                result.decide.drop(member, "data-box", f"{len(run)} short lines in a row, none a sentence")
        run = []
        before = item


def _box_line(item: Item) -> bool:
    text = item.text
    if item.keep or is_prose(text) or is_list_item(text) or "：" in text or text[-1] == ":":
        return False   # ("各節比分：" introduces what follows: a lead-in, never part of a box)
    # a price list's rows are longer ("星野L7 2025款 增程Pro" / "20.98万"): they hold figures
    return len(text) <= _BOX_LINE_MAX or (len(text) <= 2 * _BOX_LINE_MAX and any(c.isdigit() for c in text))


# labels of an event's details inside a story ("日期：… / 地點：… / 費用：…")
_EVENT_LABELS = ("地點", "地点", "費用", "费用", "地址", "報名", "报名", "對象", "对象", "名額", "名额", "時間", "时间")


def _event_details(items: list[Item], decide: Ledger) -> None:
    """A date row among an event's other details is part of the story, not the page's date."""
    for i, item in enumerate(items):
        verdict = item.verdict
        if (verdict is None or verdict.rule != "date" or not item.text.startswith(("日期", "時間", "时间"))
                or len(item.text) > 40):
            continue
        around = items[max(0, i - 2):i] + items[i + 1:i + 3]
        if sum(it.text.startswith(_EVENT_LABELS) for it in around) >= 2:
            why = "among an event's other details"
            decide.claim(item, None, why)
            decide.judge_weak(item, None)   # no weak verdict either: a detail of the story, not its date


def _drop_around_body(decide: Ledger, item: Item, before_title: bool, tail: bool) -> None:
    """Head and tail: weak verdicts act; unclassified chrome goes too."""
    if item.weak is not None:
        decide.drop(item, item.weak.rule, "below the story" if tail else "above the story")
    elif tail:
        decide.drop(item, "tail-chrome")
    elif before_title:
        decide.drop(item, "head-chrome")
    elif not is_prose(item.text) and not is_list_item(item.text):
        # under the headline, before the story: a name, a widget label, a subtitle (副题) that
        # is no sentence; a standfirst written as a sentence stays
        decide.drop(item, "head-chrome")


def _cut_inside(result: Plan, site: SiteInput) -> None:
    """Inline photo credits and an injected ``www.<domain>,`` before the first sentence."""
    for item in result.kept:
        text, cuts = cut_inline_credits(item.text)
        result.cuts.extend((item.no, c, "photo-credit") for c in cuts)
        domain = _LEADING_DOMAIN.match(text)
        if domain and domain.end() < len(text):
            result.cuts.append((item.no, domain.group(0).strip(), "ad"))
            text = text[domain.end():]
        if text != item.text:
            result.decide.retext(item, text.strip() or item.text)   # judged again on what is left


def _items(step: Callable[[list[Item], Ledger], object]) -> Callable[[Plan, SiteInput], None]:
    """A pass that needs only the lines (and the ledger it decides through)."""
    def run(result: Plan, site: SiteInput) -> None:
        step(result.items, result.decide)
    return run


# the passes in order: structure first, so that the headline and the first paragraph are looked
# for among the lines that will stay; alt text found next to the headline adds captions, hence
# captions twice
PASSES: tuple[Pass, ...] = (
    Pass("rules", _judge_lines),
    Pass("breadcrumbs", _items(breadcrumb_lines)),
    Pass("event-details", _items(_event_details)),
    Pass("related-blocks", _items(related_blocks)),
    Pass("captions", _items(captions_after_images)),
    Pass("alt-text", _items(alt_text_echoed_by_captions)),
    Pass("gallery", _items(gallery_captions)),
    Pass("main-block", _main_block),
    Pass("headline", _body_and_headline),
    Pass("story-captions", _story_captions),
    Pass("tail", _tail),
    Pass("around-body", _fates),
    Pass("data-boxes", _data_boxes),
    Pass("cuts", _cut_inside),
    Pass("settle", _settle),
)
