"""The decoder: every encoding Chinese news uses, and no silent mojibake."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.io.encodings import decode_bytes, normalize_newlines
from newsctl.errors import DecodeError

from conftest import SAMPLES

GBK_SAMPLE = SAMPLES / "zh-hans-daily-metro-gbk.txt"
BIG5_SAMPLE = SAMPLES / "zh-hant-tw-paper-roc-big5.txt"


def gbk_text() -> str:
    return normalize_newlines(GBK_SAMPLE.read_bytes().decode("gbk"))


def big5_text() -> str:
    return normalize_newlines(BIG5_SAMPLE.read_bytes().decode("cp950"))


def test_utf8_plain() -> None:
    assert decode_bytes("新闻 news".encode(), "a").text == "新闻 news"
    assert decode_bytes("新闻".encode(), "a").encoding == "utf-8"


def test_gbk_sample_loads_like_its_utf8_twin() -> None:
    decoded = decode_bytes(GBK_SAMPLE.read_bytes(), str(GBK_SAMPLE))
    assert decoded.encoding == "gb18030"
    assert decoded.text == decode_bytes(gbk_text().encode("utf-8"), "twin").text


def test_big5_sample_loads_as_cp950_keeping_the_middle_dot() -> None:
    decoded = decode_bytes(BIG5_SAMPLE.read_bytes(), str(BIG5_SAMPLE))
    assert decoded.encoding == "cp950"
    assert decoded.text == big5_text()
    # plain big5 turns U+2027 into U+2022; cp950 keeps it
    assert "\u2027" in decoded.text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_match_the_utf8_twin(codec: str) -> None:
    text = big5_text()
    data = text.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode_bytes(data, "x").text == text


def test_utf16_without_bom_is_detected() -> None:
    text = gbk_text()
    decoded = decode_bytes(text.encode("utf-16-le"), "x")
    assert decoded.text == text


def test_crlf_and_cr_become_lf() -> None:
    assert decode_bytes("一\r\n二\r三\n".encode(), "a").text == "一\n二\n三\n"
    crlf_gbk = gbk_text().replace("\n", "\r\n").encode("gbk")
    assert decode_bytes(crlf_gbk, "a").text == gbk_text()


def test_bom_is_removed() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "标题".encode(), "a").text == "标题"


def test_explicit_encoding_skips_detection() -> None:
    data = "臺灣新聞".encode("cp950")
    assert decode_bytes(data, "a", encoding="cp950").text == "臺灣新聞"
    with pytest.raises(DecodeError, match="not valid utf-8"):
        decode_bytes(data, "a", encoding="utf-8")
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode_bytes(data, "a", encoding="no-such-codec")


def test_binary_file_is_an_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(png, "img.txt")


def test_random_bytes_are_an_error() -> None:
    data = os.urandom(4096)
    with pytest.raises(DecodeError):
        decode_bytes(data, "noise.txt")


def test_utf8_with_control_characters_is_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(bytes(range(1, 32)) * 20, "ctl.txt")


def test_latin1_text_is_refused_not_guessed() -> None:
    data = ("Café déjà vu, naïve résumé. " * 20).encode("latin-1")
    with pytest.raises(DecodeError, match="--encoding"):
        decode_bytes(data, "fr.txt")


def test_error_names_the_file() -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(os.urandom(2048), "some/dir/page.txt")
    assert str(info.value).startswith("some/dir/page.txt: ")


def _sample_lines() -> list[str]:
    lines = [line.strip() for line in gbk_text().splitlines() + big5_text().splitlines()]
    return [line for line in lines if len(line) >= 8]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_sample_lines()), min_size=1, max_size=6), st.sampled_from(["gbk", "cp950"]))
def test_legacy_encodings_decode_exactly_or_fail_loudly(lines: list[str], codec: str) -> None:
    """Never silent mojibake: the result is the original text, or a DecodeError."""
    text = "\n".join(lines)
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return  # a Simplified-only character has no Big5 form (or the reverse)
    try:
        decoded = decode_bytes(data, "x")
    except DecodeError:
        return
    assert decoded.text == text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs", "Cc", "Cn", "Co")), max_size=300),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_round_trip(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec), "x")
    expected = normalize_newlines(text)
    if codec == "utf-8" and text.startswith("\ufeff"):
        expected = expected[1:]  # a leading U+FEFF is a BOM by definition
    assert decoded.text == expected


# --- small inputs meet the same bar as large ones ---------------------------------------------


@pytest.mark.parametrize("data", [
    b"\x00", b"\x00\x01", b"\x00\x01\x02binary\x00", b"\x7fELF\x02\x01\x01\x00" + bytes(8),
    b"PK\x03\x04\x14\x00\x00\x00", b"\x89PNG\r\n\x1a\n", bytes(range(1, 9)),
])
def test_small_binary_inputs_are_refused(data: bytes) -> None:
    with pytest.raises(DecodeError, match="binary|encoding|decode"):
        decode_bytes(data, "small.bin")


@pytest.mark.parametrize("text", ["中文新闻报道", "新闻", "記者王小明台北報導。", "中文新闻报道，记者王小明。ABC 2025\n"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_chinese_is_read(text: str, codec: str) -> None:
    decoded = decode_bytes(text.encode(codec), "u16.txt")
    assert (decoded.text, decoded.encoding) == (text, codec)


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=64))
def test_bytes_never_become_silent_mojibake(data: bytes) -> None:
    """Any input is either refused with a clear error or decodes to text of a known kind."""
    try:
        decoded = decode_bytes(data, "any.bin")
    except DecodeError:
        return
    if decoded.encoding.startswith("utf-16"):
        assert all(c in "\t\n\r" or c.isprintable() for c in decoded.text)
    else:
        assert not any(0 < ord(c) < 9 for c in decoded.text)


def test_the_cli_names_a_small_binary_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from helpers import invoke

    path = tmp_path / "tiny.txt"
    path.write_bytes(b"\x00\x01\x02binary\x00")
    result = invoke(["stats", str(path)])
    assert result.exit_code == 2
    assert result.stderr == f"newsctl: {path}: binary file (not text in a known encoding)\n"
