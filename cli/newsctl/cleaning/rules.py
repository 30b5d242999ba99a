"""Line classifiers: which boilerplate kind a line is, and how sure that is.

Every rule looks at the *shape* of a whole line (a label at its start, a row made only of widget
words, a heading followed by nothing) and never at a bare substring, because the words that mark
boilerplate also occur in prose (资金来源, 消息來源, 编辑部).  A verdict is *strong* when the shape
alone is enough, so the line goes wherever it stands; *weak* verdicts (a long copyright notice,
a lone channel word, a slogan) are acted on only in the head and tail blocks around the body,
which :mod:`newsctl.cleaning.blocks` decides.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from newsctl import regexcache
from newsctl.cleaning import lexicon
from newsctl.cleaning.captions import caption_label, caption_shape, is_figure_source
from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.fields import DATE_KINDS, Row, parse_row, parse_token_row
from newsctl.cleaning.lines import LIST_ITEM
from newsctl.cleaning.names import has_surname, parse_names
from newsctl.cleaning.shapes import (
    ABOUT_COMPANY,
    AD_LABEL,
    AD_TOKENS,
    APP_PROMPT,
    ATTACHMENT,
    ATTACHMENT_HEADING,
    BAR,
    BIO_PAREN,
    CARD,
    CJK_PHRASE,
    CLAUSE_COMMA,
    CLICK_HERE,
    CLOCK_LINE,
    CODE_END,
    CODE_START,
    COLUMN_LINK,
    COMMENT_COUNT,
    CONTENTS,
    COOKIE_BANNER,
    COPYRIGHT_FIRST,
    COPYRIGHT_LEAD,
    CRUMB_CHARS,
    CRUMB_DROP,
    CRUMB_SPLIT,
    CRUMB_STOP,
    DECO,
    DISCLAIMER,
    DONATE,
    EDITION,
    EDITION_LIST,
    END_MARK,
    FILE_SIZE,
    FIRST_TOKEN,
    FOLLOW_CHANNEL,
    GALLERY_COUNTER,
    GALLERY_LINK,
    HASHTAGS,
    HOME,
    ISSUE_LINE,
    KEYWORD_ROW,
    LONE_NUMBER,
    MORE_HEADING,
    NAMED_IMAGE,
    NAMES_REPORT,
    NAV_STOP,
    NAV_TOKENS,
    ORIGINAL_TITLE,
    OWN_VIEW,
    PAYWALL,
    PLAYER_SPEED,
    PRESS_CONTACT,
    PREV_NEXT,
    PROGRAMME,
    PROMISE,
    PROMO,
    REFERENCE_ENTRY,
    REFERENCES_HEADING,
    REPRINT,
    RETURN_PROMPT,
    RUNNING_TIME,
    SALE_TEASER,
    SENTENCE_END,
    SERIES,
    SIGNATURE,
    SITE_SPLIT,
    SOURCE_NOTE,
    STOCK_QUOTE,
    SUBSCRIBE,
    SUBTITLE_COLON,
    SUMMARY_HEADING,
    TOKENS,
    URL,
    VIDEO_LENGTH,
    WORDLIKE,
    YEARLESS,
)
from newsctl.cleaning.title import is_channel, is_site_name, without_latin_brand


class Verdict(NamedTuple):
    """What a line is: a rule id, whether it holds anywhere, and what it names."""

    rule: str
    strong: bool
    row: Row | None = None
    value: str | None = None     # the category, site, breadcrumb channel or account it names
    heading: bool = False        # it starts a related block


@functools.cache
def _verdict(rule: str, strong: bool) -> Verdict:
    """One shared instance per (rule, strength): verdicts are immutable, and building a frozen
    dataclass costs more than the check that decided it."""
    return Verdict(rule, strong)


_HEADING = Verdict("related-block", True, heading=True)
_TOC = Verdict("navigation", True, heading=True)
# the characters an app prompt's verb starts with (one set test before the regex)
_APP_HINT = frozenset("下打安尽盡")
_SUMMARY = Verdict("summary", True, heading=True)
_TOC_HEADINGS = frozenset({"文章目錄", "文章目录", "本文目錄", "本文目录", "目錄", "目录", "內容目錄", "内容目录"})


def strip_deco(text: str) -> str:
    """The line without brackets, bullets and arrows around it."""
    return text.strip(DECO)


def is_prose(text: str) -> bool:
    """A body sentence: ends like one (。！？, a closing quote after one) or is long with commas."""
    if len(text) < 2:
        return False
    last = text[-1]
    if last in "。！？!?；;":
        return True
    if last == "…":
        # "搜尋文章…", "載入中…": a placeholder trails off too; a sentence says more first
        return len(text.rstrip("… ")) >= 8 or "，" in text
    # a comma between digits is a thousands separator ("恒指 23,512.36 ▼86.14 (-0.37%)" is a
    # ticker), not a clause's end
    clause = "," in text and CLAUSE_COMMA.search(text) is not None
    if last in "」』”’）)\"'" and (clause or any(c in text for c in "。！？!?，")):
        return True
    # a paragraph that lost its final stop still reads as a sentence: a clause and a comma
    if (len(text) >= 10 and "，" in text) or (len(text) >= 25 and clause):
        return True
    # no headline, menu or caption runs this long in Chinese: text without its punctuation
    return len(text) >= _UNPUNCTUATED_MIN and len(CJK_CHAR.findall(text[:_UNPUNCTUATED_MIN])) >= _UNPUNCTUATED_MIN // 2


_LINK_ARROWS = (">>", "＞＞", "»", "》》", "→")
_UNPUNCTUATED_MIN = 200
CJK_CHAR = regexcache.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_signature(text: str) -> bool:
    """The issuing body at the foot of a notice (``某某市人民政府办公室``), above its date."""
    return len(text) <= 30 and SIGNATURE.match(text) is not None


def is_list_item(text: str) -> bool:
    """``1.`` ``一、`` ``（一）`` ``①`` ``・`` ``◎`` items: kept wherever they stand."""
    return LIST_ITEM.match(text) is not None


class _Lexicon(NamedTuple):
    """Every word list and pattern the classifiers use, built once per process."""

    ui: frozenset[str]
    known_nav: frozenset[str]
    images: frozenset[str]
    related: frozenset[str]
    cont: re.Pattern[str]
    phrases: dict[str, re.Pattern[str]]
    any_phrase: re.Pattern[str]
    spam: re.Pattern[str]
    slogan: re.Pattern[str]
    note: re.Pattern[str]
    bio: re.Pattern[str]
    crumb_label: re.Pattern[str]
    hot: re.Pattern[str]
    # first characters a match can start with: one set lookup rules most lines out
    cont_first: frozenset[str]
    note_first: frozenset[str]
    bio_first: frozenset[str]
    crumb_first: frozenset[str]
    hot_first: frozenset[str]


@functools.lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    table = lexicon.labels()
    ui = lexicon.word_set("ui_tokens")

    def lead(words: tuple[str, ...]) -> re.Pattern[str]:
        return regexcache.compile(
            r"^[【\[]?(?:" + lexicon.alternation(words) + r")(?:[】\]]\s*|\s*[：:]|\s+|$)"
        )

    def firsts(words: tuple[str, ...], extra: str = "") -> frozenset[str]:
        return frozenset(w[0] for w in words) | frozenset(extra)

    return _Lexicon(
        ui=ui,
        known_nav=ui | lexicon.word_set("category_words") | HOME,
        images=lexicon.word_set("image_placeholders"),
        related=lexicon.word_set("related_headings"),
        cont=regexcache.compile(r"^(?:(?:" + lexicon.alternation(lexicon.words("continue_reading"))
                        + r")[\s,，、|.…。>»\[\]【】]*)+$"),
        phrases={rule: lexicon.words_re(name) for rule, name in _PHRASE_LISTS},
        any_phrase=regexcache.compile(lexicon.alternation(
            tuple(w for _, name in _PHRASE_LISTS for w in lexicon.words(name)))),
        spam=lexicon.words_re("spam_words"),
        slogan=lexicon.words_re("slogan_phrases"),
        # "编者按：" and "<刊名>編按：" (a magazine's name may lead the label)
        note=regexcache.compile(lead(table["note"]).pattern
                        + r"|^[\u4e00-\u9fff]{1,6}(?:编者按|編者按|编按|編按)[：:】]"),
        bio=lead(table["bio"]),
        crumb_label=regexcache.compile(r"^(?:" + lexicon.alternation(table["breadcrumb"]) + r")\s*[：:]\s*"),
        hot=regexcache.compile(r"^(?:" + lexicon.alternation(table["hot_search"]) + r")\s*[：:\s]"),
        cont_first=firsts(lexicon.words("continue_reading")),
        note_first=firsts(table["note"], "【["),
        bio_first=firsts(table["bio"], "【["),
        crumb_first=firsts(table["breadcrumb"]),
        hot_first=firsts(table["hot_search"]),
    )


# phrase lexicons in the order their rules win: (rule id, data file)
_PHRASE_LISTS = (("copyright", "copyright_phrases"), ("paywall", "paywall_phrases"),
                 ("share-widget", "share_phrases"), ("comment", "comment_phrases"))


def _tokens(text: str, splitter: re.Pattern[str] = TOKENS) -> list[str]:
    return list(filter(None, splitter.split(text)))


def _breadcrumb(text: str) -> Verdict | None:
    lx = _lex()
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


def is_bio_heading(text: str) -> bool:
    """``作者简介`` alone on a line: the paragraph under it is the author's bio."""
    bare = strip_deco(text).rstrip("：:")
    return bare in _bio_words() or bare in ("作者", "關於作者", "关于作者", "About the author")


