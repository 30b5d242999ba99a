"""Menus and breadcrumbs printed on one line: ``首页 > 财经 > 正文``, ``首頁　地方　政治　國際``.

A breadcrumb names the page's channel (its deepest item); a navigation row is a line whose items
are mostly known menu words.  Both are strong when the shape is unmistakable, weak otherwise.
"""

from __future__ import annotations

from newsctl.cleaning.pageanswers import page_memo
from newsctl.cleaning.rulewords import RuleWords, rule_words
from newsctl.cleaning.shapes import BAR, CJK_PHRASE, CRUMB_DROP, HOME, NAV_STOP
from newsctl.cleaning.sitenames import is_channel, is_site_name
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.text import regexcache

# a menu row's item separators
NAV_TOKENS = regexcache.compile(r"[\s|｜丨·・•]+")
# a breadcrumb's separators: one of them marks a trail, the split takes them with their spaces
CRUMB_CHARS = regexcache.compile(r"[>＞›»→/／\\]")
CRUMB_SPLIT = regexcache.compile(r"\s*(?:>>|>|＞|›|»|→|/|／|\\)\s*")
# a sentence mark: no breadcrumb item holds one
CRUMB_STOP = regexcache.compile(r"[。，！？,]")
# a colon inside a line followed by a phrase: a headline's "主题：副题", never a menu item
SUBTITLE_COLON = regexcache.compile(r"\S[：:][\u4e00-\u9fff]{3,}")


@page_memo   # (asked by the strong rules, then by the weak ones when they found it loose)
def breadcrumb_verdict(text: str) -> Verdict | None:
    """A breadcrumb trail (``首页 > 财经 > 正文``, ``当前位置：…``) naming its deepest channel, or None."""
    lx = rule_words()
    label = lx.crumb_label.match(text) if text[:1] in lx.crumb_first else None
    if not label and not CRUMB_CHARS.search(text):
        return None
    rest = text[label.end():] if label else text
    seps = CRUMB_SPLIT.findall(rest)
    parts = [p.strip() for p in CRUMB_SPLIT.split(rest)]
    if not parts or any(not p or len(p) > 12 or p.isdigit() for p in parts):
        return None
    if CRUMB_STOP.search(rest):
        return None
    if not label and len(parts) < 2:
        return None
    strong = bool(label) or any(s.strip() not in ("/", "／") for s in seps) or parts[0] in HOME
    # the site's own name leads a trail ("某某网 > 财经"); deeper down, "校園新聞" is a channel
    # (an archive's date levels, "2025年3月 > 16日", are no channels)
    channels = [p for n, p in enumerate(parts) if len(p) >= 2 and p not in CRUMB_DROP
                and not any(c.isdigit() for c in p)
                and not (n == 0 and is_site_name(p) and not is_channel(p))]
    return Verdict("breadcrumb", strong, value=channels[-1] if channels else None)


def crumb_channel(part: str) -> str | None:
    """A breadcrumb item as a channel name, or None (home, "正文", a date level, too short)."""
    part = part.strip()
    if len(part) < 2 or part in CRUMB_DROP or any(c.isdigit() for c in part):
        return None
    return part


@page_memo   # (asked by the strong rules, then by the weak ones when they found it loose)
def navigation_verdict(text: str) -> Verdict | None:
    """A menu row (strong when at least half its items are known menu words), or None."""
    if NAV_STOP.search(text):
        return None
    lx = rule_words()
    if text[:1] in lx.hot_first and lx.hot.match(text):
        return shared_verdict("navigation", True)
    if len(text) <= 160 and ("｜" in text or "|" in text or "丨" in text):
        # "<站名>　首頁　地方　政治　｜　熱門搜尋：中秋烤肉　颱風假": a menu and a hot-search
        # row side by side; each part must be navigation on its own
        segments = [s for s in (seg.strip() for seg in BAR.split(text)) if s]
        if len(segments) >= 2 and all(
            (s[:1] in lx.hot_first and lx.hot.match(s)) or _menu_share(s, lx) >= 0.5
            for s in segments
        ) and any(_menu_share(s, lx) >= 0.5 for s in segments):
            return shared_verdict("navigation", True)
    share = _menu_share(text, lx)
    if share < 0:
        return None
    if share == 0 and _spaced_headline(text):
        return None
    return shared_verdict("navigation", share >= 0.5)


def _spaced_headline(text: str) -> bool:
    """"两会时间 代表委员热议 民生实事": two or three spaced Chinese phrases, none a menu word,
    ten characters or more: how a headline is spaced (a menu has more items, or menu words)."""
    phrases = text.split()
    return (2 <= len(phrases) <= 3 and all(CJK_PHRASE.fullmatch(p) for p in phrases)
            and sum(map(len, phrases)) >= 10)


def _menu_share(text: str, lx: RuleWords) -> float:
    """Share of known menu words among the items of a menu-shaped line; -1 if not menu-shaped
    (fewer than three items, or an item too long to be a menu entry)."""
    parts = NAV_TOKENS.split(text)   # one piece more than there are separators
    if len(parts) < 3:
        return -1   # a navigation row has at least three items
    tokens = list(filter(None, parts))
    if len(tokens) < 3 or SUBTITLE_COLON.search(text):
        # ("從 cron 遷移到 systemd timer：一次踩坑紀錄": a headline's colon, words after it)
        return -1
    # an item in Latin script (English, Português) may be longer than a CJK one; a long menu
    # may hold one long item ("岚海新闻APP" among nine), a phrase or two make no menu
    long_items = sum(len(t) > (12 if t[0] < "\u2e80" else 6) and not is_site_name(t)
                     for t in tokens)
    if long_items > (1 if len(tokens) >= 6 else 0) or any(len(t) > 16 for t in tokens):
        return -1
    known = lx.known_nav
    return sum(map(known.__contains__, tokens)) / len(tokens)
