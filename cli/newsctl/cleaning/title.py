"""The headline: its site/channel suffix, its column label, and which head line it is.

``标题_财经_东方财讯网`` / ``標題 | 環境 | 知島誌`` / ``標題｜青山新聞@QSNEWS`` / ``标题-神州新闻网``
lose their trailing segments (reported as site and channel); ``【民生】标题`` / ``〈專文〉標題`` /
``直擊｜標題`` lose their column label (reported as category); ``标题******`` loses the junk.
Stripping repeats until nothing changes, so a cleaned title is a fixed point.

The headline is the line that is printed more than once in the head (compared after OpenCC t2s,
so a Traditional title and its Simplified copy match), else the head line with a site suffix,
else the first headline-shaped line of the head.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import NamedTuple

from newsctl import regexcache
from newsctl.cleaning import lexicon
from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.names import has_surname

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
_SENTENCE = regexcache.compile(r"[。！？!?，,；;]")
_FIELD_LABEL = regexcache.compile(r"^(?:文章标题|文章標題|新闻标题|新聞標題|标题|標題|题目|題目)\s*[：:]\s*")
# " date 2025-03-02 <標題>": a date (maybe labelled) glued before the headline
_LEADING_DATE = regexcache.compile(
    r"^\s*(?:date|Date|DATE|日期|時間|时间)?[：:\s]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{4}年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+"
)
# every suffix, label and junk shape needs one of these characters
_DECORATION = regexcache.compile(r"[_｜|丨︱—\-–－*＊#＃=~～【】〈〉［］\[\]》／/（(：:]")
_DIGITS = regexcache.compile(r"\d")
_KEY_DROP = regexcache.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉【】()（）!！?？,，.。:：;；、·・…\-—_|｜*]+")
# a title suffix segment is short; a long tail after " - " is part of the headline
_SEGMENT_MAX = 20
# an outlet's name: 东方财讯网, 中彰時報電子報, 山城電視台新聞 (a CJK name has no spaces)
_NAME_MAX = 12
_SPACE = regexcache.compile(r"[\s\u3000]")
# a publishing body's name: 某市某区人民政府, 某某委员会, 某某研究院
_ORGANISATION = regexcache.compile(r"(?:政府|委员会|委員會|办公室|辦公室|局|厅|廳|院|中心|协会|協會|大学|大學)$")


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


def is_channel(segment: str) -> bool:
    """A channel name: ``财经``, ``國內新聞``, ``体育频道`` (a common section word, maybe + 新闻/频道)."""
    words = lexicon.word_set("category_words")
    if segment in words:
        return True
    for tail in ("频道", "頻道", "新闻", "新聞", "版"):
        if segment.endswith(tail) and segment[: -len(tail)] in words:
            return True
    return False


def without_latin_brand(name: str) -> str:
    """``位元筆記 BitNotes`` -> ``位元筆記``: an outlet's name without the Latin brand after it."""
    if " " in name and not name.isascii():
        first, rest = name.split(" ", 1)
        if rest.isascii():
            return first
    return name


def is_site_name(segment: str, extra: tuple[str, ...] = ()) -> bool:
    """``东方财讯网``, ``青山新聞``, ``知島誌``, ``example.com``: shaped like an outlet's name."""
    if segment in extra:
        return True
    if not segment or len(segment) > _NAME_MAX or _SENTENCE.search(segment):
        return False
    if _SPACE.search(segment) and not segment.isascii():
        return False
    ending = _site_ending(segment)
    # a one-character ending (网, 報, 台, 刊) makes a name only of a short word: "观景平台" is no outlet
    return ending > 0 and (ending > 1 or len(segment) <= 6)


@functools.lru_cache(maxsize=1)
def _site_endings() -> tuple[frozenset[str], tuple[int, ...]]:
    endings = lexicon.word_set("site_suffixes")
    return endings, tuple(sorted({len(e) for e in endings}, reverse=True))


def _site_ending(segment: str) -> int:
    """Length of the longest outlet-name ending after at least one more character (``网``
    alone is not a name), or 0.  A set lookup per length: cheaper than a regex over the line."""
    endings, lengths = _site_endings()
    for n in lengths:
        if n < len(segment) and segment[-n:] in endings:
            return n
    return 0


