"""Cutting every match of a pattern out of a line (photo credits, injected pinyin)."""

from __future__ import annotations

import re


def cut_repeatedly(text: str, pattern: re.Pattern[str]) -> tuple[str, list[str]]:
    """``text`` without any match of ``pattern``, and the matches cut, in order.

    Cutting can bring two pieces together into a new match, hence the loop until none is left.
    """
    cuts: list[str] = []
    while True:
        found = [m.group(0) for m in pattern.finditer(text)]
        if not found:
            return text, cuts
        cuts.extend(found)
        text = pattern.sub("", text)
