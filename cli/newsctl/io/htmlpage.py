"""Saved HTML pages: recognise them, decode them as they declare, and turn them into lines.

A page becomes the lines a scraper's text form has (one line per text node, as
``get_text("\\n")`` gives, so a paragraph with a link in it is three lines, as gold files and
text dumps have them), but every line keeps what the markup said about it: the block it stands
in, whether it is link text, how much of its block is link text, the landmark around it
(``nav``, ``footer``, ``aside``, ``figcaption``…) and its heading level.  The cleaner weighs
that evidence where it is present and works as on text where it is not (see
:mod:`newsctl.cleaning.markup`).  The page's ``<meta>`` tags, JSON-LD and ``<time>`` give the
metadata (:mod:`newsctl.io.htmlmeta`).

lxml parses (libxml2's HTML parser: fast, maintained, forgiving with broken markup); it is
imported only when a page is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from newsctl.io.encodings import Decoded

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# An HTML document: it opens with a tag (after a BOM and blank space), and a doctype or an
# <html>/<head> tag comes near its top (some saved pages open with a stray <script> or comment).
_OPENS_WITH_TAG = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<[!?a-zA-Z]")
_HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE)
_UTF16_START = re.compile(rb"^(?:\xff\xfe|\xfe\xff)")
# tags, comments and scripts' bodies are not what a detector should weigh
_MARKUP = re.compile(rb"<script[^>]{0,500}>.{0,200000}?</script\s*>"
                     rb"|<style[^>]{0,500}>.{0,200000}?</style\s*>"
                     rb"|<!--.{0,20000}?-->|<[^<>]{0,4000}>", re.IGNORECASE | re.DOTALL)
# <meta charset="gbk">, <meta http-equiv="Content-Type" content="text/html; charset=big5">
_CHARSET = re.compile(
    rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]{2,40})", flags=re.IGNORECASE
)
# what pages declare, read as the superset browsers use for it
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cp950": "big5hkscs",
    "us-ascii": "utf-8", "ascii": "utf-8",
}
# declarations trusted before detection: a Chinese page that declares a Western single-byte
# charset (iso-8859-1, windows-1252: old templates) is GBK or UTF-8 in truth, and every byte
# string decodes as Latin-1, so such a declaration would only ever produce mojibake
_TRUSTED = frozenset({"utf-8", "gb18030", "big5hkscs"})

# elements whose text is never page text
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object"})
# elements that start a new block of text (a line of the page's layout)
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "html", "li", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
    "ul", "button", "select", "option", "label",
})
# the parts of a page around the story, as HTML5 names them (and the ARIA roles of the same)
LANDMARKS = frozenset({"nav", "footer", "aside", "header", "form", "menu", "figcaption",
                       "button", "select", "label", "title"})
_ROLES = {"navigation": "nav", "contentinfo": "footer", "complementary": "aside",
          "banner": "header", "search": "form", "menu": "menu", "menubar": "menu"}
_IMAGES = frozenset({"img", "picture", "video"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class PageLine(NamedTuple):
    """One line of a page's text and what the markup says about it."""

    text: str
    block: str            # the tag of the nearest block around it ("p", "li", "td", "h1", …)
    landmark: str         # the innermost landmark around it ("nav", "footer", …), or ""
    link: bool            # the line is the text of a link
    link_share: float     # how much of its block's text is link text (0 to 1)
    heading: int          # 1-6 inside <h1>-<h6>, else 0
    in_story: bool        # inside an <article> or <main> (or role="main")
    after_image: bool = False   # an image stands between the line before and this one


class Page(NamedTuple):
    """A parsed page: its lines and the metadata its markup declares."""

    lines: tuple[PageLine, ...]
    meta: dict[str, tuple[str, str]]   # key -> (value, where it was found)

    @property
    def text(self) -> str:
        """The page's text, one line per line (what commands other than ``clean`` read)."""
        return "\n".join(line.text for line in self.lines)


def is_html_name(path: str) -> bool:
    """Whether a file's name says it is an HTML page (``.html``, ``.htm``, …)."""
    return path.lower().endswith(HTML_SUFFIXES)


