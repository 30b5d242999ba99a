"""The lines of a page on their way through the cleaner, and the decisions taken on them.

:class:`Item` is one line (its text, what rules said of it, its fate once dropped, what it
weighed for the main block); :class:`Plan` holds every item and the page-level decisions
(headline, dateline, body bounds, cuts inside lines).  Shared by :mod:`.blocks` (the passes)
and :mod:`.story` (the main block).

A pass never writes an item's verdict, fate or text itself: it tells the plan's
:class:`Ledger` (``decide.drop(item, "data-box", "5 short lines in a row")``), which makes the
change at once, so the pass and the ones after it see it, and, when asked to (``--explain``),
notes which pass decided and on what evidence.  A line's fate that comes from its verdict (a
share row dropped because a rule named it) is credited to the pass that gave the verdict.
"""

from __future__ import annotations

from newsctl.cleaning.dateline import Dateline
from newsctl.cleaning.mainblock import Block, cjk_weight, cjk_weights
from newsctl.cleaning.prose import is_list_item, is_prose, is_signature
from newsctl.cleaning.rules import weak_verdict
from newsctl.cleaning.title import TitleChoice
from newsctl.cleaning.verdicts import Verdict

UNSET = Verdict("", False)


class Item:
    """A line on its way through the cleaner (a plain slotted class: cheap to define at import)."""

    __slots__ = (
        "_shape",
        "_weak",
        "after_image",
        "because",
        "before_cut",
        "claim",
        "decided_by",
        "fate",
        "keep",
        "no",
        "text",
        "verdict",
        "weight",
    )

    def __init__(self, no: int, text: str, after_image: bool = False, keep: bool = False,
                 verdict: Verdict | None = None, fate: str | None = None) -> None:
        self.no = no
        self.text = text
        self.after_image = after_image
        self.keep = keep                   # a keep pattern matched: never dropped
        self.verdict = verdict             # strong verdict
        self.fate = fate                   # rule id once dropped
        self._weak: Verdict | None = UNSET
        self.before_cut: str | None = None   # the text before a dateline tag was cut off
        self._shape: tuple[bool, bool, bool, int] | None = None
        self.weight = 0.0   # its score when the main block was last weighed
        self.claim: str | None = None   # what the page's markup says it is (a rule id)
        self.decided_by: str | None = None   # with --explain: the pass that decided its fate
        self.because = ""                    # ... and on what evidence

    def __repr__(self) -> str:
        return f"Item({self.no!r}, {self.text!r}, verdict={self.verdict!r}, fate={self.fate!r})"

    @property
    def weak(self) -> Verdict | None:
        """The weak verdict, computed on first use (only head and tail lines need it)."""
        if self._weak is UNSET:
            self._weak = weak_verdict(self.text)
        return self._weak

    def judge_weak(self, verdict: Verdict | None) -> None:
        """A weak verdict from outside the built-in rules (a site's ``--rules``; None: a pass
        found the line is the story's), in their stead until the text changes."""
        self._weak = verdict

    def set_text(self, text: str) -> None:
        """Change the text (a tag or credit cut off): what was judged on it is judged again."""
        self.text = text
        self._weak = UNSET
        self._shape = None

    @property
    def shape(self) -> tuple[bool, bool, bool, int]:
        """(prose, a list item or an issuer's name, an issuer's name, CJK weight), computed once:
        the main block is weighed up to three times per page."""
        if self._shape is None:
            text = self.text
            self._shape = _prose_shape(cjk_weight(text)) if is_prose(text) else _plain_shape(text)
        return self._shape

    def text_before_cut(self) -> str:
        return self.before_cut if self.before_cut is not None else self.text


def _prose_shape(cjk: int) -> tuple[bool, bool, bool, int]:
    return (True, False, False, cjk)   # what counts for prose is its length


def _plain_shape(text: str) -> tuple[bool, bool, bool, int]:
    signature = is_signature(text)   # for the rest, its kind
    return (False, signature or is_list_item(text), signature, 0)


