"""What a metadata row says (:class:`Row`, built field by field with :class:`RowBuilder`), and
the vocabulary that labelled rows (:mod:`.fields`) and unlabelled ones (:mod:`.tokenrows`) share:
the label words of every field kind, view counts, outlets' names, places.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from newsctl.cleaning import lexicon
from newsctl.text import regexcache

# no field value, date or filler holds a sentence stop: a line with one is prose, not a row
SENTENCE_STOP = regexcache.compile(r"[。！？!?]")
# a run of Chinese characters (an outlet's or a place's name)
CJK_RUN = regexcache.compile(r"[\u4e00-\u9fff]+")


# Label kinds whose names (or values) a row yields; "credit" is consumed but never reported.
NAME_KINDS = ("author", "credit", "editor")
DATE_KINDS = {"date_publish": 0, "date_plain": 1, "date_update": 2}
_ROW_KINDS = (NAME_KINDS + ("source", "source_note", "category", "keywords", "field")
              + tuple(DATE_KINDS))


class Row(NamedTuple):
    """What a metadata row says.  ``kinds`` lists its field kinds in order of appearance."""

    kinds: tuple[str, ...]
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    dates: tuple[tuple[int, str], ...] = ()   # (priority: 0 publish, 1 plain, 2 update; ISO)
    views: int | None = None
    category: str | None = None
    # the sources a label named (来源：X), as against outlets inferred from where a name stands
    labelled_sources: tuple[str, ...] = ()
    # the outlet glued to a reporter's label ("封面新聞記者 X"): the source when nothing else says
    byline_outlets: tuple[str, ...] = ()

    @property
    def rule(self) -> str:
        """The rule id a dropped row is reported under (its first field decides)."""
        first = self.kinds[0]
        if first in ("author", "credit"):
            return "byline"
        if first in DATE_KINDS or first == "date":
            return "date"
        if first == "source_note":
            return "source"
        return {"reading": "reading-time", "field": "metadata"}.get(first, first)


class RowBuilder:
    """A row being read, field by field (a plain class: cheap to define at import)."""

    __slots__ = (
        "authors",
        "category",
        "dates",
        "editors",
        "kinds",
        "labelled_sources",
        "sources",
        "views",
    )

    def __init__(self) -> None:
        self.kinds: list[str] = []
        self.authors: list[str] = []
        self.editors: list[str] = []
        self.sources: list[str] = []
        self.dates: list[tuple[int, str]] = []
        self.views: int | None = None
        self.category: str | None = None
        self.labelled_sources: list[str] = []

    def build(self) -> Row:
        return Row(tuple(self.kinds), tuple(self.authors), tuple(self.editors),
                   tuple(self.sources), tuple(self.dates), self.views, self.category,
                   tuple(self.labelled_sources))


@functools.lru_cache(maxsize=1)
def label_index() -> dict[str, str]:
    """Label word -> kind, over every row kind in ``labels.toml``."""
    index: dict[str, str] = {}
    table = lexicon.labels()
    for kind in _ROW_KINDS:
        for word in table.get(kind, ()):
            index.setdefault(word, kind)
    return index


def parse_views(num: str, unit: str | None) -> int | None:
    """``("3.2", "万")`` -> 32000; ``("1,236", None)`` -> 1236."""
    try:
        value = float(num.replace(",", "").replace("，", ""))
    except ValueError:
        return None
    scale = {"万": 10_000, "萬": 10_000, "w": 10_000, "W": 10_000, "k": 1000, "K": 1000, "千": 1000}
    return int(round(value * scale.get(unit or "", 1)))


def is_place(text: str) -> bool:
    """A lone place name (a province, a city) after a date, maybe after a dot or a label."""
    bare = text.strip(" \t\u3000·・•|｜丨-–—")
    for label in ("IP属地", "IP屬地", "发布于", "發佈於", "發布於", "发表于", "發表於"):
        if bare.startswith(label):
            # the label says what follows is a place, known or not
            bare = bare[len(label):].lstrip("：: ")
            return 2 <= len(bare) <= 6 and CJK_RUN.fullmatch(bare) is not None
    return bare in lexicon.word_set("places")


def looks_like_outlet(name: str) -> bool:
    """An outlet's own name: a known agency or a word ending like 日报/网/社/电视台."""
    if name in lexicon.word_set("agencies"):
        return True
    return any(name.endswith(s) and len(name) > len(s) for s in lexicon.words("site_suffixes"))
