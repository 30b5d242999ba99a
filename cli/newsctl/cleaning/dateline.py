"""Dateline and byline tags glued to the start of the first paragraph.

``新华社武汉3月2日电（记者 方立新、何佳）连接湖北……`` starts with a tag that is not part of the
story: it is cut off (the paragraph stays) and what it says goes to the metadata: the agency
(source), the reporters (author) and, when the tag has a full date (``【青山2025/03/02 18:42訊】``),
the date.  Only anchored shapes are accepted, so prose such as ``他3月2日电话联系……`` is left alone.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from newsctl.cleaning import lexicon
from newsctl.cleaning.dates import find_dates
from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.names import parse_names
from newsctl.text import regexcache

_OWN = ("本报", "本報", "本网", "本網", "本台", "本刊", "本站")
_OUTLET_END = r"(?:社|报|報|网|網|台|刊|新闻|新聞|频道|頻道|体育|體育|融媒|传媒|傳媒|媒体中心|媒體中心|资讯|資訊)"
_MONTH_DAY = r"(?:\d{1,2}月)?\d{1,2}日"
_TAG_OPENERS = frozenset("〔【[（(")
_TAG_HINT = regexcache.compile(r"[电電讯訊]|消息|^(?:本台|本報|本报)?(?:記者|记者)")
_TRAILING_DAY = regexcache.compile(r"\s*" + _MONTH_DAY + r"$")
_BY = r"(?:\s*[（(](?P<by>[^（）()]{1,60})[）)])?"


class Dateline(NamedTuple):
    """A tag cut from the start of a paragraph and what it says."""

    tag: str
    source: str | None = None        # agency or outlet (``本报`` etc. come back as None, own=True)
    own: bool = False                # the publisher's own tag: 本报讯, 【本報消息】
    authors: tuple[str, ...] = ()
    date: str | None = None


@functools.lru_cache(maxsize=1)
def _patterns() -> list[re.Pattern[str]]:
    agencies = lexicon.alternation(lexicon.words("agencies"))
    after = r"(?=[（(\s\u3000，,：:】]|$)"
    return [
        # 〔記者簡家豪／台北報導〕
        regexcache.compile(r"〔(?P<by>[^〔〕]{0,30}(?:記者|记者|報導|报道|報道|电|電|訊|讯)[^〔〕]{0,20})〕"),
        # 【維港時報專訊】 【青山2025/03/02 18:42訊】 【本報消息】 + optional (記者X／Y報導);
        # 【某某晚报讯】: the 报 of 报讯 belongs to the outlet's name (src 某某晚报)
        # (one character before 讯 is a story label, not an outlet: 【展讯】, 【简讯】)
        regexcache.compile(r"【(?P<src>[^【】]{2,40}?)(?:專訊|专讯|快訊|快讯|訊|讯|消息|電|电)】" + _BY),
        # [青山新聞]; [驰道汽车网 新车频道]: an outlet, maybe with its channel
        regexcache.compile(r"\[(?P<src>[^\[\]]{2,16}(?:新聞|新闻)|[^\[\]\s]{1,10}(?:网|網|报|報))"
                           r"(?:\s+[^\[\]\s]{2,8})?\]"),
        # 新华社武汉3月2日电（记者 X）; 中新网杭州4月8日电(记者 X)
        regexcache.compile(r"(?P<head>(?:" + agencies + r")[\u4e00-\u9fff]{0,8}?)\s*" + _MONTH_DAY
                   + r"\s*(?:电|電|讯|訊|消息)" + _BY),
        # ("据某某社3月2日消息，…" is the sentence's own attribution: it stays)
        regexcache.compile(r"(?P<head>(?![据據])[\u4e00-\u9fff]{1,10}?" + _OUTLET_END + r"[\u4e00-\u9fff]{0,8}?)\s*"
                   + _MONTH_DAY + r"\s*(?:电|電|讯|訊|消息)" + after + _BY),
        # （中央社記者邱文彥台中2日電） （中央社台北2日綜合外電報導）
        regexcache.compile(r"[（(](?P<inner>[^（）()]{2,40}?(?:" + _MONTH_DAY + r"\s*(?:電|电)"
                   r"|綜合外電報導|综合外电报道|外電報導|外电报道))[）)]"),
        # 本报讯（记者 X 通讯员 Y）; 本報訊; 锦江晨报消息，
        regexcache.compile(r"(?P<src>本报|本報|本网|本網|本台|本刊|[\u4e00-\u9fff]{2,10}?" + _OUTLET_END
                   + r")(?:讯|訊|消息|专讯|專訊|电|電)" + after + _BY),
        # a byline in brackets right after another tag: （記者林怡君／南投報導）
        regexcache.compile(r"[（(](?P<by>(?:本报|本報|本台)?(?:特派)?(?:记者|記者|通讯员|通訊員|特派员|特派員)"
                   r"[^（）()]{1,40})[）)]"),
        # （某某訊息服務20250312 10:00:00）: a press-release wire's header
        regexcache.compile(r"[（(](?P<src>[\u4e00-\u9fff]{2,12}?(?:訊息服務|讯息服务|新聞稿服務|新闻稿服务))"
                           r"\s*\d{8}\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?[）)]"),
        # （港灣台新聞） （某某日报）: an outlet's name alone in brackets
        regexcache.compile(r"[（(](?P<src>[\u4e00-\u9fff]{2,10}?(?:新聞|新闻|電視台|电视台|日報|日报|晚報|晚报|通訊社|通讯社))[）)]"),
        # （新加坡讯） （吉隆坡综合讯） （法新社巴黎电）: a place (or an agency) and 讯/电 only
        regexcache.compile(r"[（(](?P<place>[\u4e00-\u9fff]{2,12}?)(?:\d{1,2}日)?(?:综合|綜合)?"
                           r"(?:讯|訊|电|電)[）)]"),
        # 【康禾健康網／白郁庭報導】 【記者王小明／台北報導】
        regexcache.compile(r"【(?P<report>[^【】]{2,40}?)(?:報導|报道|報道)】"),
        # 記者何曉琳報道： a reporter's credit glued to the paragraph, ended by a colon
        regexcache.compile(r"(?:本台|本報|本报)?(?P<reporter>(?:記者|记者)[\u4e00-\u9fff·、]{2,12}?)"
                           r"(?:報道|報導|报道)[：:]"),
    ]


def _candidates(text: str) -> list[re.Pattern[str]]:
    """The patterns that can match at the start of ``text``, by its first character."""
    patterns = _patterns()
    first = text[:1]
    if first == "〔":
        return patterns[0:1]
    if first == "【":
        return [patterns[1], patterns[11]]
    if first == "[":
        return patterns[2:3]
    if first in "（(":
        return [patterns[5], patterns[7], patterns[8], patterns[9], patterns[10]]
    return [patterns[3], patterns[4], patterns[6], patterns[12]]


def _split_agency(head: str) -> str | None:
    """``新华社武汉`` -> ``新华社``: the longest known agency prefix, else up to an outlet ending."""
    for agency in sorted(lexicon.words("agencies"), key=len, reverse=True):
        if head.startswith(agency):
            return agency
    m = re.match(r"[\u4e00-\u9fff]{1,10}?" + _OUTLET_END, head)
    return m.group(0) if m else None


def _split_report(report: str) -> tuple[str | None, tuple[str, ...]]:
    """``康禾健康網／白郁庭`` -> (康禾健康網, (白郁庭,)); ``記者王小明／台北`` -> (None, (王小明,)).

    The part with 記者 is the byline; otherwise the first part is the outlet and the second the
    reporter, unless it is a place (``中時新聞網／台北報導``).
    """
    parts = [part.strip() for part in re.split(r"[／/∕]", report) if part.strip()]
    bylines = [part for part in parts if "記者" in part or "记者" in part]
    if bylines:
        return None, _names_from(bylines[0])
    if len(parts) != 2:
        return None, ()
    outlet, reporter = parts
    if reporter in lexicon.word_set("places"):
        return outlet, ()
    return outlet, tuple(parse_names(reporter) or ())


def _names_from(by: str) -> tuple[str, ...]:
    """Reporter names in a tag's byline part (``记者 方立新、何佳``, ``記者林怡君／南投報導``)."""
    row = parse_row(by.strip())
    if row is not None:
        return row.authors
    names = parse_names(by)
    return tuple(names or ())


