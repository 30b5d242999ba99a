"""Answers kept for one page's lines (cleaning/pageanswers.py)."""

from __future__ import annotations

from newsctl.cleaning import pageanswers
from newsctl.cleaning.pageanswers import new_page, page_memo


def test_a_question_is_answered_once_per_page() -> None:
    asked: list[str] = []

    @page_memo
    def length(text: str) -> int:
        """The text's length."""
        asked.append(text)
        return len(text)

    assert length.__doc__ == "The text's length."
    assert [length("首页"), length("首页"), length("财经频道")] == [2, 2, 4]
    assert asked == ["首页", "财经频道"]
    new_page()   # another page: its lines are asked again
    assert length("首页") == 2
    assert asked == ["首页", "财经频道", "首页"]


def test_a_page_of_many_lines_is_answered_in_batches(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(pageanswers, "PAGE_ANSWERS_MAX", 3)
    asked: list[str] = []

    @page_memo
    def upper(text: str) -> str:
        asked.append(text)
        return text.upper()

    for text in "abcdab":
        assert upper(text) == text.upper()
    assert asked == ["a", "b", "c", "d", "a", "b"]   # full after c: forgotten, then d

