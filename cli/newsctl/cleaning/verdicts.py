"""The verdict a classifier gives a line: which boilerplate kind it is, and how sure that is.

A verdict is *strong* when the line's shape alone is enough, so the line goes wherever it stands;
*weak* verdicts are acted on only in the head and tail blocks around the body.  Shared by every
rule module and by the passes that read what the rules said.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from newsctl.cleaning.rows import Row


class Verdict(NamedTuple):
    """What a line is: a rule id, whether it holds anywhere, and what it names."""

    rule: str
    strong: bool
    row: Row | None = None
    value: str | None = None     # the category, site, breadcrumb channel or account it names
    heading: bool = False        # it starts a related block


@functools.cache
def shared_verdict(rule: str, strong: bool) -> Verdict:
    """One shared instance per (rule, strength): verdicts are immutable, and building a frozen
    dataclass costs more than the check that decided it."""
    return Verdict(rule, strong)


def claimed(rule: str) -> Verdict:
    """The strong verdict of evidence from outside the text (the page's markup)."""
    return shared_verdict(rule, True)
