"""clean through the real CLI: text and JSON, --explain, --rules, idempotence, start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE_INPUTS, SAMPLES
from helpers import invoke, run_cli

PORTAL = SAMPLES / "zh-hans-portal-finance.txt"
META_KEYS = {"title", "date", "source", "author", "category", "site", "editor", "views"}


def test_text_output_is_title_then_paragraphs() -> None:
    result = invoke(["clean", str(PORTAL)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    gold = (Path(__file__).parent / "data" / "clean_gold" / "zh-hans-portal-finance.txt").read_text(encoding="utf-8")
    assert lines[0] == gold.split("\n")[0]
    assert "" not in lines  # no blank lines inside a document
    assert not any(line.startswith(("分享到", "责任编辑", "相关阅读", "首页 >")) for line in lines)
    assert result.stderr == ""


def test_json_has_every_meta_key() -> None:
    result = invoke(["clean", "--json", str(SAMPLES / "zh-hant-tw-daily-politics.txt")])
    record = json.loads(result.stdout)
    assert set(record["meta"]) == META_KEYS
    assert record["meta"]["date"].startswith("2025-03-02")
    assert "removed" not in record


def test_explain_goes_to_stderr_with_rule_ids() -> None:
    result = invoke(["clean", "--explain", str(PORTAL)])
    explained = result.stderr.splitlines()
    assert explained and all(line.startswith(f"newsctl: {PORTAL}:") for line in explained)
    assert any("removed [share-widget] 分享到" in line for line in explained)
    json_result = invoke(["clean", "--explain", "--json", str(PORTAL)])
    removed = json.loads(json_result.stdout)["removed"]
    assert {"line", "text", "rule"} == set(removed[0])
    assert json_result.stderr == ""


def test_documents_are_separated_by_a_blank_line() -> None:
    result = invoke(["clean", str(SAMPLES / "zh-hans-plain.txt"), str(PORTAL)])
    assert result.stdout.count("\n\n") == 1


def test_plain_article_comes_back_unchanged() -> None:
    plain = SAMPLES / "zh-hans-plain.txt"
    assert invoke(["clean", str(plain)]).stdout == plain.read_text(encoding="utf-8")


def test_clean_is_idempotent_through_the_cli() -> None:
    for sample in sorted(SAMPLES.glob("*.txt")):
        once = invoke(["clean", str(sample)]).stdout
        twice = invoke(["clean"], input=once).stdout
        assert twice == once, sample.name


def test_explain_names_the_pass_that_decided_and_its_evidence() -> None:
    page = "\n".join([
        "市区新增三处口袋公园 周边居民有了休闲去处", "分享到：微信 微博",
        "市园林局日前表示，三处口袋公园已于本周建成开放，总面积约一万平方米。",
        "公园利用边角空地改造而成，设有步道、座椅和儿童游乐设施，居民步行五分钟即可到达。",
        "园林部门表示，今年还将在老城区再建设十处类似的小型公园。",
        "相关阅读", "老城区改造提速 年内完成三十个项目", "城东绿道二期开工建设"])
    explained = invoke(["clean", "--explain"], input=page).stderr.splitlines()
    assert any(line.endswith("分享到：微信 微博  (pass rules)") for line in explained)
    assert any(line.endswith("城东绿道二期开工建设  (pass related-blocks: listed under the heading on line 6)")
               for line in explained)


def test_site_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('drop_patterns = ["本文由.*整理"]\n', encoding="utf-8")
    text = "标题\n第一段正文，讲了一件事情。\n本文由实习生小王整理\n第二段正文，又讲了一件事。\n"
    result = invoke(["clean", "--rules", str(rules)], input=text)
    assert "本文由" not in result.stdout and "第二段正文" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text('drop_patterns = ["(unclosed"]\n', encoding="utf-8")
    result = invoke(["clean", "--rules", str(bad)], input=text)
    assert result.exit_code == 2 and str(bad) in result.stderr and "Traceback" not in result.stderr


def test_a_line_rule_in_the_rules_file_is_explained(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nkind = "ad"\npattern = "戳这里领.{2,10}红包"\nexamples = ["戳这里领乘车红包"]\n',
                     encoding="utf-8")
    text = "标题\n第一段正文，讲了一件事情。\n戳这里领乘车红包\n第二段正文，又讲了一件事。\n"
    result = invoke(["clean", "--explain", "--rules", str(rules)], input=text)
    assert "戳这里领" not in result.stdout and "第二段正文" in result.stdout
    assert "ad" in result.stderr and "戳这里领乘车红包" in result.stderr
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[[rule]]\nkind = "ad"\npattern = "红包"\nexamples = ["戳这里领乘车红包"]\n', encoding="utf-8")
    result = invoke(["clean", "--rules", str(wrong)], input=text)
    assert result.exit_code == 2 and "does not match its example" in result.stderr
    assert "Traceback" not in result.stderr


def test_mojibake_is_warned_about(tmp_path: Path) -> None:
    result = invoke(["clean", str(SAMPLES / "zh-hant-aggregator-reprint.txt")])
    assert "warning" in result.stderr and "mojibake" in result.stderr
    quiet = invoke(["clean", "-q", str(SAMPLES / "zh-hant-aggregator-reprint.txt")])
    assert quiet.stderr == ""


def test_clean_never_imports_jieba() -> None:
    code = (
        "import sys, runpy; sys.argv = ['newsctl', 'clean', sys.argv[1]]\n"
        "try:\n    runpy.run_module('newsctl', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "assert 'jieba' not in sys.modules, 'jieba was imported'\n"
        "print('ok', file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(PORTAL)], capture_output=True, timeout=60)
    assert result.stderr.decode().strip().endswith("ok"), result.stderr.decode()


def test_clean_folder_json_pipeline_into_convert(tmp_path: Path) -> None:
    cleaned = run_cli(["clean", "--json", "-q", str(SAMPLES)])
    converted = run_cli(["convert", "--to", "simplified", "--json"], input=cleaned.stdout)
    records = [json.loads(line) for line in converted.stdout.decode().splitlines()]
    # a folder gives its text files and its saved pages
    assert len(records) == len(SAMPLE_INPUTS)
    big5 = next(r for r in records if r["path"].endswith("big5.txt"))
    assert set(big5["meta"]) >= META_KEYS
    assert big5["encoding"] == "cp950"


def test_text_output_is_the_json_texts() -> None:
    """Text output works out less (no metadata, no removed list) and prints the same text."""
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = invoke(["clean", "-q", str(sample)]).stdout
        record = json.loads(invoke(["clean", "-q", "--json", str(sample)]).stdout)
        assert text == record["text"] + "\n", sample.name
