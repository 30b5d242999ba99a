"""Head, body and tail: which lines of a page are the article.

The body runs from the first paragraph (the first prose line no rule claims, or the paragraph a
dateline tag opens) to the last one.  Around it the cleaner is aggressive: in the head block every
classified line goes, and so does unclassified chrome above the headline; in the tail block every
classified or non-prose line goes.  In the middle only strong verdicts act, plus the structural
evidence this module collects: the headline's copies, related blocks under their heading,
captions right after an image, and footnote definitions injected into a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsctl import regexcache
from newsctl.cleaning.captions import caption_shape, cut_inline_credits, has_trailing_credit
from newsctl.cleaning.dateline import Dateline, cut_dateline
from newsctl.cleaning.encoding import mojibake_kind
from newsctl.cleaning.headings import is_bio_heading, is_comment_heading, is_company_heading
from newsctl.cleaning.headline import (
    copy_suffix,
    decorated_heads,
    headline_shaped,
    parse_headline,
    title_key,
)
from newsctl.cleaning.items import Item, Plan, is_paragraph
from newsctl.cleaning.mainblock import Block, densest_run
from newsctl.cleaning.menus import crumb_channel
from newsctl.cleaning.prose import is_list_item, is_prose, is_signature
from newsctl.cleaning.rules import strong_verdict, weak_verdict
from newsctl.cleaning.story import (
    TAG_BRACKETS,
    is_lede,
    main_block,
    reweigh,
    settle_story,
    story_lost_weight,
)
from newsctl.cleaning.title import choose_title
from newsctl.cleaning.verdicts import Verdict, claimed

_LATIN1 = regexcache.compile(r"[\u0080-\u00ff]")
_FOOTNOTE_TERM = regexcache.compile(r"^[^，。：:\s]{1,20}[：:]")
_LEADING_DOMAIN = regexcache.compile(r"^(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+[/\w.-]*\s*[,，、]?\s*")
_RELATED_ITEM_MAX = 60
# a short line right after an image is its caption even without a credit; such a verdict rests
# on markup that cleaning removes, so it is marked (see clean.py's guard against over-removal)
_POSITIONAL_CAPTION_MAX = 40
AFTER_IMAGE = "after-image"
# lines that stand for a photo: the short line after one is its caption (or credit)
_IMAGE_RULES = frozenset({"image", "caption-label"})


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


def plan(items: list[Item], drop: tuple[re.Pattern[str], ...] = (),
         headings: frozenset[str] = frozenset(), suffixes: tuple[str, ...] = ()) -> Plan:
    """Decide every item's fate (see the module docstring)."""
    for item in items:
        if not item.keep:
            item.verdict = strong_verdict(item.text, drop, headings)
            if item.verdict is None and item.claim is not None:
                # the markup says the line is chrome; a weak rule may say which (a breadcrumb,
                # a section name: what the metadata reads), else the markup's word stands
                # (a section's name in a menu is one of many: no evidence of the story's own)
                weak = item.weak
                item.verdict = (weak._replace(strong=True)
                                if weak is not None and weak.rule != "category"
                                else claimed(item.claim))
    result = Plan(items)
    _breadcrumb_lines(items)
    _event_details(items)
    # structure first, so that the headline and the first paragraph are looked for among the
    # lines that will stay; alt text found next to the headline adds captions, hence twice
    _related_blocks(items)
    _captions_after_images(items)
    _alt_text_echoed_by_captions(items)
    block = main_block(items)
    dl_index = _cut_dateline(result, block.start)
    if dl_index is not None and result.cuts:
        # the paragraph lost its tag: weigh it as the next run will (it is prose before and
        # after, so no other line's weight depends on it)
        reweigh(items[dl_index])
        block = densest_run([it.weight for it in items]) or Block(0, len(items), 0.0)
        if not block.start <= dl_index < block.end:
            # so light that the story is elsewhere without it: that tag was not the story's
            item = items[dl_index]
            item.set_text(item.text_before_cut())
            result.cuts.pop()
            result.dateline = None
            dl_index = _cut_dateline(result, block.start)
    start = _body_start(items, dl_index, block.start)
    # (the <title> line heads a page dump; in the story itself, copies are alt texts)
    echoed = decorated_heads([item.text for item in items[:max(block.start, 1)]])
    headline_at = _echoed_headline(items, start, block.end, echoed)
    if headline_at is not None:
        # the headline stands below what looked like the first paragraph (a notice, a teaser):
        # the story starts under its headline
        start = _body_start(items, dl_index if dl_index and dl_index > headline_at else None,
                            headline_at + 1)
    _choose_title(result, suffixes, start, echoed)
    # the paragraph a dateline opened is the story's first, however short it is once cut
    _captions_after_images(items, story=items[dl_index] if dl_index is not None else None)
    _bio_under_heading(items, start)   # after the captions: the bio is the next line unclaimed
    end = _tail_start(items, start, block.end)
    result.body_start, result.tail_start = start, end
    title_at = items.index(result.title_item) if result.title_item is not None else -1
    for i, item in enumerate(items):
        if item is result.title_item:
            continue
        if item.verdict is not None:
            item.drop(item.verdict.rule)
        elif (i < block.start or i >= block.end) and item.weak is None and is_prose(item.text):
            item.drop("outside-main-block")   # prose, but not in the story's dense run
        elif i < start or i >= end:
            _drop_around_body(item, before_title=i < title_at, tail=i >= end)
    _data_boxes(result.kept, start, end)
    _cut_inside(result)
    kept = result.kept
    result.story_lines = (kept[0].no, kept[-1].no) if kept else None
    if story_lost_weight(items, block) or (
            result.title_item is not None and result.title_item.weight > 0):
        settle_story(result, _cut_dateline)   # (a headline weighed as prose prints shorter)
    return result


