"""Metadata rows: short lines made only of labelled fields, dates and counters.

``来源：皖江商报  作者：admin  点击：1634次  发布时间：2025-03-03 08:47`` is such a row; so are
``记者 周明远``, ``值班編委/林志遠 本版編輯/蔡淑芬``, ``2025年3月2日 星期日`` and ``阅读 (3.2万)``.
A line is a row only when *every* part of it is accounted for: a label at the start of a token
followed by a value of the right shape (names for bylines, a date for date labels, a number
for counters), a bare date, or filler (separators, weekdays, widget words).  That is what keeps
prose that merely starts with a label word (``记者在现场看到，……``, ``来源于国内两家供应商``) out.

This module reads labelled rows; the :class:`~.rows.Row` type is in :mod:`.rows`, a field's value
in :mod:`.fieldvalues`, rows without labels in :mod:`.tokenrows`.
"""

from __future__ import annotations

import functools
import re
from typing import cast

from newsctl.cleaning import lexicon
from newsctl.cleaning.dates import MAYBE_DATE, find_dates
from newsctl.cleaning.fieldvalues import CLOSE_BRACKETS, OPEN_BRACKETS, finish_field, is_filler
from newsctl.cleaning.limits import CHROME_LINE_MAX
from newsctl.cleaning.names import has_surname
from newsctl.cleaning.rows import (
    CJK_RUN,
    DATE_KINDS,
    SENTENCE_STOP,
    Row,
    RowBuilder,
    is_place,
    label_index,
    looks_like_outlet,
    parse_views,
)
from newsctl.text import regexcache

# Labels that are followed directly by a name (记者张三); every other label needs a separator,
# so 来源于… / 作者是… / 文化局… never open a field.
_GLUED = ("记者", "記者", "通讯员", "通訊員", "特派员", "特派員", "摄影", "攝影", "编译", "編譯", "☉", "◎")
_SEP = r"[：:／/∕|｜丨︱]"
_TOKEN_STARTS = frozenset(" \t\u3000\u00a0" + OPEN_BRACKETS + "|｜丨/／∕・·•‧∙,，;；■□◆◇●○★☆▶►")


# decoration and short bracketed widget words before a row's first field: "【纠错】 【责任编辑"
_LEAD = regexcache.compile(r"(?:【[^【】：:]{1,6}】|[\s【\[（(〔［「|｜丨・·•‧∙■□◆◇●○★☆▶►])*")
_LEAD_FIRST = frozenset("【[（(〔［「|｜丨・·•‧∙■□◆◇●○★☆▶►")   # with whitespace: what _LEAD can start with


