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
from dataclasses import dataclass, field

from newsctl.cleaning.captions import CAPTION_MAX, caption_shape, cut_inline_credits
from newsctl.cleaning.dateline import Dateline, cut_dateline
from newsctl.cleaning.rules import Verdict, is_list_item, is_prose, strong_verdict, weak_verdict
from newsctl.cleaning.title import TitleChoice, choose_title, headline_shaped, parse_headline, title_key

_UNSET = Verdict("", False)
# how far down the page the headline and a dateline tag are looked for
_HEAD_WINDOW = 15
_DATELINE_WINDOW = 30
_FOOTNOTE_TERM = re.compile(r"^[^，。：:\s]{1,20}[：:]")
_LEADING_DOMAIN = re.compile(r"^(?:https?://)?www\.[\w-]+(?:\.[\w-]+)+[/\w.-]*\s*[,，、]?\s*")
_RELATED_ITEM_MAX = 60


@dataclass
class Item:
    """A line on its way through the cleaner."""

    no: int
    text: str
    after_image: bool = False
    keep: bool = False                       # a keep pattern matched: never dropped
    verdict: Verdict | None = None           # strong verdict
    fate: str | None = None                  # rule id once dropped
    _weak: Verdict | None = field(default=_UNSET, repr=False)

    @property
    def weak(self) -> Verdict | None:
        """The weak verdict, computed on first use (only head and tail lines need it)."""
        if self._weak is _UNSET:
            self._weak = weak_verdict(self.text)
        return self._weak

    @property
    def claimed(self) -> bool:
        """Some rule claims this line, strongly or weakly."""
        return self.verdict is not None or self.weak is not None

    def drop(self, rule: str) -> None:
        if not self.keep and self.fate is None:
            self.fate = rule


@dataclass
class Plan:
    """The decisions: each item's fate, the headline, the dateline, and cuts inside lines."""

    items: list[Item]
    title: TitleChoice | None = None
    title_item: Item | None = None
    dateline: Dateline | None = None
    body_start: int = 0
    tail_start: int = 0
    cuts: list[tuple[int, str, str]] = field(default_factory=list)   # (line, text, rule)

    @property
    def kept(self) -> list[Item]:
        return [it for it in self.items if it.fate is None and it is not self.title_item]


def footnote_lines(lines: "list[Item]") -> set[int]:
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


def plan(items: list[Item], drop: tuple["re.Pattern[str]", ...] = (),
         headings: frozenset[str] = frozenset(), suffixes: tuple[str, ...] = ()) -> Plan:
    """Decide every item's fate (see the module docstring)."""
    for item in items:
        if not item.keep:
            item.verdict = strong_verdict(item.text, drop, headings)
    result = Plan(items)
    dl_index = _cut_dateline(result)
    _choose_title(result, suffixes)
    _related_blocks(items)
    _captions_after_images(items)
    start = _body_start(result, dl_index)
    end = _tail_start(items, start)
    result.body_start, result.tail_start = start, end
    title_at = items.index(result.title_item) if result.title_item is not None else -1
    for i, item in enumerate(items):
        if item is result.title_item:
            continue
        if item.verdict is not None:
            item.drop(item.verdict.rule)
        elif i < start or i >= end:
            _drop_around_body(item, before_title=i < title_at, tail=i >= end)
    _cut_inside(result)
    return result


def _cut_dateline(result: Plan) -> int | None:
    """Cut a dateline tag off the first paragraph; return that paragraph's index."""
    for i, item in enumerate(result.items[:_DATELINE_WINDOW]):
        if item.verdict is not None or item.keep:
            continue
        rest, found = cut_dateline(item.text)
        if found is not None:
            result.dateline = found
            if rest:
                result.cuts.append((item.no, found.tag, "dateline-tag"))
                item.text = rest
                item._weak = _UNSET
            else:
                item.verdict = Verdict("dateline-tag", True)   # a tag alone on its line
            return i
        if is_prose(item.text) and len(item.text) >= 30 and item.weak is None:
            return None   # the first paragraph has no tag
    return None


