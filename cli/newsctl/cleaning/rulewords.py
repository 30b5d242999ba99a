"""The word lists and patterns the line classifiers share, built once per process, and the
phrase rules (copyright, paywall, share, comment phrases) that read them.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from newsctl.cleaning import lexicon
from newsctl.cleaning.limits import WIDGET_LINE_MAX
from newsctl.cleaning.shapes import HOME
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.text import regexcache


class RuleWords(NamedTuple):
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
def rule_words() -> RuleWords:
    """The classifiers' word lists and patterns (built on first use, then shared)."""
    table = lexicon.labels()
    ui = lexicon.word_set("ui_tokens")

    def lead(words: tuple[str, ...]) -> re.Pattern[str]:
        return regexcache.compile(
            r"^[【\[]?(?:" + lexicon.alternation(words) + r")(?:[】\]]\s*|\s*[：:]|\s+|$)"
        )

    def firsts(words: tuple[str, ...], extra: str = "") -> frozenset[str]:
        return frozenset(w[0] for w in words) | frozenset(extra)

    return RuleWords(
        ui=ui,
        known_nav=ui | lexicon.word_set("category_words") | HOME,
        images=lexicon.word_set("image_placeholders"),
        related=lexicon.word_set("related_headings"),
        cont=regexcache.compile(r"^(?:(?:" + lexicon.alternation(lexicon.words("continue_reading"))
                        + r")[\s,，、|.…。>»\[\]【】]*)+$"),
        phrases={rule: lexicon.words_re(name) for rule, name in _PHRASE_LISTS},
        any_phrase=regexcache.compile(lexicon.anchored_alternation(
            tuple(w for _, name in _PHRASE_LISTS for w in lexicon.words(name)))),
        spam=lexicon.words_found_re("spam_words"),   # (asked whether one is there, never where)
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


def phrase_verdict(text: str, strong_only: bool) -> Verdict | None:
    """A lexicon phrase (copyright, paywall, share, comment): strong when it opens a short line
    without a full stop, weak anywhere else."""
    if strong_only and (len(text) > WIDGET_LINE_MAX or "。" in text):
        return None   # a strong verdict needs a short line without a full stop (see below)
    lx = rule_words()
    if not lx.any_phrase.search(text):
        return None   # one combined scan rules out most lines; the rules' order decides below
    for rule, pattern in lx.phrases.items():
        found = pattern.search(text)
        if not found:
            continue
        opens = found.start() <= 8 and not any(c in text[: found.start()] for c in "，。：:,")
        strong = opens and len(text) <= WIDGET_LINE_MAX and "。" not in text
        if strong or not strong_only:
            return shared_verdict(rule, strong)
    return None
