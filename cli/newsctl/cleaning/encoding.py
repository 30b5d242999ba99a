"""Encoding damage that survives decoding: mojibake lines and injected pinyin.

Mojibake is GBK/Big5 (or UTF-8) bytes that were read as Latin-1/CP1252: ``ÖÐ¹ú`` is 中国 in
GBK, ``¥[®³`` is 台北… in Big5.  Such a line is useless and is dropped (with a warning that
names the likely encoding).  Injected pinyin comes from careless Simplified->Traditional
converters that annotate characters: ``發(fā)展(zhǎn)``; the annotations are cut out.
"""

from __future__ import annotations

import functools
import re

from newsctl.cleaning.textcuts import cut_repeatedly
from newsctl.text import regexcache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "high": regexcache.compile(r"[\u0080-\u00ff]"),
        "latin_letters": regexcache.compile(r"[\u00c0-\u00ff]"),
        "cjk": regexcache.compile(f"[{_CJK}]"),
        "toned": regexcache.compile(f"[{_TONED}]"),
        "pinyin": regexcache.compile(
            f"(?<=[{_CJK}])[(（]\\s*([a-z{_TONED}]*[{_TONED}][a-z{_TONED}]*[1-5]?)\\s*[)）]"
        ),
    }


def _as_bytes(text: str) -> bytes | None:
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def mojibake_kind(text: str) -> str | None:
    """``"GBK"``, ``"Big5"``, ``"UTF-8"`` or ``"unknown"`` when ``text`` looks like bytes of that
    encoding read as Latin-1; None for ordinary text (accented names like ``José`` stay)."""
    p = _patterns()
    if not p["high"].search(text):
        return None
    high = len(p["high"].findall(text))
    if high < 4 or p["cjk"].search(text):
        return None   # (before counting letters: most lines with a bracket end here)
    letters = sum(1 for ch in text if not ch.isspace() and not ch.isascii()) or 1
    ratio = high / letters
    if ratio < 0.6:
        return None
    data = _as_bytes(text)
    if data is not None:
        for codec, name in (("utf-8", "UTF-8"), ("gb18030", "GBK"), ("cp950", "Big5")):
            try:
                decoded = data.decode(codec)
            except UnicodeDecodeError:
                continue
            cjk = len(p["cjk"].findall(decoded))
            if cjk >= 2 and cjk * 2 >= len(decoded.strip()) * 0.5:
                if name == "GBK" and _plausible_big5(data):
                    return "GBK or Big5"
                return name
    # Latin-1 letters in a row with no words between them: bytes, not a language.
    if len(p["latin_letters"].findall(text)) >= 4 and not re.search(r"[a-zA-Z]{3,}", text):
        return "unknown"
    return None


def _plausible_big5(data: bytes) -> bool:
    try:
        decoded = data.decode("cp950")
    except UnicodeDecodeError:
        return False
    return len(_patterns()["cjk"].findall(decoded)) * 2 >= len(decoded.strip())


def cut_pinyin(text: str) -> tuple[str, list[str]]:
    """Remove ``(fā)``-style annotations that follow a Chinese character; return what was cut.

    Only toned syllables count (``(fa)`` may be an abbreviation), so real parentheses survive.
    Cutting can bring a new character next to another annotation, hence the loop.
    """
    if "(" not in text and "（" not in text:
        return text, []
    p = _patterns()
    if not p["toned"].search(text):
        return text, []   # (an annotation holds a toned vowel: most bracketed lines have none)
    return cut_repeatedly(text, p["pinyin"])
