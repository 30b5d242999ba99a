"""Strong rules that do not depend on the line being short: code left in a dump, cookie
banners, WeChat cards, reprint and source notes, paywalls and pitches, attachments, tickers,
end marks, lone clock times.

The rules are data, in ``data/clean/line_rules.toml`` (the format of a ``--rules`` file, see
:mod:`.ruledata`), in the order they are tried; this module holds the code some of them name
(:data:`HOOKS`: a test a pattern cannot say, a verdict that names what the match holds).  To
add a rule for a new layout, add one ``[[rule]]`` entry there with its examples and near misses
(the tests are made from them); a site's own rules go in a ``--rules`` file instead.
"""

from __future__ import annotations

import re

from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.lines import LIST_ITEM
from newsctl.cleaning.names import has_surname, parse_names
from newsctl.cleaning.registry import Kind
from newsctl.cleaning.rows import DATE_KINDS, Row
from newsctl.cleaning.ruledata import Hooks, load_table
from newsctl.cleaning.rulewords import rule_words
from newsctl.cleaning.shapes import NAMED_IMAGE
from newsctl.cleaning.verdicts import Verdict
from newsctl.text import regexcache

_c = regexcache.compile
_LINK_ARROWS = (">>", "＞＞", "»", "》》", "→")
_CODE_START = _c(r"^(?:var|let|const|function|window\.|document\.|googletag|gtag\(|_hmt|dataLayer"
                 r"|\(function|\}\)|\$\(|jQuery)")
_EDITION = _c(r"第\s*[A-Z]?\d{1,3}\s*版")   # "第01版": one page of an e-paper


def _is_code(text: str) -> bool:
    """A line of JavaScript or CSS: ASCII ending in ``;`` ``{`` ``}``, or opening like code."""
    if text[-1] in ";{}" and text.isascii():
        return True
    return _CODE_START.match(text) is not None and text[-1] in ";{}),"


def _wechat_card(found: re.Match[str]) -> Verdict:
    author = found.group("author")
    row = Row(("author",), authors=(author,)) if author else None
    return Verdict(Kind.WECHAT_CARD.value, True, row=row, value=found.group("name"))


def _reprint(found: re.Match[str]) -> Verdict:
    name = found.group("name")
    dates = find_dates(found.group("date")) if found.group("date") else []
    row = Row(("source",), sources=(name,), labelled_sources=(name,),
              dates=tuple((DATE_KINDS["date_plain"], d.iso) for d in dates[:1]))
    return Verdict(Kind.SOURCE.value, True, row=row)


def _source_note(found: re.Match[str]) -> Verdict:
    name = found.group("name")
    return Verdict(Kind.SOURCE.value, True, row=Row(("source",), sources=(name,), labelled_sources=(name,)))


def _names_report(found: re.Match[str]) -> Verdict | None:
    names = parse_names(found.group("names"))
    if names and all(has_surname(name) for name in names):
        return Verdict(Kind.BYLINE.value, True, row=Row(("author",), authors=tuple(names)))
    return None   # "天气 报道": not names


def _clock(found: re.Match[str]) -> Verdict | None:
    hour = int(found.group("h")) + (12 if found.group("pm") and int(found.group("h")) < 12 else 0)
    return Verdict(Kind.DATE.value, True, value=f"{hour:02d}:{found.group('m')}") if hour < 24 else None


def _lone_number(text: str) -> bool:
    # a signed figure, or one with a point or a percent, or five characters: not "12" (a count)
    first = text[0]
    return not first.isdigit() or "." in text or "%" in text or len(text) >= 5


def _has_spam_words(text: str) -> bool:
    return rule_words().spam.search(text) is not None


def _no_stop_before_end(text: str) -> bool:
    """A paywall's note is one line of its own: no sentence ends before its last character."""
    return "。" not in text[:-1]


def _no_stop_or_ends_with_arrow(text: str) -> bool:
    """A pitch holds no sentence, unless it ends with its link arrow."""
    return "。" not in text or text[-1] in "→›»>"


def _not_a_sentence_or_step(text: str) -> bool:
    """A follow prompt is no sentence, and a list item ending in ；is a step to take."""
    return text[-1] not in "。；;" and LIST_ITEM.match(text) is None


def _several_editions(text: str) -> bool:
    return len(_EDITION.findall(text)) >= 2


def _ends_with_link_arrow(text: str) -> bool:
    return text.endswith(_LINK_ARROWS)


HOOKS = Hooks(
    shapes={"named-image": NAMED_IMAGE},
    tests={"is-code": _is_code, "has-spam-words": _has_spam_words, "no-stop-before-end": _no_stop_before_end,
           "no-stop-or-ends-with-arrow": _no_stop_or_ends_with_arrow,
           "not-a-sentence-or-step": _not_a_sentence_or_step, "several-editions": _several_editions,
           "lone-number": _lone_number, "all-digits": str.isdigit, "ends-with-link-arrow": _ends_with_link_arrow},
    builds={"wechat-card": _wechat_card, "reprint": _reprint, "source-note": _source_note,
            "names-report": _names_report, "clock": _clock},
)

LONG_LINE_TABLE = load_table("line_rules.toml", HOOKS)
LONG_LINE_RULES = LONG_LINE_TABLE.rules


def long_line_rules(text: str) -> Verdict | None:
    """Strong verdicts that do not depend on the line being short (``text`` stripped, non-empty)."""
    return LONG_LINE_TABLE.verdict(text)
