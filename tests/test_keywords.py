"""keywords: cross-script counting, term filters, ranking methods, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.keywords import KeywordOptions, KeywordQuery, count_keywords, is_candidate

from conftest import SAMPLE_INPUTS, SAMPLES
from helpers import invoke

HANT = SAMPLES / "zh-hant-tw-daily-politics.txt"


def test_counts_match_across_scripts_and_report_the_typed_form() -> None:
    text = "國軍新裝備亮相，這批装备將於年底交付。裝備測試順利。"
    counts = count_keywords(text, KeywordQuery.build(["装备", "裝備", "測試"]))
    assert counts == {"装备": 3, "裝備": 3, "測試": 1}


def test_counts_are_non_overlapping_like_grep_o() -> None:
    assert count_keywords("哈哈哈哈哈", KeywordQuery.build(["哈哈"])) == {"哈哈": 2}


def test_numbers_punctuation_and_single_characters_are_never_terms() -> None:
    options = KeywordOptions()
    for word in ("2025", "2025年", "3.5%", "十二", "，", "——", " ", "的", "x"):
        assert not is_candidate(word, options), word
    for word in ("經濟", "AI", "5G網路", "台北市"):
        assert is_candidate(word, options), word
    assert is_candidate("港", KeywordOptions(min_len=1))


def test_cli_counts_given_words_in_total() -> None:
    result = invoke(["keywords", "-w", "补助", "-w", "捷運", "--json", "-q", str(HANT)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    counts = {k["word"]: k["count"] for k in record["keywords"]}
    text = HANT.read_text(encoding="utf-8")
    assert counts["补助"] == text.count("補助") and counts["补助"] > 0
    assert counts["捷運"] == text.count("捷運")


def test_cli_words_file_and_per_doc(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("# keywords\n候鸟\n", encoding="utf-8")
    result = invoke(["keywords", "--words-file", str(words), "--per-doc", "-q",
                     str(SAMPLES / "zh-hans-plain.txt"), str(HANT)])
    lines = result.stdout.splitlines()
    assert lines[0] == "path\tword\tcount"
    plain = (SAMPLES / "zh-hans-plain.txt").read_text(encoding="utf-8").count("候鸟")
    assert lines[1].endswith(f"\t候鸟\t{plain}") and lines[2].endswith("\t候鸟\t0")


def test_ranked_terms_on_traditional_text_stay_traditional() -> None:
    for method in ("count", "tfidf", "textrank"):
        result = invoke(["keywords", "--method", method, "--top", "5", "--json", "-q", str(HANT)])
        assert result.exit_code == 0, result.stderr
        keywords = json.loads(result.stdout)["keywords"]
        assert len(keywords) == 5
        words = [k["word"] for k in keywords]
        assert "補助" in words or "住戶" in words, (method, words)
        weights = [k["weight"] for k in keywords]
        assert weights == sorted(weights, reverse=True)


def test_stopwords_apply_in_both_scripts(tmp_path: Path) -> None:
    stop = tmp_path / "stop.txt"
    stop.write_text("补助\n", encoding="utf-8")  # Simplified entry stops the Traditional 補助
    result = invoke(["keywords", "--top", "50", "--stopwords", str(stop), "--json", "-q", str(HANT)])
    words = [k["word"] for k in json.loads(result.stdout)["keywords"]]
    assert "補助" not in words


def test_builtin_stopwords_can_be_switched_off() -> None:
    text = "他们表示，他们会继续努力。他们表示感谢。"
    on = invoke(["keywords", "--top", "10", "--json", "-q"], input=text)
    off = invoke(["keywords", "--top", "10", "--json", "--no-stopwords", "-q"], input=text)
    assert "他们" not in [k["word"] for k in json.loads(on.stdout)["keywords"]]
    assert json.loads(off.stdout)["keywords"][0]["word"] == "他们"


def test_pos_filter_keeps_only_those_tags() -> None:
    result = invoke(["keywords", "--pos", "ns", "--top", "5", "--json", "-q", str(HANT)])
    words = [k["word"] for k in json.loads(result.stdout)["keywords"]]
    assert words and all(w in HANT.read_text(encoding="utf-8") for w in words)
    assert "補助" not in words  # a verb/noun, not a place name


def test_corpus_idf_per_document() -> None:
    result = invoke(["keywords", "--method", "tfidf", "--idf", "corpus", "--per-doc", "--top", "3",
                     "--json", "-q", str(SAMPLES)])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(SAMPLE_INPUTS)
    assert all(len(r["keywords"]) == 3 for r in records)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="新闻报道经济发展北京上海", min_size=0, max_size=60),
       st.text(alphabet="新闻报道经济发展北京上海", min_size=1, max_size=3))
def test_counting_simplified_text_equals_str_count(text: str, word: str) -> None:
    assert count_keywords(text, KeywordQuery.build([word]))[word] == text.count(word)


def test_terms_are_shown_in_the_form_the_input_used_most() -> None:
    from newsctl.jobs.keywords import TermCounts, document_terms

    options = KeywordOptions()
    merged = TermCounts()
    for words in (["經濟", "經濟"], ["经济"], ["經濟", "发展"]):
        merged.merge(document_terms([[(w, None) for w in words]], options))
    assert merged.counts == {"经济": 4, "发展": 1}
    assert merged.surface("经济") == "經濟" and merged.surface("发展") == "发展"
    assert merged.doc_freq == {"经济": 3, "发展": 1} and merged.documents == 3


def test_keywords_count_the_tokens_a_segmented_record_carries() -> None:
    import json

    from helpers import invoke

    record = {"path": "a.txt", "text": "不相干的文字", "tokens": ["補助", "申請", "補助"]}
    result = invoke(["keywords", "--json", "-q", "-"], input=json.dumps(record, ensure_ascii=False) + "\n")
    assert result.exit_code == 0, result.stderr
    ranked = json.loads(result.stdout.splitlines()[0])
    words = {entry["word"]: entry["count"] for entry in ranked.get("keywords", ranked.get("terms", []))}
    assert words.get("補助") == 2