def _suffix_kind(segment: str, separator: str, head: str, extra: tuple[str, ...]) -> str | None:
    """``"site"``, ``"channel"`` or None (part of the headline) for a trailing segment."""
    name = segment.split("@", 1)[0].strip() if "@" in segment else segment
    if not name or len(name) > _SEGMENT_MAX or _SENTENCE.search(name):
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
        if kind == "channel" and not cuts and not is_channel(name) and _ORGANISATION.search(name):
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


def title_key(text: str) -> str:
    """What two copies of one headline share: the text without decoration and punctuation."""
    return _KEY_DROP.sub("", text)


def headline_shaped(text: str) -> bool:
    """Short, one phrase, not a finished sentence: ``。`` ends prose, never a headline."""
    if not 4 <= len(text) <= 100 or "。" in text:
        return False
    if text[-1] in "，,、：:；;" or text.count("，") > 2:
        return False
    return len(_DIGITS.findall(text)) < len(text) / 2


def _t2s(text: str) -> str:
    from newsctl.converters import convert_text  # lazy: OpenCC only when scripts may differ

    try:
        return convert_text(text, "t2s")
    except UnicodeEncodeError:   # a lone surrogate: OpenCC takes UTF-8 only; compare as is
        return text


def _maybe_same(a: str, b: str) -> bool:
    """Cheap filter before OpenCC: same length and many characters in common."""
    if abs(len(a) - len(b)) > 2 or not a or not b:
        return False
    same: int = sum(map(operator.eq, a, b))
    return same >= 0.3 * min(len(a), len(b))


class _Lazy:
    """``plain(text)``, asked only when the choice needs it (a weak verdict is costly)."""

    __slots__ = ("_plain", "_text", "_value")

    def __init__(self, plain: Callable[[str], bool], text: str) -> None:
        self._plain, self._text = plain, text
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = bool(self._plain(self._text))
        return bool(self._value)


class TitleChoice(NamedTuple):
    """Which candidate is the headline, and which other candidates are copies of it."""

    at: int                           # the headline's index among the items
    headline: Headline
    copies: tuple[int, ...]
    key: str
    # other head lines that would outrank the headline once the page is cleaned (another line
    # with a site suffix, a second copy of another line): dropping them keeps cleaning idempotent
    rivals: tuple[int, ...] = ()


