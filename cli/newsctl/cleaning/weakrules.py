"""Weak rules: what a line is when it stands around the body (editor's notes, bios, app prompts,
disclaimers, slogans, a lone channel word, a logo line, a loose menu or breadcrumb, a date row);
in the story itself such lines stay.

The rules are data, in ``data/clean/weak_rules.toml`` (the format of a ``--rules`` file, see
:mod:`.ruledata`), in the order they are tried: the first that holds decides.  This module holds
the code some of them name.  Several shapes are built from the lexicons (``data/clean``), so the
table is built on first use.
"""

from __future__ import annotations

import functools

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.menus import breadcrumb_verdict, navigation_verdict
from newsctl.cleaning.prose import strip_deco
from newsctl.cleaning.registry import Kind, RuleTable
from newsctl.cleaning.ruledata import Hooks, load_table
from newsctl.cleaning.rulewords import phrase_verdict, rule_words
from newsctl.cleaning.shapes import APP_PROMPT, BAR, DECO, NAV_STOP, SENTENCE_END, SITE_SPLIT, URL
from newsctl.cleaning.sitenames import is_channel, is_site_name, without_latin_brand
from newsctl.cleaning.verdicts import Verdict, shared_verdict


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


def _has_date(text: str) -> bool:
    return bool(find_dates(text))


@functools.cache
def weak_table() -> RuleTable:
    """The weak rules of ``data/clean/weak_rules.toml`` in order (built on first use: several
    shapes are built from the lexicons)."""
    lx = rule_words()
    return load_table("weak_rules.toml", Hooks(
        shapes={"editor-note-labels": lx.note, "author-bio-labels": lx.bio, "slogan-phrases": lx.slogan,
                "app-prompt": APP_PROMPT, "web-address": URL},
        tests={"column-label": _column_label, "has-date": _has_date},
        decides={"phrase": _phrase, "channel": _channel, "logo": _logo, "loose-menu": _loose_menu},
    ))
