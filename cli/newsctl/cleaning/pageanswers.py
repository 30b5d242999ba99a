"""Answers about the lines of the page being cleaned, kept until the next page.

Several passes ask a line the same question: the strong rules ask a short line whether it is a
menu or a breadcrumb, and the weak rules (the main block asks them of every unclaimed line) ask
it again.  A question wrapped in :func:`page_memo` is answered once per page: :func:`new_page`
(which :func:`.blocks.plan` calls) forgets every answer, so nothing is kept from one page to the
next (a page's lines are not worth remembering for others), and a page of a huge number of
distinct lines is answered in batches of :data:`PAGE_ANSWERS_MAX`.

Only pure questions of one line's text go here: their answer depends on the text alone.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# answers kept per question before it starts again (a page has a few hundred lines)
PAGE_ANSWERS_MAX = 4096

_MISSING = object()
_ANSWERS: list[dict[str, object]] = []   # every question's answers, for new_page


def page_memo(question: Callable[[str], T]) -> Callable[[str], T]:
    """``question`` answered once per text of the current page."""
    answers: dict[str, T] = {}
    _ANSWERS.append(answers)   # type: ignore[arg-type]  # (cleared only, never read here)
    get = answers.get

    @functools.wraps(question)
    def asked(text: str) -> T:
        found = get(text, _MISSING)
        if found is _MISSING:
            if len(answers) >= PAGE_ANSWERS_MAX:
                answers.clear()
            found = answers[text] = question(text)
        return found   # type: ignore[return-value]  # (_MISSING is never stored)

    return asked


def new_page() -> None:
    """Forget every answer: the next lines are another page's."""
    for answers in _ANSWERS:
        answers.clear()
