"""Weak rules, declared as data (see :mod:`.registry`): what a line is when it stands around the
body (editor's notes, bios, app prompts, disclaimers, slogans, a lone channel word, a logo line,
a loose menu or breadcrumb, a date row); in the story itself such lines stay.

Several rules read the lexicons (``data/clean``), so the table is built on first use.  The
order is the order they are tried in: the first that holds decides.
"""

from __future__ import annotations

import functools

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.limits import WIDGET_LINE_MAX
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.registry import Find, Kind, LineRule, RuleTable
from newsctl.cleaning.rulewords import APP_HINTS, phrase_verdict, rule_words
from newsctl.cleaning.shapes import APP_PROMPT, BAR, DECO, NAV_STOP, SENTENCE_END, SITE_SPLIT, URL
from newsctl.cleaning.sitenames import is_channel, is_site_name, without_latin_brand
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.text import regexcache

_c = regexcache.compile
# the lines the rules for short lines take (a channel, a logo, a menu, a date row)
_SHORT_LINE_MAX = 60


def weak_rules(text: str) -> Verdict | None:
    """The first weak rule that holds for ``text`` (stripped, non-empty), or None."""
    return weak_table().verdict(text)


def _phrase(text: str) -> Verdict | None:
    verdict = phrase_verdict(text, strong_only=False)
    return shared_verdict(verdict.rule, False) if verdict is not None else None


def _channel(text: str) -> Verdict | None:
    """"财经" alone, or a section path "即時新聞｜港聞" (the last one the page's section)."""
    bare = strip_deco(text)
    if is_channel(bare):
        return Verdict(Kind.CATEGORY.value, False, value=bare)
    sections = [seg.strip() for seg in BAR.split(bare)]
    if len(sections) >= 2 and all(is_channel(seg) for seg in sections):
        return Verdict(Kind.CATEGORY.value, False, value=sections[-1])
    return None


def _column_label(text: str) -> bool:
    """"◆攻关一线◆", "【深度】": a column's name between decorations."""
    bare = strip_deco(text)
    return (0 < len(bare) <= 8 and text[0] in DECO and text[-1] in DECO
            and NAV_STOP.search(bare) is None)


def _logo(text: str) -> Verdict | None:
    """An outlet's name alone, or a short name with its Latin brand ("硅潮 SiliconTide"); only
    the first segment can be the site ("海島公視新聞網 PNN News": the name, then its brand)."""
    bare = strip_deco(text)
    first = SITE_SPLIT.split(bare, 1)[0].strip()
    name = without_latin_brand(first)
    if any(c in bare for c in SENTENCE_END + "，"):
        return None
    if is_site_name(name) or (name is not first and len(name) <= 6 and bare == first
                              and not any(c.isdigit() for c in first)):
        return Verdict(Kind.SITE_NAME.value, False, value=name)
    return None


def _loose_menu(text: str) -> Verdict | None:
    """A breadcrumb or menu the strong rules found too loose to drop anywhere."""
    for check in (breadcrumb_verdict, navigation_verdict):
        verdict = check(text)
        if verdict is not None:
            return Verdict(verdict.rule, False, value=verdict.value)
    return None