# a box of short label and value lines inside the story ("樓盤名稱" / "海晴灣" / "地區" / "屯門"):
# this many lines in a row, none a sentence or a list item
_BOX_MIN = 5
_BOX_LINE_MAX = 12


def _data_boxes(kept: list[Item], start: int, end: int) -> None:
    """A page dump's widget boxes (a property's data, a quote box, a sidebar list) sit between
    paragraphs as runs of short lines; a story's subheading is one such line, never five.  The
    run's last line stays when a paragraph follows it (it may be the next subheading)."""
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
                member.drop("data-box")
        run = []
        before = item


def _box_line(item: Item) -> bool:
    text = item.text
    if item.keep or is_prose(text) or is_list_item(text) or "：" in text or text[-1] == ":":
        return False   # ("各節比分：" introduces what follows: a lead-in, never part of a box)
    # a price list's rows are longer ("星野L7 2025款 增程Pro" / "20.98万"): they hold figures
    return len(text) <= _BOX_LINE_MAX or (len(text) <= 2 * _BOX_LINE_MAX and any(c.isdigit() for c in text))


def _cut_dateline(result: Plan, first: int = 0) -> int | None:
    """Cut a dateline tag off the first paragraph; return that paragraph's index.

    The search ends at the first paragraph, however far down the page it is: a fixed window
    would find the tag on the cleaned text but not on the page, and break idempotence.  One
    exception: a one-line lede above a paragraph that a bracketed tag (【本報訊】) opens is not
    the story's first paragraph.  The lede is judged as the next run sees it, without its own
    tag or photo credit, so that both runs agree."""
    def candidates() -> Iterator[tuple[int, str, Dateline | None]]:
        for i, item in enumerate(result.items[first:], first):
            if item.verdict is not None or item.keep:
                continue
            rest, found = cut_dateline(item.text)
            if found is not None or (is_paragraph(item.text) and item.weak is None):
                yield i, rest, found

    opening = candidates()
    chosen = next(opening, None)
    if chosen is None:
        return None
    for following in opening:
        # a lede over a paragraph that a bracketed tag opens goes with the head (see
        # _body_start); and so again if what is left of that paragraph reads as a lede too
        # (a fixed point: the next run, seeing it first, would judge it so)
        i, rest, found = chosen
        if not is_lede(rest if found is not None else result.items[i].text):
            break
        if following[2] is None or not following[2].tag.startswith(TAG_BRACKETS):
            break
        chosen = following
    i, rest, found = chosen
    if found is None:
        return None
    item = result.items[i]
    result.dateline = found
    if rest:
        result.cuts.append((item.no, found.tag, "dateline-tag"))
        item.before_cut = item.text
        item.set_text(rest)
    else:
        item.verdict = Verdict("dateline-tag", True)   # a tag alone on its line
    return i