def _choose_title(result: Plan, suffixes: tuple[str, ...]) -> None:
    items = result.items
    window: list[tuple[int, str, bool]] = []
    for i, item in enumerate(items[:_HEAD_WINDOW]):
        if item.verdict is not None:
            continue
        if item.text.endswith("。") or (is_prose(item.text) and len(item.text) >= 30):
            break   # the first paragraph: the headline stands above it
        window.append((i, item.text, item.weak is None))
    choice = choose_title(window, suffixes)
    if choice is None:
        return
    result.title = choice
    result.title_item = items[choice.index]
    for i in choice.copies:
        items[i].drop("title-duplicate")
        items[i].verdict = items[i].verdict or Verdict("title-duplicate", True)
    site = choice.headline.site
    probe = choice.headline.text[:4]
    for i, item in enumerate(items):
        if item is result.title_item or item.fate is not None or item.verdict is not None:
            continue
        if probe not in item.text and (site is None or site not in item.text):
            continue   # cheap: a copy starts like the headline, an alt text names the site
        if not headline_shaped(item.text) or is_prose(item.text):
            continue
        if title_key(item.text) == choice.key:
            item.verdict = Verdict("title-duplicate", True)
            continue
        headline = parse_headline(item.text, suffixes)
        if title_key(headline.text) == choice.key:
            item.verdict = Verdict("title-duplicate", True)
        elif site is not None and headline.site == site:
            item.verdict = Verdict("alt-text", True)   # an image's alt text: "<描述> - <站名>"
        else:
            continue
        if headline.decorated and i + 1 < len(items):
            items[i + 1].after_image = True   # alt text stands for an image: a caption follows


def _related_blocks(items: list[Item]) -> None:
    """A related/recommended heading takes the run of short headline-like lines after it."""
    for i, item in enumerate(items):
        if item.verdict is None or not item.verdict.heading:
            continue
        for follower in items[i + 1:]:
            text = follower.text
            if follower.keep or (follower.verdict is not None and follower.verdict.heading):
                break
            teaser = text.endswith(("...", "…"))
            if not teaser and (len(text) > _RELATED_ITEM_MAX or text[-1] in "。！？!?"):
                break
            if follower.verdict is None:
                follower.verdict = Verdict("related-block", True)


def _captions_after_images(items: list[Item]) -> None:
    """The short line right after an image (or its alt text) is its caption."""
    for i, item in enumerate(items):
        previous = items[i - 1].verdict if i else None
        image_before = item.after_image or (previous is not None and previous.rule == "image")
        if not image_before or item.verdict is not None or item.keep:
            continue
        if caption_shape(item.text) or (len(item.text) <= CAPTION_MAX and not is_list_item(item.text)
                                        and len(item.text) <= 60):
            item.verdict = Verdict("caption", True)


def _body_start(result: Plan, dl_index: int | None) -> int:
    items = result.items
    first = None
    for i, item in enumerate(items):
        if item is result.title_item or item.verdict is not None:
            continue
        if item.keep or (is_prose(item.text) and item.weak is None):
            first = i
            break
    if first is None:
        return len(items)
    if dl_index is not None and dl_index > first and items[dl_index].verdict is None:
        between = [it for it in items[first:dl_index] if it.verdict is None and is_prose(it.text)]
        if len(between) <= 2:
            return dl_index   # the dateline opens the story; prose above it is a lede copy or slogan
    return first


def _tail_start(items: list[Item], start: int) -> int:
    end = len(items)
    while end > start + 1:
        item = items[end - 1]
        if item.keep:
            break
        if item.verdict is None and item.weak is None and (
                is_prose(item.text) or is_list_item(item.text)):
            break
        end -= 1
    return end


def _drop_around_body(item: Item, before_title: bool, tail: bool) -> None:
    """Head and tail: weak verdicts act; unclassified chrome goes too."""
    if item.weak is not None:
        item.drop(item.weak.rule)
    elif tail:
        item.drop("tail-chrome")
    elif before_title or is_prose(item.text):
        item.drop("head-chrome")
    elif len(item.text) < 10 and not is_list_item(item.text):
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
            item.text = text.strip() or item.text
