"""``newsctl clean``: scraped news text in, the article out (headline, one paragraph per line).

>>> result = clean_text("湖畔公园改造完成_城市_某某网\\n分享到：微信 微博\\n记者 张三\\n正文第一段。")
>>> result.text
'湖畔公园改造完成\\n正文第一段。'
>>> result.meta["author"], result.meta["site"], result.meta["category"]
(['张三'], '某某网', '城市')

Every dropped line is reported in ``removed`` with a short stable rule id (the ``--explain``
view), and what the dropped lines said (date, source, author, …) is kept in ``meta``.  Cleaning
is idempotent: ``clean_text(clean_text(x).text).text == clean_text(x).text``.  The building
blocks live in :mod:`newsctl.cleaning`; this module wires them together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from newsctl.cleaning.blocks import SiteInput, footnote_lines, plan
from newsctl.cleaning.encoding import cut_pinyin, mojibake_kind
from newsctl.cleaning.fieldjoin import join_split_fields
from newsctl.cleaning.items import Item, Plan
from newsctl.cleaning.lines import Line, join_continuations, join_open_ends, split_lines
from newsctl.cleaning.markup import NO_EVIDENCE, PageEvidence
from newsctl.cleaning.metadata import META_KEYS, build_meta
from newsctl.cleaning.prose import is_prose
from newsctl.cleaning.reflow import reflow
from newsctl.cleaning.rules import strong_verdict, weak_verdict
from newsctl.cleaning.sitefile import SiteRules, compiled, load_rules
from newsctl.text import regexcache

if TYPE_CHECKING:  # pragma: no cover - typing only; pages are parsed on demand
    from newsctl.io.htmlpage import Page

__all__ = ["META_KEYS", "CleanOptions", "CleanResult", "Removal", "SiteRules", "clean_html",
           "clean_page", "clean_text", "load_rules"]

_MARKUP = regexcache.compile(r"[<&{!\\]")
_DAMAGE_HINT = regexcache.compile(r"[\u0080-\u00ff(（]")


class CleanOptions(NamedTuple):
    """How to clean: ``rules`` are site rules from ``--rules FILE`` (see :func:`load_rules`);
    ``explain`` records which pass removed each line and why (``Removal.by``, ``because``).

    ``removed`` and ``metadata``: whether to list what was removed and to read the page's
    metadata; without them ``CleanResult.removed`` is empty and every ``meta`` value None.  The
    text is the same either way: the command line asks only for what it prints (the list with
    ``--explain``, the metadata with ``--json``), so plain text output spares the work."""

    rules: SiteRules | None = None
    explain: bool = False
    removed: bool = True
    metadata: bool = True


class Removal(NamedTuple):
    """One thing the cleaner removed: a whole line, or a tag/credit cut from inside one."""

    line: int          # 1-based line number in the input text
    text: str          # the removed text (whole line, or the cut-off tag/credit)
    rule: str          # short stable rule id: "byline", "share-widget", "caption", …
    evidence: str = ""  # for lines no rule names: where the story is, and the line's weight
    by: str = ""        # the cleaner's pass that decided (with CleanOptions.explain)
    because: str = ""   # ... and the evidence it went by, where the rule id does not say it all


class CleanResult(NamedTuple):
    """The cleaned article, what was removed and why, and the metadata the page carried."""

    text: str                      # title line (if any) then one paragraph per line
    title: str | None
    paragraphs: tuple[str, ...]
    meta: dict[str, object]        # exactly META_KEYS; None where unknown
    removed: tuple[Removal, ...]
    warnings: tuple[str, ...]
    meta_sources: Mapping[str, str] = {}   # key -> where a value came from (markup only)


def _prepare(lines: list[Line], keep: tuple[re.Pattern[str], ...],
             removed: list[Removal], warnings: list[str],
             evidence: PageEvidence) -> list[Item]:
    """Lines -> items: markup-only lines, mojibake and footnotes out, pinyin cut, fragments
    joined; ``evidence`` is what a page's markup said of its lines."""
    items: list[Item] = []
    image = False
    after_images, claims = evidence.after_images, evidence.claims   # (a text page has neither)
    for line in lines:
        text = line.text
        if not text:
            image = image or line.image
            if line.raw and _MARKUP.search(line.raw):
                removed.append(Removal(line.no, line.raw, "image" if line.image else "markup"))
            continue
        if _DAMAGE_HINT.search(text):   # Latin-1 letters (mojibake) or brackets (pinyin)
            kind = mojibake_kind(text)
            if kind is not None:
                removed.append(Removal(line.no, text, "mojibake"))
                warnings.append(f"line {line.no}: looks like mojibake "
                                f"({kind.replace(' or ', '/')} read as Latin-1)")
                continue
            text, pinyin = cut_pinyin(text)
            if pinyin:
                removed.append(Removal(line.no, "".join(pinyin), "pinyin"))
                warnings.append(f"line {line.no}: pinyin injected after characters")
        protected = bool(keep) and any(p.fullmatch(text) for p in keep)
        item = Item(line.no, text, image or line.no in after_images, protected)
        if claims:
            item.claim = claims.get(line.no)
        items.append(item)
        image = False
    notes = footnote_lines(items)
    for i in sorted(notes):
        removed.append(Removal(items[i].no, items[i].text, "footnote"))
    if notes:
        items = [it for i, it in enumerate(items) if i not in notes]
    return join_split_fields(join_continuations(items))


