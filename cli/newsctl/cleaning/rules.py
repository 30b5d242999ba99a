"""Line classifiers: which boilerplate kind a line is, and how sure that is.

Every rule looks at the *shape* of a whole line (a label at its start, a row made only of widget
words, a heading followed by nothing) and never at a bare substring, because the words that mark
boilerplate also occur in prose (资金来源, 消息來源, 编辑部).  A verdict is *strong* when the shape
alone is enough, so the line goes wherever it stands; *weak* verdicts (a long copyright notice,
a lone channel word, a slogan) are acted on only in the head and tail blocks around the body,
which :mod:`newsctl.cleaning.blocks` decides.

Entry points: :func:`strong_verdict` and :func:`weak_verdict` (memoised for short lines).  The
rules themselves are data, three tables of ``data/clean/*_rules.toml`` (loaded by
:mod:`.shortrules`, :mod:`.linerules`, :mod:`.weakrules`, see :mod:`.ruledata`); this module
says in which order they are asked, with the checks that come before them (a site's own rules,
captions and their credits).
"""

from __future__ import annotations

import functools
import re

from newsctl.cleaning.captions import caption_label, caption_shape, is_figure_source
from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.headings import opens_with_bracket, related_with_item
from newsctl.cleaning.limits import CHROME_LINE_MAX
from newsctl.cleaning.linerules import LONG_LINE_TABLE
from newsctl.cleaning.registry import RuleTable
from newsctl.cleaning.rulewords import phrase_verdict
from newsctl.cleaning.shortrules import RELATED_HEADING, SHORT_LINE_TABLE, bare
from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.cleaning.weakrules import weak_table

# Site chrome (menus, share rows, copyright notes, editor credits, related headings) repeats on
# every page of a site, and short lines are the costly ones to classify: their verdicts are
# remembered per process.  Prose is unique and cheap, so it is never stored.
_MEMO_SIZE = 1 << 14


def _memo_worthy(text: str) -> bool:
    return len(text) <= CHROME_LINE_MAX and "。" not in text


def strong_verdict(text: str, drop: tuple[re.Pattern[str], ...] = (),
                   headings: frozenset[str] = frozenset(),
                   site: RuleTable | None = None) -> Verdict | None:
    """A verdict that holds anywhere in the page, or None (``text`` is stripped, non-empty).

    ``drop``, ``headings`` and ``site`` come from a ``--rules`` file: patterns of lines to
    drop, related headings, and line rules of the built-in kind; they are tried first."""
    if _memo_worthy(text):
        if drop or headings or site is not None:
            return _site_memo(text, drop, headings, site)
        return _builtin_memo(text)   # (keyed on the text alone: the cheaper lookup)
    return _strong(text, drop, headings, site)


def weak_verdict(text: str) -> Verdict | None:
    """A verdict that holds only around the body (head and tail blocks), or None."""
    if _memo_worthy(text):
        return _weak_memo(text)
    return weak_table().verdict(text)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _builtin_memo(text: str) -> Verdict | None:
    return _strong(text, (), frozenset(), None)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _site_memo(text: str, drop: tuple[re.Pattern[str], ...],
               headings: frozenset[str], site: RuleTable | None) -> Verdict | None:
    return _strong(text, drop, headings, site)


@functools.lru_cache(maxsize=_MEMO_SIZE)
def _weak_memo(text: str) -> Verdict | None:
    return weak_table().verdict(text)


def _strong(text: str, drop: tuple[re.Pattern[str], ...],
            headings: frozenset[str], site: RuleTable | None) -> Verdict | None:
    """Cheap checks first; prose (a line with a full stop, or a long one) skips everything that
    only short lines can be."""
    for pattern in drop:
        if pattern.fullmatch(text):
            return shared_verdict("site-rule", True)
    if site is not None:
        verdict = site.verdict(text)
        if verdict is not None:
            return verdict
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
        return LONG_LINE_TABLE.verdict(text)   # rows, widgets and headings never hold a full stop
    if headings:
        # a site's own related headings (--rules), before the built-in ones
        if bare(text) in headings:
            return RELATED_HEADING
        if opens_with_bracket(text) and related_with_item(text, headings):
            return shared_verdict("related-block", True)
    verdict = SHORT_LINE_TABLE.verdict(text)
    if verdict is not None:
        return verdict
    return LONG_LINE_TABLE.verdict(text) or phrase_verdict(text, strong_only=True)
