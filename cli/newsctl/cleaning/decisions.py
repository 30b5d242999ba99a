"""What the passes decide about a page's lines, taken in one place.

A pass never writes an item's verdict, fate or text itself: it tells the :class:`Ledger`
(``decide.drop(item, "caption", "under an image")``), which makes the change at once, so the
pass and the ones after it see it, and, when asked to (``--explain``), notes which pass decided
and on what evidence.  A line's fate that comes from its verdict (a share row dropped because
a rule named it) is credited to the pass that gave the verdict, with that pass's evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:   # (the items hold a ledger: imported for the types only)
    from newsctl.cleaning.items import Item
    from newsctl.cleaning.verdicts import Verdict


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