def choose_title(candidates: list[tuple[int, str]], plain: Callable[[str], bool],
                 extra_suffixes: tuple[str, ...] = (),
                 repeated: frozenset[str] | set[str] = frozenset(),
                 anchored: Callable[[int], bool] = lambda _: False,
                 echoed: frozenset[str] | set[str] = frozenset()) -> TitleChoice | None:
    """Pick the headline among head lines ``(index, text)``.

    ``plain(headline)`` is False for text a weaker rule recognises (a lone site name, a channel
    word): such a line may be a copy of the headline but is never chosen on shape alone.
    ``echoed`` holds the keys of lines printed elsewhere with a tail after them (the page's
    ``<title>``: ``<headline> - <站名> - <頻道>``): the strongest evidence, since nothing but the
    headline is printed again that way.  ``repeated`` holds the title keys of lines further down
    the page: a candidate printed again there is preferred to one printed once; ``anchored(index)`` says a candidate has its byline
    or date right under it.  It is
    asked about the headline without its decorations, whose site words would mislead it.
    """
    parsed = [(i, parse_headline(t, extra_suffixes)) for i, t in candidates if headline_shaped(t)]
    parsed = _split_known_tails(parsed)
    # what is left of a candidate once its label or suffix is cut must still look like a
    # headline: the cleaned page offers only that ("[影片] 02:13" leaves a clock time)
    shaped = [(i, h, _Lazy(plain, h.text)) for i, h in parsed
              if len(h.text) >= 4 and headline_shaped(h.text)]
    if not shaped:
        return None
    keys = [title_key(h.text) for _, h, _ in shaped]
    groups: list[list[int]] = []
    converted: dict[int, str] = {}
    for n, key in enumerate(keys):
        for group in groups:
            other = keys[group[0]]
            if key == other or (_maybe_same(key, other) and _converted(n, keys, converted)
                                == _converted(group[0], keys, converted)):
                group.append(n)
                break
        else:
            groups.append([n])
    # the same test for a headline printed twice as for one printed once: cleaning removes the
    # copies, and the cleaned page must choose the same headline again
    chosen = None
    if echoed:
        # the echoed candidate nearest the story, with its copies (echoed as printed here: the
        # echo of a line's own head would be the line itself)
        raw = {i: title_key(t) for i, t in candidates}
        last = next((n for n in reversed(range(len(shaped))) if raw[shaped[n][0]] in echoed
                     and shaped[n][2] and _headline_like(shaped[n][1])), None)
        if last is not None:
            chosen = next(g for g in groups if last in g)
    if chosen is None:
        chosen = next((g for g in groups if len(g) > 1 and any(shaped[n][2] for n in g)
                       and _headline_like(shaped[g[0]][1])), None)
    if chosen is None and repeated:
        # printed once up here and again below the story (``repeated``: keys of lines there)
        chosen = next(([n] for n in range(len(shaped)) if keys[n] in repeated and shaped[n][2]
                       and _headline_like(shaped[n][1])), None)
    if chosen is None:
        # no headline printed twice: a decorated line (the page's <title>) near the top, unless
        # what is left of it is no headline ("站名 | tagline", "English | 繁 | 简", a menu)
        likely = [n for n in range(len(shaped)) if shaped[n][2] and _headline_like(shaped[n][1])]
        first_three = likely[:3]
        chosen = next(([n] for n in first_three if shaped[n][1].decorated), None)
        if chosen is None and likely:
            # the headline stands right above its byline or date (a weather box, a slogan or a
            # sidebar headline in a page dump does not)
            chosen = [next((n for n in likely if anchored(shaped[n][0])), likely[0])]
    if chosen is None:
        chosen = next(([n] for n in range(len(shaped)) if shaped[n][2]), None)
    if chosen is None:
        return None
    texts = [shaped[n][1].text for n in chosen]
    best_text = max(texts, key=lambda t: (texts.count(t), -texts.index(t)))
    best = chosen[texts.index(best_text)]
    members = [shaped[n] for n in chosen]
    merged = Headline(
        best_text,
        site=next((h.site for _, h, _ in members if h.site), None),
        channel=next((h.channel for _, h, _ in members if h.channel), None),
        label=next((h.label for _, h, _ in members if h.label), None),
        byline=next((h.byline for _, h, _ in members if h.byline), None),
        date=next((h.date for _, h, _ in members if h.date), None),
        cuts=shaped[best][1].cuts,
    )
    copies = tuple(shaped[n][0] for n in chosen if n != best)
    rivals = [shaped[n][0] for n in range(len(shaped))
              if n not in chosen and shaped[n][1].decorated]
    rivals += [shaped[n][0] for g in groups if g is not chosen for n in g[1:]]
    # a head line printed again below the story would be chosen on the cleaned page, where the
    # headline's own copies are gone: its head copy goes (the one below stays)
    rivals += [shaped[n][0] for n in range(len(shaped)) if n not in chosen and keys[n] in repeated]
    return TitleChoice(shaped[best][0], merged, copies, keys[best], tuple(sorted(set(rivals))))


# a headline says something: at least this many characters (a site or office name is shorter)
_HEADLINE_MIN = 8


def _headline_like(headline: Headline) -> bool:
    """Text that can be the headline: long enough, not Latin only, no menu bars left in it, not
    a name (``临溪市教育局``, ``嶺灣大學 新聞稿``)."""
    text = headline.text
    if len(text) < _HEADLINE_MIN or text.isascii() or _MENU_BAR.search(text):
        return False
    if _name_and_brand(text) or _banner(text) or _tagline(text):
        return False
    bare = _SPACE.sub("", text)
    return not (is_site_name(bare) or _ORGANISATION.search(bare) or bare.endswith(_RELEASE_WORDS))


# what an issuing body calls its announcements: "<机构> 新聞公報" is a banner, not a headline
_RELEASE_WORDS = ("新聞稿", "新闻稿", "新聞公報", "新闻公报", "公報", "公报", "公告", "通告")


def _banner(text: str) -> bool:
    """``香港特別行政區政府　新聞公報``, ``某市教育局 通知公告``: an organisation or outlet, a
    space, then a section or announcement word: the page's banner."""
    parts = text.split()
    if len(parts) != 2:
        return False
    name, section = parts
    return ((is_site_name(name) or _ORGANISATION.search(name) is not None)
            and (is_channel(section) or section.endswith(_RELEASE_WORDS)))


_TAGLINE_SEP = regexcache.compile(r"\s*[．·・•]\s*")


