"""newsctl.jobs.segment: projection, modes, offsets, POS, options, backends, laziness."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsctl.errors import DependencyError, UsageError
from newsctl.jobs.converters import convert_text
from newsctl.jobs.segment import (
    SegmentOptions,
    Token,
    get_segmenter,
    segment_line,
    segment_text,
)
from newsctl.segmenting import projection
from newsctl.segmenting.backends import cache_dir

PRC = "中华人民共和国成立了"
ROC = "中華人民共和國成立了"
NEWS_TW = (
    "行政院長陳建宏表示，政府將持續推動社會住宅政策，未來四年內再興建2萬戶。\n"
    "立法院下午三讀通過《食品安全衛生管理法》修正案，提高違規業者罰鍰上限。\n"
    "\n"
    "颱風來襲，氣象局發布陸上警報，北部地區今晚起將有豪雨。"
)
NEWS_CN = "全国政协第三次会议今天下午在北京开幕。\n会议听取并审议了关于城市更新工作的专题报告，与会代表共提出42条建议。"


def words(lines: list[list[Token]]) -> list[list[str]]:
    return [[token.word for token in line] for line in lines]


def assert_offsets(text: str, lines: list[list[Token]]) -> None:
    for line, tokens in zip(text.split("\n"), lines, strict=True):
        for token in tokens:
            assert line[token.start : token.end] == token.word


# ------------------------------------------------------------------------------- projection


def test_projection_returns_tokens_in_the_original_script() -> None:
    assert words(segment_text(ROC, SegmentOptions())) == [["中華人民共和國", "成立", "了"]]
    # jieba on the Traditional characters directly does worse:
    assert words(segment_text(ROC, SegmentOptions(script="simplified"))) == [
        ["中華", "人民", "共和", "國", "成立", "了"]
    ]
    # and the projection equals segmenting the Simplified text, in Traditional characters.
    assert words(segment_text(PRC, SegmentOptions())) == [["中华人民共和国", "成立", "了"]]


def test_projection_on_a_news_paragraph_rejoins_and_matches_simplified_boundaries() -> None:
    tokens = segment_text(NEWS_TW, SegmentOptions())
    assert_offsets(NEWS_TW, tokens)
    simplified = convert_text(NEWS_TW, "t2s")
    expected = segment_text(simplified, SegmentOptions(script="simplified"))
    assert [[(t.start, t.end) for t in line] for line in tokens] == [
        [(t.start, t.end) for t in line] for line in expected
    ]
    for line, line_tokens in zip(NEWS_TW.split("\n"), tokens):
        assert "".join(t.word for t in line_tokens) == line  # no whitespace in these lines


def test_line_whose_length_changes_is_segmented_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenCC 1.4's t2s never changes length; a future table might, for some line."""
    real = projection.convert_text

    def stretching(text: str, config: str) -> str:
        return real(text, config).replace("国", "国国")  # only the first line has 國

    monkeypatch.setattr(projection, "convert_text", stretching)
    text = ROC + "\n" + "颱風來襲，氣象局發布陸上警報"
    got = segment_text(text, SegmentOptions(script="traditional"))
    direct = segment_text(text, SegmentOptions(script="simplified"))
    assert words(got)[0] == words(direct)[0] == ["中華", "人民", "共和", "國", "成立", "了"]
    assert "".join(words(got)[0]) == ROC
    assert_offsets(text, got)
    # The other line is still projected.
    assert words(got)[1] == words(segment_text(text.split("\n")[1], SegmentOptions()))[0]
    # segment_line takes the same way out.
    assert [t.word for t in segment_line(ROC, SegmentOptions(), traditional=True)] == words(direct)[
        0
    ]


def test_segment_line_traditional_override() -> None:
    assert [t.word for t in segment_line(ROC, SegmentOptions(), traditional=True)] == [
        "中華人民共和國",
        "成立",
        "了",
    ]
    assert len(segment_line(ROC, SegmentOptions(), traditional=False)) == 6
    # auto decides from the line itself
    assert len(segment_line(ROC, SegmentOptions())) == 3


def test_auto_decides_once_per_text() -> None:
    # A Traditional line inside a Simplified text follows the text: segmented directly.
    text = NEWS_CN + "\n" + ROC
    assert words(segment_text(text, SegmentOptions()))[-1] == [
        "中華",
        "人民",
        "共和",
        "國",
        "成立",
        "了",
    ]
    # Alone, the same line is Traditional and projected.
    assert words(segment_text(ROC, SegmentOptions()))[-1] == ["中華人民共和國", "成立", "了"]