def _plain_prose(text: str) -> bool:
    """A joined paragraph must still read as unclaimed prose, or cleaning it again would differ."""
    return is_prose(text) and strong_verdict(text) is None and weak_verdict(text) is None


def _title_removals(decided: Plan) -> list[Removal]:
    if decided.title is None or decided.title_item is None:
        return []
    item = decided.title_item
    return [Removal(item.no, cut.strip(),
                    "title-label" if item.text.startswith(cut) else "title-suffix")
            for cut in decided.title.headline.cuts]


# the fates of lines no rule names, removed for where they stand
_UNNAMED = frozenset({"outside-main-block", "head-chrome", "tail-chrome"})


def _removals(decided: Plan) -> list[Removal]:
    """The dropped lines; why one that no rule names was removed: the story's run and the
    line's own weight (the run is the page's: written once)."""
    run = decided.story_lines
    where = f"story lines {run[0]}-{run[1]}; this line weighs " if run else "no story found; this line weighs "
    return [Removal(it.no, it.text, it.fate, f"{where}{it.weight:+.0f}" if it.fate in _UNNAMED else "",
                    it.decided_by or "", it.because)
            for it in decided.items if it.fate is not None]


def clean_text(text: str, options: CleanOptions = CleanOptions()) -> CleanResult:
    """Clean one page of scraped news text (see the module docstring)."""
    return _clean(text, options, NO_EVIDENCE)


def clean_html(html: str, options: CleanOptions = CleanOptions()) -> CleanResult:
    """Clean one saved HTML page: its text as a scraper's dump has it, with what the markup
    says of each line (landmarks, lists of links) weighed as evidence, and the metadata its
    ``<meta>`` tags, JSON-LD and ``<time>`` declare where the text says nothing."""
    from newsctl.io.htmlpage import parse_page

    return clean_page(parse_page(html), options)


def clean_page(page: Page, options: CleanOptions = CleanOptions()) -> CleanResult:
    """Clean a parsed page (:func:`newsctl.io.htmlpage.parse_page`; see :func:`clean_html`)."""
    from newsctl.cleaning.markup import page_evidence
    from newsctl.cleaning.pagemeta import declared_titles, merge_meta, trail_leaf

    evidence = page_evidence(page.lines, declared_titles(page))
    result = _clean(page.text, options, evidence)
    if not options.metadata:
        return result
    declared = dict(page.meta)
    leaf = trail_leaf(page.lines, result.title)
    if leaf is not None and "category" not in declared:
        declared["category"] = (leaf, "breadcrumb links above the headline")
    meta, sources = merge_meta(result.meta, declared)
    return result._replace(meta=meta, meta_sources=sources)


def _clean(text: str, options: CleanOptions, evidence: PageEvidence) -> CleanResult:
    rules = options.rules or SiteRules()
    lines, furniture = reflow(split_lines(text))
    removed: list[Removal] = [Removal(no, cut, rule) for no, cut, rule in furniture]
    warnings: list[str] = []
    items = _prepare(lines, compiled(rules.keep_patterns), removed, warnings, evidence)
    strong, weak = rules.tables()
    site = SiteInput(compiled(rules.drop_patterns), frozenset(rules.tail_headings),
                     rules.title_suffixes, strong, weak)
    decided = plan(items, site, record=options.explain)
    meta = build_meta(decided, rules.site) if options.metadata else dict.fromkeys(META_KEYS)
    body = join_open_ends(decided.kept, accept=_plain_prose)
    title = decided.title.headline.text if decided.title is not None else None
    paragraphs = tuple(it.text for it in body)

    if options.removed:
        removed.extend(_removals(decided))
        removed.extend(Removal(no, cut, rule) for no, cut, rule in decided.cuts)
        removed.extend(_title_removals(decided))
        removed.sort(key=lambda r: r.line)
    if not paragraphs and not title and text.strip():
        warnings.append("no article text found")
    out = ([title] if title else []) + list(paragraphs)
    return CleanResult("\n".join(out), title, paragraphs, meta,
                       tuple(removed) if options.removed else (), tuple(warnings))