def _tagline(text: str) -> bool:
    """``地方新聞．用心記錄每一個鄉鎮`` (a site's name and its motto), ``青岗县融媒体中心主办`` (who
    runs the site): the banner atop a site, not a headline."""
    if text.endswith(("主办", "主辦", "承办", "承辦", "协办", "協辦", "出品")):
        return True
    parts = [part.strip() for part in _TAGLINE_SEP.split(text, 1)]
    if len(parts) != 2:
        return False
    # "科技新知．產業脈動": two short phrases around a dot make a motto
    return is_site_name(parts[0]) or (max(map(len, parts)) <= 6
                                      and not any(c.isdigit() for c in text))


def _name_and_brand(text: str) -> bool:
    """``數位晨光 DigiMorning``: a short Chinese name and its Latin brand (no digits: a product
    name such as ``Galaxy S26`` after a verb makes a headline)."""
    name = without_latin_brand(text)
    return name is not text and len(name) <= 6 and not any(c.isdigit() for c in text)


_MENU_BAR = regexcache.compile(r"\s[|｜丨]\s")
_TAIL_MAX = 30
_TAIL_SEP = regexcache.compile(r"\s*(?:[_｜|丨]|——|[-–—])\s*")


def _split_known_tails(parsed: list[tuple[int, Headline]]) -> list[tuple[int, Headline]]:
    """``标题_某市某区人民政府`` next to a plain ``标题``: the line is the other one plus a site
    suffix that the suffix rules do not know (a long organisation name, Latin words); the tail
    is cut and reported as the site (its last segment) and channel."""
    texts = {h.text for _, h in parsed if len(h.text) >= 4}
    if len(texts) < 2:
        return parsed
    out: list[tuple[int, Headline]] = []
    for i, h in parsed:
        out.append((i, h))
        for plain in texts:
            if len(plain) >= len(h.text):
                continue
            head = h.text[: len(h.text) - len(plain)]
            if (h.text.endswith(plain) and len(plain) >= _HEADLINE_MIN and len(head) < len(plain)
                    and _TAIL_SEP.search(head[-3:]) and len(head) <= _TAIL_MAX + 10):
                # "青嵐縣政府全球資訊網-縣府新聞-<標題>": the site and channel in front
                parts = [p for p in _TAIL_SEP.split(head) if p]
                channel = next((p for p in parts[1:] if is_channel(p)), None)
                out[-1] = (i, Headline(plain, h.site or (parts[0] if parts else None),
                                       h.channel or channel, h.label, h.byline, h.date,
                                       (head, *h.cuts)))
                break
            if not h.text.startswith(plain):
                continue
            sep = _TAIL_SEP.match(h.text, len(plain))
            tail = h.text[sep.end():].strip() if sep else ""
            if not tail or len(tail) > _TAIL_MAX or _SENTENCE.search(tail):
                continue
            parts = [p for p in _TAIL_SEP.split(tail) if p]
            channel = next((p for p in parts[:-1] if is_channel(p)), None)
            out[-1] = (i, Headline(plain, h.site or parts[-1], h.channel or channel, h.label,
                                   h.byline, h.date, (h.text[len(plain):], *h.cuts)))
            break
    return out


def _converted(n: int, keys: list[str], cache: dict[int, str]) -> str:
    if n not in cache:
        cache[n] = _t2s(keys[n])
    return cache[n]



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


_HEAD_SPLIT = regexcache.compile(r"\s*(?:[_｜|丨︱]|——|[-–—])\s*|[\s\u3000]+")
_ECHO_MIN = 8
_ECHO_TAIL_MAX = 60
_ECHO_LINE_MAX = 200


def decorated_heads(texts: list[str]) -> set[str]:
    """Title keys of what comes before a separator in lines that go on with a short tail.

    ``<headline> - <站名> - <頻道>`` (a page dump's first line, from its ``<title>``) makes the
    headline, printed alone further down, the page's headline, whatever the tail says.

    >>> sorted(decorated_heads(["湖畔公园改造完成 市民盼早日开放_某某网"]))
    ['湖畔公园改造完成', '湖畔公园改造完成市民盼早日开放']
    """
    heads: set[str] = set()
    for text in texts:
        if len(text) > _ECHO_LINE_MAX or len(text) <= _ECHO_MIN or text[-1] in "。！？":
            continue   # (a sentence is no <title> line)
        for m in _HEAD_SPLIT.finditer(text, _ECHO_MIN):
            tail = text[m.end():]
            if tail and len(tail) <= _ECHO_TAIL_MAX and not _STOP.search(tail):
                heads.add(title_key(text[: m.start()]))
    return heads


_STOP = regexcache.compile(r"[。！？!?]")