def _inner_names(inner: str) -> tuple[str, ...]:
    """``中央社記者邱文彥台中2日電`` -> (邱文彥,): names between 記者 and the place."""
    m = re.search(r"(?:記者|记者)(?P<rest>[^\d]{2,40}?)(?:" + _MONTH_DAY + r")", inner)
    if not m:
        return ()
    names: list[str] = []
    places = sorted(lexicon.words("places"), key=len, reverse=True)
    for part in re.split(r"[、，,\s]+", m.group("rest")):
        for place in places:
            if part.endswith(place) and len(part) > len(place):
                part = part[: -len(place)]
                break
        else:
            part = part[:3] if len(part) >= 5 else part
        found = parse_names(part)
        if found:
            names.extend(found)
    return tuple(names)


def cut_dateline(text: str) -> tuple[str, Dateline | None]:
    """Cut every dateline/byline tag at the start of ``text``; return the rest and what they said.

    >>> cut_dateline("本报讯（记者 唐思远）记者昨日获悉……")[0]
    '记者昨日获悉……'
    """
    if len(text) < 3 or (text[0] not in _TAG_OPENERS and not _TAG_HINT.search(text, 0, 24)):
        return text, None   # every tag opens with a bracket or has 电/讯/消息 near the start
    cut = ""
    source: str | None = None
    own = False
    authors: list[str] = []
    date: str | None = None
    for _ in range(4):  # a tag may be followed by a second one (【台名…訊】（記者…）)
        m = next((m for p in _candidates(text) if (m := p.match(text))), None)
        if m is None:
            break
        groups = m.groupdict()
        src = groups.get("src") or (groups.get("head") and _split_agency(groups["head"]))
        if groups.get("inner"):
            src = _split_agency(groups["inner"])
            authors.extend(_inner_names(groups["inner"]))
        if groups.get("place"):
            src = _split_agency(groups["place"])
            own = own or src is None   # a place alone: the publisher's own report
        if groups.get("reporter"):
            names = _names_from(groups["reporter"])
            if not names:
                break   # "記者調查報道：" is prose, not a credit
            authors.extend(names)
        if groups.get("report"):
            src, by = _split_report(groups["report"])
            authors.extend(by)
        if src:
            dates = find_dates(src)
            if dates:
                date = date or dates[0].iso
                src = src[: dates[0].start].strip()
            src = _TRAILING_DAY.sub("", src)   # 【濠江電視9月18日訊】: the outlet, not its date
            if src in _OWN:
                own = True
            elif src and source is None:
                source = src
        if groups.get("by"):
            authors.extend(_names_from(groups["by"]))
        cut += m.group(0)
        text = text[m.end():]
        stripped = text.lstrip(" \t\u3000，,：:")
        cut += text[: len(text) - len(stripped)]
        text = stripped
    if not cut:
        return text, None
    unique = tuple(dict.fromkeys(authors))
    return text, Dateline(cut.strip(), source, own, unique, date)
