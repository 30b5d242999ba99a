"""Strong rules for short lines without a full stop (site chrome: placeholders, counters,
related headings, widget rows, header rows, menus, series and edition labels), declared as data
(see :mod:`.registry`), in the order they are tried: the first that holds decides.

A line longer than :data:`.limits.CHROME_LINE_MAX` or with a full stop is prose to these rules
and goes to :mod:`.linerules` instead.  Several rules look at the line without the brackets,
bullets and arrows around it (:func:`.prose.strip_deco`): "● 直播中" is a status badge.
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
from newsctl.cleaning.limits import LINKED_HEADLINE_MAX, WIDGET_LINE_MAX
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.registry import Find, Kind, LineRule, RuleTable
from newsctl.cleaning.rulewords import APP_HINTS, rule_words
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


def _value(kind: Kind, group: str) -> Callable[[re.Match[str]], Verdict]:
    """A verdict naming what the match's ``group`` holds (a column, a page's section)."""
    return lambda found: Verdict(kind.value, True, value=found.group(group))


def _summary_heading(heading: str) -> Verdict | None:
    return _SUMMARY if _SUMMARY_HEADING.match(heading) is not None else None


SHORT_LINE_RULES = (
    LineRule(Kind.IMAGE, "an image placeholder word: [图片], (視頻)", test=_is_image_word,
             examples=("[图片]", "【圖片】")),
    LineRule(Kind.IMAGE, "an image placeholder naming the image", NAMED_IMAGE, examples=("[Image: 灯会现场]",),
             near_misses=("[1] 某某",)),
    LineRule(Kind.IMAGE, "a video placeholder with its running time", needs=(":",), test=_timed_image,
             examples=("[图片] 01:58",), near_misses=("记者 01:58",)),
    LineRule(Kind.COMMENT, "a comment counter",
             _c(r"^(?:(?:评论|評論|留言|回复|回覆|跟帖)\s*[（(]?\s*\d+\s*[)）]?"
                r"|\d+\s*(?:則|则|条|條|个|個)?\s*(?:留言|评论|評論|回應|回应))$"),
             examples=("评论 12", "留言（3）", "5則留言"), near_misses=("评论员", "留言板")),
    LineRule(Kind.MARKUP, "no letter, digit or CJK character: a rule of dashes, an obfuscated address",
             test=lambda text: _WORDLIKE.search(text) is None or text == "[email protected]",
             examples=("————", "＊＊＊"), near_misses=("——完——",)),
    LineRule(Kind.CONTINUE_READING, "a continue-reading marker", test=_continue_reading, view=bare,
             examples=("继续阅读", "- 繼續閱讀 -"), near_misses=("继续阅读的习惯",)),
    LineRule(Kind.RELATED_BLOCK, "a related-list heading, maybe after a channel's name", decide=_related_heading,
             view=bare,
             examples=("相关阅读", "【相關閱讀】", "看更多财经新闻", "財經相關閱讀"), near_misses=("相关部门",)),
    LineRule(Kind.RELATED_BLOCK, "a related heading with its one linked headline", test=_heading_with_item,
             examples=("【相關閱讀】消費券成效 學者：刺激有限", "相关阅读：某市地铁新线开通"),
             near_misses=("相关阅读：某市地铁新线开通。乘客称便利。",)),
    LineRule(Kind.RELATED_BLOCK, "a link to a photo gallery",
             _c(r"^[【\[](?:點擊|点击|點此|点此)?(?:看|睇)?(?:圖輯|图辑|圖集|图集|相簿|多圖|多图)[】\]]"),
             examples=("【點擊看圖輯】老布行最後一個周末",), near_misses=("【图说】老街",)),
    LineRule(Kind.CATEGORY, "a column's link above the headline", _c(r"^(?P<name>[\u4e00-\u9fff]{2,8})\s*[>›»→]$"),
             max_len=10, build=_value(Kind.CATEGORY, "name"), examples=("绿色先锋 >", "深度報導 ›"),
             near_misses=("下一页 >>",)),
    LineRule(Kind.NAVIGATION, "a table of contents' heading: the story's subheadings follow",
             decide=lambda heading: _TOC if heading in _TOC_HEADINGS else None, view=bare,
             examples=("文章目录", "【本文目錄】")),
    LineRule(Kind.SUMMARY, "a key-points box's heading: its bullets restate the story", max_len=16,
             decide=_summary_heading, view=bare,
             examples=("本文重点", "3分鐘看重點"), near_misses=("重点工作",)),
    LineRule(Kind.METADATA, "a magazine's issue line", _c(r"^[《]?[\u4e00-\u9fffA-Za-z]{2,14}[》]?\s*第\s*\d{1,5}\s*[期號号]$"),
             max_len=24, needs=("期", "號", "号"), examples=("商略週刊 第1932期",), near_misses=("第3期工程",)),
    LineRule(Kind.SHARE_WIDGET, "a row of widget words or of ad labels", max_len=80, decide=_widget_row,
             view=bare,
             examples=("分享 | 收藏", "分享到：微信"), near_misses=("分享经济的前景",)),
    LineRule(Kind.RELATED_BLOCK, "previous or next story: a heading alone, or with its headline",
             _c(r"^(?:上一篇|下一篇|上一則|下一則|上一条|下一条|上一條|下一條|前一篇|後一篇|后一篇|上篇|下篇)\s*[：:>》]?"),
             build=lambda found: (RELATED_HEADING if found.end() == len(found.string)
                                  else shared_verdict(Kind.RELATED_BLOCK.value, True)),
             examples=("上一篇", "下一篇：某市公布新规"), near_misses=("上一届",)),
    LineRule(Kind.HASHTAG, "hashtags", _c(r"^(?:[#＃][^#＃\s]{1,30}[#＃]?\s*)+$"), examples=("#城市更新# #旧改#",),
             near_misses=("# 第一节",)),
    LineRule(Kind.SOURCE, "a header row of fields: source, author, date, editor…", decide=_row,
             examples=("来源：某某日报　作者：李青",), near_misses=("来源广泛",)),
    LineRule(Kind.BREADCRUMB, "a breadcrumb trail", decide=_strong_only(breadcrumb_verdict),
             examples=("首页 > 新闻 > 国内",), near_misses=("首页",)),
    LineRule(Kind.NAVIGATION, "a menu of section names", decide=_strong_only(navigation_verdict),
             examples=("首页 | 新闻 | 财经 | 体育 | 娱乐",)),
    LineRule(Kind.SERIES, "a series label above the headline",
             _c(r"^[“「『《\"]?[^。，！？]{2,24}?[”」』》\"]?\s*(?:系列|专题|專題)(?:报道|報導|報道|评论|評論"
                r"|策划|策劃|访谈|訪談|稿件|文章)?(?:之[一二三四五六七八九十\d]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])$"),
             max_len=WIDGET_LINE_MAX, needs=("系", "专", "專"),
             examples=("“老城新生”系列报道之三",), near_misses=("系列报道",)),
    LineRule(Kind.CATEGORY, "an e-paper's page and its name", _c(r"^第?\s*[A-Z]?\d{1,3}\s*版\s*[：:\s]\s*(?P<name>[^\s，。]{1,8})$"),
             needs=("版",), build=_value(Kind.CATEGORY, "name"), examples=("第03版：要闻",), near_misses=("第3版本",)),
    LineRule(Kind.SHARE_WIDGET, "an app prompt", APP_PROMPT, Find.ANYWHERE, max_len=WIDGET_LINE_MAX, needs=APP_HINTS,
             examples=("打开某某新闻APP，阅读更多",), near_misses=("下载量",)),
)

SHORT_LINE_TABLE = RuleTable(SHORT_LINE_RULES, builtin=True)
