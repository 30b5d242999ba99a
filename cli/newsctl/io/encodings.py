"""Decode the bytes of an input without ever producing silent mojibake.

Order of evidence: an explicit ``--encoding``; a byte-order mark; strict UTF-8; then chardet,
restricted to the encodings Chinese news is really published in (GB18030 as the superset of
GB2312/GBK, CP950 before Big5, Big5-HKSCS, UTF-16/32).  Whatever is chosen must decode strictly and
look like text; otherwise the input is an error that names the fix (``--encoding``).
"""

from __future__ import annotations

import codecs
import warnings
from typing import NamedTuple

from newsctl.errors import DecodeError
from newsctl.text import regexcache

# chardet's names (lower-cased) for the Chinese family, mapped to the codec we decode with.
# Big5 is decoded as CP950 first: plain big5 silently maps some bytes (e.g. ‧ U+2027) to others.
_CHINESE_CODECS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz-gb-2312": ("hz",),
    "big5": ("cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
    "big5hkscs": ("big5hkscs",),
    "big5-hkscs": ("big5hkscs",),
    "utf-16": ("utf-16",),
    "utf-16le": ("utf-16-le",),
    "utf-16-le": ("utf-16-le",),
    "utf-16be": ("utf-16-be",),
    "utf-16-be": ("utf-16-be",),
    "utf-32": ("utf-32",),
    "utf-32le": ("utf-32-le",),
    "utf-32-le": ("utf-32-le",),
    "utf-32be": ("utf-32-be",),
    "utf-32-be": ("utf-32-be",),
}
_CHINESE_FAMILY = ("gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32")

# Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Codecs that remove the byte-order mark themselves: a U+FEFF after it is text.
_BOM_CONSUMING = frozenset({"utf-8-sig", "utf-16", "utf-32"})

# How much of a file chardet looks at: enough for a verdict, bounded cost on large files.
_DETECT_BYTES = 200_000
# A Chinese candidate that chardet ranks below a foreign encoding is still taken when its
# confidence is at least this share of the winner's (short GBK texts often score as EUC-KR).
_RUNNER_UP_SHARE = 0.5


class Decoded(NamedTuple):
    """Text decoded from bytes, with the codec that was used (``utf-8``, ``gb18030``, ``cp950``…)."""

    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line ends into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_bom(data: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of ``data``, if any."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode_bytes(
    data: bytes, path: str, encoding: str | None = None, check_text: bool = True
) -> Decoded:
    """Decode ``data`` (the whole content of ``path``) to text with LF line ends.

    ``check_text=False`` skips the looks-like-text check (JSON Lines, whose records are
    validated by the JSON parser and may legitimately hold control characters).

    >>> decode_bytes("新闻".encode("gbk"), "a.txt").encoding
    'gb18030'
    """
    if encoding:
        return Decoded(_decode_as(data, path, encoding, explicit=True), _canonical(encoding))
    if not data:
        return Decoded("", "utf-8")
    bom_codec = sniff_bom(data)
    if bom_codec:
        return Decoded(_decode_as(data, path, bom_codec, check_text=check_text), bom_codec)
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if check_text:
                check_looks_like_text(text, path, "utf-8")
            return Decoded(normalize_newlines(text), "utf-8")
    # GB18030 and Big5 never hold a zero byte, UTF-16 text mostly does (and binary data too)
    utf16 = bomless_utf16(data) if b"\x00" in data else None
    if utf16 is not None:
        return Decoded(normalize_newlines(data.decode(utf16)), utf16)
    try:
        codec = _detect_chinese_codec(data, path)
    except DecodeError:
        utf16 = bomless_utf16(data)   # all ideographs, no ASCII: no zero byte to see
        if utf16 is None:
            raise
        return Decoded(normalize_newlines(data.decode(utf16)), utf16)
    if codec.startswith(("utf-16", "utf-32")):
        # chardet's guess of a wide encoding without a BOM: binary data fits it too
        raise DecodeError("binary file (not text in a known encoding)", path=path)
    return Decoded(_decode_as(data, path, codec, check_text=check_text), codec)


# What UTF-16 Chinese text is made of: ASCII text, CJK ideographs and their punctuation,
# full-width forms, general punctuation.  Anything else in a BOM-less guess means it is not.
_TEXTY = regexcache.compile(
    "[\t\n\r\x20-\x7e\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff00-\uffef]*")


def bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` can only be UTF-16 text without a BOM.

    The evidence: every decoded character is one Chinese text uses, and most are ideographs;
    binary data decodes to control characters and rare scripts, and is refused.

    >>> bomless_utf16("中文新闻报道".encode("utf-16-le"))
    'utf-16-le'
    >>> bomless_utf16(b"\x00\x01\x02binary\x00") is None
    True
    """
    if len(data) < 2 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data[:_DETECT_BYTES].decode(codec)
        except UnicodeDecodeError:
            continue
        if _TEXTY.fullmatch(text) and sum("\u3400" <= c <= "\u9fff" for c in text) * 2 >= len(
                text.strip()) > 0:
            return codec   # (mostly ideographs: a line of English in UTF-16 stays undetected)
    return None


def _canonical(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


def _decode_as(
    data: bytes, path: str, codec: str, explicit: bool = False, check_text: bool = True
) -> str:
    try:
        text = data.decode(codec)
    except LookupError:
        raise DecodeError(f"unknown encoding {codec!r}", path=path) from None
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
        if explicit:
            raise DecodeError(f"not valid {codec} ({where}); try another --encoding", path) from None
        raise DecodeError(
            f"cannot decode as {codec} ({where}); pass --encoding ENC", path=path
        ) from None
    if text.startswith("\ufeff") and _canonical(codec) not in _BOM_CONSUMING:
        text = text[1:]   # a BOM the codec kept (--encoding utf-8 on a file with one)
    if not explicit and check_text:
        check_looks_like_text(text, path, codec)
    return normalize_newlines(text)


def _detect_chinese_codec(data: bytes, path: str) -> str:
    """Ask chardet, but accept only the encodings Chinese news uses, and only when they fit."""
    import chardet  # imported here: it costs ~0.1 s and is rarely needed (most input is UTF-8)

    sample = data[:_DETECT_BYTES]
    best = chardet.detect(sample)
    name = (best.get("encoding") or "").lower()
    confidence = float(best.get("confidence") or 0.0)
    if name in _CHINESE_CODECS:
        return _first_decodable(_CHINESE_CODECS[name], data, path, name)
    if b"\x00" in data or not name:
        raise DecodeError("binary file (not text in a known encoding)", path=path)
    # chardet prefers a foreign encoding; a Chinese one that scores close behind still wins,
    # because Chinese news is what newsctl reads.  Far behind means we would be guessing.
    with warnings.catch_warnings():  # chardet warns that its cp1252 fallback is excluded
        warnings.simplefilter("ignore")
        candidates = chardet.detect_all(sample, include_encodings=_CHINESE_FAMILY)
    for candidate in candidates:
        cand_name = (candidate.get("encoding") or "").lower()
        cand_conf = float(candidate.get("confidence") or 0.0)
        if cand_name in _CHINESE_CODECS and cand_conf >= confidence * _RUNNER_UP_SHARE:
            return _first_decodable(_CHINESE_CODECS[cand_name], data, path, cand_name)
    raise DecodeError(
        f"cannot tell the encoding (looks like {best.get('encoding')}, not UTF-8, GB18030 or "
        "Big5); pass --encoding ENC",
        path=path,
    )


def _first_decodable(codecs_to_try: tuple[str, ...], data: bytes, path: str, label: str) -> str:
    for codec in codecs_to_try:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    raise DecodeError(
        f"looks like {label} but does not decode cleanly; pass --encoding ENC", path=path
    )


# Characters that real text does not contain: C0/C1 controls (but tab, newlines, form feed),
# DEL, private-use code points (what a wrong GB18030 decoding produces) and lone surrogates.
_NOT_TEXT = regexcache.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\U000f0000-\U0010ffff]")


def check_looks_like_text(text: str, path: str, codec: str) -> None:
    """Refuse decodings that are full of control or private-use characters (binary, wrong codec)."""
    if not text:
        return
    sample = text[:100_000]
    bad = len(_NOT_TEXT.findall(sample))
    # A few stray control characters occur in scraped text; binary data is full of them.  A
    # short input meets the same bar: one in a hundred characters, none in a few words.
    if bad > len(sample) // 100:
        if codec.startswith("utf-8"):
            raise DecodeError("binary file (control characters in the text)", path=path)
        raise DecodeError(
            f"decodes as {codec} but does not look like text; pass --encoding ENC", path=path
        )
