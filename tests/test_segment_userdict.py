"""User dictionaries: tolerant reading, clear errors, words usable in both scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsctl.errors import RulesError
from newsctl.jobs.segment import SegmentOptions, get_segmenter, load_user_dict, segment_text
from newsctl.segmenting.userdict import parse_user_dict, with_simplified_forms


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_bom_crlf_comments_blank_lines_and_spaces_inside_words(tmp_path: Path) -> None:
    path = write(
        tmp_path / "words.txt",
        "\ufeff# newsctl user words\r\n"
        "台積電 2000 nt\r\n"
        "\r\n"
        "新冠肺炎 n\r\n"
        "   iPhone 15 Pro   300  nz  \r\n"
        "machine learning\r\n"
        "New  York 10\r\n"
        "柯文哲\tnr\r\n"
        "一帶一路",
    )
    assert load_user_dict(path) == [
        ("台積電", 2000, "nt"),
        ("新冠肺炎", None, "n"),
        ("iPhone 15 Pro", 300, "nz"),
        ("machine learning", None, None),
        ("New  York", 10, None),
        ("柯文哲", None, "nr"),
        ("一帶一路", None, None),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("词语 1.5 n", "frequency '1.5'"),
        ("词语 -5", "frequency '-5'"),
        ("词语 1e3", "frequency '1e3'"),
        ("10 n", "no word"),
        ("词语 10 名词", "not a part-of-speech tag"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path / "bad.txt", "# header\n好词 5\n" + line + "\n")
    with pytest.raises(RulesError, match=message) as caught:
        load_user_dict(path)
    assert caught.value.path == path
    assert caught.value.message.startswith("line 3: ")
    assert str(caught.value).startswith(f"{path}: line 3: ")


def test_missing_file_and_folder_are_rules_errors(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="not found") as caught:
        load_user_dict(str(tmp_path / "nope.txt"))
    assert caught.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(RulesError, match="folder"):
        load_user_dict(str(tmp_path))


def test_non_utf8_dictionary_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "gbk.txt", "好词 5\n台积电 10\n", encoding="gbk")
    with pytest.raises(RulesError, match=r"line 1: not UTF-8"):
        load_user_dict(path)


def test_parse_without_a_file() -> None:
    assert parse_user_dict("甲乙 3 n\n") == [("甲乙", 3, "n")]


def test_simplified_forms_are_added_after_each_word() -> None:
    assert with_simplified_forms([("台積電", 5, "nt"), ("中国", None, None)]) == [
        ("台積電", 5, "nt"),
        ("台积电", 5, "nt"),
        ("中国", None, None),
    ]


def test_bad_dictionary_fails_get_segmenter(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.txt", "词语 1.5 n\n")
    with pytest.raises(RulesError, match="line 1"):
        get_segmenter(SegmentOptions(user_dicts=(path,)))


@pytest.fixture(scope="module")
def user_options(tmp_path_factory: pytest.TempPathFactory) -> SegmentOptions:
    folder = tmp_path_factory.mktemp("userdict")
    path = write(
        folder / "words.txt",
        "\ufeff台積電 2000 nt\r\n鴻海精密 nt\r\nNew York 10 ns\r\n",
    )
    return SegmentOptions(user_dicts=(path,))


def test_traditional_user_word_is_found_through_the_projection(
    user_options: SegmentOptions,
) -> None:
    text = "台積電宣布擴大投資\n台积电宣布扩大投资\n鴻海精密今天公布財報"
    assert [[t.word for t in line] for line in segment_text(text, user_options)] == [
        ["台積電", "宣布", "擴大", "投資"],
        ["台积电", "宣布", "扩大", "投资"],
        ["鴻海精密", "今天", "公布", "財報"],
    ]
    # Without the dictionary jieba splits the company names.
    plain = segment_text(text, SegmentOptions())
    assert "台積電" not in [t.word for t in plain[0]]


def test_user_word_is_found_when_segmenting_traditional_directly(
    user_options: SegmentOptions,
) -> None:
    options = SegmentOptions(user_dicts=user_options.user_dicts, script="simplified")
    assert segment_text("台積電宣布擴大投資", options)[0][0].word == "台積電"


def test_user_tags_reach_pos_output(user_options: SegmentOptions) -> None:
    options = SegmentOptions(user_dicts=user_options.user_dicts, pos=True)
    tagged = segment_text("台積電宣布擴大投資", options)[0]
    assert (tagged[0].word, tagged[0].pos) == ("台積電", "nt")


def test_word_with_a_space_loads_and_segmenting_still_works(user_options: SegmentOptions) -> None:
    line = "He moved to New York last year，在紐約工作。"
    tokens = segment_text(line, user_options)[0]
    assert all(line[t.start : t.end] == t.word for t in tokens)
