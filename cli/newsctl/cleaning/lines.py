"""Split scraped text into normalised lines, and join paragraphs broken into fragments.

Normalisation never rewrites the characters of a line; it only removes what is not text:
surrounding whitespace (incl. U+3000 indents), zero-width and control characters, HTML
tags and entities (``<br/>`` becomes a line break), ``![]()`` image placeholders and
``{{template}}`` slots.  Every piece remembers the 1-based number of the input line it came
from, so ``--explain`` can point at it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Protocol, TypeVar

from newsctl.text import regexcache

# Characters that are never text: zero-width, bidi controls, BOM, soft hyphen, C0/C1 controls.
_INVISIBLE = (
    "[\u0000-\u0008\u000e-\u001b\u001f\u007f-\u0084\u0086-\u009f\u00ad\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Paragraph separators other than \n: they split lines like <br/> does.
_BREAKS = "[\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]"
_ESCAPED = {"\\u003c": "<", "\\u003e": ">", "\\u0026": "&", "\\u0022": '"', "\\u0027": "'",
            "\\u002f": "/", "\\u003C": "<", "\\u003E": ">", "\\u002F": "/", "\\/": "/"}
# whitespace around a line: ASCII, no-break, the U+2000 family and the U+3000 indent
_STRIP_CHARS = " \t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"


class Line:
    """One normalised line: its text, the input line it came from, and what stood there.

    A plain class with slots, not a dataclass: defining a dataclass costs about 1 ms at import,
    which a per-file ``newsctl clean`` pays every run.
    """

    __slots__ = ("image", "indented", "markup", "no", "raw", "text")

    def __init__(self, no: int, text: str, raw: str = "", markup: bool = False,
                 image: bool = False, indented: bool = False) -> None:
        self.no = no
        self.text = text
        self.raw = raw          # the input line (stripped); kept for --explain and encoding checks
        self.markup = markup    # the input line held only markup (a tag, a template, an image)
        self.image = image      # an image stood here, so the next short line is a caption
        self.indented = indented   # the input line started with whitespace (a paragraph indent)

    def __repr__(self) -> str:
        return f"Line({self.no!r}, {self.text!r}, raw={self.raw!r}, image={self.image!r})"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "needs": regexcache.compile(r"[<&{!\\\r]|" + _INVISIBLE + "|" + _BREAKS),
        "invisible": regexcache.compile(_INVISIBLE),
        "entity": regexcache.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});"),
        "br": regexcache.compile(r"<\s*(?:br|BR|Br)\s*/?\s*>|<\s*/?\s*(?:p|P|div|DIV)(?:\s[^<>]{0,300})?\s*/?>"),
        "img": regexcache.compile(r"<\s*(?:img|IMG|figure|FIGURE|picture|svg|SVG)\b[^<>]{0,2000}>"),
        "tag": regexcache.compile(
            r"<!--.{0,2000}?-->|<\s*/?\s*[a-zA-Z][a-zA-Z0-9:-]{0,20}(?:\s[^<>]{0,2000})?\s*/?\s*>"
        ),
        "template": regexcache.compile(r"\{\{[^{}]{0,200}\}\}"),
        "md_image": regexcache.compile(r"!\[[^\[\]]{0,300}\]\([^()\s]{0,1000}\)"),
        "escaped": regexcache.compile(r"\\u00(?:3[cCeE]|26|22|27|2[fF])|\\/"),
        "breaks": regexcache.compile(_BREAKS + "|\r"),
    }


def _clean_markup(text: str) -> tuple[str, bool]:
    """Strip markup until nothing changes; return the text and whether an image stood there."""
    p = _patterns()
    image = False
    for _ in range(100):  # every step shortens the text, so this ends; the cap is a safety net
        before = text
        if "\\" in text:
            text = p["escaped"].sub(lambda m: _ESCAPED.get(m.group(0), m.group(0)), text)
        text = p["invisible"].sub("", text)
        if "&" in text:
            import html  # only pages with entities pay for it

            text = p["entity"].sub(lambda m: html.unescape(m.group(0)), text)
        if "<" in text:
            text = p["br"].sub("\n", text)
            text, n_img = p["img"].subn(" ", text)
            image = image or n_img > 0
            text = p["tag"].sub("", text)
        if "{{" in text:
            text = p["template"].sub("", text)
        if "![" in text:
            text, n_md = p["md_image"].subn(" ", text)
            image = image or n_md > 0
        if text == before:
            break
    return p["breaks"].sub("\n", text), image


def strip_line(text: str) -> str:
    """Surrounding whitespace off, U+3000 indents included (inner spaces are kept)."""
    return text.strip(_STRIP_CHARS)


def split_lines(text: str) -> list[Line]:
    """Normalised, non-empty lines of ``text``; lines that held only markup are flagged."""
    p = _patterns()
    needs = p["needs"].search
    out: list[Line] = []
    raw_lines = re.split(r"\r\n|\r|\n", text) if "\r" in text else text.split("\n")
    # the test is one of characters: a page without any (most pages) spares it every line
    plain = needs(text) is None
    for no, raw in enumerate(raw_lines, start=1):
        if not raw:
            continue
        if plain or not needs(raw):   # most lines: plain text, only stripped
            stripped = raw.strip(_STRIP_CHARS)
            if stripped:
                out.append(Line(no, stripped, stripped, False, False, raw[0] in _STRIP_CHARS))
            continue
        cleaned, image = _clean_markup(raw)
        raw_stripped = strip_line(raw)
        pieces = [s for s in (strip_line(piece) for piece in cleaned.split("\n")) if s]
        if not pieces:
            if raw_stripped:
                out.append(Line(no, "", raw=raw_stripped, markup=True, image=image))
            continue
        if image:
            # "<img alt=...> caption": the image is noted before the text that shares its line
            out.append(Line(no, "", raw="", markup=True, image=True))
        indented = raw[0] in _STRIP_CHARS
        out.extend(Line(no, s, raw=raw_stripped, indented=indented) for s in pieces)
    return out


# --- fragment joining -------------------------------------------------------------------

# A line starting with one of these continues the previous one (a lone "。", "，游客可……").
_CONTINUES = "，。、；：！？）」』”’》〉】"
_ASCII_CONTINUES = ",.;:!?)"
# a line ending in "；" closes a clause of a list ("一是……；"), so it is never an open end
_OPEN_ENDS = "，、,"
# A list item: "1." "一、" "（一）" "①" "・" "◎" "一是" "第一，".  Lists are never joined into paragraphs, and
# the cleaner keeps them wherever they stand.
LIST_ITEM = regexcache.compile(
    r"^(?:\d{1,2}\s*[.、．)）](?!\d)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[一二三四五六七八九十]{1,3}是(?=\S)|第[一二三四五六七八九十]{1,3}(?:[，,、：:]|是)"
    r"|[①-⑳⑴-⒇❶-❿]|[・•◎●◆■▪-]\s*\S)"
)


# what a list item can start with (besides a digit): one lookup rules most lines out before
# the pattern (a line that passes may still be no item: "一位市民说")
LIST_ITEM_FIRST = frozenset("一二三四五六七八九十（(第・•◎●◆■▪-"
                            + "".join(map(chr, range(0x2460, 0x2488))) + "".join(map(chr, range(0x2776, 0x2780))))


_CONTINUE_FIRST = frozenset(_CONTINUES + _ASCII_CONTINUES)


def _continues(text: str) -> bool:
    first = text[0]
    if first in _CONTINUES:
        return True
    # ".NET" opens a line; a lone "." or ", and" continues one; a run of ASCII marks (":::", an
    # anchor; "??") is a line of its own, also with text after it (so cleaning twice agrees)
    if first not in _ASCII_CONTINUES:
        return False
    return len(text) == 1 or not (text[1].isalnum() or text[1] in _ASCII_CONTINUES)


class Piece(Protocol):
    """Anything with a mutable ``text``: a :class:`Line`, or the cleaner's own line records."""

    text: str