@functools.lru_cache(maxsize=1)
def _label_seps() -> dict[str, re.Pattern[str]]:
    """Label word -> what must follow it for the word to open a field."""
    sep = r"\s*" + _SEP + r"\s*|\s+"
    shapes = {
        "plain": regexcache.compile(sep),
        "glued": regexcache.compile(sep + r"|(?=[\u4e00-\u9fff])"),      # 记者张三
        "dated": regexcache.compile(sep + r"|(?=\d)"),                    # 发布时间2025-03-02
        "single": regexcache.compile(r"\s*" + _SEP + r"\s*|\s+(?=[\u4e00-\u9fff]{2,4}(?:\s|$))"),  # 文/张三
    }
    out: dict[str, re.Pattern[str]] = {}
    for word, kind in label_index().items():
        if word.endswith(_GLUED):
            out[word] = shapes["glued"]
        elif kind in DATE_KINDS:
            out[word] = shapes["dated"]
        elif len(word) == 1:
            out[word] = shapes["single"]
        else:
            out[word] = shapes["plain"]
    return out


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = lexicon.labels()
    views_words = lexicon.alternation(table["views"])
    number = r"(?P<num>\d[\d,，]*(?:\.\d+)?)\s*(?P<unit>万|萬|[wWkK千])?\+?"
    openers = tuple(label_index()) + table["views"] + ("全文", "预计", "預計")
    return {
        # what a row's first real token starts with: a label, a counter word or a number
        "opener": regexcache.compile(r"(?:" + lexicon.alternation(openers) + r"|[0-9０-９])"),
        "label": regexcache.compile(lexicon.alternation(tuple(label_index()))),
        # (one trie with the counter words: no word starts like 看过, and a pattern that opens
        # with one set of first characters lets re skip to them)
        "views_word": regexcache.compile(lexicon.alternation((*table["views"], "看过", "看過"))),
        # "点击: 1634次" / "阅读 (3.2万)", tried where a counter word stands ...
        "views": regexcache.compile(
            r"(?:" + views_words + r")\s*(?:次数|次數|人次|人数|人數|数|數)?\s*[：:]?\s*[（(]?\s*" + number
            + r"\s*[）)]?\s*(?:次|人次|人)?"
        ),
        # a comment counter in a row: "评论(126)", "留言 12" (consumed: it is no view count)
        "comments": regexcache.compile(r"(?:评论|評論|留言|跟帖)\s*[（(]?\s*\d[\d,]*\s*[)）]?(?:\s*条|\s*則)?"
                               r"(?=$|[\s|｜丨])"),
        "views_empty": regexcache.compile(r"(?:" + views_words + r")\s*[：:]\s*(?=$|[\s|｜丨])"),
        # ... and "3.2万阅读" / "8842人看过", a number before the word
        "views_after": regexcache.compile(
            number + r"\s*(?:次|人次|人)?\s*(?:" + views_words + r"|看过|看過)"
        ),
        "reading": regexcache.compile(
            r"全文(?:共|约|約)?\s*\d[\d,]*\s*字|(?<![\d.])\d[\d,]*\s*字(?=\s|$|[，,・·|])"
            r"|(?:预计|預計)?(?:阅读|閱讀)(?:时间|時間|时长|時長)?(?:大约|大約|约|約)?(?:需要|需)?"
            r"\s*[：:]?\s*\d+\s*(?:分钟|分鐘|min)"
            r"|\d+\s*(?:min read|mins read|minute read|分钟读完|分鐘讀完)"
        ),
        "edition": regexcache.compile(r"(?:第\s*)?[A-Z]?\d{1,3}\s*版(?:\s*[：:]\s*(?P<name>[^\s，。：:|｜]{1,8}))?"
                              r"(?=[\s|｜丨]|$)"),
        "outlet": regexcache.compile(r"^[\u4e00-\u9fffA-Za-z]{2,12}$"),
        "outlet_byline": regexcache.compile(
            r"[\u4e00-\u9fff]{1,8}?(?:社|报|報|网|網|台|新闻|新聞)(?=(?:摄影|攝影)?(?:记者|記者))"
            # any name glued to 记者 when a space then sets the reporter's name apart
            # ("某某周刊记者 王小明"), unless it is a role ("特约记者 X")
            r"|(?![\u4e00-\u9fff]*(?:特派|特约|特約|实习|實習|见习|見習|首席|驻站|駐站|本报|本報|本台|本网|本網|本刊|本站)"
            r"(?:记者|記者))[\u4e00-\u9fff]{2,8}?(?=(?:记者|記者)[\s\u3000])"
        ),
    }


@functools.lru_cache(maxsize=1)
def _opener_firsts() -> frozenset[str]:
    """First characters of every row opener: one set lookup rules most lines out."""
    table = lexicon.labels()
    openers = tuple(label_index()) + table["views"] + ("全文", "预计", "預計")
    return frozenset(w[0] for w in openers) | frozenset("0123456789０１２３４５６７８９")