@functools.lru_cache(maxsize=1)
def _bio_words() -> frozenset[str]:
    return frozenset(lexicon.labels()["bio"])


def is_company_heading(text: str) -> bool:
    """``關於晶邦科技`` alone on a line: the paragraph under it is the company's profile."""
    return len(text) <= 24 and ABOUT_COMPANY.match(text) is not None


def is_comment_heading(verdict: Verdict | None, text: str) -> bool:
    """A short line opening the comment area (``评论（86）``, ``网友评论``, ``写评论...``)."""
    return verdict is not None and verdict.rule == "comment" and len(text) <= 20


def crumb_channel(part: str) -> str | None:
    """A breadcrumb item as a channel name, or None (home, "正文", a date level, too short)."""
    part = part.strip()
    if len(part) < 2 or part in CRUMB_DROP or any(c.isdigit() for c in part):
        return None
    return part


def _opens_with_bracket(text: str) -> bool:
    return text[:1] in "【[［〖"


def _related_with_item(text: str, related: frozenset[str]) -> bool:
    """``【延伸閱讀】消費券派發成效 學者：短期刺激有限``: a related heading and one linked
    headline on the same line (a headline: short, no full stop)."""
    close = text.find({"【": "】", "[": "]", "［": "］", "〖": "〗"}[text[0]])
    if close < 2 or text[1:close].strip() not in related:
        return False
    rest = text[close + 1:].strip()
    return 0 < len(rest) <= 40 and "。" not in rest