def _echoed_headline(items: list[Item], start: int, end: int, echoed: set[str]) -> int | None:
    """A line between the first paragraph and the block's end that the page's ``<title>`` line
    repeats with a tail: the headline, printed below a notice or a teaser."""
    if not echoed:
        return None
    for i in range(start, end):
        item = items[i]
        if (item.verdict is None and not item.keep and not is_paragraph(item.text)
                and headline_shaped(item.text) and title_key(item.text) in echoed):
            return i
        if i > start and is_paragraph(item.text) and item.verdict is None:
            return None   # only the first paragraph may be mistaken
    return None


def _choose_title(result: Plan, suffixes: tuple[str, ...], start: int,
                  echoed: set[str] | None = None) -> None:
    """The headline is looked for above the first paragraph only (never below it)."""
    items = result.items
    window = [(i, item.text) for i, item in enumerate(items[:start])
              if item.verdict is None and not is_paragraph(item.text)]
    # the headline, once its decorations are cut, must itself survive cleaning (a strong verdict
    # on "English" from "English | 繁 | 简" would drop it on the cleaned page: not idempotent)
    # a headline printed again lower down (an e-paper's list of the page's titles) is the one
    # among the head lines: the kicker above it and the subtitle under it are not repeated
    # (a copy starts like a candidate's headline: a substring test rules out most lines)
    probes = {parse_headline(text, suffixes).text[:4] for _, text in window}
    later = {title_key(item.text) for item in items[start:]
             if any(probe in item.text for probe in probes)
             and headline_shaped(item.text) and not is_prose(item.text)}
    # a widget list printed above and below the story (share buttons) repeats as a block; a
    # headline printed again is a line alone: drop the repeated lines that stand in a run
    keys = [title_key(parse_headline(text, suffixes).text) for _, text in window]
    in_run = {key for n, key in enumerate(keys) if key in later
              and ((n > 0 and keys[n - 1] in later) or (n + 1 < len(keys) and keys[n + 1] in later))}
    later -= in_run
    def anchored(i: int) -> bool:
        return any(it.verdict is not None and it.verdict.row is not None
                   and bool(it.verdict.row.dates or it.verdict.row.authors)
                   for it in items[i + 1:i + 4])

    # a head line that another line prints with a tail after it (a dump's <title> line)
    if echoed is None:
        echoed = decorated_heads([item.text for item in items[:start]])
    choice = choose_title(
        window, _plain_headline, suffixes,
        repeated=later, anchored=anchored, echoed=echoed)
    if choice is None:
        return
    result.title = choice
    result.title_item = items[choice.at]
    for i in choice.copies:
        items[i].verdict = Verdict("title-duplicate", True)
    for i in choice.rivals:
        if items[i].weak is None:   # with a weak verdict it goes anyway (it is in the head)
            items[i].verdict = Verdict("head-chrome", True)
    site = choice.headline.site
    if site is None:
        # "<headline> - <站名>" elsewhere on the page: the repeated headline names the site
        site = next((name for item in items if item is not result.title_item
                     and (name := copy_suffix(item.text, choice.headline.text))), None)
        if site is not None:
            result.title = choice = choice._replace(headline=choice.headline._replace(site=site))
    probe = choice.headline.text[:4]
    for i, item in enumerate(items):
        if item is result.title_item or item.fate is not None or item.verdict is not None:
            continue
        if probe not in item.text and (site is None or site not in item.text):
            continue   # cheap: a copy starts like the headline, an alt text names the site
        tail = _site_tail(item.text, site) if site is not None else None
        if not headline_shaped(tail or item.text) or is_prose(tail or item.text):
            continue
        if title_key(item.text) == choice.key:
            item.verdict = Verdict("title-duplicate", True)
            continue
        headline = parse_headline(item.text, suffixes)
        decorated = headline.decorated
        if tail is not None and not decorated:
            headline, decorated = parse_headline(tail), True   # the suffix is the site's name
        if title_key(headline.text) == choice.key:
            item.verdict = Verdict("title-duplicate", True)
        elif site is not None and (headline.site == site or decorated):
            item.verdict = Verdict("alt-text", True)   # an image's alt text: "<描述> - <站名>"
        else:
            continue
        if decorated and i + 1 < len(items):
            items[i + 1].after_image = True   # alt text stands for an image: a caption follows


