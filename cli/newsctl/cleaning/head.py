"""The head of the story: where its first paragraph is, the dateline tag glued to it, the
headline above it (with its copies, rivals and alt texts), and ledes that repeat the story.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from newsctl.cleaning.dateline import Dateline, cut_dateline
from newsctl.cleaning.encoding import mojibake_kind
from newsctl.cleaning.headline import (
    HEADLINE_MAX,
    copy_suffix,
    decorated_heads,
    headline_shaped,
    parse_headline,
    title_key,
)
from newsctl.cleaning.items import Item, Ledger, Plan, is_paragraph
from newsctl.cleaning.prose import is_list_item, is_prose
from newsctl.cleaning.rules import strong_verdict, weak_verdict
from newsctl.cleaning.story import TAG_BRACKETS, is_lede
from newsctl.cleaning.title import choose_title
from newsctl.cleaning.verdicts import Verdict
from newsctl.text import regexcache

_LATIN1 = regexcache.compile(r"[\u0080-\u00ff]")

def cut_first_dateline(result: Plan, first: int = 0) -> int | None:
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
        # body_start); and so again if what is left of that paragraph reads as a lede too
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
        result.decide.cut_tag(item, rest)
    else:
        result.decide.claim(item, Verdict("dateline-tag", True), "a dateline tag alone on its line")
    return i


def echoed_headline(items: list[Item], start: int, end: int, echoed: set[str]) -> int | None:
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


def choose_headline(result: Plan, suffixes: tuple[str, ...], start: int,
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
    heads = [parse_headline(text, suffixes).text for _, text in window]
    probes = {head[:4] for head in heads}
    # (one scan of the rest first: most probes occur nowhere below, and each line then meets
    # only those that do; a probe holds no line break, so it never matches across two lines.
    # Only lines that may be headline-shaped are scanned: prose, most of the rest, never is)
    below = "\n".join(text for item in items[start:]
                      if len(text := item.text) <= HEADLINE_MAX and "。" not in text)
    probes = {probe for probe in probes if probe in below}
    later = {title_key(text) for text in _lines_holding(below, probes)
             if headline_shaped(text) and not is_prose(text)}
    # a widget list printed above and below the story (share buttons) repeats as a block; a
    # headline printed again is a line alone: drop the repeated lines that stand in a run
    keys = [title_key(head) for head in heads]
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
    decide, title_no = result.decide, items[choice.at].no
    for i in choice.copies:
        decide.claim(items[i], Verdict("title-duplicate", True), f"a copy of the headline on line {title_no}")
    for i in choice.rivals:
        if items[i].weak is None:   # with a weak verdict it goes anyway (it is in the head)
            decide.claim(items[i], Verdict("head-chrome", True), f"a rival of the headline on line {title_no}")
    site = choice.headline.site
    if site is None:
        # "<headline> - <站名>" elsewhere on the page: the repeated headline names the site
        # (copy_suffix's first test written out: most lines do not start with the headline)
        text = choice.headline.text
        site = next((name for item in items if item.text.startswith(text)
                     and item is not result.title_item and (name := copy_suffix(item.text, text))),
                    None)
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
            decide.claim(item, Verdict("title-duplicate", True), f"the headline on line {title_no} again")
            continue
        headline = parse_headline(item.text, suffixes)
        decorated = headline.decorated
        if tail is not None and not decorated:
            headline, decorated = parse_headline(tail), True   # the suffix is the site's name
        if title_key(headline.text) == choice.key:
            decide.claim(item, Verdict("title-duplicate", True), f"the headline on line {title_no} again")
        elif site is not None and (headline.site == site or decorated):
            # an image's alt text: "<描述> - <站名>"
            decide.claim(item, Verdict("alt-text", True), f"a line that ends with the site's name, {site}")
        else:
            continue
        if decorated and i + 1 < len(items):
            decide.image_above(items[i + 1])   # alt text stands for an image: a caption follows


def _lines_holding(joined: str, probes: set[str]) -> list[str]:
    """The lines of ``joined`` (lines joined with newlines) that hold one of ``probes`` (none
    holds a newline), each once and in their order, found by scanning the joined text rather
    than line by line."""
    found: dict[int, str] = {}
    for probe in probes:
        at = joined.find(probe)
        while at >= 0:
            start = joined.rfind("\n", 0, at) + 1
            end = joined.find("\n", at)
            if end < 0:
                end = len(joined)
            found[start] = joined[start:end]
            at = joined.find(probe, end + 1)   # the next line (an empty probe, too, moves on)
    return [found[start] for start in sorted(found)]   # (not in the set's order: it varies by run)


# asked of every candidate's text each time a page's headline is chosen (a site's head lines
# recur from page to page), and a long line's verdicts are not remembered by the rules
@functools.lru_cache(maxsize=4096)
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


def body_start(items: list[Item], decide: Ledger, dl_index: int | None, block_start: int = 0) -> int:
    """Index of the story's first paragraph at or after ``block_start`` (the dateline's
    paragraph when little prose stands above it); lines above it that only repeat it are marked."""
    first = None
    for i, item in enumerate(items[block_start:], block_start):
        if item.verdict is not None:
            continue
        if item.keep or (is_paragraph(item.text) and item.weak is None):
            if (not item.keep and headline_shaped(item.text) and not is_list_item(item.text)
                    and _printed_twice(items, i)):
                continue   # a long headline with a comma, printed again with its site suffix
            if not item.keep and _summarises_next(items, i):
                decide.claim(item, Verdict("summary-duplicate", True), "the paragraph under it says it again")
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
                decide.claim(it, Verdict("head-chrome", True), "prose above the paragraph the dateline opens")
            return dl_index
    for item in items[:first]:
        if item.verdict is None and is_prose(item.text) and _repeats(item.text, items[first].text):
            decide.claim(item, Verdict("summary-duplicate", True), "the story's first paragraph repeats it")
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
