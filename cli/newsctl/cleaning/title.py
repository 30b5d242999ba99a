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
import re
from dataclasses import dataclass

from newsctl.cleaning import lexicon

_SEPARATORS = re.compile(r"\s*(?:[_｜|丨]|——)\s*|\s+[-–—]\s+|(?<=\S)-(?=\S)")
_JUNK = re.compile(r"\s*(?:[*＊#＃=~～_|｜\-–—]{2,}|[_|｜丨])\s*$")
_LABELS = re.compile(
    r"^(?:【(?P<a>[^【】]{1,10})】|〈(?P<b>[^〈〉]{1,10})〉|［(?P<c>[^［］]{1,10})］|\[(?P<d>[^\[\]]{1,10})\]"
    r"|(?P<e>[\u4e00-\u9fffA-Za-z]{1,6})\s*[｜|丨]|(?P<f>[\u4e00-\u9fff]{2,4})》)\s*"
)
_SENTENCE = re.compile(r"[。！？!?，,；;]")
_DIGITS = re.compile(r"\d")
_KEY_DROP = re.compile(r"[\s\u3000\"'“”‘’「」『』《》〈〉【】()（）!！?？,，.。:：;；、·・…\-—_|｜*]+")
# a title suffix segment is short; a long tail after " - " is part of the headline
_SEGMENT_MAX = 20


@dataclass(frozen=True)
class Headline:
    """A headline with its decorations taken apart."""

    text: str
    site: str | None = None
    channel: str | None = None
    label: str | None = None
    cuts: tuple[str, ...] = ()       # the decorations cut off, as printed

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


def is_site_name(segment: str, extra: tuple[str, ...] = ()) -> bool:
    """``东方财讯网``, ``青山新聞``, ``知島誌``, ``example.com``: shaped like an outlet's name."""
    if segment in extra:
        return True
    if not segment or len(segment) > _SEGMENT_MAX or _SENTENCE.search(segment):
        return False
    return _site_ending().search(segment) is not None


@functools.lru_cache(maxsize=1)
def _site_ending() -> "re.Pattern[str]":
    """An outlet-name ending after at least one more character (``网`` alone is not a name)."""
    return re.compile(r"(?<=.)(?:" + lexicon.alternation(lexicon.words("site_suffixes")) + r")$", re.S)


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


def _cut_suffixes(text: str, extra: tuple[str, ...]) -> tuple[str, str | None, str | None, list[str]]:
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
        if kind == "site" and site is None and channel is None:
            site = name
        elif kind == "channel":
            channel = name   # the segment nearest the headline wins: it is the most specific
        cuts.insert(0, text[last.start():])
        text = head.rstrip()
    return text, site, channel, cuts


def parse_headline(text: str, extra_suffixes: tuple[str, ...] = ()) -> Headline:
    """Take a headline apart: ``parse_headline("标题_财经_某某网").text == "标题"``."""
    text, site, channel, cuts = _cut_suffixes(text, extra_suffixes)
    label: str | None = None
    while True:
        m = _LABELS.match(text)
        if not m or len(text) - m.end() < 6:
            break
        label = label or next(g for g in m.groups() if g)
        cuts.insert(0, m.group(0))
        text = text[m.end():]
    return Headline(text, site, channel, label, tuple(cuts))


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

    return convert_text(text, "t2s")


def _maybe_same(a: str, b: str) -> bool:
    """Cheap filter before OpenCC: same length and many characters in common."""
    if abs(len(a) - len(b)) > 2 or not a or not b:
        return False
    same = sum(1 for x, y in zip(a, b) if x == y)
    return same >= 0.3 * min(len(a), len(b))


@dataclass(frozen=True)
class TitleChoice:
    """Which candidate is the headline, and which other candidates are copies of it."""

    index: int
    headline: Headline
    copies: tuple[int, ...]
    key: str


def choose_title(candidates: list[tuple[int, str, bool]],
                 extra_suffixes: tuple[str, ...] = ()) -> TitleChoice | None:
    """Pick the headline among head lines ``(index, text, plain)``.

    ``plain`` is False for lines a weaker rule already recognised (a lone site name, a channel
    word): they may be copies of the headline but are never chosen on shape alone.
    """
    shaped = [(i, parse_headline(t, extra_suffixes), plain) for i, t, plain in candidates
              if headline_shaped(t)]
    shaped = [(i, h, plain) for i, h, plain in shaped if len(h.text) >= 4]
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
    chosen = next((g for g in groups if len(g) > 1 and any(shaped[n][2] for n in g)), None)
    if chosen is None:
        first_three = [n for n in range(len(shaped)) if shaped[n][2]][:3]
        chosen = next(([n] for n in first_three if shaped[n][1].decorated), None)
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
        cuts=shaped[best][1].cuts,
    )
    copies = tuple(shaped[n][0] for n in chosen if n != best)
    return TitleChoice(shaped[best][0], merged, copies, keys[best])


def _converted(n: int, keys: list[str], cache: dict[int, str]) -> str:
    if n not in cache:
        cache[n] = _t2s(keys[n])
    return cache[n]