def _plain_headline(text: str) -> bool:
    """A headline must survive cleaning on its own: no rule claims it, and it is no mojibake
    (``ª°¡——新闻`` loses its suffix and leaves Latin-1 junk that a second run removes)."""
    if weak_verdict(text) is not None or strong_verdict(text) is not None:
        return False
    return not _LATIN1.search(text) or mojibake_kind(text) is None


def _site_tail(text: str, site: str) -> str | None:
    """``text`` without a trailing ``- <site>`` (any separator), when it ends so; else None."""
    if not text.endswith(site):
        return None
    head = text[: -len(site)].rstrip()
    stripped = head.rstrip("-–—_｜|丨－")
    return stripped.rstrip() if len(stripped) < len(head) and stripped.strip() else None


_CRUMB_SEPARATORS = frozenset({">", "＞", ">>", "›", "»", "→", "/", "／"})
_CRUMB_ITEM_MAX = 12


def _crumb_item(item: Item) -> bool:
    text = item.text
    return (not item.keep and len(text) <= _CRUMB_ITEM_MAX and text not in _CRUMB_SEPARATORS
            and not is_prose(text) and (item.verdict is None or item.verdict.row is None))


_GLUED_CRUMB = regexcache.compile(r"^(?:>>|>|＞|›|»|→)\s*(?P<item>\S.{0,11})$")
_CRUMB_FIRST = frozenset(">＞›»→")


def _breadcrumb_lines(items: list[Item]) -> None:
    """A breadcrumb printed one item per line (``首页`` / ``>`` / ``教育新闻`` / ``>`` /
    ``工作动态``): its items go as one trail, the deepest channel naming the category."""
    _glued_crumbs(items)
    i = 1
    while i < len(items) - 1:
        if items[i].text not in _CRUMB_SEPARATORS or not _crumb_item(items[i - 1]):
            i += 1
            continue
        run = [i - 1]
        j = i
        while (j + 1 < len(items) and items[j].text in _CRUMB_SEPARATORS
               and _crumb_item(items[j + 1])):
            run.append(j + 1)
            j += 2
        if len(run) < 2:
            i += 1
            continue
        channels = [c for c in (crumb_channel(items[k].text) for k in run) if c]
        for k in run:
            items[k].verdict = Verdict("breadcrumb", True)
        items[run[-1]].verdict = Verdict("breadcrumb", True, value=channels[-1] if channels else None)
        i = j + 1


def _glued_crumbs(items: list[Item]) -> None:
    """The same trail with each separator glued to the item after it (``评论`` / ``> 海外观察``
    / ``> 正文``): the last channel before ``正文`` (or the end) names the category."""
    i = 0
    while i < len(items) - 1:
        first = items[i]
        if items[i + 1].text[0] not in _CRUMB_FIRST:
            i += 1
            continue
        glued = _GLUED_CRUMB.match(items[i + 1].text)
        if glued is None or not _crumb_item(first) or _GLUED_CRUMB.match(first.text):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(items) and (m := _GLUED_CRUMB.match(items[j].text)) is not None \
                and not items[j].keep and not is_prose(m.group("item")):
            run.append(j)
            j += 1
        parts = [items[k].text if k == i else _GLUED_CRUMB.match(items[k].text).group("item")  # type: ignore[union-attr]
                 for k in run]
        channels = [c for c in (crumb_channel(part) for part in parts) if c]
        if len(run) >= 2 and channels:
            for k in run:
                items[k].verdict = Verdict("breadcrumb", True)
            items[run[-1]].verdict = Verdict("breadcrumb", True, value=channels[-1])
        i = j


