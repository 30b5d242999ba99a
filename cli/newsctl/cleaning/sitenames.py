"""Names of outlets and channels: ``东方财讯网``, ``知島誌``, ``财经``, ``國內新聞``, ``某市人民政府``.

Asked of title suffixes, logo lines, breadcrumb items and metadata values alike.
"""

from __future__ import annotations

import functools

from newsctl.cleaning import lexicon
from newsctl.text import regexcache

# a stop or a clause mark: never in a site's name, a title suffix or a title's tail
SENTENCE_MARKS = regexcache.compile(r"[。！？!?，,；;]")
# an outlet's name: 东方财讯网, 中彰時報電子報, 山城電視台新聞 (a CJK name has no spaces)
_NAME_MAX = 12
SPACE = regexcache.compile(r"[\s\u3000]")
# a publishing body's name: 某市某区人民政府, 某某委员会, 某某研究院
ORGANISATION = regexcache.compile(r"(?:政府|委员会|委員會|办公室|辦公室|局|厅|廳|院|中心|协会|協會|大学|大學)$")

def is_channel(segment: str) -> bool:
    """A channel name: ``财经``, ``國內新聞``, ``体育频道`` (a common section word, maybe + 新闻/频道)."""
    words = lexicon.word_set("category_words")
    if segment in words:
        return True
    for tail in ("频道", "頻道", "新闻", "新聞", "版"):
        if segment.endswith(tail) and segment[: -len(tail)] in words:
            return True
    return False


def without_latin_brand(name: str) -> str:
    """``位元筆記 BitNotes`` -> ``位元筆記``: an outlet's name without the Latin brand after it."""
    if " " in name and not name.isascii():
        first, rest = name.split(" ", 1)
        if rest.isascii():
            return first
    return name


def is_site_name(segment: str, extra: tuple[str, ...] = ()) -> bool:
    """``东方财讯网``, ``青山新聞``, ``知島誌``, ``example.com``: shaped like an outlet's name."""
    if segment in extra:
        return True
    if not segment or len(segment) > _NAME_MAX or SENTENCE_MARKS.search(segment):
        return False
    if SPACE.search(segment) and not segment.isascii():
        return False
    ending = _site_ending(segment)
    # a one-character ending (网, 報, 台, 刊) makes a name only of a short word: "观景平台" is no outlet
    return ending > 0 and (ending > 1 or len(segment) <= 6)


@functools.lru_cache(maxsize=1)
def _site_endings() -> tuple[frozenset[str], tuple[int, ...]]:
    endings = lexicon.word_set("site_suffixes")
    return endings, tuple(sorted({len(e) for e in endings}, reverse=True))


def _site_ending(segment: str) -> int:
    """Length of the longest outlet-name ending after at least one more character (``网``
    alone is not a name), or 0.  A set lookup per length: cheaper than a regex over the line."""
    endings, lengths = _site_endings()
    for n in lengths:
        if n < len(segment) and segment[-n:] in endings:
            return n
    return 0
