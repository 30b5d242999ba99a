"""Line classifiers: which boilerplate kind a line is, and how sure that is.

Every rule looks at the *shape* of a whole line (a label at its start, a row made only of widget
words, a heading followed by nothing) and never at a bare substring, because the words that mark
boilerplate also occur in prose (资金来源, 消息來源, 编辑部).  A verdict is *strong* when the shape
alone is enough, so the line goes wherever it stands; *weak* verdicts (a long copyright notice,
a lone channel word, a slogan) are acted on only in the head and tail blocks around the body,
which :mod:`newsctl.cleaning.blocks` decides.

Entry points: :func:`strong_verdict` and :func:`weak_verdict` (memoised for short lines).  The
strong rules for short lines (widgets, headings, rows, images) are here; the ones for lines of
any length are in :mod:`.longrules`, the weak ones in :mod:`.weakrules`, menus and breadcrumbs
in :mod:`.menus`, heading lines in :mod:`.headings`, shared word lists in :mod:`.rulewords`.
"""

from __future__ import annotations

import functools
import re

from newsctl.cleaning.captions import caption_label, caption_shape, is_figure_source
from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.headings import (
    CHANNEL_HEADING_MAX,
    channel_heading,
    opens_with_bracket,
    related_with_item,
)
from newsctl.cleaning.limits import CHROME_LINE_MAX, LINKED_HEADLINE_MAX, WIDGET_LINE_MAX
from newsctl.cleaning.linerules import long_line_rules
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.rulewords import has_app_hint, phrase_verdict, rule_words
from newsctl.cleaning.shapes import (
    AD_TOKENS,
    APP_PROMPT,
    COLUMN_LINK,
    COMMENT_COUNT,
    EDITION,
    FIRST_TOKEN,
    GALLERY_LINK,
    HASHTAGS,
    ISSUE_LINE,
    MORE_HEADING,
    NAMED_IMAGE,
    PREV_NEXT,
    RUNNING_TIME,
    SERIES,
    SUMMARY_HEADING,
    TOKENS,
    WORDLIKE,
)
from newsctl.cleaning.tokenrows import parse_token_row
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.cleaning.weakrules import weak_rules

_HEADING = Verdict("related-block", True, heading=True)
_TOC = Verdict("navigation", True, heading=True)


_SUMMARY = Verdict("summary", True, heading=True)
_TOC_HEADINGS = frozenset({"文章目錄", "文章目录", "本文目錄", "本文目录", "目錄", "目录", "內容目錄", "内容目录"})


def _tokens(text: str, splitter: re.Pattern[str] = TOKENS) -> list[str]:
    return list(filter(None, splitter.split(text)))


# Site chrome (menus, share rows, copyright notes, editor credits, related headings) repeats on
# every page of a site, and short lines are the costly ones to classify: their verdicts are
# remembered per process.  Prose is unique and cheap, so it is never stored.
_MEMO_SIZE = 1 << 14


def _memo_worthy(text: str) -> bool:
    return len(text) <= CHROME_LINE_MAX and "。" not in text


def strong_verdict(text: str, drop: tuple[re.Pattern[str], ...] = (),
                   headings: frozenset[str] = frozenset()) -> Verdict | None:
    """A verdict that holds anywhere in the page, or None (``text`` is stripped, non-empty)."""
    if _memo_worthy(text):
        return _strong_memo(text, drop, headings)
    return _strong(text, drop, headings)


def weak_verdict(text: str) -> Verdict | None:
    """A verdict that holds only around the body (head and tail blocks), or None."""
    return _weak_memo(text) if _memo_worthy(text) else weak_rules(text)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _strong_memo(text: str, drop: tuple[re.Pattern[str], ...],
                 headings: frozenset[str]) -> Verdict | None:
    return _strong(text, drop, headings)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _weak_memo(text: str) -> Verdict | None:
    return weak_rules(text)