def parse_row(text: str) -> Row | None:
    """The fields of ``text`` when the whole line is a metadata row, else None.

    >>> parse_row("记者 方立新、何佳").authors
    ('方立新', '何佳')
    >>> parse_row("记者在现场看到，列车很新。") is None
    True
    """
    if len(text) > CHROME_LINE_MAX or not text or SENTENCE_STOP.search(text):
        return None   # no field value, date or filler holds a sentence stop: prose, not a row
    p = _patterns()
    if not _may_be_row(text, p):
        return None
    glued = p["outlet_byline"].match(text)
    outlet = ""
    if glued:
        # "<報名>記者 <名>": the outlet sits glued to the label, where no token starts
        outlet = glued.group(0)
        text = text[glued.end():]
    spans: list[tuple[int, int, str, object]] = []
    seps = _label_seps()
    for m in p["label"].finditer(text):
        # a label opens a field only at a token start and with the separator its kind needs
        start = m.start()
        if start and text[start - 1] not in _TOKEN_STARTS:
            continue
        after = seps[m.group(0)].match(text, m.end())
        if after is not None:
            # glued: no separator between the label and its value ("記者施文龍")
            spans.append((start, after.end(), "label", (m.group(0), after.end() == m.end())))
    for d in find_dates(text):
        spans.append((d.start, d.end, "date", d.iso))
    for word in p["views_word"].finditer(text):
        counter = p["views"].match(text, word.start())
        if counter is None and word.start():
            counter = p["views_after"].search(text, max(0, word.start() - 16), word.end())
        if counter is not None:
            views = parse_views(counter.group("num"), counter.group("unit"))
            spans.append((counter.start(), counter.end(), "views", views))
        elif (empty := p["views_empty"].match(text, word.start())) is not None:
            # "点击：" left empty (the count is filled in by a script): a field, not a name
            spans.append((empty.start(), empty.end(), "views", None))
    if "评" in text or "評" in text or "留" in text or "跟" in text:
        for m in p["comments"].finditer(text):
            if not m.start() or text[m.start() - 1] in _TOKEN_STARTS:
                spans.append((m.start(), m.end(), "comments", None))
    if "版" in text:
        # an e-paper page label: "第A05版：城事" (its name is the category)
        for m in p["edition"].finditer(text):
            if not m.start() or text[m.start() - 1] in _TOKEN_STARTS:
                spans.append((m.start(), m.end(), "edition", m.group("name")))
    if "字" in text or "分钟" in text or "分鐘" in text or " min" in text:
        for m in p["reading"].finditer(text):
            spans.append((m.start(), m.end(), "reading", None))
    if not spans:
        return None
    spans.sort(key=lambda s: (s[0], -s[1]))
    kept: list[tuple[int, int, str, object]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue  # overlaps an earlier field (a label word inside a date or counter)
        kept.append(span)
    row = _assemble(text, kept)
    if row is not None and outlet and not outlet.startswith(_OWN_OUTLET_WORDS):
        row = row._replace(byline_outlets=(outlet,))
    return row


# "本报记者": the page's own outlet, named elsewhere (the site)
_OWN_OUTLET_WORDS = ("本报", "本報", "本网", "本網", "本台", "本刊", "本站")


def _may_be_row(text: str, p: dict[str, re.Pattern[str]]) -> bool:
    """Cheap test before the real parse: a field must open near the start of the line, or the
    line must hold a date or a reporter (``<媒体> <日期>``, ``<報名>記者 <名>``)."""
    if text[0] in _LEAD_FIRST or text[0].isspace():
        lead = _LEAD.match(text)
        at = lead.end() if lead else 0
    else:
        at = 0   # no decoration to skip: the common case, without a regex call
    if text[at:at + 1] in _opener_firsts() and p["opener"].match(text, at):
        return True
    return "记者" in text or "記者" in text or MAYBE_DATE.search(text) is not None   # has_date


def _assemble(text: str, spans: list[tuple[int, int, str, object]]) -> Row | None:
    row = RowBuilder()
    index = label_index()
    prefix = text[: spans[0][0]]
    if not is_filler(prefix):
        # "<報名>記者 <名>" and "<媒体> <日期>": an outlet name may lead the row.
        outlet = prefix.strip(" \t\u3000" + OPEN_BRACKETS)
        glued_label = spans[0][2] == "label" and index[_word(spans[0][3])] == "author"
        starts_well = glued_label or spans[0][2] == "date"
        accounts = _accounts(outlet) if spans[0][2] == "date" and "T" in str(spans[0][3]) else None
        if accounts:
            # a post header "<作者> <账号> 2025-04-06 07:30 <省份>": the last name is the account
            outlet = accounts[-1]
        elif not _patterns()["outlet"].fullmatch(outlet) or not starts_well or spans[0][2] == "date" and not looks_like_outlet(outlet):
            return None
        if spans[0][2] == "date":
            if accounts and len(accounts) == 1 and 2 <= len(outlet) <= 3 and has_surname(outlet):
                row.authors.append(outlet)   # "韓子謙 · 2025年3月2日 下午3:05": a writer's byline
                row.kinds.append("author")
            else:
                row.sources.append(outlet)
                row.kinds.append("source")
    pending: tuple[str, str, bool] | None = None   # (kind, label, glued) waiting for its value
    cursor = spans[0][0]
    for start, end, kind, payload in spans:
        gap = text[cursor:start]
        if pending is not None:
            if not finish_field(pending, gap, row, date_follows=kind == "date"):
                return None
            if kind == "date" and pending[0] in DATE_KINDS and (
                    not gap.strip(" \t\u3000:：") or is_filler(gap)):   # "Published: Tue, 18 Mar…"
                row.dates.append((DATE_KINDS[pending[0]], str(payload)))
                pending, cursor = None, end
                continue
            pending = None
        elif not is_filler(gap):
            # a name between the date and a labelled field ("2025-04-26 21:58  飞扬体育  记者 | X")
            # is an outlet even without an outlet-like ending: a field follows it
            between = _outlet_between(gap, row, sandwiched=kind == "label")
            if between is None:
                return None
            row.sources.append(between)   # "2025年03月02日 14:37　中央社　人氣（5872）"
            row.kinds.append("source")
        if kind == "label":
            label, glued = cast("tuple[str, bool]", payload)
            pending = (index[label], label, glued)
            row.kinds.append(index[label])
        elif kind == "date":
            row.dates.append((DATE_KINDS["date_plain"], str(payload)))
            row.kinds.append("date")
        elif kind == "edition":
            row.category = row.category or (str(payload) if payload else None)
            row.kinds.append("category")
        elif kind == "views":
            if row.views is None and isinstance(payload, int):
                row.views = payload
            row.kinds.append("views")
        elif kind == "comments":
            row.kinds.append("comments")
        else:
            row.kinds.append("reading")
        cursor = end
    tail = text[cursor:]
    if pending is not None:
        return row.build() if finish_field(pending, tail, row, date_follows=False) else None
    if kind == "date" and (is_place(tail) or _is_post_header_tail(tail)):
        return row.build()   # "2025-04-10 21:03 · 广东": where the post was sent from
    if not is_filler(tail):
        after = _outlet_between(tail, row)
        if after is None:
            return None
        row.sources.append(after)
        row.kinds.append("source")
    return row.build()


def _outlet_between(gap: str, row: RowBuilder, sandwiched: bool = False) -> str | None:
    """An outlet's name standing alone after a date (``2025-03-02 14:37　中央社``), else None.

    Its name must end like an outlet's (日报, 网, 社...), unless a labelled field follows
    (``sandwiched``): then any short Chinese name that is not a person's will do."""
    if not row.dates or row.sources:
        return None
    name = gap.strip(" \t\u3000" + OPEN_BRACKETS + CLOSE_BRACKETS + "|｜丨/／・·•‧∙,，;；")
    if not name or not _patterns()["outlet"].fullmatch(name):
        return None
    if not looks_like_outlet(name) and not (
            sandwiched and CJK_RUN.fullmatch(name) and 4 <= len(name) <= 8):
        return None
    channels = lexicon.word_set("category_words")
    if name in channels or name.removesuffix("新闻").removesuffix("新聞") in channels:
        return None   # "2025-03-02 政治新聞": a channel, not an outlet
    return name



_HEADER_TOKENS = regexcache.compile(r"[·・•|｜丨\s\u3000]+")
_ACCOUNT_KIND = regexcache.compile(r"^[\u4e00-\u9fffA-Za-z]{0,6}(?:创作者|創作者|作者|号|號|博主|官方账号|官方帳號)$")
_FOLLOW_TOKENS = frozenset({"+关注", "＋关注", "关注", "+關注", "＋關注", "關注", "+订阅", "订阅", "訂閱"})


def _is_post_header_tail(text: str) -> bool:
    """After a post's datetime: where it was sent from, the account's kind and a follow button
    (``· 发布于江东 · 百闻号创作者　+关注``), nothing else."""
    tokens = [t for t in _HEADER_TOKENS.split(text) if t]
    return bool(tokens) and all(
        is_place(t) or _ACCOUNT_KIND.match(t) or t in _FOLLOW_TOKENS for t in tokens)


def _accounts(prefix: str) -> list[str] | None:
    """One to three space-separated account names before a post's datetime, else None."""
    tokens = prefix.strip(" \t\u3000·・•|｜丨").split()
    if not 1 <= len(tokens) <= 3:
        return None
    pattern = _patterns()["outlet"]
    return tokens if all(pattern.fullmatch(t) for t in tokens) else None


def _word(payload: object) -> str:
    return payload[0] if isinstance(payload, tuple) else str(payload)
