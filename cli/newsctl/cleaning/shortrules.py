"""Strong rules for short lines without a full stop (site chrome: placeholders, counters,
related headings, widget rows, header rows, menus, series and edition labels).

The rules are data, in ``data/clean/short_line_rules.toml`` (the format of a ``--rules`` file,
see :mod:`.ruledata`), in the order they are tried: the first that holds decides.  This module
holds the code some of them name (:data:`HOOKS`).  A line longer than
:data:`.limits.CHROME_LINE_MAX` or with a full stop is prose to these rules and goes to
:mod:`.linerules` instead.  Several rules look at the line without the brackets, bullets and
arrows around it (:func:`bare`): "● 直播中" is a status badge.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.headings import (
    CHANNEL_HEADING_MAX,
    channel_heading,
    opens_with_bracket,
    related_with_item,
)
from newsctl.cleaning.limits import LINKED_HEADLINE_MAX
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.registry import Kind
from newsctl.cleaning.ruledata import Hooks, load_table
from newsctl.cleaning.rulewords import rule_words
from newsctl.cleaning.shapes import APP_PROMPT, NAMED_IMAGE, TOKENS
from newsctl.cleaning.tokenrows import parse_token_row
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.text import regexcache

_c = regexcache.compile
# a heading that starts a related block: what follows it is dropped with it
RELATED_HEADING = Verdict(Kind.RELATED_BLOCK.value, True, heading=True)
_TOC = Verdict(Kind.NAVIGATION.value, True, heading=True)
_SUMMARY = Verdict(Kind.SUMMARY.value, True, heading=True)
_TOC_HEADINGS = frozenset({"文章目錄", "文章目录", "本文目錄", "本文目录", "目錄", "目录", "內容目錄", "内容目录"})
_RUNNING_TIME = _c(r"\s*\d{1,2}:\d{2}(?::\d{2})?$")
_MORE_HEADING = _c(r"^(?:看|查看|點我看|点我看|點看|点看)?更多.{0,12}"
                   r"(?:報導|报道|新聞|新闻|文章|消息|內容|内容|資訊|资讯|推薦|推荐|影音|视频)$")
_SUMMARY_HEADING = _c(r"^(?:這篇文章主要在談|这篇文章主要在谈|本文重點|本文重点|文章重點|文章重点|重點摘要|重点摘要"
                      r"|新聞重點|新闻重点|\d+\s*分鐘看重點|\d+\s*分钟看重点|快速看重點|快速看重点)\s*[.…。：:]*$")
# a line without a letter, digit or CJK character is decoration ("————", "＊＊＊")
_WORDLIKE = _c(r"[^\W_]")
# the first token TOKENS leaves (the complement of its class)
_FIRST_TOKEN = _c(r"[^\s|｜丨/／,，、:：【】\[\]［］()（）<>《》〈〉·・•]+")
_AD_TOKENS = frozenset({"广告", "廣告", "AD", "Ad", "ad", "Advertisement", "ADVERTISEMENT", "推广", "推廣",
                        "赞助", "贊助", "Sponsored"})


def _is_image_word(text: str) -> bool:
    images = rule_words().images
    return text in images or strip_deco(text) in images


def _timed_image(text: str) -> bool:
    """"[影片] 01:58": a video placeholder with its running time."""
    if _RUNNING_TIME.search(text) is None:
        return False
    timed = _RUNNING_TIME.sub("", text)
    return _is_image_word(timed) if timed else False


def bare(text: str) -> str:
    """The line without decoration around it, nor dashes ("- 閱讀更多 -": a marker between
    dashes); the heading and widget rules read this."""
    stripped = strip_deco(text)
    if "-" in stripped or "—" in stripped:
        return stripped.strip("-–—~～ ")
    return stripped


def _continue_reading(bare_text: str) -> bool:
    lx = rule_words()
    return (0 < len(bare_text) <= 30 and bare_text[0] in lx.cont_first
            and lx.cont.match(bare_text) is not None)


def _related_heading(heading: str) -> Verdict | None:
    related = rule_words().related
    if heading in related or ("更多" in heading and _MORE_HEADING.match(heading)):
        return RELATED_HEADING
    if len(heading) <= CHANNEL_HEADING_MAX and channel_heading(heading, related):
        return RELATED_HEADING   # "財經分類資訊推薦": a channel's name, then a related heading
    return None


def _heading_with_item(text: str) -> bool:
    """"【延伸閱讀】<headline>" or "延伸閱讀：<headline>": a related heading and its one item."""
    related = rule_words().related
    if opens_with_bracket(text) and related_with_item(text, related):
        return True
    if "：" not in text and ":" not in text:
        return False
    label, _, rest = text.replace(":", "：", 1).partition("：")
    return label.strip() in related and 0 < len(rest.strip()) <= LINKED_HEADLINE_MAX and "。" not in rest


def _widget_row(row: str) -> Verdict | None:
    """A row of widget words ("分享 | 收藏 | 打印") or of ad labels: every token one."""
    head = _FIRST_TOKEN.search(row)
    ui = rule_words().ui
    # the first token decides for most lines: one cheap search instead of splitting the line
    if head is None or (head.group() not in ui and head.group() not in _AD_TOKENS):
        return None
    tokens = list(filter(None, TOKENS.split(row)))
    if tokens and ui.issuperset(tokens):
        return shared_verdict(Kind.SHARE_WIDGET.value, True)
    if tokens and _AD_TOKENS.issuperset(tokens):
        return shared_verdict(Kind.AD.value, True)
    return None


def _row(text: str) -> Verdict | None:
    """A header row of labelled fields ("来源：某报　作者：某某"), or one read token by token."""
    row = parse_row(text) or parse_token_row(text)
    return Verdict(row.rule, True, row=row, value=row.category) if row is not None else None


def _strong_only(check: Callable[[str], Verdict | None]) -> Callable[[str], Verdict | None]:
    """A menu or breadcrumb rule, whose verdict counts here only when it is strong (a weak one
    is asked again around the body, by :mod:`.weakrules`)."""
    def decide(text: str) -> Verdict | None:
        verdict = check(text)
        return verdict if verdict is not None and verdict.strong else None
    return decide


def _summary_heading(heading: str) -> Verdict | None:
    return _SUMMARY if _SUMMARY_HEADING.match(heading) is not None else None


def _no_word(text: str) -> bool:
    """No letter, digit or CJK character ("————"), or an address a page obfuscated."""
    return _WORDLIKE.search(text) is None or text == "[email protected]"


def _category_name(found: re.Match[str]) -> Verdict:
    """The column or page section the match names (a category the metadata reports)."""
    return Verdict(Kind.CATEGORY.value, True, value=found.group("name"))


def _toc_heading(heading: str) -> Verdict | None:
    return _TOC if heading in _TOC_HEADINGS else None


def _previous_or_next(found: re.Match[str]) -> Verdict:
    """"上一篇" alone heads the link under it; with its headline it is the whole link."""
    if found.end() == len(found.string):
        return RELATED_HEADING
    return shared_verdict(Kind.RELATED_BLOCK.value, True)


HOOKS = Hooks(
    shapes={"named-image": NAMED_IMAGE, "app-prompt": APP_PROMPT},
    tests={"is-image-word": _is_image_word, "timed-image": _timed_image, "no-word": _no_word,
           "continue-reading": _continue_reading, "heading-with-item": _heading_with_item},
    views={"bare": bare},
    decides={"related-heading": _related_heading, "toc-heading": _toc_heading,
             "summary-heading": _summary_heading, "widget-row": _widget_row, "row": _row,
             "strong-breadcrumb": _strong_only(breadcrumb_verdict),
             "strong-menu": _strong_only(navigation_verdict)},
    builds={"category-name": _category_name, "previous-or-next": _previous_or_next},
)

SHORT_LINE_TABLE = load_table("short_line_rules.toml", HOOKS)
SHORT_LINE_RULES = SHORT_LINE_TABLE.rules