# ------------------------------------------------------------------------------------- POS


def test_pos_tags_on_traditional_text_come_from_the_projection() -> None:
    tagged = segment_text("我愛北京天安門", SegmentOptions(pos=True))
    assert [(t.word, t.pos) for t in tagged[0]] == [
        ("我", "r"),
        ("愛", "v"),
        ("北京", "ns"),
        ("天安門", "ns"),
    ]


def test_pos_on_traditional_matches_pos_on_simplified() -> None:
    simplified = convert_text(NEWS_TW, "t2s")
    got = segment_text(NEWS_TW, SegmentOptions(pos=True))
    expected = segment_text(simplified, SegmentOptions(pos=True))
    assert [[(t.start, t.end, t.pos) for t in line] for line in got] == [
        [(t.start, t.end, t.pos) for t in line] for line in expected
    ]
    assert_offsets(NEWS_TW, got)


def test_tokens_without_pos_have_no_tag() -> None:
    assert all(t.pos is None for t in segment_text(NEWS_CN, SegmentOptions())[0])


# ----------------------------------------------------------------------------- modes/offsets


@pytest.mark.parametrize("mode", ["precise", "full", "search"])
@pytest.mark.parametrize("script", ["auto", "simplified", "traditional"])
@pytest.mark.parametrize(
    "text", [NEWS_TW, NEWS_CN, "Mixed 英文 text: iPhone 15 Pro，售價 3.5 萬元 \t(約 $1,099)。\r"]
)
def test_offsets_in_every_mode(mode: str, script: str, text: str) -> None:
    options = SegmentOptions(mode=mode, script=script)  # type: ignore[arg-type]
    lines = segment_text(text, options)
    assert len(lines) == text.count("\n") + 1
    assert_offsets(text, lines)
    for tokens in lines:
        assert all(not t.word.isspace() for t in tokens)


def test_search_mode_adds_inner_words() -> None:
    search = words(segment_text(ROC, SegmentOptions(mode="search")))[0]
    assert search == ["中華", "華人", "人民", "共和", "共和國", "中華人民共和國", "成立", "了"]


def test_full_mode_lists_every_dictionary_word() -> None:
    full = segment_text(PRC, SegmentOptions(mode="full"))[0]
    assert [t.word for t in full] == [
        "中华", "中华人民", "中华人民共和国", "华人", "人民", "人民共和国", "共和", "共和国",
        "成立", "了",
    ]  # fmt: skip
    assert (full[2].start, full[2].end) == (0, 7)


def test_full_mode_matches_jieba_cut_all() -> None:
    segmenter = get_segmenter(SegmentOptions(backend="jieba"))
    tokenizer = segmenter._tokenizer  # type: ignore[attr-defined]
    for line in (NEWS_CN + "\n" + NEWS_TW + "\nT恤衫 卡拉OK abc123 x.y").split("\n"):
        expected = [w for w in tokenizer.lcut(line, cut_all=True) if w]
        assert segmenter.cut(line, "full", True) == expected


def test_whitespace_and_zero_width_tokens_are_dropped() -> None:
    line = "北京 上海\t广州\u3000深圳\u200b杭州\ufeff 苏州\r"
    tokens = segment_line(line, SegmentOptions())
    assert [t.word for t in tokens] == ["北京", "上海", "广州", "深圳", "杭州", "苏州"]
    gaps = [line[a.end : b.start] for a, b in itertools.pairwise(tokens)]
    assert gaps == [" ", "\t", "\u3000", "\u200b", "\ufeff "]


def test_blank_start_set_knows_every_whitespace_character() -> None:
    from newsctl.segmenting.blanks import BLANK_START

    assert all(chr(c) in BLANK_START for c in range(0x110000) if chr(c).isspace())


def test_segment_text_keeps_one_list_per_line() -> None:
    assert segment_text("", SegmentOptions()) == [[]]
    assert segment_text("国际\n", SegmentOptions()) == [[Token("国际", 0, 2)], []]
    assert words(segment_text("a\r\nb", SegmentOptions())) == [["a"], ["b"]]