def _strong(text: str, drop: tuple[re.Pattern[str], ...],
            headings: frozenset[str]) -> Verdict | None:
    """Cheap checks first; prose (a line with a full stop, or a long one) skips everything that
    only short lines can be."""
    for pattern in drop:
        if pattern.fullmatch(text):
            return shared_verdict("site-rule", True)
    if caption_label(text):
        return shared_verdict("caption-label", True)   # "图像来源，": the caption is the next line
    if caption_shape(text) or is_figure_source(text):
        # "撰文／<名>　攝影／<名>" ends like a photo credit but is a byline with a writer
        row = parse_row(text) if len(text) <= 60 else None
        if row is not None and (row.authors or row.dates or row.sources):
            # "2025年06月03日 10:06　来源：某报　摄影：某某" ends like a credit, but is a row
            return Verdict(row.rule, True, row=row, value=row.category)
        return shared_verdict("caption", True)
    if len(text) > CHROME_LINE_MAX or "。" in text:
        return long_line_rules(text)   # rows, widgets and headings never hold a full stop
    lx = rule_words()
    bare = strip_deco(text)
    if bare in lx.images or text in lx.images:
        return shared_verdict("image", True)
    if text[0] == "[" and NAMED_IMAGE.match(text):
        return shared_verdict("image", True)
    if ":" in text and RUNNING_TIME.search(text):
        timed = RUNNING_TIME.sub("", text)
        if timed in lx.images or strip_deco(timed) in lx.images:
            return shared_verdict("image", True)   # "[影片] 01:58"
    if (text[0] in "评評留回跟" or text[0].isdigit()) and COMMENT_COUNT.match(text):
        return shared_verdict("comment", True)
    if not WORDLIKE.search(text) or text == "[email protected]":
        return shared_verdict("markup", True)   # a rule of dashes or stars, an obfuscated address
    if "-" in bare or "—" in bare:
        bare = bare.strip("-–—~～ ")   # "- 閱讀更多 -": a marker between dashes
    if len(bare) <= 30 and bare and bare[0] in lx.cont_first and lx.cont.match(bare):
        return shared_verdict("continue-reading", True)
    if bare in headings or bare in lx.related or ("更多" in bare and MORE_HEADING.match(bare)):
        return _HEADING
    if len(bare) <= CHANNEL_HEADING_MAX and channel_heading(bare, lx.related):
        return _HEADING   # "財經分類資訊推薦": a channel's name, then a related heading
    if opens_with_bracket(text) and related_with_item(text, lx.related | headings):
        return shared_verdict("related-block", True)
    if "：" in text or ":" in text:
        # "延伸閱讀：火燒心別輕忽！5種症狀…": a related heading and its one linked headline
        label, _, rest = text.replace(":", "：", 1).partition("：")
        if label.strip() in lx.related and 0 < len(rest.strip()) <= LINKED_HEADLINE_MAX and "。" not in rest:
            return shared_verdict("related-block", True)
    if text[0] in "【[" and GALLERY_LINK.match(text):
        return shared_verdict("related-block", True)
    if len(text) <= 10 and (column := COLUMN_LINK.match(text)) is not None:
        return Verdict("category", True, value=column.group("name"))
    if bare in _TOC_HEADINGS:
        return _TOC   # "文章目錄": the story's subheadings listed above it
    if len(text) <= 16 and SUMMARY_HEADING.match(bare):
        return _SUMMARY   # its bullet points restate the story
    if "期" in text or "號" in text or "号" in text:
        if len(text) <= 24 and ISSUE_LINE.match(text):
            return shared_verdict("metadata", True)   # "商略週刊 第1932期"
    if len(text) <= 80:
        # every token must be a widget word: the first one decides for most lines, one cheap
        # search instead of splitting the whole line
        # (without the bullet or arrow in front: "● 直播中" is a status badge)
        head = FIRST_TOKEN.search(bare)
        tokens = (_tokens(bare) if head is not None and (head.group() in lx.ui
                                                        or head.group() in AD_TOKENS) else None)
        if tokens:
            if lx.ui.issuperset(tokens):
                return shared_verdict("share-widget", True)
            if AD_TOKENS.issuperset(tokens):
                return shared_verdict("ad", True)
    first = text[0]
    if first in "上下前後后" and (prev_next := PREV_NEXT.match(text)):
        # "上一篇" alone: the linked headline is on the next line
        return _HEADING if prev_next.end() == len(text) else shared_verdict("related-block", True)
    if first in "#＃" and HASHTAGS.match(text):
        return shared_verdict("hashtag", True)
    row = parse_row(text) or parse_token_row(text)
    if row is not None:
        return Verdict(row.rule, True, row=row, value=row.category)
    verdict = breadcrumb_verdict(text)
    if verdict is not None and verdict.strong:
        return verdict
    verdict = navigation_verdict(text)
    if verdict is not None and verdict.strong:
        return verdict
    if len(text) <= WIDGET_LINE_MAX:
        # a substring test is cheaper than a regex call: each pattern needs one of these
        if ("系" in text or "专" in text or "專" in text) and SERIES.match(text):
            return shared_verdict("series", True)
    edition = EDITION.match(text) if "版" in text else None
    if edition:
        return Verdict("category", True, value=edition.group("name"))
    if len(text) <= WIDGET_LINE_MAX and has_app_hint(text) and APP_PROMPT.search(text):
        return shared_verdict("share-widget", True)
    return long_line_rules(text) or phrase_verdict(text, strong_only=True)
