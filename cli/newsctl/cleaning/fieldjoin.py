"""A field label printed on one line and its value on the next, joined again before cleaning."""

from __future__ import annotations

from newsctl.cleaning.lines import P
from newsctl.cleaning.rows import SENTENCE_STOP, label_index


def join_split_fields(lines: list[P]) -> list[P]:
    """A field label with its value on the next line (``信息来源：`` / ``某某局``, how a page dump
    prints a label and its value from two elements; also the last field of a row,
    ``发布时间：2025-03-02 10:00  来源：`` / ``某某日报``, whose value is a link): one line again."""
    out: list[P] = []
    index = label_index()
    for line in lines:
        if out:
            previous = out[-1].text
            if (previous[-1:] in "：:" and _last_field(previous[:-1]) in index
                    and len(line.text) <= 40 and not SENTENCE_STOP.search(line.text)
                    and line.text[-1:] not in "：:"):   # (a label of its own, not the value)
                out[-1].text = previous + line.text
                continue
        out.append(line)
    return out


def _last_field(text: str) -> str:
    """The last space-separated field of a row (the whole text when it has none)."""
    parts = text.split()
    return parts[-1] if parts else ""