def _related_blocks(items: list[Item]) -> None:
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
                follower.verdict = Verdict("navigation", True)
                continue
            if follower.keep or follower.verdict is not None or follower.weak is not None:
                break   # the list ends where another rule's line (a copyright note, a widget) starts
            if item.verdict.rule == "summary":
                # a key-points box: its bullets are sentences, the box ends where they end
                if not is_list_item(text):
                    break
                follower.verdict = Verdict("summary", True)
                continue
            if text[-1] in "：:":
                break   # "…常見以下手法：" leads into the story's own list, never a linked headline
            if _teaser_summary(items, k):
                follower.verdict = Verdict(item.verdict.rule, True)
                continue
            teaser = text.endswith(("...", "…"))
            # a headline may ask a question ("……为何留住了年轻人？"); a sentence has a full stop
            question = text[-1] in "？?！!" and len(text) <= 40 and "。" not in text
            if not teaser and (len(text) > _RELATED_ITEM_MAX
                               or (text[-1] in "。！？!?" and not question)):
                break
            follower.verdict = Verdict(item.verdict.rule, True)   # a related list, a contents list


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


# how much longer than its alt text a caption may be: a full stop and a credit (（新华社记者 X 摄）)
_ALT_CREDIT_MAX = 30


def _captions_after_images(items: list[Item], story: Item | None = None) -> None:
    """The short line right after an image (or its alt text) is its caption."""
    for i, item in enumerate(items):
        previous = items[i - 1].verdict if i else None
        image_before = item.after_image or (previous is not None and previous.rule in _IMAGE_RULES)
        if not image_before or item.verdict is not None or item.keep or item is story:
            continue
        if previous is not None and previous.rule == "image" and item.text in items[i - 1].text:
            item.verdict = Verdict("alt-text", True)   # "[Image: 燈會現場人潮]" then "燈會現場人潮"
            continue
        if caption_shape(item.text) or has_trailing_credit(item.text):
            item.verdict = Verdict("caption", True)
        elif (len(item.text) <= _POSITIONAL_CAPTION_MAX and item.text.count("，") <= 1
              and not is_list_item(item.text)):
            item.verdict = Verdict("caption", True, value=AFTER_IMAGE)


def _alt_text_echoed_by_captions(items: list[Item]) -> None:
    """A line that the caption right after it repeats, plus a credit, is the image's alt text.

    ``插秧机在稻田里作业`` then ``插秧机在稻田里作业。（葛润田 摄）``: scrapers keep both the
    image's alt attribute and the caption under it.  Only the caption carries the evidence (its
    credit), so the line before is judged by being its prefix.
    """
    for item, caption in zip(items, items[1:]):
        if item.verdict is not None or item.keep or caption.verdict is None:
            continue
        if caption.verdict.rule != "caption" or not caption.text.startswith(item.text):
            continue
        if len(caption.text) - len(item.text) <= _ALT_CREDIT_MAX:
            item.verdict = Verdict("alt-text", True)


def _body_start(items: list[Item], dl_index: int | None, block_start: int = 0) -> int:
    first = None
    for i, item in enumerate(items[block_start:], block_start):
        if item.verdict is not None:
            continue
        if item.keep or (is_paragraph(item.text) and item.weak is None):
            if (not item.keep and headline_shaped(item.text) and not is_list_item(item.text)
                    and _printed_twice(items, i)):
                continue   # a long headline with a comma, printed again with its site suffix
            if not item.keep and _summarises_next(items, i):
                item.verdict = Verdict("summary-duplicate", True)
                continue
            first = i
            break
    if first is None:
        return len(items)
    if dl_index is not None and dl_index > first and items[dl_index].verdict is None:
        between = [it for it in items[first:dl_index] if it.verdict is None and is_prose(it.text)]
        if len(between) <= 2:
            # the dateline opens the story; prose above it is a lede copy or a slogan
            for it in between:
                it.verdict = Verdict("head-chrome", True)
            return dl_index
    for item in items[:first]:
        if item.verdict is None and is_prose(item.text) and _repeats(item.text, items[first].text):
            item.verdict = Verdict("summary-duplicate", True)
    return first


