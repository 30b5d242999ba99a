"""A headline taken apart: its site/channel suffix, its column label, a date before it.

``标题_财经_东方财讯网`` / ``標題 | 環境 | 知島誌`` / ``標題｜青山新聞@QSNEWS`` / ``标题-神州新闻网``
lose their trailing segments (reported as site and channel); ``【民生】标题`` / ``〈專文〉標題`` /
``直擊｜標題`` lose their column label (reported as category); ``标题******`` loses the junk.
Stripping repeats until nothing changes, so a cleaned title is a fixed point.

Also what two copies of one headline share (:func:`title_key`) and how a page prints it again.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.names import has_surname
from newsctl.cleaning.sitenames import ORGANISATION, SENTENCE_MARKS, is_channel, is_site_name
from newsctl.text import regexcache

_SEPARATORS = regexcache.compile(r"\s*(?:[_｜|丨︱－]|——)\s*|\s+[-–—]\s+|(?<=\S)-(?=\S)")
# trailing junk: a rule of stars or bars, or a note that the page has pictures or a video
_JUNK = regexcache.compile(r"\s*(?:[*＊#＃=~～_|｜\-–—]{2,}|[_|｜丨︱\-–—－]"
                   r"|[（(](?:附圖|附图|組圖|组图|多圖|多图|圖|图|附視頻|附视频|視頻|视频|有片|影音)[）)])\s*$")
_LABELS = regexcache.compile(
    r"^(?:【(?P<a>[^【】]{1,10})】|〈(?P<b>[^〈〉]{1,10})〉|［(?P<c>[^［］]{1,10})］|\[(?P<d>[^\[\]]{1,10})\]"
    r"|(?P<e>[\u4e00-\u9fffA-Za-z]{1,8})\s*[｜|丨︱]|(?P<f>[\u4e00-\u9fff]{2,4})》"
    r"|(?P<g>[\u4e00-\u9fff]{2,4})[／/](?=\S)"
    # a kind of story with a colon: "组图：…", "專訪：…" (not any word: "青年编剧苏蔓：…" is a headline)
    r"|(?P<h>组图|組圖|图集|圖集|视频|視頻|影音|直播|快讯|快訊|独家|獨家|图解|圖解|专访|專訪|社论|社論"
    r"|评论|評論|深读|深讀)[：:])\s*"
)


_FIELD_LABEL = regexcache.compile(r"^(?:文章标题|文章標題|新闻标题|新聞標題|标题|標題|题目|題目)\s*[：:]\s*")
# " date 2025-03-02 <標題>": a date (maybe labelled) glued before the headline
_LEADING_DATE = regexcache.compile(
    r"^\s*(?:date|Date|DATE|日期|時間|时间)?[：:\s]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{4}年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+"
)
# every suffix, label and junk shape needs one of these characters
_DECORATION = regexcache.compile(r"[_｜|丨︱—\-–－*＊#＃=~～【】〈〉［］\[\]》／/（(：:]")
_DIGITS = regexcache.compile(r"\d")
_KEY_DROP_CHAR = r"[\s\u3000\"'“”‘’「」『』《》〈〉【】()（）!！?？,，.。:：;；、·・…\-—_|｜*]"
# (a run of them, written as one then more: a pattern that opens with a character class lets re
# skip straight to the next such character)
_KEY_DROP = regexcache.compile(_KEY_DROP_CHAR + _KEY_DROP_CHAR + "*")
# a title suffix segment is short; a long tail after " - " is part of the headline
_SEGMENT_MAX = 20


class Headline(NamedTuple):
    """A headline with its decorations taken apart."""

    text: str
    site: str | None = None
    channel: str | None = None
    label: str | None = None          # a column label (【民生】, 〈專文〉, 直擊｜)
    byline: str | None = None         # an author label (王小明》)
    date: str | None = None           # a date printed before the headline, as ISO 8601
    cuts: tuple[str, ...] = ()        # the decorations cut off, as printed

    @property
    def decorated(self) -> bool:
        """True when a site suffix was cut (the mark of a ``<title>`` or alt-text copy)."""
        return self.site is not None


def _suffix_kind(segment: str, separator: str, head: str, extra: tuple[str, ...]) -> str | None:
    """``"site"``, ``"channel"`` or None (part of the headline) for a trailing segment."""
    name = segment.split("@", 1)[0].strip() if "@" in segment else segment
    if not name or len(name) > _SEGMENT_MAX or SENTENCE_MARKS.search(name):
        return None
    if name in extra:
        return "site"
    if is_channel(name):
        return "channel"
    if "@" in segment or is_site_name(name):
        return "site"
    pipe = separator.strip() in ("_", "|", "｜", "丨")
    if pipe and len(name) <= 10 and len(head) >= 2 * len(name):
        return "channel"
    return None


def _cut_suffixes(text: str,
                  extra: tuple[str, ...]) -> tuple[str, str | None, str | None, list[str]]:
    site: str | None = None
    channel: str | None = None
    cuts: list[str] = []
    while True:
        junk = _JUNK.search(text)
        if junk and junk.start() > 0:
            cuts.insert(0, text[junk.start():])
            text = text[: junk.start()]
            continue
        seps = list(_SEPARATORS.finditer(text))
        if not seps:
            break
        last = seps[-1]
        head, segment = text[: last.start()], text[last.end():].strip()
        if not head.strip():
            break
        hyphen = last.group(0) == "-"
        kind = _suffix_kind(segment, last.group(0), head, extra)
        if kind is None or (hyphen and kind != "site"):
            break
        name = segment.split("@", 1)[0].strip()
        if kind == "channel" and not cuts and not is_channel(name) and ORGANISATION.search(name):
            kind = "site"   # "标题_某市某区人民政府": the last segment names the publisher
        if kind == "site" and site is None and channel is None:
            site = name
        elif kind == "channel":
            channel = name   # the segment nearest the headline wins: it is the most specific
        cuts.insert(0, text[last.start():])
        text = head.rstrip()
    return text, site, channel, cuts


@functools.lru_cache(maxsize=4096)   # the head lines of a site's pages (its name, its menus) recur
def parse_headline(text: str, extra_suffixes: tuple[str, ...] = ()) -> Headline:
    """Take a headline apart: ``parse_headline("标题_财经_某某网").text == "标题"``."""
    field = _FIELD_LABEL.match(text)
    if field and len(text) - field.end() >= 6:
        # "标题：<标题>" in a notice's header fields: the label says nothing about the story
        inner = parse_headline(text[field.end():], extra_suffixes)
        return inner._replace(cuts=(text[:field.end()], *inner.cuts))
    date: str | None = None
    dated = _LEADING_DATE.match(text)
    if dated:
        found = find_dates(text[: dated.end()])
        if found and len(text) - dated.end() >= 6:
            date = found[0].iso
            cut, text = text[: dated.end()], text[dated.end():]
    if not _DECORATION.search(text) and not extra_suffixes:
        # no separator, bracket or junk: nothing more to take apart
        return Headline(text, date=date, cuts=(cut,) if date else ())
    text, site, channel, cuts = _cut_suffixes(text, extra_suffixes)
    label: str | None = None
    byline: str | None = None
    while True:
        m = _LABELS.match(text)
        if not m or len(text) - m.end() < 6:
            break
        if m.group("f") and has_surname(m.group("f")) and len(m.group("f")) <= 3:
            byline = byline or m.group("f")   # "王小明》<標題>": an author, not a column
        else:
            label = label or next(g for g in m.groups() if g)
        cuts.insert(0, m.group(0))
        text = text[m.end():]
    if date:
        cuts.insert(0, cut)
    return Headline(text, site, channel, label, byline, date, tuple(cuts))


# the head passes ask a line's key and shape again and again (the window, the lines below the
# story, the page's <title> line, the headline's copies: six times a line on average), and site
# chrome recurs from page to page: both are remembered (a lookup costs a tenth of a regex call)
_KEY_MEMO = 1 << 14


@functools.lru_cache(maxsize=_KEY_MEMO)
def title_key(text: str) -> str:
    """What two copies of one headline share: the text without decoration and punctuation."""
    return _KEY_DROP.sub("", text)


# a headline is at most this long (a longer line is a paragraph)
HEADLINE_MAX = 100


@functools.lru_cache(maxsize=_KEY_MEMO)
def headline_shaped(text: str) -> bool:
    """Short, one phrase, not a finished sentence: ``。`` ends prose, never a headline."""
    if not 4 <= len(text) <= HEADLINE_MAX or "。" in text:
        return False
    if text[-1] in "，,、：:；;" or text.count("，") > 2:
        return False
    return len(_DIGITS.findall(text)) < len(text) / 2


_COPY_TAIL = regexcache.compile(r"(?:\s*(?:[_｜|丨－]|——)\s*|\s+[-–—]\s+|-)(?P<name>[^\s_｜|丨－。，,]{2,20})\s*")


def copy_suffix(line: str, headline: str) -> str | None:
    """The name after the headline in a copy of it (``<headline> - <站名>``), else None.

    Repetition is the evidence: a page prints its headline again in its ``<title>`` and in
    image alt texts, each time followed by the site's name, whatever that name looks like.

    >>> copy_suffix("湖畔公园改造完成 - 某某要闻", "湖畔公园改造完成")
    '某某要闻'
    """
    if len(headline) < 6 or not line.startswith(headline) or len(line) == len(headline):
        return None
    tail = _COPY_TAIL.fullmatch(line, len(headline))
    return tail.group("name") if tail is not None else None


# a separator (maybe with spaces around it), or a run of spaces:
# r"\s*(?:[_｜|丨︱]|——|[-–—])\s*|\s+", written as its first character (a space or the separator's
# first) and then, branch by branch, what follows once that character is read (each branch checks
# it looking back): the same matches, ending at the same places, but re skips straight to those
# characters instead of trying both branches at every place of the line
_HEAD_SPLIT = regexcache.compile(
    r"[\s_｜|丨︱\-–—](?:(?<=\s)\s*(?:[_｜|丨︱]|——|[-–—])\s*"
    r"|(?<=[_｜|丨︱])\s*|(?<=—)—\s*|(?<=[-–—])\s*|(?<=\s)\s*)"
)
_ECHO_MIN = 8
_ECHO_TAIL_MAX = 60
_ECHO_LINE_MAX = 200
_STOPS = "。！？!?"
_STOP = regexcache.compile(f"[{_STOPS}]")


def decorated_heads(texts: list[str]) -> set[str]:
    """Title keys of what comes before a separator in lines that go on with a short tail.

    ``<headline> - <站名> - <頻道>`` (a page dump's first line, from its ``<title>``) makes the
    headline, printed alone further down, the page's headline, whatever the tail says.

    >>> sorted(decorated_heads(["湖畔公园改造完成 市民盼早日开放_某某网"]))
    ['湖畔公园改造完成', '湖畔公园改造完成市民盼早日开放']
    """
    heads: set[str] = set()
    for text in texts:
        size = len(text)
        if size > _ECHO_LINE_MAX or size <= _ECHO_MIN or text[-1] in "。！？":
            continue   # (a sentence is no <title> line)
        # a tail holds no sentence stop: it starts after the last one (found once a line, not
        # searched for in every tail; most lines hold none)
        after_stop = max(map(text.rfind, _STOPS)) + 1 if _STOP.search(text) else 0
        for m in _HEAD_SPLIT.finditer(text, _ECHO_MIN):
            end = m.end()
            # a tail of 1 to _ECHO_TAIL_MAX characters
            if size - _ECHO_TAIL_MAX <= end < size and end >= after_stop:
                heads.add(title_key(text[: m.start()]))
    return heads
