"""The ``meta`` record: what the removed lines said about the article.

Precedence, from the issue: the source is an explicit 来源 line, else the agency of a dateline
(新华社, 中央社), else the publisher's own name (the site); the date prefers a 发布 label over a
plain date over an 更新 label, and the one nearest the top; the category is the deepest channel of
a breadcrumb, else a 栏目 label row, else the title-suffix channel, else the headline's column
label or a lone channel line; the site is the title suffix, else a site-name line above the
headline, else the name in the copyright notice.
"""

from __future__ import annotations

import re
from typing import Any

from newsctl.cleaning.items import Item, Plan
from newsctl.cleaning.names import has_surname
from newsctl.cleaning.sitenames import is_site_name, without_latin_brand
from newsctl.text import regexcache

META_KEYS: tuple[str, ...] = (
    "title", "date", "source", "author", "category", "site", "editor", "views",
)

_EDITION_SUFFIX = regexcache.compile(r"(?:(?:数字|數字|数位|數位|电子|電子)?(?:报刊|報刊)平台|数字报刊|數字報刊|电子报刊|電子報刊|电子报|電子報|数字报|數字報|电子版|電子版|数位版|數位版|网络版|網路版|官网|官網)$")
_COMPANY_SUFFIX = regexcache.compile(r"(?:股份有限公司|有限责任公司|有限責任公司|有限公司)$")
_COPYRIGHT_MARK = regexcache.compile(
    r"(?:(?:©|Ⓒ|\([cC]\)|copyright)\s*)+(?:\d{4}(?:\s*[-–—~]\s*\d{4})?)?\s*[-–—]?\s*"
    r"(?P<name>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9.]{1,19})",
    re.IGNORECASE,
)
_COPYRIGHT_OWNER = regexcache.compile(r"(?:^|[\s\u3000，,])(?P<name>[\u4e00-\u9fff]{2,12})(?:版权所有|版權所有)")
_NOT_OWNER = {"版权所有", "版權所有", "all", "copyright"}
_OWN_OUTLET = ("本报", "本報", "本网", "本網", "本台", "本刊", "本站")


def _site_name(name: str | None) -> str | None:
    """An outlet's plain name: ``中彰時報電子報`` -> ``中彰時報``; ``锦江晨报社`` -> ``锦江晨报``."""
    if not name:
        return None
    name = name.strip()
    if "－" in name or " - " in name:
        # "九州网－九州日报": the website, then the paper the story ran in (the origin)
        last = re.split(r"－| - ", name)[-1].strip()
        if is_site_name(last):
            name = last
    if _EDITION_SUFFIX.fullmatch(name):
        return None   # "数字报" alone names a kind of edition, not an outlet
    name = _EDITION_SUFFIX.sub("", name) or name
    name = _COMPANY_SUFFIX.sub("", name) or name   # 某某廣播電視股份有限公司: the outlet
    name = without_latin_brand(name)
    if name.endswith("社") and is_site_name(name[:-1]):
        name = name[:-1]
    return name or None


def copyright_owner(text: str) -> str | None:
    """The name in a copyright notice (``Copyright © 2025 鹏城科技网 All Rights Reserved``)."""
    for m in _COPYRIGHT_MARK.finditer(text):
        if m.group("name").lower() not in _NOT_OWNER and not m.group("name").isdigit():
            return _site_name(m.group("name"))
    owner = _COPYRIGHT_OWNER.search(text)
    return _site_name(owner.group("name")) if owner else None


def _strong_crumb(items: list[Item]) -> str | None:
    """The deepest channel of the first breadcrumb that is surely one (arrows, a label)."""
    for item in items:
        verdict = item.verdict
        if (item.fate == "breadcrumb" and verdict is not None and verdict.strong
                and verdict.value):
            return verdict.value
    return None


def _verdict_value(items: list[Item], rule: str, before: int | None = None) -> str | None:
    """The value (channel, site, account) named by the first line dropped under ``rule``."""
    for item in items[:before]:
        if item.fate != rule:
            continue
        verdict = item.verdict if item.verdict is not None else item.weak
        if verdict is not None and verdict.value:
            return verdict.value
    return None


_FOLLOW = regexcache.compile(r"^[+＋]?\s*(?:关注|關注|訂閱|订阅|追蹤|追踪|Follow|FOLLOW|follow)$")
_ACCOUNT = regexcache.compile(r"^[\u4e00-\u9fffA-Za-z0-9·_ ]{2,20}$")


def _account(plan: Plan) -> str | None:
    """An aggregator's author account: under the headline, a short name line, then the post's
    datetime, then a follow button (``关注`` / ``訂閱``)."""
    if plan.title is None:
        return None
    items = plan.items
    start = plan.title.at + 1
    for i in range(start, min(plan.body_start, start + 4)):
        item = items[i]
        if item.fate is None or not _ACCOUNT.match(item.text) or i + 2 >= len(items):
            continue
        if item.text.endswith(_ROLES):
            continue   # "竞点体育篮球记者": the writer's title (see _author_card), no account
        verdict = items[i + 1].verdict
        row = verdict.row if verdict is not None else None
        if row is None or not row.dates or row.sources or row.authors:
            continue
        if any(_FOLLOW.match(it.text) for it in items[i + 2:i + 4]):
            return item.text
    return None


