"""Hard-wrapped text put back into paragraphs, and the page furniture between its pages dropped.

Text extracted from a PDF (or saved from a fixed-width terminal) breaks every line at the same
width, in the middle of sentences, and repeats page numbers (``第 1 頁，共 2 頁``) and a running
header between pages.  Such a page is recognised by its shape, never by one line: at least four
unfinished lines of prose (no sentence end, a clause mark inside) that all reach the same display
width (within 12%), forming at least two runs of two or more such lines that each end where a
sentence ends.  A web page's
headings and menus do not line up like that.  Then every unfinished line of that width is joined
with the next line, unless the next one is indented (a new paragraph) or opens a list item.

Joined text never becomes wrapped again, so a second cleaning finds nothing to join.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsctl.cleaning.lines import LIST_ITEM, Line
from newsctl.text import regexcache

# what a finished line ends with (a comma or an enumeration mark does not finish a sentence)
_SENTENCE_END = "。！？!?；;：:」』”’）)…"
# what closes a run of wrapped lines: the end of a sentence
_RUN_END = "。！？!?；;」』”…"
# a wrapped line of prose holds a clause mark somewhere (20+ characters of a sentence always
# do); a headline, a menu or a list of titles mostly does not
_CLAUSE_MARK = regexcache.compile(r"[，。、；,;]")
_PAGE_NUMBER = regexcache.compile(
    r"^(?:第\s*\d{1,4}\s*[頁页]\s*[，,、／/\s]*(?:共\s*\d{1,4}\s*[頁页])?"
    r"|[-－—–]\s*\d{1,4}\s*[-－—–]|[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*/\s*\d{1,4}\s*[頁页])$"
)
# characters two cells wide on a fixed-width page (CJK, full-width forms, Hangul)
_WIDE = regexcache.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
                           r"\uff00-\uff60\uffe0-\uffe6]")
_MIN_WIDTH = 40          # cells: a wrapped page is at least this wide (20 CJK characters)
_BAND = 0.12             # wrapped lines reach the page width within this share
_HEADER_MAX = 24         # a running header is a short line


def _width(text: str) -> int:
    return len(text) + len(_WIDE.findall(text))


def _furniture(lines: Sequence[Line]) -> dict[int, str]:
    """Page numbers, and the short lines repeated right next to them (running headers)."""
    found = {i: "page-number" for i, line in enumerate(lines)
             if line.text and len(line.text) <= 20 and _PAGE_NUMBER.match(line.text)}
    if not found:
        return found
    near = {j for i in found for j in (i - 1, i + 1) if 0 <= j < len(lines) and j not in found}
    for j in near:
        text = lines[j].text
        if text and len(text) <= _HEADER_MAX:
            copies = [k for k, line in enumerate(lines) if line.text == text]
            if len(copies) >= 2:
                found.update({k: "page-header" for k in copies})
    return found


def reflow(lines: list[Line]) -> tuple[list[Line], list[tuple[int, str, str]]]:
    """The lines with hard wraps joined and page furniture removed (see the module docstring);
    the removed furniture as ``(line number, text, rule)``.  Other pages come back unchanged."""
    # most pages stop here: fewer than four unfinished lines holding a clause mark (counted up
    # to the fourth only)
    unfinished = 0
    for line in lines:
        text = line.text
        if len(text) >= 10 and text[-1] not in _SENTENCE_END and _CLAUSE_MARK.search(text) is not None:
            unfinished += 1
            if unfinished == 4:
                break
    else:
        return lines, []
    furniture = _furniture(lines)
    order = [i for i, line in enumerate(lines) if line.text and i not in furniture]
    following = dict(zip(order, order[1:]))
    candidates = {}
    for i in order:
        text = lines[i].text
        nxt = following.get(i)
        if (len(text) >= 10 and text[-1] not in _SENTENCE_END and nxt is not None
                and _CLAUSE_MARK.search(text) is not None
                and not lines[nxt].indented and not LIST_ITEM.match(lines[nxt].text)):
            candidates[i] = _width(text)
    if len(candidates) < 4:
        return lines, []
    widths = sorted(candidates.values())
    page = widths[len(widths) // 2]
    if page < _MIN_WIDTH:
        return lines, []
    wrapped = {i for i, w in candidates.items() if abs(w - page) <= _BAND * page}
    if len(wrapped) < 4 or not _runs_end_in_sentences(order, following, wrapped, lines):
        return lines, []
    out: list[Line] = []
    removed = [(lines[i].no, lines[i].text, rule) for i, rule in sorted(furniture.items())]
    joined: set[int] = set()
    for i, line in enumerate(lines):
        if i in furniture or i in joined:
            continue
        out.append(line)
        j = i
        while j in wrapped:
            j = following[j]
            line.text = _glue(line.text, lines[j].text)
            joined.add(j)
    return out, removed


def _runs_end_in_sentences(order: list[int], following: dict[int, int], wrapped: set[int],
                           lines: Sequence[Line]) -> bool:
    """At least two runs of two or more wrapped lines, each closed by a finished line."""
    runs = 0
    continued = {following.get(k) for k in wrapped}   # lines that follow a wrapped line
    for i in order:
        if i not in wrapped or i in continued:
            continue   # not the first line of a run
        length, j = 0, i
        while j in wrapped:
            length, j = length + 1, following[j]
        if length >= 2 and lines[j].text[-1] in _RUN_END:
            runs += 1
    return runs >= 2


def _glue(left: str, right: str) -> str:
    """Two halves of a wrapped line: a space only between two Latin words."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return left + " " + right
    return left + right
