"""Segment Traditional text through its Simplified form.

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

__all__ = ["fold_width", "simplified_line", "simplified_lines", "to_simplified"]

# Full-width letters, digits and the marks jieba keeps inside its ASCII blocks (5.3%, C++, A&B,
# 2025-03-02, a_b, #1) become ASCII.  Chinese punctuation (，：；（）！？, also in this Unicode block)
# stays: jieba treats it like its ASCII twin anyway, and leaving it means ordinary Chinese text
# is not copied at all.
_FOLDED = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%+#&_-"
_FOLD = {ord(c) + 0xFEE0: ord(c) for c in _FOLDED}
_FULL_WIDTH_RUN = regexcache.compile("[０-９Ａ-Ｚａ-ｚ．％＋＃＆＿－]+")


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