# the last word of a writer's title printed under their name: "竞点体育篮球记者", "本刊主笔"
_ROLES = ("记者", "記者", "作者", "主笔", "主筆", "撰稿人", "特约撰稿", "特約撰稿", "评论员", "評論員", "编辑", "編輯",
          "分析師", "分析师", "專欄作家", "专栏作家", "作家", "教授", "律師", "律师", "醫師", "医师")


_SIGNATURE_END = regexcache.compile(
    r"[。！？!?」”][（(](?:(?:记者|記者|文|撰文)\s*[:：]?\s*)?"
    r"(?P<names>[\u4e00-\u9fff]{2,4}(?:[、，,\s][\u4e00-\u9fff]{2,4}){0,2})[）)]$")


def _signed_at_the_end(plan: Plan) -> list[str]:
    """The reporter's name in brackets closing the story (``……举行。（张巨峰）``)."""
    kept = plan.kept
    if not kept:
        return []
    m = _SIGNATURE_END.search(kept[-1].text[-24:])
    if m is None:
        return []
    names = [n for n in re.split(r"[、，,\s]", m.group("names")) if n]
    return names if all(_is_name(n) for n in names) else []


def _author_card(plan: Plan) -> str | None:
    """A writer's card under the headline: a name line, then the title line under it
    (``欧阳骁`` / ``竞点体育篮球记者``) or the writer's bio (``（作者為某大學教授）``)."""
    if plan.title is None:
        return None
    items = plan.items
    start = max((plan.title.at, *plan.title.copies)) + 1   # under the last copy of the headline
    stop = min(plan.body_start, start + 4)
    for i in range(start, stop):
        card = items[i]
        if card.fate is not None and ("｜" in card.text or "|" in card.text):
            # "區卓文｜恒匯證券首席分析師": the name and the title on one line
            name, _, role = (part.strip() for part in card.text.replace("|", "｜").partition("｜"))
            if _is_name(name) and _is_role(role):
                return name
        if i + 1 >= stop:
            break
        role_item = items[i + 1]
        role_row = role_item.verdict.row if role_item.verdict is not None else None
        if (card.fate is not None and role_item.fate is not None and _is_name(card.text)
                and (_is_role(role_item.text)
                     or role_item.fate == "author-bio"    # "許文瑞" / "（作者為某大學教授）"
                     # a blog's "蔡承翰" / "2025 年 1 月 12 日": a name over the post's date
                     or (role_row is not None and set(role_row.kinds) == {"date"}))):
            return card.text
    return None


def _is_name(text: str) -> bool:
    return 2 <= len(text) <= 4 and _CJK_NAME.match(text) is not None and has_surname(text)


def _is_role(text: str) -> bool:
    return len(text) <= 16 and text.endswith(_ROLES)


_CJK_NAME = regexcache.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _date(plan: Plan) -> str | None:
    head: list[tuple[int, int, str]] = []
    rest: list[tuple[int, int, str]] = []
    for i, item in enumerate(plan.items):
        row = item.verdict.row if item.verdict is not None else None
        if row is None or item.fate is None:
            continue
        for priority, iso in row.dates:
            (head if i < plan.body_start else rest).append((priority, i, iso))
    if plan.dateline is not None and plan.dateline.date:
        head.append((1, plan.body_start, plan.dateline.date))
    if plan.title is not None and plan.title.headline.date:
        head.append((1, plan.title.at, plan.title.headline.date))
    # the headline and its copies (a page dump prints it in its <title> line, then as <h1>)
    title_at = sorted((plan.title.at, *plan.title.copies)) if plan.title is not None else []

    def nearness(entry: tuple[int, int, str]) -> tuple[int, int, int]:
        # the label's priority first; then a row under a copy of the headline (the story's own
        # header), nearest first; then the rows above it, top first
        priority, i, _ = entry
        above = [i - at for at in title_at if at < i]
        return (priority, 0, min(above)) if above else (priority, 1, i)

    pool = sorted(head, key=nearness) if head else sorted(rest)
    if not pool:
        return None
    priority, at, best = pool[0]
    for other_priority, _, iso in pool:
        # the same day printed twice: the more precise copy ("as precise as the page says")
        if other_priority == priority and iso[:10] == best[:10] and len(iso) > len(best):
            best = iso
    if len(best) == 10:
        # a day, then its time alone on the next line ("香港時間15時45分"), or just above it
        for near in (at + 1, at - 1):
            if not 0 <= near < len(plan.items):
                continue
            verdict = plan.items[near].verdict
            if (verdict is not None and verdict.rule == "date" and verdict.row is None
                    and verdict.value):
                return f"{best}T{verdict.value}"
    return best


_SECTION_WORD = regexcache.compile(r"^[\u4e00-\u9fff]{2,6}$")
_MENU_SPLIT = regexcache.compile(r"[\s|｜丨·・•/／]+")