@functools.cache
def weak_table() -> RuleTable:
    """The weak rules in order (built on first use: several read the lexicons)."""
    lx = rule_words()
    weak = functools.partial(LineRule, strong=False)
    return RuleTable((
        weak(Kind.EDITOR_NOTE, "an editor's note, maybe after a magazine's name", lx.note,
             examples=("编者按：本文根据讲座整理。", "某刊編按：以下為節錄"), near_misses=("按照规定执行。",)),
        weak(Kind.AUTHOR_BIO, "an author's bio with its label", lx.bio, examples=("作者简介：李青，资深记者。",),
             near_misses=("作者简介写得很长。",)),
        weak(Kind.SHARE_WIDGET, "an app prompt", APP_PROMPT, Find.ANYWHERE, needs=APP_HINTS,
             examples=("下载某某新闻客户端，阅读更多深度报道。",), near_misses=("下载速度很快。",)),
        weak(Kind.COPYRIGHT, "a phrase of the copyright, paywall, share or comment lexicons", decide=_phrase,
             examples=("© 某某传媒，未经许可请勿转载；转载请注明出处。",)),
        weak(Kind.COPYRIGHT, "a disclaimer written as prose",
             _c(r"不代表[^。，,！？]{0,15}(?:观点|觀點|立场|立場|看法)"), Find.ANYWHERE, needs=("不代表",),
             examples=("本文仅供参考，不代表本网观点。",), near_misses=("他不代表任何人发言。",)),
        weak(Kind.COPYRIGHT, "a platform's disclaimer under a self-media post",
             _c(r"(?:仅代表|僅代表|只代表)(?:作者|作者本人|个人|個人)"), Find.ANYWHERE, needs=("代表",),
             examples=("该文观点仅代表作者本人。",), near_misses=("代表大会召开。",)),
        weak(Kind.AD, "a donation appeal",
             _c(r"(?:捐款|捐助|小額支持|小额支持|定期定額|定期定额|贊助我們|赞助我们|打赏|打賞|請我喝|请我喝)"),
             Find.ANYWHERE, max_len=WIDGET_LINE_MAX, needs=("支持", "歡迎", "欢迎"),
             examples=("支持獨立環境新聞，歡迎定期定額捐款。",), near_misses=("市民踊跃捐款，金额达百万元。",)),
        weak(Kind.SLOGAN, "a promise to the reader with a schedule",
             _c(r"(?:陪你|陪您|伴你|與你|与你|帶你|带你)[^。]{0,12}(?:每天|每一天|每日|天天)|(?:准时|準時)(?:送达|送達)"),
             Find.ANYWHERE, max_len=WIDGET_LINE_MAX,
             examples=("某某快讯，陪你读懂每一天。",), near_misses=("快递准时到了。",)),
        weak(Kind.SLOGAN, "a slogan of the lexicon", lx.slogan, Find.ANYWHERE, max_len=80,
             examples=("与你相约，明天见",)),
        weak(Kind.AD, "a bare web address outside a sentence", URL, Find.ANYWHERE,
             needs=(".",), without="。", examples=("www.example.com",), near_misses=("版本1.2发布",)),
        weak(Kind.CATEGORY, "a lone channel word or a section path", max_len=_SHORT_LINE_MAX, decide=_channel,
             examples=("财经", "即時新聞｜港聞"), near_misses=("财经新闻的未来",)),
        weak(Kind.COLUMN_LABEL, "a column's name between decorations", max_len=_SHORT_LINE_MAX,
             test=_column_label, examples=("◆攻关一线◆", "【深度】"), near_misses=("【深度】，", "◆攻关一线")),
        weak(Kind.SITE_NAME, "a logo line: an outlet's name, maybe with its Latin brand",
             max_len=_SHORT_LINE_MAX, decide=_logo, examples=("东方财讯网", "硅潮 SiliconTide"),
             near_misses=("东方财讯网报道，股市上涨。",)),
        weak(Kind.BREADCRUMB, "a loose breadcrumb or menu", max_len=_SHORT_LINE_MAX, decide=_loose_menu,
             examples=("首页 > 新闻",)),
        weak(Kind.KEYWORDS, "a keyword row", _c(r"^[^\s，。！？、,]{1,8}(?:、[^\s，。！？、,]{1,8}){2,}$"),
             max_len=_SHORT_LINE_MAX, examples=("城市更新、旧改、住房",), near_misses=("城市更新、旧改",)),
        weak(Kind.DATE, "a date row", max_len=WIDGET_LINE_MAX, without="。",
             test=lambda text: bool(find_dates(text)), examples=("2025年3月18日 星期二",),
             near_misses=("第三季度",)),
    ), builtin=True)
