"""Fuzzing: arbitrary bytes and Unicode through the loader and every command's library function
and CLI: no crash, no hang, no traceback; text round-trips where it should."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl.jobs.clean import clean_text
from newsctl.jobs.convert import convert_string
from newsctl.io.documents import Document, Source, read_source
from newsctl.io.encodings import decode_bytes
from newsctl.errors import DecodeError, JsonLinesError
from newsctl.jobs.keywords import KeywordOptions, KeywordQuery, count_keywords, document_terms
from newsctl.text.script import script_profile
from newsctl.jobs.segment import SegmentOptions, segment_text
from newsctl.jobs.stats import document_stats

from helpers import invoke

# Text as a decoded file can hold it: any code point but lone surrogates; with the awkward ones
# (controls, U+FEFF mid-text, zero-width, CJK, full-width space) made likely.
AWKWARD = st.sampled_from(["\ufeff", "\u200b", "\u3000", "\x00", "\x1b", "\r", "\n", "\t", "。", "發(fā)", "新闻", "臺灣", "<br/>", "&nbsp;", "【】", "——"])
TEXT = st.lists(st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=20), AWKWARD), max_size=30).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_decode_or_fail_cleanly(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz.txt")
    except DecodeError as error:
        assert str(error).startswith("fuzz.txt: ")
        return
    assert "\r" not in decoded.text


@SETTINGS
@given(TEXT)
def test_every_library_function_survives_any_text(text: str) -> None:
    clean_text(text)
    assert convert_string(text, "s2t").count("\n") == text.count("\n")
    lines = segment_text(text, SegmentOptions())
    assert len(lines) == text.count("\n") + 1
    for raw, tokens in zip(text.split("\n"), lines):
        assert all(raw[t.start:t.end] == t.word for t in tokens)
    script_profile(text)
    stats = document_stats(text, tokens=[t.word for line in lines for t in line])
    assert stats.chars == len(text)
    options = KeywordOptions(method="textrank")
    document_terms([[(t.word, "n") for t in line] for line in lines], options)
    count_keywords(text, KeywordQuery.build(["新闻"]))


@SETTINGS
@given(TEXT)
def test_clean_is_idempotent_on_any_text(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@SETTINGS
@given(st.lists(st.one_of(TEXT, st.just('{"text": "\\ud800"}'), st.just("{bad"), st.just('{"text": 1}')), max_size=5))
def test_json_lines_with_anything_in_them(values: list[str]) -> None:
    lines = [v if v.startswith("{") else json.dumps({"text": v}, ensure_ascii=False) for v in values]
    data = ("\n".join(lines)).encode("utf-8")
    for item in read_source(Source("in.jsonl", "in.jsonl", jsonl=True, data=data)):
        if isinstance(item, Document):
            item.text.encode("utf-8")  # always writable as UTF-8
        else:
            assert isinstance(item, JsonLinesError) and str(item).startswith("in.jsonl:")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.sampled_from([["clean"], ["convert", "--to", "traditional"], ["segment", "--pos"], ["stats"], ["keywords", "--method", "tfidf"]]))
def test_every_command_survives_any_text_through_the_cli(text: str, command: list[str]) -> None:
    record = json.dumps({"path": "fuzz", "text": text}, ensure_ascii=False)
    result = invoke([*command, "--json", "-q"], input=record)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()  # splitlines also splits on U+0085/2028/2029: escaped
    for line in lines:
        json.loads(line)


def test_a_lone_surrogate_record_is_refused_with_its_line_number() -> None:
    result = invoke(["convert", "--to", "traditional", "--json"], input='{"text": "ok"}\n{"text": "bad \\ud800"}\n')
    assert result.exit_code == 1
    assert result.stderr == "newsctl: -:2: contains a lone surrogate escape (not valid Unicode)\n"
    assert json.loads(result.stdout)["text"] == "ok"


def test_a_very_long_line_without_newline_in_every_library_function() -> None:
    text = "中文新闻报道" * 50_000 + "\ufeff" + "abc" * 1000
    assert clean_text(text).text
    assert len(segment_text(text, SegmentOptions())) == 1