def _section_above_title(plan: Plan) -> str | None:
    """A channel word dropped right above the headline (``港聞`` under a menu printed one item
    per line, whose first item would otherwise win)."""
    if plan.title is None:
        return None
    for at in sorted((plan.title.at, *plan.title.copies), reverse=True):   # any copy of it
        if at == 0:
            continue
        item = plan.items[at - 1]
        verdict = item.verdict if item.verdict is not None else item.weak
        if item.fate == "category" and verdict is not None and verdict.value:
            return verdict.value
    return None


def _section_line(plan: Plan) -> str | None:
    """A dropped head line that is one word naming the page's section: a word of the page's own
    menu (``社區`` under ``首頁　社區　灣區…``), or the word right above the headline."""
    items = plan.items
    menu = {word for it in items[:plan.body_start] if it.fate == "navigation"
            for word in _MENU_SPLIT.split(it.text)}
    above = plan.title.at - 1 if plan.title is not None else -1
    found = None
    for i, item in enumerate(items[:plan.body_start]):
        if item.fate is None or item.fate == "title-duplicate":
            continue
        word = item.text.strip(" \t\u3000【】[]｜|")
        if _SECTION_WORD.match(word) and (word in menu or i == above):
            found = word
    return found


def _logo_line(plan: Plan, name: str) -> bool:
    """``name`` stands alone on a dropped line above the headline (the site's logo)."""
    if plan.title is None:
        return False
    return any(item.fate is not None and item.text.split(" ", 1)[0] == name
               for item in plan.items[:plan.title.at])


def build_meta(plan: Plan, rules_site: str | None = None) -> dict[str, Any]:
    """The ``meta`` dict: exactly :data:`META_KEYS`, None where the page does not say."""
    items = plan.items
    rows = [(i, it.verdict.row) for i, it in enumerate(items)
            if it.verdict is not None and it.verdict.row is not None and it.fate is not None]
    headline = plan.title.headline if plan.title is not None else None

    site = rules_site or _site_name(headline.site if headline else None)
    channel = headline.channel if headline is not None else None
    if site is None and channel is not None and _logo_line(plan, channel):
        # "標題 | 港潮01" with "港潮01" alone atop the page: the suffix names the site
        site, channel = channel, None
    if site is None:
        site = _site_name(_verdict_value(items, "site-name", before=plan.body_start))
    if site is None:
        site = next((name for it in items if it.fate == "copyright"
                     and (name := copyright_owner(it.text))), None)

    # an explicit 来源 line (or a repost card's "以下文章来源于X") wins wherever it stands;
    # else the first outlet a row names
    source = _site_name(next((s for _, row in rows for s in row.labelled_sources), None)
                        or _verdict_value(items, "wechat-card")
                        or next((s for _, row in rows for s in row.sources), None))
    if source is None:
        source = _account(plan)
    if source is None and plan.dateline is not None and plan.dateline.source:
        agency = plan.dateline.source
        # 【山城報訊】 on 山城日报's page names the publisher itself (short form, other script)
        # only a bare "<地名>報" is a short form; "<名>科技报" is a paper apart from "<名>科技网"
        short = agency.endswith(("报", "報")) and len(agency) == 3
        base = agency[:-1] if short else agency
        source = site if site and (agency in _OWN_OUTLET or site.startswith(base)) else agency
    if source is None:
        # the outlet in a byline ("封面新聞記者 X") when nothing better names the source
        source = next((o for _, row in rows for o in row.byline_outlets), None)
    if source is None:
        source = site

    authors: list[tuple[int, str]] = [(i, a) for i, row in rows for a in row.authors]
    if headline is not None and headline.byline:
        authors.append((plan.title.at if plan.title else 0, headline.byline))
    if not authors and (card := _author_card(plan)) is not None:
        authors.append((plan.title.at if plan.title else 0, card))
    if not authors:
        authors.extend((len(items), name) for name in _signed_at_the_end(plan))
    if plan.dateline is not None:
        authors.extend((plan.body_start, a) for a in plan.dateline.authors)
    author_list = list(dict.fromkeys(a for _, a in sorted(authors, key=lambda x: x[0])))
    editors = list(dict.fromkeys(e for _, row in rows for e in row.editors))
    views = next((row.views for _, row in rows if row.views is not None), None)

    # a trail with arrows or a "当前位置" label before a bare "A/B" pair ("欧元/人民币" in a rate box)
    category = _strong_crumb(items) or _verdict_value(items, "breadcrumb")
    if category is None:
        category = next((row.category for _, row in rows if row.category), None)
    if category is None:
        category = channel
    if category is None:
        # a lone section word above the story ("港聞") says more than the headline's story-kind
        # label ("直擊｜…")
        category = (_section_above_title(plan)
                    or _verdict_value(items, "category", before=plan.body_start) or _section_line(plan))
    if category is None and headline is not None:
        category = headline.label

    return {
        "title": headline.text if headline else None,
        "date": _date(plan),
        "source": source,
        "author": author_list or None,
        "category": category,
        "site": site,
        "editor": editors or None,
        "views": views,
    }