def is_html(path: str, data: bytes) -> bool:
    """Whether ``data`` is an HTML page: by its name (``.html``, ``.htm``…) or its first bytes
    (a doctype, an ``<html>`` or ``<head>`` tag)."""
    if is_html_name(path):
        return True
    head = data[:4096]
    if _UTF16_START.match(head):
        try:
            head = head.decode("utf-16").encode("utf-8", "replace")
        except UnicodeDecodeError:
            return False
    return _OPENS_WITH_TAG.match(head) is not None and _HTML_TAG.search(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The codec the page declares in a ``<meta>`` tag (near the top), as Python names it."""
    import codecs

    found = _CHARSET.search(data[:8192])
    if found is None:
        return None
    name = found.group(1).decode("ascii", "replace").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode a page: ``encoding`` if given, else its byte-order mark, else the charset its
    ``<meta>`` declares when that is UTF-8, GB18030 or Big5 and the bytes decode that way
    (declarations are sometimes wrong), else the detection every text file gets."""
    from newsctl.errors import DecodeError
    from newsctl.io.encodings import (
        check_looks_like_text,
        decode_bytes,
        normalize_newlines,
        sniff_bom,
    )

    declared = None if encoding or sniff_bom(data) else declared_charset(data)
    if declared in _TRUSTED:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass   # declared wrong: the bytes say what they are
        else:
            check_looks_like_text(text, path, declared)
            return Decoded(normalize_newlines(text), declared)
    try:
        decoded = decode_bytes(data, path, encoding)
    except DecodeError:
        if encoding:
            raise
        # a short page is mostly ASCII markup, which hides its few Chinese bytes from the
        # detector: detect on the text between the tags, then decode the whole page so
        codec = decode_bytes(_MARKUP.sub(b" ", data), path).encoding
        try:
            decoded = Decoded(normalize_newlines(data.decode(codec)), codec)
        except UnicodeDecodeError:
            raise DecodeError(f"does not decode as {codec} (try --encoding)", path=path) from None
        check_looks_like_text(decoded.text, path, codec)
    if (decoded.encoding.startswith(("utf-16", "utf-32")) and sniff_bom(data) is None
            and "<" not in decoded.text[:4096]):
        # markup is ASCII, so a page in UTF-16 shows its "<" (and zero bytes): this was a guess
        raise DecodeError("not text in a known encoding (try --encoding)", path=path)
    return decoded


def parse_page(html: str) -> Page:
    """The lines and metadata of one HTML page (any HTML: a whole page or a fragment)."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    from newsctl.io.htmlmeta import page_meta

    # libxml2 wants no encoding declaration on a str; bytes would be re-detected (and guessed
    # wrong for GBK pages), so the text is handed over as UTF-8 with its encoding said
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  default_doctype=False, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):   # an empty document, or nothing but comments
        return Page((), {})
    return Page(tuple(_lines(root)), page_meta(root))


class _Block:
    """Text totals of one block element while the page is walked."""

    __slots__ = ("chars", "link_chars")

    def __init__(self) -> None:
        self.chars = 0
        self.link_chars = 0


class _Landmark:
    """An open landmark element: its kind, how much text it holds, whether the story is in it."""

    __slots__ = ("chars", "holds_story", "kind")

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.chars = 0
        self.holds_story = False   # it holds an <h1>, an <article> or <main>


# a landmark holding more than this share of the page's text wraps the page (an ASP.NET page's
# <form>, a template's <header> around everything): it marks nothing
_WRAPPER_SHARE = 0.5

# per open element: (tag, is a block, open landmarks, links open, heading level, in the story)
_Open = tuple[str, bool, tuple[_Landmark, ...], int, int, bool]


def _lines(root: Any) -> Iterator[PageLine]:
    """Walk the tree in document order; each line is given out once the whole page is walked,
    with its block's link share (a line in a paragraph, or in a list of links) and the innermost
    landmark around it that is one (not a wrapper of the page or of its story)."""
    from lxml import etree

    blocks: list[_Block] = [_Block()]
    stack: list[_Open] = [("", True, (), 0, 0, False)]
    found: list[tuple[str, str, tuple[_Landmark, ...], bool, int, bool, bool, _Block]] = []
    skip_depth = 0
    image = False   # an image since the last line

    def add(text: str | None) -> None:
        nonlocal image
        if not text:
            return
        _, _, landmarks, links, heading, story = stack[-1]
        block = blocks[-1]
        for piece in text.split("\n"):
            piece = piece.strip()
            if piece:
                block.chars += len(piece)
                if links:
                    block.link_chars += len(piece)
                for landmark in landmarks:
                    landmark.chars += len(piece)
                found.append((piece, _block_tag(stack), landmarks, links > 0, heading, story,
                              image, block))
                image = False

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _IMAGES:
                image = True
            if skip_depth or not tag or tag in _SKIP:
                skip_depth += 1
                continue
            _, _, landmarks, links, heading, story = stack[-1]
            role = (el.get("role") or "").lower()
            here = _ROLES.get(role, tag if tag in LANDMARKS else "")
            if here in ("header", "footer") and story:
                here = ""   # an article's own header (headline, date) or footer is the story's
            starts_story = tag in ("article", "main", "h1") or role == "main"
            if starts_story:
                for landmark in landmarks:
                    landmark.holds_story = True
            opens_block = tag in _BLOCKS
            stack.append((tag, opens_block, (*landmarks, _Landmark(here)) if here else landmarks,
                          links + (tag == "a"), _HEADINGS.get(tag, heading),
                          story or (starts_story and tag != "h1")))
            if opens_block:
                blocks.append(_Block())
            add(el.text)
        elif skip_depth:
            skip_depth -= 1
            if skip_depth == 0:
                add(el.tail)
        else:
            if stack.pop()[1]:
                blocks.pop()
            add(el.tail)
    wrapper = _WRAPPER_SHARE * sum(len(entry[0]) for entry in found)
    for text, block_tag, landmarks, link, heading, story, after_image, block in found:
        share = block.link_chars / block.chars if block.chars else 0.0
        kind = next((lm.kind for lm in reversed(landmarks)
                     if not lm.holds_story and lm.chars <= wrapper), "")
        yield PageLine(text, block_tag, kind, link, share, heading, story, after_image)


def _block_tag(stack: list[_Open]) -> str:
    for tag, block, *_ in reversed(stack):
        if block:
            return tag
    return ""
