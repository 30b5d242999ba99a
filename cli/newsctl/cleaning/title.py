"""Which head line is the headline.

The headline is the line that is printed more than once in the head (compared after OpenCC t2s,
so a Traditional title and its Simplified copy match), else the head line with a site suffix,
else the first headline-shaped line of the head.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from typing import NamedTuple

from newsctl.cleaning.headline import Headline, headline_shaped, parse_headline, title_key
from newsctl.cleaning.sitenames import (
    ORGANISATION,
    SENTENCE_MARKS,
    SPACE,
    is_channel,
    is_site_name,
    without_latin_brand,
)
from newsctl.text import regexcache


# a head line is compared with each candidate like it, and a site's head lines recur: the
# conversion (OpenCC, the costliest step of a comparison) is remembered
@functools.lru_cache(maxsize=4096)
def _t2s(text: str) -> str:
    from newsctl.jobs.converters import convert_text  # lazy: OpenCC only when scripts may differ

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
        raw = dict(candidates)
        last = next((n for n in reversed(range(len(shaped))) if title_key(raw[shaped[n][0]]) in echoed
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
    best, merged = _merged([shaped[n][1] for n in chosen], chosen)
    copies = tuple(shaped[n][0] for n in chosen if n != best)
    # the other decorated candidates, and (a head line printed again below the story would be
    # chosen on the cleaned page, where the headline's own copies are gone) those printed below
    members = set(chosen)
    rivals = {shaped[n][0] for n in range(len(shaped)) if n not in members
              and (shaped[n][1].decorated or keys[n] in repeated)}
    rivals.update(shaped[n][0] for g in groups if g is not chosen for n in g[1:])
    return TitleChoice(shaped[best][0], merged, copies, keys[best], tuple(sorted(rivals)))


def _merged(members: list[Headline], chosen: list[int]) -> tuple[int, Headline]:
    """The chosen candidate (of ``chosen``, the members' indexes) whose text most members
    print, the first of them on a tie, with each part (site, channel…) the first member that
    has it gives."""
    if len(members) == 1:   # (most pages: the parts are its own)
        h = members[0]
        return chosen[0], Headline(h.text, h.site or None, h.channel or None, h.label or None,
                                   h.byline or None, h.date or None, h.cuts)
    texts = [h.text for h in members]
    best_text = max(texts, key=lambda t: (texts.count(t), -texts.index(t)))
    best = texts.index(best_text)
    return chosen[best], Headline(
        best_text,
        site=next((h.site for h in members if h.site), None),
        channel=next((h.channel for h in members if h.channel), None),
        label=next((h.label for h in members if h.label), None),
        byline=next((h.byline for h in members if h.byline), None),
        date=next((h.date for h in members if h.date), None),
        cuts=members[best].cuts,
    )


# a headline says something: at least this many characters (a site or office name is shorter)
_HEADLINE_MIN = 8


@functools.lru_cache(maxsize=4096)   # a candidate is asked up to three times; head lines recur
def _headline_like(headline: Headline) -> bool:
    """Text that can be the headline: long enough, not Latin only, no menu bars left in it, not
    a name (``临溪市教育局``, ``嶺灣大學 新聞稿``)."""
    text = headline.text
    if len(text) < _HEADLINE_MIN or text.isascii() or _MENU_BAR.search(text):
        return False
    if _name_and_brand(text) or _banner(text) or _tagline(text):
        return False
    bare = SPACE.sub("", text)
    return not (is_site_name(bare) or ORGANISATION.search(bare) or bare.endswith(_RELEASE_WORDS))


# what an issuing body calls its announcements: "<机构> 新聞公報" is a banner, not a headline
_RELEASE_WORDS = ("新聞稿", "新闻稿", "新聞公報", "新闻公报", "公報", "公报", "公告", "通告")


def _banner(text: str) -> bool:
    """``香港特別行政區政府　新聞公報``, ``某市教育局 通知公告``: an organisation or outlet, a
    space, then a section or announcement word: the page's banner."""
    parts = text.split()
    if len(parts) != 2:
        return False
    name, section = parts
    return ((is_site_name(name) or ORGANISATION.search(name) is not None)
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
        size = len(h.text)
        for plain in texts:
            # (every pair of candidates meets here: the cheap tests first, the head cut only
            # for a line that ends with the other)
            if len(plain) >= size:
                continue
            head = h.text[: size - len(plain)] if h.text.endswith(plain) else ""
            if (head and len(plain) >= _HEADLINE_MIN and len(head) < len(plain)
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
            if not tail or len(tail) > _TAIL_MAX or SENTENCE_MARKS.search(tail):
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