def _navigation(text: str) -> Verdict | None:
    if NAV_STOP.search(text):
        return None
    lx = _lex()
    if text[:1] in lx.hot_first and lx.hot.match(text):
        return _verdict("navigation", True)
    if len(text) <= 160 and ("｜" in text or "|" in text or "丨" in text):
        # "<站名>　首頁　地方　政治　｜　熱門搜尋：中秋烤肉　颱風假": a menu and a hot-search
        # row side by side; each part must be navigation on its own
        segments = [s for s in (seg.strip() for seg in BAR.split(text)) if s]
        if len(segments) >= 2 and all(
            (s[:1] in lx.hot_first and lx.hot.match(s)) or _menu_share(s, lx) >= 0.5
            for s in segments
        ) and any(_menu_share(s, lx) >= 0.5 for s in segments):
            return _verdict("navigation", True)
    share = _menu_share(text, lx)
    if share < 0:
        return None
    if share == 0 and _spaced_headline(text):
        return None
    return _verdict("navigation", share >= 0.5)


def _spaced_headline(text: str) -> bool:
    """"两会时间 代表委员热议 民生实事": two or three spaced Chinese phrases, none a menu word,
    ten characters or more: how a headline is spaced (a menu has more items, or menu words)."""
    phrases = text.split()
    return (2 <= len(phrases) <= 3 and all(CJK_PHRASE.fullmatch(p) for p in phrases)
            and sum(map(len, phrases)) >= 10)


def _menu_share(text: str, lx: _Lexicon) -> float:
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