def _printed_twice(items: list[Item], i: int) -> bool:
    """The line is printed again nearby, maybe with a site suffix (``<标题> | <站名>``): a page
    prints its headline twice, never a paragraph."""
    text = items[i].text
    keys = {title_key(text), title_key(parse_headline(text).text)}
    for item in items[max(0, i - 3):i + 4]:
        other = item.text
        if item is items[i] or not other.startswith(text[:8]):
            continue
        if not keys.isdisjoint((title_key(other), title_key(parse_headline(other).text))):
            return True
    return False


def _summarises_next(items: list[Item], i: int) -> bool:
    """A lede above the body that repeats the start of the next paragraph (a page description,
    often cut short with "…")."""
    for item in items[i + 1:]:
        # compared with the next paragraph, not the next line: the lines between (a second
        # copy of the headline, a byline) are gone from the cleaned text
        if item.verdict is None and is_paragraph(item.text):
            return _repeats(items[i].text, item.text)
    return False


def _repeats(lede: str, paragraph: str) -> bool:
    """``lede`` (maybe cut short with "…") is the opening of ``paragraph``."""
    start = lede.rstrip("…. ")
    return len(start) >= 15 and lede != paragraph and paragraph.startswith(start[:40])


# labels of an event's details inside a story ("日期：… / 地點：… / 費用：…")
_EVENT_LABELS = ("地點", "地点", "費用", "费用", "地址", "報名", "报名", "對象", "对象", "名額", "名额", "時間", "时间")


def _event_details(items: list[Item]) -> None:
    """A date row among an event's other details is part of the story, not the page's date."""
    for i, item in enumerate(items):
        verdict = item.verdict
        if (verdict is None or verdict.rule != "date" or not item.text.startswith(("日期", "時間", "时间"))
                or len(item.text) > 40):
            continue
        around = items[max(0, i - 2):i] + items[i + 1:i + 3]
        if sum(it.text.startswith(_EVENT_LABELS) for it in around) >= 2:
            item.verdict = None
            item._weak = None   # no weak verdict either: a detail of the story, not its date


# the reply button under each reader's comment
_REPLY_BUTTONS = frozenset({"回覆", "回复", "回應", "回应", "Reply", "reply", "REPLY"})


def _mentions_comments(item: Item) -> bool:
    """A widget about the comments ("打开APP查看全部326条评论")."""
    return item.verdict is not None and any(w in item.text for w in ("评论", "評論", "留言"))


def _bio_under_heading(items: list[Item], start: int) -> None:
    """``作者简介`` alone on a line below the first paragraph, then the bio: both go (the bio
    itself reads as prose).  Above the body the heading goes anyway, and the story stays."""
    for i, item in enumerate(items[:-1]):
        if i <= start or item.verdict is not None or item.keep or len(item.text) > 24:
            continue
        if is_bio_heading(item.text):
            rule = "author-bio"
        elif is_company_heading(item.text):
            rule = "company-profile"   # a press release's "關於X公司" and its boilerplate
        else:
            continue
        # the lines between that go anyway (a share widget) are not there on the cleaned page:
        # the bio is the next line no rule claims, or cleaning twice would differ; an author
        # box may put the writer's photo caption and name first ("林語晴的大頭照" / "林語晴")
        box: list[Item] = []
        # only the lines no rule claims count: they are the ones a second cleaning sees
        for following in (it for it in items[i + 1:] if it.verdict is None):
            if following.keep:
                break
            if is_prose(following.text):
                for it in (item, *box, following):
                    it.verdict = Verdict(rule, True)
                break
            if rule != "author-bio" or len(following.text) > 12 or len(box) >= 2:
                break
            box.append(following)


