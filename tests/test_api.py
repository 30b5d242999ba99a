"""The library API, called as a user of ``import newsctl`` would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsctl
from conftest import SAMPLE_INPUTS, SAMPLES
from newsctl.errors import InputError, UsageError


def test_the_api_is_what_all_declares() -> None:
    assert newsctl.__all__ == ["__version__", "clean", "clean_text", "convert", "convert_text",
                               "load", "load_documents", "segment", "segment_words", "stats",
                               "text_stats"]
    # the earlier names are the same functions
    assert newsctl.clean_text is newsctl.clean and newsctl.segment_words is newsctl.segment
    assert newsctl.load_documents is newsctl.load and newsctl.text_stats is newsctl.stats
    for name in newsctl.__all__:
        assert getattr(newsctl, name) is not None
    with pytest.raises(AttributeError):
        newsctl.no_such_function  # noqa: B018


def test_importing_newsctl_loads_nothing_heavy() -> None:
    code = ("import sys, newsctl; newsctl.clean_text('标题\\n正文第一段，内容。'); "
            "print(sorted(m for m in ('jieba', 'opencc', 'chardet', 'typer') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_clean_text() -> None:
    page = "湖畔公园改造完成_城市_某某网\n分享到：微信 微博\n记者 张三\n正文第一段，市民纷纷前往。"
    result = newsctl.clean_text(page)
    assert (result.title, result.paragraphs) == ("湖畔公园改造完成", ("正文第一段，市民纷纷前往。",))
    assert (result.meta["author"], result.meta["site"]) == (["张三"], "某某网")
    assert {r.rule for r in result.removed} >= {"byline", "share-widget"}


def test_clean_text_with_site_rules(tmp_path: Path) -> None:
    rules = tmp_path / "site.toml"
    rules.write_text('drop_patterns = ["本站广告.*"]\n', encoding="utf-8")
    page = "湖畔公园改造完成\n本站广告：欢迎订阅\n正文第一段，市民纷纷前往。"
    assert "本站广告" not in newsctl.clean_text(page, rules=str(rules)).text


def test_convert_text() -> None:
    assert newsctl.convert_text("软件和信息服务", to="taiwan") == "軟體和資訊服務"
    assert newsctl.convert_text("軟體", config="t2s") == "软体"
    assert newsctl.convert_text("Whoo 后的新品", config="s2hk", keep=["Whoo 后"]) == "Whoo 后的新品"
    with pytest.raises(UsageError):
        newsctl.convert_text("软件", to="klingon")


def test_segment_words_keeps_the_input_script() -> None:
    words = newsctl.segment_words("臺灣的軟體產業。\n第二行")
    assert words[0] == ["臺灣", "的", "軟體", "產業", "。"]
    assert "".join(words[1]) == "第二行"
    tagged = newsctl.segment_words("臺灣的軟體產業。", pos=True)
    assert tagged[0][0] == ("臺灣", "ns")
    with pytest.raises(UsageError):
        newsctl.segment_words("臺灣", mode="fancy")


def test_text_stats() -> None:
    stats = newsctl.text_stats("臺灣的軟體產業。")
    assert (stats["cjk"], stats["sentences"], stats["words"], stats["script"]) == (7, 1, 4, "traditional")
    assert newsctl.text_stats("臺灣", words=False)["words"] is None


def test_load_documents() -> None:
    documents = list(newsctl.load_documents(str(SAMPLES)))
    assert len(documents) == len(SAMPLE_INPUTS)
    big5 = next(d for d in documents if d.path.endswith("roc-big5.txt"))
    assert big5.encoding == "cp950" and "彰化" in big5.text
    with pytest.raises(InputError):
        list(newsctl.load_documents(str(SAMPLES / "missing.txt")))


def test_clean_takes_a_saved_page_too() -> None:
    html = (SAMPLES / "zh-hans-saved-page.html").read_text(encoding="utf-8")
    result = newsctl.clean(html)
    assert result.title == "江畔湿地公园完成生态修复 候鸟数量创新高"
    assert result.meta["source"] == "青禾日报" and "<" not in result.text


def test_the_short_names_work_as_a_user_writes_them() -> None:
    assert newsctl.segment("臺灣的軟體產業。") == [["臺灣", "的", "軟體", "產業", "。"]]
    assert newsctl.convert("软件和信息服务", to="taiwan") == "軟體和資訊服務"
    assert newsctl.stats("臺灣的軟體產業。")["script"] == "traditional"
    assert len(list(newsctl.load(str(SAMPLES)))) == len(SAMPLE_INPUTS)