def test_no_hmm_changes_unknown_words() -> None:
    line = "他来到了网易杭研大厦"
    assert "杭研" in [t.word for t in segment_line(line, SegmentOptions())]
    assert "杭研" not in [t.word for t in segment_line(line, SegmentOptions(hmm=False))]


# ---------------------------------------------------------------------------------- options


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mode": "fast"},
        {"script": "hanzi"},
        {"backend": "pkuseg"},
        {"pos": True, "mode": "search"},
        {"pos": True, "mode": "full"},
    ],
)
def test_bad_options_are_usage_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(UsageError):
        SegmentOptions(**kwargs)  # type: ignore[arg-type]


def test_user_dicts_become_a_tuple() -> None:
    assert SegmentOptions(user_dicts=["a.txt"]).user_dicts == ("a.txt",)  # type: ignore[arg-type]
    assert SegmentOptions(user_dicts="a.txt").user_dicts == ("a.txt",)  # type: ignore[arg-type]
    hash(SegmentOptions(user_dicts=["a.txt"]))  # type: ignore[arg-type]


def test_segmenter_is_built_once_per_backend_and_dictionaries() -> None:
    assert get_segmenter(SegmentOptions()) is get_segmenter(SegmentOptions(mode="full", pos=False))
    assert get_segmenter(SegmentOptions()) is get_segmenter(SegmentOptions(pos=True))


def test_missing_rjieba_is_a_dependency_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsctl.jobs.segment

    monkeypatch.setitem(sys.modules, "rjieba", None)  # makes `import rjieba` fail
    newsctl.jobs.segment._build_segmenter.cache_clear()     # (an earlier test built one)
    try:
        with pytest.raises(DependencyError, match=r"newsctl\[fast\]"):
            get_segmenter(SegmentOptions(backend="rjieba"))
    finally:
        newsctl.jobs.segment._build_segmenter.cache_clear()


def test_the_default_backend_is_rjieba_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    import newsctl.jobs.segment

    assert SegmentOptions().backend == "rjieba"   # a dependency: installed with newsctl
    newsctl.jobs.segment.default_backend.cache_clear()
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "rjieba" else real_find_spec(name, *a))
    try:
        assert SegmentOptions().backend == "jieba"   # a platform without its wheels
        assert SegmentOptions(backend="jieba").backend == "jieba"
    finally:
        newsctl.jobs.segment.default_backend.cache_clear()


# ----------------------------------------------------------------------------- laziness/cache


def test_importing_segment_loads_neither_jieba_nor_opencc() -> None:
    code = (
        "import sys, newsctl.jobs.segment, newsctl.text.script\n"
        "heavy = [m for m in ('jieba', 'opencc') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_first_segmenter_writes_jieba_cache_and_prints_nothing(tmp_path: Path) -> None:
    code = (
        "from newsctl.jobs.segment import SegmentOptions, segment_text\n"
        "print(segment_text('國際新聞', SegmentOptions(pos=True, backend='jieba'))[0][0].word)"
    )
    env = dict(os.environ, NEWSCTL_CACHE_DIR=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-c", code],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "國際"
    assert result.stderr == ""  # jieba's "Building prefix dict..." is silenced
    cached = [p.name for p in (tmp_path / "cache").iterdir() if not p.name.startswith("regex-")]
    assert len(cached) == 1 and cached[0].startswith("jieba-") and cached[0].endswith(".cache")


def test_cache_dir_choices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache_dir() == str(tmp_path / "explicit")
    assert (tmp_path / "explicit").is_dir()
    monkeypatch.delenv("NEWSCTL_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == str(tmp_path / "xdg" / "newsctl")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(blocker / "sub"))
    assert cache_dir() is None


@pytest.mark.parametrize("mode", ["precise", "full", "search"])
def test_rjieba_backend_when_installed(mode: str) -> None:
    pytest.importorskip("rjieba")
    text = NEWS_TW + "\n" + NEWS_CN + "\nOK\tyes aPKb T恤衫 3.5%"
    options = SegmentOptions(backend="rjieba", mode=mode)  # type: ignore[arg-type]
    lines = segment_text(text, options)
    assert_offsets(text, lines)
    if mode == "precise":
        for line, tokens in zip(text.split("\n"), lines):
            assert "".join(t.word for t in tokens) == "".join(line.split())
    tagged = segment_text(ROC, SegmentOptions(backend="rjieba", pos=True))
    assert (tagged[0][0].word, tagged[0][0].pos) == ("中華人民共和國", "ns")
