"""stats: hand-checked counts, the partition invariant, and the corpus summary through the CLI."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.stats import char_classes, count_sentences, document_stats

from conftest import SAMPLE_INPUTS, SAMPLES
from helpers import invoke


def test_hand_counted_text() -> None:
    # 標題 (2 cjk) + 他說：「好。」 (3 cjk, 4 punct) + OK 12% (2 latin, 2 digits, 1 punct,
    # 1 space) + 3 newlines = 18 characters
    text = "標題\n他說：「好。」\nOK 12%\n"
    classes = char_classes(text)
    assert classes == {"chars": 18, "cjk": 5, "latin": 2, "digits": 2, "punctuation": 5,
                       "whitespace": 4, "other": 0}
    # 標題 (no terminator) + 他說：「好。」 + "OK 12%" (no terminator) = 3 sentences
    assert count_sentences(text) == 3


def test_sentence_rules() -> None:
    assert count_sentences("他说：“走吧！”我们就走了。") == 2  # closing quote stays with its sentence
    assert count_sentences("真的吗？！是的。") == 2  # a run of terminators is one end
    assert count_sentences("他犹豫了……然后说不。") == 1  # a mid-sentence ellipsis is a pause
    assert count_sentences("故事还没有结束……") == 1  # a final ellipsis ends it
    assert count_sentences("\n\n——\n") == 0  # no words, no sentence


def test_plain_sample_counted_by_hand() -> None:
    path = SAMPLES / "zh-hans-plain.txt"
    stats = document_stats(path.read_text(encoding="utf-8"), "utf-8", path.stat().st_size)
    # 8 newline-terminated lines, each a paragraph; one space in the title + 8 newlines;
    # the only digits are "72"; sentences: 1+2+2+2+1+1+3+1 (read off the file).
    assert (stats.lines, stats.paragraphs, stats.whitespace, stats.digits, stats.latin) == (8, 8, 9, 2, 0)
    assert stats.sentences == 13
    assert stats.script == "simplified" and stats.bytes == 1268
    assert stats.words is None  # no tokens given


def test_cli_json_records_and_summary_add_up() -> None:
    result = invoke(["stats", "--json", "-q", str(SAMPLES)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    docs, summary = records[:-1], records[-1]["summary"]
    assert len(docs) == len(SAMPLE_INPUTS) == summary["documents"]
    for key in ("chars", "cjk", "sentences", "words", "bytes"):
        assert summary["totals"][key] == sum(d["stats"][key] for d in docs)
    assert summary["scripts"] == {"simplified": 8, "traditional": 7}
    big5 = next(d for d in docs if d["path"].endswith("-big5.txt"))
    assert big5["encoding"] == "cp950" and big5["stats"]["script"] == "traditional"
    assert big5["stats"]["bytes"] == (SAMPLES / "zh-hant-tw-paper-roc-big5.txt").stat().st_size
    assert "text" not in docs[0]


def test_cli_tsv_when_piped_has_a_total_row() -> None:
    result = invoke(["stats", "--no-words", "-q", str(SAMPLES / "zh-hans-plain.txt")])
    lines = result.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["path", "encoding", "bytes"]
    row = dict(zip(header, lines[1].split("\t")))
    assert row["sentences"] == "13" and row["words"] == ""
    assert lines[2].startswith("TOTAL\t")


def test_cli_csv() -> None:
    result = invoke(["stats", "--csv", "--no-words", "-q", str(SAMPLES / "zh-hans-plain.txt")])
    assert result.stdout.splitlines()[0].startswith("path,encoding,bytes,chars")


def test_words_are_counted_with_the_segmenter() -> None:
    result = invoke(["stats", "--json", "-q"], input="我们今天去北京。")
    stats = json.loads(result.stdout.splitlines()[0])["stats"]
    assert stats["words"] == 4 and stats["unique_words"] == 4  # 我们 今天 去 北京 (。 is no word)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_character_classes_partition_the_text(text: str) -> None:
    classes = char_classes(text)
    parts = ("cjk", "latin", "digits", "punctuation", "whitespace", "other")
    assert sum(classes[p] for p in parts) == classes["chars"] == len(text)
    assert count_sentences(text) >= 0


def test_stats_counts_the_tokens_a_segmented_record_carries() -> None:
    """segment --json then stats: the words are the tokens given, not a second segmentation."""
    import json

    from helpers import invoke

    record = {"path": "a.txt", "text": "臺灣的軟體產業。", "tokens": ["臺灣", "的", "軟體", "產業", "。", "臺灣"]}
    result = invoke(["stats", "--json", "-"], input=json.dumps(record, ensure_ascii=False) + "\n")
    assert result.exit_code == 0, result.stderr
    stats = json.loads(result.stdout.splitlines()[0])["stats"]
    assert (stats["words"], stats["unique_words"]) == (5, 4)   # punctuation is no word


def test_segment_then_stats_gives_the_same_words_as_stats_alone(samples) -> None:  # type: ignore[no-untyped-def]
    import json

    from helpers import invoke

    page = samples / "zh-hant-tw-paper-roc-big5.txt"
    alone = json.loads(invoke(["stats", "--json", "-q", str(page)]).stdout.splitlines()[0])
    segmented = invoke(["segment", "--json", "-q", str(page)]).stdout
    chained = json.loads(invoke(["stats", "--json", "-q", "-"], input=segmented).stdout.splitlines()[0])
    assert chained["stats"]["words"] == alone["stats"]["words"]
    assert chained["stats"]["unique_words"] == alone["stats"]["unique_words"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_char_classes_count_each_character_as_its_class(text: str) -> None:
    from collections import Counter

    from newsctl.jobs.stats import char_class, char_classes

    expected = Counter(char_class(c) for c in text)
    counts = char_classes(text)
    assert {k: v for k, v in counts.items() if k != "chars"} == {
        name: expected.get(name, 0) for name in counts if name != "chars"}
    assert counts["chars"] == len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="國际國際新闻新聞台灣台湾人大中小山水abc，。 ", max_size=60))
def test_script_summary_agrees_with_the_full_profile(text: str) -> None:
    from newsctl.text.script import script_profile, script_summary

    profile = script_profile(text)
    assert script_summary(text) == (profile.label, profile.traditional_share)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="。！？!?｡….”’」』）)]】》〉\"' \n\t好a", max_size=40))
def test_sentence_ends_are_found_as_the_plain_pattern_finds_them(text: str) -> None:
    """The pattern is written for speed (a class first); it must match what its plain form does."""
    import re

    from newsctl.jobs.stats import _SENTENCE_END

    plain = re.compile(r"[。！？!?｡]+[”’」』）)\]】》〉\"']*|(?:…{1,2}|\.{3,6})(?:[”’」』）)\"']+|(?=\s*$))",
                       re.MULTILINE)
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["發展", "经济", "。", "，", " ", "\n", "5.3%", "——", "a", "_", 7]),
                max_size=60))
def test_count_words_counts_each_token_that_is_a_word(tokens: list[object]) -> None:
    from collections import Counter

    from newsctl.jobs.stats import count_words, is_word

    counts = Counter(t for t in tokens if isinstance(t, str) and is_word(t))
    assert count_words(tokens) == (sum(counts.values()), len(counts))