def _phrases(text: str, strong_only: bool) -> Verdict | None:
    """A lexicon phrase (copyright, paywall, share, comment): strong when it opens a short line
    without a full stop, weak anywhere else."""
    if strong_only and (len(text) > 40 or "。" in text):
        return None   # a strong verdict needs a short line without a full stop (see below)
    lx = _lex()
    if not lx.any_phrase.search(text):
        return None   # one combined scan rules out most lines; the rules' order decides below
    for rule, pattern in lx.phrases.items():
        found = pattern.search(text)
        if not found:
            continue
        opens = found.start() <= 8 and not any(c in text[: found.start()] for c in "，。：:,")
        strong = opens and len(text) <= 40 and "。" not in text
        if strong or not strong_only:
            return _verdict(rule, strong)
    return None


# Site chrome (menus, share rows, copyright notes, editor credits, related headings) repeats on
# every page of a site, and short lines are the costly ones to classify: their verdicts are
# remembered per process.  Prose is unique and cheap, so it is never stored.
_MEMO_SIZE = 1 << 14


def _memo_worthy(text: str) -> bool:
    return len(text) <= 100 and "。" not in text


def claimed(rule: str) -> Verdict:
    """The strong verdict of evidence from outside the text (the page's markup)."""
    return _verdict(rule, True)


def strong_verdict(text: str, drop: tuple[re.Pattern[str], ...] = (),
                   headings: frozenset[str] = frozenset()) -> Verdict | None:
    """A verdict that holds anywhere in the page, or None (``text`` is stripped, non-empty)."""
    if _memo_worthy(text):
        return _strong_memo(text, drop, headings)
    return _strong(text, drop, headings)


def weak_verdict(text: str) -> Verdict | None:
    """A verdict that holds only around the body (head and tail blocks), or None."""
    return _weak_memo(text) if _memo_worthy(text) else _weak(text)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _strong_memo(text: str, drop: tuple[re.Pattern[str], ...],
                 headings: frozenset[str]) -> Verdict | None:
    return _strong(text, drop, headings)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _weak_memo(text: str) -> Verdict | None:
    return _weak(text)