def shape_all(items: list[Item]) -> None:
    """:attr:`Item.shape` of every item not shaped yet, the prose lines' CJK weights counted
    together (:func:`.mainblock.cjk_weights`): the main block asks every line's shape."""
    prose: list[Item] = []
    for item in items:
        if item._shape is None:
            if is_prose(item.text):
                prose.append(item)
            else:
                item._shape = _plain_shape(item.text)
    for item, cjk in zip(prose, cjk_weights([item.text for item in prose])):
        item._shape = _prose_shape(cjk)


class Plan:
    """The decisions: each item's fate, the headline, the dateline, and cuts inside lines."""

    __slots__ = ("block", "body_start", "cuts", "dateline", "dateline_at", "decide", "items",
                 "story_lines", "tail_start", "title", "title_item")

    def __init__(self, items: list[Item], decide: Ledger | None = None) -> None:
        self.items = items
        self.decide = decide if decide is not None else Ledger()   # the passes decide through it
        self.block = Block(0, len(items), 0.0)   # the story's dense run (the main-block pass)
        self.dateline_at: int | None = None   # the item whose dateline tag was cut
        self.title: TitleChoice | None = None
        self.title_item: Item | None = None
        self.dateline: Dateline | None = None
        self.body_start = 0
        self.tail_start = 0
        self.cuts: list[tuple[int, str, str]] = []   # (line, text, rule)
        self.story_lines: tuple[int, int] | None = None   # first and last line of the kept story

    @property
    def kept(self) -> list[Item]:
        return [it for it in self.items if it.fate is None and it is not self.title_item]


def is_paragraph(text: str) -> bool:
    """A line that can open the body: prose that ends with a full stop, or long prose.

    A short question or exclamation (a headline such as ``……誰來接棒？``) cannot, so the
    headline is found above the body both on the page and on its cleaned text.
    """
    return is_prose(text) and (text.endswith("。") or len(text) >= 40)


class Ledger:
    """The one way a pass changes a line; ``record``: keep who decided and why (what
    ``--explain`` prints), else the notes cost one test per change."""

    __slots__ = ("_verdict_by", "record", "step")

    def __init__(self, record: bool = False) -> None:
        self.record = record
        self.step = ""   # the pass at work (set by the passes' driver)
        self._verdict_by: dict[int, tuple[str, str]] = {}   # id(item) -> who gave its verdict

    def claim(self, item: Item, verdict: Verdict | None, why: str = "") -> None:
        """Give the line a strong verdict (None: take it back: the line is the story's)."""
        if self.record and verdict is not item.verdict:
            self._verdict_by[id(item)] = (self.step, why)
        item.verdict = verdict

    def drop(self, item: Item, rule: str, why: str = "") -> None:
        """Drop the line as ``rule``, unless a keep pattern holds it or its fate is decided."""
        if not item.keep and item.fate is None:
            self._fate(item, rule, why)

    def overrule(self, item: Item, rule: str, why: str = "") -> None:
        """Drop the line as ``rule`` whatever was decided before (the story's run, settled
        again, leaves it out)."""
        if item.fate != rule:
            self._fate(item, rule, why)

    def retext(self, item: Item, text: str) -> None:
        """The line's text changes (a tag or credit cut off): it is judged again on it."""
        item.set_text(text)

    def cut_tag(self, item: Item, rest: str) -> None:
        """A dateline tag is cut off the line's start: ``rest`` is left, the text before the
        cut is kept (:meth:`restore` gives it back)."""
        item.before_cut = item.text
        item.set_text(rest)

    def restore(self, item: Item, forget: bool = True) -> None:
        """The line gets back its text from before its tag was cut (``forget``: and no longer
        counts as a line that had one)."""
        item.set_text(item.text_before_cut())
        if forget:
            item.before_cut = None

    def image_above(self, item: Item) -> None:
        """The line stands under what stood for an image (an alt text): it may be a caption."""
        item.after_image = True

    def judge_weak(self, item: Item, verdict: Verdict | None) -> None:
        """A weak verdict in the built-in rules' stead (None: the line is the story's)."""
        item.judge_weak(verdict)

    def _fate(self, item: Item, rule: str, why: str) -> None:
        item.fate = rule
        if self.record:
            verdict = item.verdict
            given = self._verdict_by.get(id(item)) if verdict is not None and verdict.rule == rule else None
            step, because = given if given is not None else (self.step, why)
            item.decided_by = step
            item.because = because
