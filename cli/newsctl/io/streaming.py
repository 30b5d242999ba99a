"""Read a large text file as decoded chunks that end at line boundaries, in bounded memory.

Used by the line-preserving commands (convert, segment) for text output, so that a 1 GB file of
one paragraph per line converts with memory bounded by the chunk size, not the file size.  The
encoding is decided from the first chunk with the same rules as the whole-file loader; a later
chunk that does not decode is an error, never mojibake.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from newsctl.errors import DecodeError, InputError
from newsctl.io.documents import read_bytes
from newsctl.io.encodings import check_looks_like_text, decode_bytes, normalize_newlines, sniff_bom

CHUNK_BYTES = 1 << 20
# A single line longer than this is passed on in pieces rather than held whole in memory.
MAX_PENDING_CHARS = 8 << 20


def iter_text_chunks(
    path: str, encoding: str | None = None, chunk_bytes: int = CHUNK_BYTES
) -> Iterator[str]:
    """Yield the decoded text of ``path`` in chunks of whole lines (LF line ends).

    Only a single line longer than ``MAX_PENDING_CHARS`` is split across chunks.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError:
        read_bytes(path)  # raises the same InputError the whole-file loader gives
        raise InputError("cannot read", path=path) from None
    try:
        head = handle.read(chunk_bytes)
        if len(head) < chunk_bytes:  # small file: exactly the whole-file rules
            text = decode_bytes(head, path, encoding).text
            if text:
                yield text
            return
        codec = encoding or _codec_for_head(head, path)
        yield from _decode_stream(handle, head, codec, path, chunk_bytes)
    finally:
        handle.close()


def _codec_for_head(head: bytes, path: str) -> str:
    bom = sniff_bom(head)
    if bom:
        return bom
    if b"\x00" not in head:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError as exc:
            # A multi-byte character cut by the chunk boundary is not an error.
            if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
                text = head[: exc.start].decode("utf-8")
            else:
                text = None
        if text is not None:
            check_looks_like_text(text, path, "utf-8")
            return "utf-8"
    # Detect on the head, cut at the last line end so no character is split.
    cut = head.rfind(b"\n")
    sample = head[: cut + 1] if cut > 0 else head
    return decode_bytes(sample, path).encoding


def _decode_stream(
    handle: object, head: bytes, codec: str, path: str, chunk_bytes: int
) -> Iterator[str]:
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors="strict")
    except LookupError:
        raise DecodeError(f"unknown encoding {codec!r}", path=path) from None
    offset = 0
    pending = ""
    data = head
    first = True
    while True:
        final = not data
        buffered = len(decoder.getstate()[0])  # bytes of a character cut by the last chunk
        try:
            text = decoder.decode(data, final=final)
        except UnicodeDecodeError as exc:
            where = offset - buffered + exc.start
            raise DecodeError(f"not valid {codec} at byte {where}; pass --encoding ENC", path=path) from None
        offset += len(data)
        if first and text.startswith("\ufeff"):
            text = text[1:]
        first = False
        text = pending + text
        if not final:
            # Keep a trailing CR back: its LF may start the next chunk.
            cut = text.rfind("\n", 0, len(text) - 1 if text.endswith("\r") else len(text))
            pending, text = text[cut + 1 :], text[: cut + 1]
            if len(pending) > MAX_PENDING_CHARS:
                text, pending = text + pending, ""
        if text:
            yield normalize_newlines(text)
        if final:
            return
        data = handle.read(chunk_bytes)  # type: ignore[attr-defined]
