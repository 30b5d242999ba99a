"""Segment Traditional text through its Simplified form (what to segment, and the original cut
at the same places).

jieba's dictionary and HMMs are Simplified: on Traditional text its word F1 is about 0.74 (SIGHAN
2005 AS/CityU) and it runs at half speed; part-of-speech tagging crawls (about 2 KB/s).  So each
Traditional line is converted with OpenCC t2s, the Simplified line is segmented, and the original
line is cut at the same character offsets: tokens stay in the input's own script, and tags come
from the Simplified projection.  This works because t2s maps characters one to one for practically
every line (with OpenCC 1.4's data, no t2s phrase or character entry changes length); a line whose
length does change is segmented directly instead.

Conversion goes one block at a time, not one line at a time: OpenCC's per-call overhead would
otherwise dominate on short lines.

Full-width ASCII forms (``１９９７``, ``ＧＤＰ``, ``５．３％``) are folded to their ASCII
twins the same way, in every script: jieba's blocks only know ASCII letters and digits, so it
cuts ``１９９７年`` into five one-character tokens (word F1 on our gold set with full-width digits
and letters: 0.733 instead of 0.792).  Folding keeps the length, so the original is cut as usual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsctl.jobs.converters import convert_text
from newsctl.text import regexcache
from newsctl.text.script import is_traditional

__all__ = ["cut_at", "fold_width", "folded_projection", "line_projections", "simplified_line",
           "simplified_lines", "source_text", "to_simplified"]

# Full-width letters, digits and the marks jieba keeps inside its ASCII blocks (5.3%, C++, A&B,
# 2025-03-02, a_b, #1) become ASCII.  Chinese punctuation (，：；（）！？, also in this Unicode block)
# stays: jieba treats it like its ASCII twin anyway, and leaving it means ordinary Chinese text
# is not copied at all.
_FOLDED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%+#&_-"
_FOLD = {ord(c) + 0xFEE0: ord(c) for c in _FOLDED}
# written X[X]* rather than [X]+: a pattern that starts with a class is scanned for in a tight C
# loop, a repeat is tried at every character (0.09 s against 0.04 s on 20 MB)
_FULL_WIDTH_RUN = regexcache.compile("[０-９Ａ-Ｚａ-ｚ．％＋＃＆＿－][０-９Ａ-Ｚａ-ｚ．％＋＃＆＿－]*")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD)


def fold_width(text: str) -> str:
    """``text`` with full-width letters, digits and joining marks made ASCII (same length);
    ``text`` itself when it has none.

    Run by run: ``str.translate`` with a mapping looks every character up (0.5 s on 20 MB of
    Traditional pages holding a thousand full-width marks), a regex finds the few runs in C.
    """
    folded, runs = _FULL_WIDTH_RUN.subn(_fold_run, text)
    return folded if runs else text


def to_simplified(text: str) -> str:
    """OpenCC t2s of ``text`` (the one conversion the projection uses)."""
    return convert_text(text, "t2s")


def simplified_line(line: str) -> str | None:
    """t2s of ``line``, or None when the conversion changes its length."""
    converted = to_simplified(line)
    return converted if len(converted) == len(line) else None


def simplified_lines(lines: Sequence[str], converted: str | None = None) -> list[str | None]:
    """t2s of each line (no line may contain "\\n"), None where a line's length changed.

    ``converted`` may pass ``t2s("\\n".join(lines))`` when the caller already has it.
    """
    if not lines:
        return []
    if converted is None:
        converted = to_simplified("\n".join(lines))
    parts = converted.split("\n")
    if len(parts) != len(lines):  # pragma: no cover - OpenCC keeps "\n"; be safe anyway
        return [simplified_line(line) for line in lines]
    return [part if len(part) == len(line) else None for part, line in zip(parts, lines)]


def cut_at(text: str, ends: Sequence[int]) -> list[str]:
    """``text`` cut at ``ends`` (increasing; the last is ``len(text)``): the words of the
    Simplified projection, in the text's own characters.

    A plain loop: ``map(text.__getitem__, map(slice, starts, ends))`` looks all C, but calling
    the ``slice`` type costs more than the ``text[a:b]`` of a loop (0.49 s against 0.87 s for
    4 million words, accumulate included, measured on Traditional pages).
    """
    words: list[str] = []
    append = words.append
    start = 0
    for end in ends:
        append(text[start:end])
        start = end
    return words


def source_text(text: str, lines: list[str], script: str) -> str:
    """What to segment for ``text``: its Simplified projection (same length), or itself.

    A line whose length t2s changes keeps its own characters (see the module docstring); full-width
    letters and digits are folded to ASCII in every script.
    """
    if script == "simplified":
        return fold_width(text)
    converted = to_simplified(text)
    if converted == text or (
        script != "traditional" and not is_traditional(text, simplified=converted)
    ):
        return fold_width(text)
    parts = simplified_lines(lines, converted)
    if None not in parts and len(converted) == len(text):
        return fold_width(converted)
    return fold_width("\n".join(line if part is None else part for part, line in zip(parts, lines)))


def line_projections(text: str, lines: list[str], script: str) -> Sequence[str | None]:
    """Per line: what to segment instead (Simplified and/or width-folded, same length), or None."""
    projected: Sequence[str | None] = [None] * len(lines)
    if script != "simplified":
        converted = to_simplified(text)
        if script == "traditional" or (
            converted != text and is_traditional(text, simplified=converted)
        ):
            projected = simplified_lines(lines, converted)
    if fold_width(text) is text:
        return projected
    return [folded_projection(line if part is None else part, line) for part, line in zip(projected, lines)]


def folded_projection(source: str, line: str) -> str | None:
    """``source`` with full-width forms folded, or None when that is ``line`` itself."""
    folded = fold_width(source)
    return None if folded == line else folded