P = TypeVar("P", bound=Piece)


def join_continuations(lines: list[P]) -> list[P]:
    """Put a line that starts with closing punctuation (a lone ``。``, ``，游客可……``) onto the
    previous line; the first piece keeps its line number.  A fixed point: no output line but the
    first starts with such punctuation.
    """
    merged: list[P] = []
    for line in lines:
        # (the first character rules most lines out before the full test)
        if merged and line.text[0] in _CONTINUE_FIRST and _continues(line.text):
            merged[-1].text += line.text
        else:
            merged.append(line)
    return merged


def join_open_ends(lines: list[P], accept: Callable[[str], bool] = lambda _: True) -> list[P]:
    """Join a line of 8+ characters that ends in ``，、`` with the next one (unless either is a
    list item): the paragraph was broken mid-sentence.  Run on the kept body lines only, so a
    dropped byline or widget never ends up glued to a paragraph; ``accept`` vets the joined
    text (the cleaner refuses a join that a second cleaning would judge differently).
    """
    out: list[P] = []
    for line in lines:
        prev = out[-1].text if out else ""
        # "1. 贷款合同；" ends a list item, not a broken sentence: lists are never joined
        if (len(prev) >= 8 and prev[-1] in _OPEN_ENDS and not LIST_ITEM.match(line.text)
                and not LIST_ITEM.match(prev) and accept(prev + line.text)):
            out[-1].text += line.text
        else:
            out.append(line)
    return out