def _strong(text: str, drop: tuple[re.Pattern[str], ...],
            headings: frozenset[str]) -> Verdict | None:
    """Cheap checks first; prose (a line with a full stop, or a long one) skips everything that
    only short lines can be."""
    for pattern in drop:
        if pattern.fullmatch(text):
            return _verdict("site-rule", True)
    if caption_label(text):
        return _verdict("caption-label", True)   # "图像来源，": the caption is the next line
    if caption_shape(text) or is_figure_source(text):
        # "撰文／<名>　攝影／<名>" ends like a photo credit but is a byline with a writer
        row = parse_row(text) if len(text) <= 60 else None
        if row is not None and (row.authors or row.dates or row.sources):
            # "2025年06月03日 10:06　来源：某报　摄影：某某" ends like a credit, but is a row
            return Verdict(row.rule, True, row=row, value=row.category)
        return _verdict("caption", True)
    if len(text) > 100 or "。" in text:
        return _long_strong(text)   # rows, widgets and headings never hold a full stop
    lx = _lex()
    bare = strip_deco(text)
    if bare in lx.images or text in lx.images:
        return _verdict("image", True)
    if text[0] == "[" and NAMED_IMAGE.match(text):
        return _verdict("image", True)
    if ":" in text and RUNNING_TIME.search(text):
        timed = RUNNING_TIME.sub("", text)
        if timed in lx.images or strip_deco(timed) in lx.images:
            return _verdict("image", True)   # "[影片] 01:58"
    if (text[0] in "评評留回跟" or text[0].isdigit()) and COMMENT_COUNT.match(text):
        return _verdict("comment", True)
    if not WORDLIKE.search(text) or text == "[email protected]":
        return _verdict("markup", True)   # a rule of dashes or stars, an obfuscated address
    if "-" in bare or "—" in bare:
        bare = bare.strip("-–—~～ ")   # "- 閱讀更多 -": a marker between dashes
    if len(bare) <= 30 and bare and bare[0] in lx.cont_first and lx.cont.match(bare):
        return _verdict("continue-reading", True)
    if bare in headings or bare in lx.related or ("更多" in bare and MORE_HEADING.match(bare)):
        return _HEADING
    if len(bare) <= _CHANNEL_HEADING_MAX and _channel_heading(bare, lx.related):
        return _HEADING   # "財經分類資訊推薦": a channel's name, then a related heading
    if _opens_with_bracket(text) and _related_with_item(text, lx.related | headings):
        return _verdict("related-block", True)
    if "：" in text or ":" in text:
        # "延伸閱讀：火燒心別輕忽！5種症狀…": a related heading and its one linked headline
        label, _, rest = text.replace(":", "：", 1).partition("：")
        if label.strip() in lx.related and 0 < len(rest.strip()) <= 40 and "。" not in rest:
            return _verdict("related-block", True)
    if text[0] in "【[" and GALLERY_LINK.match(text):
        return _verdict("related-block", True)
    if len(text) <= 10 and (column := COLUMN_LINK.match(text)) is not None:
        return Verdict("category", True, value=column.group("name"))
    if bare in _TOC_HEADINGS:
        return _TOC   # "文章目錄": the story's subheadings listed above it
    if len(text) <= 16 and SUMMARY_HEADING.match(bare):
        return _SUMMARY   # its bullet points restate the story
    if "期" in text or "號" in text or "号" in text:
        if len(text) <= 24 and ISSUE_LINE.match(text):
            return _verdict("metadata", True)   # "商略週刊 第1932期"
    if len(text) <= 80:
        # every token must be a widget word: the first one decides for most lines, one cheap
        # search instead of splitting the whole line
        # (without the bullet or arrow in front: "● 直播中" is a status badge)
        head = FIRST_TOKEN.search(bare)
        tokens = (_tokens(bare) if head is not None and (head.group() in lx.ui
                                                        or head.group() in AD_TOKENS) else None)
        if tokens:
            if lx.ui.issuperset(tokens):
                return _verdict("share-widget", True)
            if AD_TOKENS.issuperset(tokens):
                return _verdict("ad", True)
    first = text[0]
    if first in "上下前後后" and (prev_next := PREV_NEXT.match(text)):
        # "上一篇" alone: the linked headline is on the next line
        return _HEADING if prev_next.end() == len(text) else _verdict("related-block", True)
    if first in "#＃" and HASHTAGS.match(text):
        return _verdict("hashtag", True)
    row = parse_row(text) or parse_token_row(text)
    if row is not None:
        return Verdict(row.rule, True, row=row, value=row.category)
    verdict = _breadcrumb(text)
    if verdict is not None and verdict.strong:
        return verdict
    verdict = _navigation(text)
    if verdict is not None and verdict.strong:
        return verdict
    if len(text) <= 40:
        # a substring test is cheaper than a regex call: each pattern needs one of these
        if ("系" in text or "专" in text or "專" in text) and SERIES.match(text):
            return _verdict("series", True)
    edition = EDITION.match(text) if "版" in text else None
    if edition:
        return Verdict("category", True, value=edition.group("name"))
    if len(text) <= 40 and _APP_HINT.intersection(text) and APP_PROMPT.search(text):
        return _verdict("share-widget", True)
    return _long_strong(text) or _phrases(text, strong_only=True)


_CHANNEL_HEADING_MAX = 16
_CHANNEL_PREFIX_MAX = 4


def _channel_heading(bare: str, related: frozenset[str] | set[str]) -> bool:
    """A related heading after a short channel name, as in ``<频道>相关推荐``."""
    for cut in range(1, min(_CHANNEL_PREFIX_MAX, len(bare) - 2) + 1):
        if bare[cut:] in related:
            return CJK_PHRASE.fullmatch(bare[:cut]) is not None
    return False