def _tail_start(items: list[Item], start: int, block_end: int) -> int:
    # the comment area opens the tail: readers' comments read as prose, but are not the story.
    # An area is a comment line with another right under it ("评论（86）" / "写评论..."); a lone
    # counter may stand anywhere
    end = next((i for i in range(start + 1, len(items) - 1)
                if is_comment_heading(items[i].verdict, items[i].text)
                and (any(is_comment_heading(it.verdict, it.text) or _mentions_comments(it)
                         for it in items[i + 1:i + 3])
                     or sum(it.text in _REPLY_BUTTONS for it in items[i + 1:i + 8]) >= 1)),
               block_end)
    end = min(end, block_end)
    end = min(end, _story_end_mark(items, start, end))
    while end > start + 1:
        item = items[end - 1]
        if item.keep:
            break
        if _is_sign_off(items, end - 1):
            items[end - 1].verdict = None   # a notice's date under its issuer: part of the text
            break
        if item.verdict is None and item.weak is None and (
                is_prose(item.text) or is_list_item(item.text)):
            break
        end -= 1
    return end


# lines that close a story: nothing after them is part of it (a sidebar of full sentences, a
# classifieds column, a reader's comment)
_END_RULES = frozenset({"editor", "copyright", "end-mark"})
_END_MIN_PARAGRAPHS = 2


def _story_end_mark(items: list[Item], start: int, end: int) -> int:
    """Where an editor line, a copyright notice or an end mark ("（完）") closes the story: at
    least two paragraphs above it, and at least twice as many as below it (a row that merely
    stands between paragraphs closes nothing); else ``end``."""
    if not any(it.verdict is not None and it.verdict.rule in _END_RULES for it in items[start:end]):
        return end   # most pages: no closing line to weigh
    paragraph = [item.verdict is None and not item.keep and is_paragraph(item.text)
                 for item in items[:end]]
    total = sum(paragraph[start:end])   # (a paragraph has no verdict: above + below = total)
    above = 0
    for i in range(start, end):
        verdict = items[i].verdict
        if verdict is None:
            above += paragraph[i]
            continue
        if verdict.strong and verdict.rule in _END_RULES and above >= _END_MIN_PARAGRAPHS:
            below = total - above
            if above >= 2 * below:
                return i
    return end


def _is_sign_off(items: list[Item], i: int) -> bool:
    """``某某市人民政府办公室`` / ``2025年3月1日`` closing a notice: a date row under an issuer."""
    verdict = items[i].verdict
    return (i > 0 and verdict is not None and verdict.row is not None
            and set(verdict.row.kinds) == {"date"} and is_signature(items[i - 1].text)
            and items[i - 1].verdict is None)


def _drop_around_body(item: Item, before_title: bool, tail: bool) -> None:
    """Head and tail: weak verdicts act; unclassified chrome goes too."""
    if item.weak is not None:
        item.drop(item.weak.rule)
    elif tail:
        item.drop("tail-chrome")
    elif before_title:
        item.drop("head-chrome")
    elif not is_prose(item.text) and not is_list_item(item.text):
        # under the headline, before the story: a name, a widget label, a subtitle (副题) that
        # is no sentence; a standfirst written as a sentence stays
        item.drop("head-chrome")


def _cut_inside(result: Plan) -> None:
    """Inline photo credits and an injected ``www.<domain>,`` before the first sentence."""
    for item in result.kept:
        text, cuts = cut_inline_credits(item.text)
        result.cuts.extend((item.no, c, "photo-credit") for c in cuts)
        domain = _LEADING_DOMAIN.match(text)
        if domain and domain.end() < len(text):
            result.cuts.append((item.no, domain.group(0).strip(), "ad"))
            text = text[domain.end():]
        if text != item.text:
            item.set_text(text.strip() or item.text)   # judged again on what is left
