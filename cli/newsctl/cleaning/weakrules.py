"""Weak verdicts: what a line is when it stands around the body (editor's notes, bios, app
prompts, disclaimers, slogans, a lone channel word, a logo line, a loose menu or breadcrumb, a
date row); in the story itself such lines stay.
"""

from __future__ import annotations

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.limits import WIDGET_LINE_MAX
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.rulewords import has_app_hint, phrase_verdict, rule_words
from newsctl.cleaning.shapes import (
    APP_PROMPT,
    BAR,
    DECO,
    DISCLAIMER,
    DONATE,
    KEYWORD_ROW,
    NAV_STOP,
    OWN_VIEW,
    PROMISE,
    SENTENCE_END,
    SITE_SPLIT,
    URL,
)
from newsctl.cleaning.sitenames import is_channel, is_site_name, without_latin_brand
from newsctl.cleaning.verdicts import Verdict, shared_verdict


def weak_rules(text: str) -> Verdict | None:
    """The first weak rule that holds for ``text`` (stripped, non-empty), or None."""
    lx = rule_words()
    first = text[0]
    if (first in lx.note_first or "按" in text) and lx.note.match(text):
        return shared_verdict("editor-note", False)
    if first in lx.bio_first and lx.bio.match(text):
        return shared_verdict("author-bio", False)
    if has_app_hint(text) and APP_PROMPT.search(text):
        return shared_verdict("share-widget", False)
    verdict = phrase_verdict(text, strong_only=False)
    if verdict is not None:
        return shared_verdict(verdict.rule, False)
    if ("不代表" in text and DISCLAIMER.search(text)) or ("代表" in text and OWN_VIEW.search(text)):
        return shared_verdict("copyright", False)
    if len(text) <= WIDGET_LINE_MAX and DONATE.search(text) and ("支持" in text or "歡迎" in text or "欢迎" in text):
        return shared_verdict("ad", False)
    if len(text) <= WIDGET_LINE_MAX and PROMISE.search(text):
        return shared_verdict("slogan", False)
    if len(text) <= 80 and lx.slogan.search(text):
        return shared_verdict("slogan", False)
    if "." in text and "。" not in text and URL.search(text):
        return shared_verdict("ad", False)
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
        return shared_verdict("column-label", False)   # "◆攻关一线◆", "【深度】": a column's name
    # only the first segment can be the site ("海島公視新聞網 PNN News": the name, then its brand)
    first = SITE_SPLIT.split(bare, 1)[0].strip()
    name = without_latin_brand(first)
    if not any(c in bare for c in SENTENCE_END + "，") and (
            is_site_name(name) or (name is not first and len(name) <= 6 and bare == first
                                   and not any(c.isdigit() for c in first))):
        # a logo line: an outlet's name, or a short name with its Latin brand ("硅潮 SiliconTide")
        return Verdict("site-name", False, value=name)
    for check in (breadcrumb_verdict, navigation_verdict):
        verdict = check(text)
        if verdict is not None:
            return Verdict(verdict.rule, False, value=verdict.value)
    if KEYWORD_ROW.match(text):
        return shared_verdict("keywords", False)
    if len(text) <= WIDGET_LINE_MAX and "。" not in text and find_dates(text):
        return shared_verdict("date", False)
    return None