def _long_strong(text: str) -> Verdict | None:
    """Strong verdicts that do not depend on the line being short."""
    first = text[0]
    if _is_code(text):
        return _verdict("markup", True)   # script or style text left in a page dump
    if ("ookie" in text or "OOKIE" in text) and len(text) <= 160 and COOKIE_BANNER.search(text):
        return _verdict("cookie-banner", True)
    if first == "[" and NAMED_IMAGE.match(text):
        return _verdict("image", True)   # "[图片: 老人们正在用餐。韩啸 摄]": its caption inside
    if first in "以Tt":
        card = CARD.match(text)
        if card:
            author = card.group("author")
            row = Row(("author",), authors=(author,)) if author else None
            return Verdict("wechat-card", True, row=row, value=card.group("name"))
    if (first == "【" and PROMO.match(text)) or (len(text) <= 120 and _lex().spam.search(text)):
        return _verdict("ad", True)
    if len(text) <= 120 and first in COPYRIGHT_FIRST and COPYRIGHT_LEAD.match(text):
        return _verdict("copyright", True)
    if len(text) <= 160 and ("转" in text or "轉" in text) and (reprint := REPRINT.match(text)):
        name = reprint.group("name")
        dates = find_dates(reprint.group("date")) if reprint.group("date") else []
        row = Row(("source",), sources=(name,), labelled_sources=(name,),
                  dates=tuple((DATE_KINDS["date_plain"], d.iso) for d in dates[:1]))
        return Verdict("source", True, row=row)
    if first in "[［参參Rr" and (REFERENCES_HEADING.match(text) or REFERENCE_ENTRY.match(text)):
        return _verdict("references", True)
    if first in "本文来來内內" and len(text) <= 100:
        note = SOURCE_NOTE.match(text)
        if note is not None:
            row = Row(("source",), sources=(note.group("name"),),
                      labelled_sources=(note.group("name"),))
            return Verdict("source", True, row=row)
    if first in "（(" and BIO_PAREN.match(text):
        return _verdict("author-bio", True)
    if len(text) <= 80 and PAYWALL.search(text) and "。" not in text[:-1]:
        return _verdict("paywall", True)
    # a pitch is no sentence, except one that ends with its link arrow ("…。立即訂閱 →")
    if (len(text) <= 80 and ("。" not in text or text[-1] in "→›»>")
            and any(c in text for c in "订訂会會") and SUBSCRIBE.search(text)):
        return _verdict("ad", True)
    if first in "【[［(（" and AD_LABEL.match(text):
        return _verdict("ad", True)
    if (len(text) <= 40 and text[-1] not in "。；;" and FOLLOW_CHANNEL.search(text)
            and not LIST_ITEM.match(text)):   # "1. 加入市府LINE官方帳號，…；" is a step to take
        return _verdict("share-widget", True)
    if first in "本文目导導" and CONTENTS.match(text):
        return _verdict("navigation", True)
    if len(text) <= 30 and text[-1] in "道導" and (names := NAMES_REPORT.match(text)):
        found = parse_names(names.group("names"))
        if found and all(has_surname(name) for name in found):
            return Verdict("byline", True, row=Row(("author",), authors=tuple(found)))
    if len(text) <= 60 and text[-1] in ">»→＞" and SALE_TEASER.search(text):
        return _verdict("ad", True)
    if len(text) <= 80 and ORIGINAL_TITLE.match(text):
        return _verdict("original-title", True)
    if first == "《" and len(text) <= 50 and PROGRAMME.match(text):
        return _verdict("slogan", True)
    if len(text) <= 40 and "。" not in text and CLICK_HERE.search(text):
        return _verdict("share-widget", True)
    if "." in text and ATTACHMENT.match(text):
        return _verdict("attachment", True)
    if len(text) <= 6 and first in "附相" and ATTACHMENT_HEADING.match(text):
        return _verdict("attachment", True)
    if first in "(（" and len(text) <= 24 and FILE_SIZE.match(text):
        return _verdict("attachment", True)   # "(PDF，1.2MB)" under a linked file
    if first in "新媒" and len(text) <= 60 and PRESS_CONTACT.match(text):
        return _verdict("contact", True)
    if "版" in text and len(EDITION_LIST.findall(text)) >= 2:
        return _verdict("navigation", True)   # an e-paper's list of pages
    if ":" in text and len(text) <= 20 and VIDEO_LENGTH.match(text):
        return _verdict("image", True)
    if "%" in text and len(text) <= 60 and STOCK_QUOTE.match(text):
        return _verdict("ticker", True)
    if len(text) <= 12 and (first.isdigit() or first in "+-−±") and LONE_NUMBER.match(text) and (
            not first.isdigit() or "." in text or "%" in text or len(text) >= 5):
        return _verdict("ticker", True)   # a market box's figures, one per line
    if len(text) <= 3 and text.isdigit():
        return _verdict("counter", True)   # "22" alone: a gallery's photo count, a like counter
    if len(text) <= 60 and text.endswith(_LINK_ARROWS):
        return _verdict("share-widget", True)   # "想看更多，立即關注我們的專頁！>>": a link button
    if len(text) <= 6 and first.isdigit() and PLAYER_SPEED.match(text):
        return _verdict("share-widget", True)   # a video player's speed menu
    if len(text) <= 9 and first.isdigit() and GALLERY_COUNTER.match(text):
        return _verdict("image", True)   # a gallery's "1/8" stands for its photo: a caption follows
    if first == "返" and len(text) <= 24 and RETURN_PROMPT.match(text):
        return _verdict("share-widget", True)
    if len(text) <= 12 and END_MARK.match(text):
        return _verdict("end-mark", True)
    if len(text) <= 20 and first.isdigit() and YEARLESS.match(text):
        return _verdict("date", True)
    if len(text) <= 16 and (clock := CLOCK_LINE.match(text)) is not None:
        # the time of the date on the line above ("2025年3月16日（星期日）" / "香港時間15時45分")
        hour = int(clock.group("h")) + (12 if clock.group("pm") and int(clock.group("h")) < 12 else 0)
        if hour < 24:
            return Verdict("date", True, value=f"{hour:02d}:{clock.group('m')}")
    return None


def _is_code(text: str) -> bool:
    """A line of JavaScript or CSS: ASCII ending in ``;`` ``{`` ``}``, or opening like code."""
    if text[-1] in CODE_END and text.isascii():
        return True
    return text[0] in "vlcfwdg_(}$j" and CODE_START.match(text) is not None and text[-1] in ";{}),"


def _weak(text: str) -> Verdict | None:
    lx = _lex()
    first = text[0]
    if (first in lx.note_first or "按" in text) and lx.note.match(text):
        return _verdict("editor-note", False)
    if first in lx.bio_first and lx.bio.match(text):
        return _verdict("author-bio", False)
    if _APP_HINT.intersection(text) and APP_PROMPT.search(text):
        return _verdict("share-widget", False)
    verdict = _phrases(text, strong_only=False)
    if verdict is not None:
        return _verdict(verdict.rule, False)
    if ("不代表" in text and DISCLAIMER.search(text)) or ("代表" in text and OWN_VIEW.search(text)):
        return _verdict("copyright", False)
    if len(text) <= 40 and DONATE.search(text) and ("支持" in text or "歡迎" in text or "欢迎" in text):
        return _verdict("ad", False)
    if len(text) <= 40 and PROMISE.search(text):
        return _verdict("slogan", False)
    if len(text) <= 80 and lx.slogan.search(text):
        return _verdict("slogan", False)
    if "." in text and "。" not in text and URL.search(text):
        return _verdict("ad", False)
    return _weak_short(text) if len(text) <= 60 else None


def _weak_short(text: str) -> Verdict | None:
    bare = strip_deco(text)
    if is_channel(bare):
        return Verdict("category", False, value=bare)
    sections = [seg.strip() for seg in BAR.split(bare)]
    if len(sections) >= 2 and all(is_channel(seg) for seg in sections):
        # "即時新聞｜港聞": a section path, the last one the page's section
        return Verdict("category", False, value=sections[-1])
    if (bare and len(bare) <= 8 and text[0] in DECO and text[-1] in DECO
            and not NAV_STOP.search(bare)):
        return _verdict("column-label", False)   # "◆攻关一线◆", "【深度】": a column's name
    # only the first segment can be the site ("海島公視新聞網 PNN News": the name, then its brand)
    first = SITE_SPLIT.split(bare, 1)[0].strip()
    name = without_latin_brand(first)
    if not any(c in bare for c in SENTENCE_END + "，") and (
            is_site_name(name) or (name is not first and len(name) <= 6 and bare == first
                                   and not any(c.isdigit() for c in first))):
        # a logo line: an outlet's name, or a short name with its Latin brand ("硅潮 SiliconTide")
        return Verdict("site-name", False, value=name)
    for check in (_breadcrumb, _navigation):
        verdict = check(text)
        if verdict is not None:
            return Verdict(verdict.rule, False, value=verdict.value)
    if KEYWORD_ROW.match(text):
        return _verdict("keywords", False)
    if len(text) <= 40 and "。" not in text and find_dates(text):
        return _verdict("date", False)
    return None
