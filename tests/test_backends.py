"""Both backends, one behaviour: rjieba (jieba-rs) must give jieba's tokens, tags and keywords.

The ``backend`` fixture runs a test once per backend (rjieba cases skip cleanly when rjieba is
not installed); through the CLI the backend is chosen with ``NEWSCTL_BACKEND``, as a user would.
The agreement tests compare the two over every sample, in both scripts, in every mode; their
rates are printed (``pytest -s``) and are the figures quoted in the README.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl.io.encodings import decode_bytes
from newsctl.errors import DependencyError
from newsctl.jobs.segment import SegmentOptions, get_segmenter, segment_text, segment_words
from newsctl.segmenting.jiebafreqs import JiebaFreqs
from newsctl.segmenting import rjieba_backend
from newsctl.segmenting.backends import JiebaSegmenter, Mode, jieba_file
from newsctl.segmenting.userdict import parse_user_dict, with_simplified_forms

from conftest import SAMPLES
from golden.pin import COMMANDS, GOLDEN, ROOT
from helpers import invoke
from test_segment_properties import ALPHABET

BACKENDS = ["jieba", "rjieba"]
HANT = SAMPLES / "zh-hant-tw-daily-politics.txt"


def _clear_segmenters() -> None:
    from newsctl.jobs import segment

    segment._build_segmenter.cache_clear()


@pytest.fixture(scope="module", autouse=True)
def _forget_segmenters() -> Iterator[None]:
    """Later modules must not inherit the segmenters built here (one checks a missing rjieba)."""
    yield
    _clear_segmenters()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each backend in turn, selected for the CLI through ``NEWSCTL_BACKEND``."""
    name: str = request.param
    if name == "rjieba":
        pytest.importorskip("rjieba")
    monkeypatch.setenv("NEWSCTL_BACKEND", name)
    return name


@pytest.fixture(scope="module")
def rjieba_segmenter() -> rjieba_backend.RjiebaSegmenter:
    pytest.importorskip("rjieba")
    return rjieba_backend.RjiebaSegmenter()


@pytest.fixture(scope="module")
def jieba_segmenter() -> JiebaSegmenter:
    return JiebaSegmenter()


def sample_texts() -> dict[str, str]:
    return {
        path.name: decode_bytes(path.read_bytes(), str(path)).text
        for path in sorted(SAMPLES.glob("*.txt"))
    }


def words(lines: list[list]) -> list[list[str]]:  # type: ignore[type-arg]
    return [[token.word for token in line] for line in lines]


# ----------------------------------------------------------------- the same CLI, both backends


def test_segment_text_output(backend: str) -> None:
    result = invoke(["segment"], input="臺灣的軟體產業與資訊服務\n\n北京今天发布新规。\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "臺灣 的 軟體 產業 與 資訊 服務\n\n北京 今天 发布 新规 。\n"


def test_segment_pos_no_hmm_and_modes(backend: str) -> None:
    assert invoke(["segment", "-d", "|", "--pos"], input="我爱北京").stdout == "我/r|爱/v|北京/ns\n"
    assert invoke(["segment", "--no-hmm"], input="他来到了网易杭研大厦").stdout == (
        "他 来到 了 网易 杭 研 大厦\n"
    )
    assert invoke(["segment"], input="他来到了网易杭研大厦").stdout == "他 来到 了 网易 杭研 大厦\n"
    search = invoke(["segment", "--mode", "search"], input="中華人民共和國成立了").stdout
    assert search == "中華 華人 人民 共和 共和國 中華人民共和國 成立 了\n"
    full = invoke(["segment", "--mode", "full"], input="中华人民共和国成立了").stdout
    assert full == "中华 中华人民 中华人民共和国 华人 人民 人民共和国 共和 共和国 成立 了\n"


def test_segment_json_tags_and_offsets(backend: str) -> None:
    text = "標題\n臺灣的軟體 2025-03-02 上線，網址 www.example.com"
    result = invoke(["segment", "--json", "--pos", "--offsets"],
                    input=json.dumps({"path": "a", "text": text}))
    record = json.loads(result.stdout)
    assert [text[s:e] for s, e in record["spans"]] == record["tokens"]
    assert record["tokens"][:4] == ["標題", "臺灣", "的", "軟體"]
    assert record["tokens"][4:9] == ["2025", "-", "03", "-", "02"]
    assert record["pos"][:4] == ["n", "ns", "uj", "n"]


def test_user_dictionary_with_bom_crlf_and_spaces(backend: str, tmp_path: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_bytes("\ufeff# 公司\r\n台積電 2000 nt\r\n鄱阳湖越冬候鸟\r\n  市域快线   n  \r\n".encode())
    text = "台積電宣布擴大投資\n看鄱阳湖越冬候鸟\n武鄂市域快线开通"
    result = invoke(["segment", "--pos", "--dict", str(user)], input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "台積電/nt 宣布/v 擴大/v 投資/vn",
        "看/v 鄱阳湖越冬候鸟/x",
        "武鄂/nr 市域快线/n 开通/v",
    ]


def test_bad_user_dictionary_is_reported_the_same(backend: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("词语 1.5 n\n", encoding="utf-8")
    result = invoke(["segment", "--dict", str(bad)], input="我爱北京")
    assert result.exit_code == 2
    assert f"{bad}: line 1: frequency '1.5'" in result.stderr


@pytest.mark.parametrize("method", ["count", "tfidf", "textrank"])
def test_keywords_are_the_same(backend: str, method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["keywords", "--method", method, "--top", "8", "--json", "-q", str(HANT)]
    ours = invoke(args)
    assert ours.exit_code == 0, ours.stderr
    monkeypatch.setenv("NEWSCTL_BACKEND", "jieba")
    assert ours.stdout == invoke(args).stdout
    assert "補助" in [k["word"] for k in json.loads(ours.stdout)["keywords"]]


def test_keywords_corpus_idf_per_document(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["keywords", "--method", "tfidf", "--idf", "corpus", "--per-doc", "--top", "3",
            "--json", "-q", str(SAMPLES)]
    ours = invoke(args)
    assert ours.exit_code == 0, ours.stderr
    monkeypatch.setenv("NEWSCTL_BACKEND", "jieba")
    assert ours.stdout == invoke(args).stdout


def test_stats_count_words(backend: str) -> None:
    result = invoke(["stats", "--json", "-q"], input="我们今天去北京。")
    stats = json.loads(result.stdout.splitlines()[0])["stats"]
    assert stats["words"] == 4 and stats["unique_words"] == 4


@pytest.mark.parametrize("command", ["segment", "stats"])
def test_golden_outputs_are_reproduced(
    backend: str, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pinned outputs (made with jieba) come out of either backend byte for byte (the
    default, rjieba when installed, is checked by tests/test_golden.py too)."""
    monkeypatch.chdir(ROOT)
    for sample in sorted(SAMPLES.glob("*.txt")):
        result = invoke([*COMMANDS[command], "--backend", backend, str(sample.relative_to(ROOT))])
        assert result.exit_code == 0, result.stderr
        expected = (GOLDEN / command / f"{sample.stem}.out").read_text(encoding="utf-8")
        assert result.stdout == expected, sample.name


def test_two_workers_match_one(backend: str, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert invoke(["segment", "-j", "1", "-q", "-O", str(one), str(SAMPLES)]).exit_code == 0
    assert invoke(["segment", "-j", "2", "-q", "-O", str(two), str(SAMPLES)]).exit_code == 0
    for path in sorted(one.iterdir()):
        assert path.read_bytes() == (two / path.name).read_bytes()


def test_missing_rjieba_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _clear_segmenters()
    monkeypatch.setitem(sys.modules, "rjieba", None)  # makes `import rjieba` fail
    monkeypatch.setenv("NEWSCTL_BACKEND", "rjieba")
    for command in ("segment", "keywords", "stats"):
        result = invoke([command], input="我爱北京")
        assert result.exit_code == 2
        assert "pip install 'newsctl[fast]'" in result.stderr
        assert "Traceback" not in result.stderr
    with pytest.raises(DependencyError, match=r"newsctl\[fast\]"):
        get_segmenter(SegmentOptions(backend="rjieba"))
    _clear_segmenters()


# ------------------------------------------------------------------- agreement over the samples


def _agreement(options: dict[str, object], texts: dict[str, str]) -> tuple[int, int, list[str]]:
    """Lines where rjieba's tokens (words, offsets, tags) equal jieba's, of all lines."""
    same = total = 0
    differing: list[str] = []
    for name, text in texts.items():
        ours = segment_text(text, SegmentOptions(backend="rjieba", **options))  # type: ignore
        theirs = segment_text(text, SegmentOptions(backend="jieba", **options))  # type: ignore
        for line, a, b in zip(text.split("\n"), ours, theirs, strict=True):
            total += 1
            if a == b:
                same += 1
            else:
                differing.append(f"{name}: {line[:40]}")
    return same, total, differing


AGREEMENT_CASES = [
    ("precise", False, False),
    ("precise", True, False),
    ("precise", False, True),
    ("precise", True, True),
    ("search", False, False),
    ("search", True, False),
    ("full", True, False),
]


@pytest.mark.slow   # every sample in every mode, twice: the quick tier leaves it out
@pytest.mark.parametrize(("mode", "hmm", "pos"), AGREEMENT_CASES)
@pytest.mark.parametrize("script", ["auto", "simplified"])
def test_agreement_over_the_samples(mode: str, hmm: bool, pos: bool, script: str) -> None:
    """Identical tokens on every sample line: 100% without HMM, at least 99.9% with it.

    ``script="auto"`` segments Traditional samples through their Simplified projection;
    ``"simplified"`` segments every line as it is (Traditional characters directly).
    """
    pytest.importorskip("rjieba")
    options = {"mode": mode, "hmm": hmm, "pos": pos, "script": script}
    same, total, differing = _agreement(options, sample_texts())
    print(f"\nrjieba = jieba ({mode}, hmm={hmm}, pos={pos}, script={script}): "
          f"{same}/{total} lines = {same / total:.2%}")
    if not hmm:
        assert differing == []
    else:
        assert same / total >= 0.999, differing[:5]


# -------------------------------------------------------- each gap rjieba closes, one by one

HARD_LINES = [
    "2025-03-02 10:18:46 發布，網址 www.hyc5858.com 與 e-mail",  # HMM keeps these whole in rjieba
    "版本 WES-5.4.5、G260911-0711 與 ISU-CNS24093，漲幅 3.5%，1.2.3 a.b.c abc_def x-y-z",
    "中㐀文𠮷野家\u9fd6字，龘犇",  # characters jieba leaves out of its blocks
    "T恤衫 卡拉OK AT&T C++ C# B超 CALL机 AA制 IC卡 A股 iPhone15 aPKb",  # dictionary words with ASCII
    "他来到了网易杭研大厦，小明硕士毕业于中国科学院计算所",  # the HMM at work
    "OK\tyes\r\n \u3000\u200b\ufeff 空白 與 控制\x00字元\x07",
]


@pytest.mark.parametrize("line", HARD_LINES)
def test_hard_lines_agree_in_every_mode(
    line: str, rjieba_segmenter: rjieba_backend.RjiebaSegmenter, jieba_segmenter: JiebaSegmenter
) -> None:
    ours, theirs = rjieba_segmenter, jieba_segmenter
    modes: tuple[Mode, ...] = ("precise", "search", "full")
    for hmm in (False, True):
        for mode in modes:
            assert ours.tokenize(line, mode, hmm) == theirs.tokenize(line, mode, hmm)
            assert ours.cut(line, mode, hmm) == theirs.cut(line, mode, hmm)
        assert ours.cut_pos(line, hmm) == theirs.cut_pos(line, hmm)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet="ab1Z9.-_%+#&中文 \u3400\u9fd6", max_size=16))
def test_ascii_runs_and_odd_characters_agree(
    text: str, rjieba_segmenter: rjieba_backend.RjiebaSegmenter, jieba_segmenter: JiebaSegmenter
) -> None:
    """Also: text the fast path lets through (one plain rjieba call) never needed fixing.

    Only 中文 for Chinese: runs of a repeated unknown character (國國國) can tie in the HMM (see
    the next test).
    """
    ours, theirs = rjieba_segmenter, jieba_segmenter
    for hmm in (False, True):
        assert ours.cut(text, "precise", hmm) == theirs.cut(text, "precise", hmm)
    raw = rjieba_segmenter._jieba.cut(text, True)
    if rjieba_segmenter._as_jieba_hmm(raw) != raw:
        assert rjieba_backend._RE_RJIEBA_CAREFUL.search(text)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="ab1Z9.-_%中 \n\u3400\u9fd6\uf900\U00020000", max_size=30))
def test_careful_pattern_finds_what_its_plain_form_finds(text: str) -> None:
    """The fast-path test is written for speed (a class of rare characters first): it finds the
    same lines as its plain form (a match of "a-b" starts at "-", not at "a")."""
    import re

    plain = re.compile(f"[{rjieba_backend._RJIEBA_ONLY}]|{rjieba_backend._JOINED}")
    fast = rjieba_backend._RE_RJIEBA_CAREFUL
    lines = text.split("\n")
    assert [fast.search(line) is not None for line in lines] == [
        plain.search(line) is not None for line in lines]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=st.text(ALPHABET, max_size=80))
def test_arbitrary_text_agrees_where_exactness_is_promised(
    line: str, rjieba_segmenter: rjieba_backend.RjiebaSegmenter, jieba_segmenter: JiebaSegmenter
) -> None:
    """Without HMM in every mode, and POS tags with or without it, on any text at all.

    (jieba-rs's word HMM breaks exact ties between equally likely cuts of repeated unknown
    characters its own way, so precise mode with HMM is held to 99.9% above, not to 100%.)
    """
    ours, theirs = rjieba_segmenter, jieba_segmenter
    modes: tuple[Mode, ...] = ("precise", "search", "full")
    for mode in modes:
        assert ours.tokenize(line, mode, False) == theirs.tokenize(line, mode, False)
    for hmm in (False, True):
        assert ours.cut_pos(line, hmm) == theirs.cut_pos(line, hmm)


PIECES = st.sampled_from([
    "臺灣的軟體產業", "北京今天发布新规", "2025-03-02", "www.a1.com", "3.5%", "1.2.3", " ", "  ",
    "\u3000", "\t", "\r", "\r\n", "\n", "\n\n", "\u200b", "㐀", "劏房", "中國國國", "，", "AT&T",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(PIECES, max_size=12).map("".join),
       script=st.sampled_from(["auto", "simplified", "traditional"]), hmm=st.booleans())
def test_whole_text_fast_path_matches_line_by_line_tokens(
    text: str, script: str, hmm: bool, rjieba_segmenter: rjieba_backend.RjiebaSegmenter
) -> None:
    """segment_words cuts a whole text at once (and rjieba mends only the lines that need it);
    it must equal segment_text's tokens, line by line, with either backend."""
    for backend in BACKENDS:
        options = SegmentOptions(backend=backend, script=script, hmm=hmm)  # type: ignore[arg-type]
        assert segment_words(text, options) == words(segment_text(text, options))


def test_rjieba_alone_differs_where_newsctl_closes_the_gap(
    rjieba_segmenter: rjieba_backend.RjiebaSegmenter,
) -> None:
    """Guards the tests above: plain rjieba really differs here (else the fixes test nothing)."""
    plain = rjieba_segmenter._jieba
    assert plain.cut("2025-03-02", True) == ["2025-03-02"]
    assert rjieba_segmenter.cut("2025-03-02", "precise", True) == ["2025", "-", "03", "-", "02"]
    assert "中" in plain.cut_all("中文字")  # every character, where jieba lists 中文 文字 only
    assert rjieba_segmenter.cut("中文字", "full", True) == ["中文", "文字"]
    assert plain.tag("快线", True) != rjieba_segmenter.cut_pos("快线", True)


def test_mixed_dictionary_words_fit_the_full_mode_bound() -> None:
    """Full mode looks up words with non-Chinese characters up to a bound: jieba's all fit."""
    longest = 0
    with open(jieba_file("dict.txt"), encoding="utf-8") as handle:
        for line in handle:
            word = line.split(" ", 1)[0]
            if not all("\u4e00" <= char <= "\u9fd5" for char in word):
                longest = max(longest, len(word))
    assert 0 < longest <= rjieba_backend._MIXED_WORD_MAX


# ----------------------------------------------------------------------------- user words

USER_DICT = """台積電 2000 nt
鴻海精密 nt
新冠肺炎 n
北京 5
市域快线
快线 3 n
运营 0
中国 0
国务院 1 zz
记者
神州新闻网 10 nt
COVID-19 50 nz
e-mail
2025-03 5
两地
台積電 3
"""


@pytest.fixture(scope="module")
def user_pair() -> tuple[rjieba_backend.RjiebaSegmenter, JiebaSegmenter]:
    pytest.importorskip("rjieba")
    entries = with_simplified_forms(parse_user_dict(USER_DICT))
    return rjieba_backend.RjiebaSegmenter(entries), JiebaSegmenter(entries)


@pytest.mark.slow
def test_user_words_agree_over_the_samples(
    user_pair: tuple[rjieba_backend.RjiebaSegmenter, JiebaSegmenter],
) -> None:
    """New words, re-weighted dictionary words, re-tagged words, frequency 0, no frequency."""
    ours, theirs = user_pair
    lines = [line for text in sample_texts().values() for line in text.split("\n") if line]
    for line in lines + HARD_LINES + ["COVID-19疫情與e-mail", "中国运营商在中国运营"]:
        for hmm in (False, True):
            assert ours.cut(line, "precise", hmm) == theirs.cut(line, "precise", hmm), line
            assert ours.cut_pos(line, hmm) == theirs.cut_pos(line, hmm), line
        assert ours.tokenize(line, "search", True) == theirs.tokenize(line, "search", True), line
    for line in lines[:80]:
        assert ours.tokenize(line, "full", True) == theirs.tokenize(line, "full", True), line


def test_user_tags_win_even_for_dictionary_words(
    user_pair: tuple[rjieba_backend.RjiebaSegmenter, JiebaSegmenter],
) -> None:
    ours, theirs = user_pair
    assert ("国务院", "zz") in ours.cut_pos("国务院今天开会", True)
    assert ours.cut_pos("国务院今天开会", True) == theirs.cut_pos("国务院今天开会", True)
    never_joined = ours.cut("中国运营商在中国", "precise", True)  # 中国 0, 运营 0
    assert "中国" not in never_joined and never_joined == theirs.cut("中国运营商在中国", "precise", True)


def test_missing_frequencies_are_suggested_as_jieba_does(jieba_segmenter: JiebaSegmenter) -> None:
    """jieba-rs's own suggest_freq rounds differently and counts a prefix as 1 where jieba has 0."""
    pytest.importorskip("rjieba")
    import rjieba

    freqs = JiebaFreqs(rjieba.Jieba())
    tokenizer = jieba_segmenter._tokenizer
    candidates = ["记者", "台积电", "中华人民", "犇龘", "γ射", "网易杭研", "的的的", "市域快线"]
    chars = "中华人民共和国犇龘γ射线记者台积电的是了"
    candidates += [a + b + c for a in chars[:6] for b in chars[6:12] for c in chars[12:]]
    for word in candidates:
        assert freqs.suggest(word) == tokenizer.suggest_freq(word, False), word


def test_replacing_a_dictionary_word_keeps_jiebas_total(jieba_segmenter: JiebaSegmenter) -> None:
    """jieba adds a re-weighted word's new frequency to its total; jieba-rs first subtracts the
    old one.  Build a word whose fate hangs on that difference and check the backends agree."""
    pytest.importorskip("rjieba")
    import rjieba

    tokenizer = jieba_segmenter._tokenizer
    a, b = "了", "是"
    assert not tokenizer.FREQ.get(a + b)
    again = tokenizer.FREQ["的"]  # re-added at its own frequency: jieba's total grows by it
    product = math.log(tokenizer.FREQ[a]) + math.log(tokenizer.FREQ[b])

    def smallest_joining(total: int) -> int:
        """Least frequency for which jieba's route takes a+b as one word (total before it)."""
        low, high = 1, 10**9
        while low < high:
            freq = (low + high) // 2
            log_total = math.log(total + freq)
            if math.log(freq) - log_total > product - 2 * log_total:
                high = freq
            else:
                low = freq + 1
        return low

    freq = smallest_joining(tokenizer.total + again)
    assert freq < smallest_joining(tokenizer.total)  # jieba-rs's total alone would not join
    entries = [("的", again, None), (a + b, freq, None)]
    assert JiebaSegmenter(entries).cut(a + b, "precise", False) == [a + b]
    assert rjieba_backend.RjiebaSegmenter(entries).cut(a + b, "precise", False) == [a + b]
    naive = rjieba.Jieba()
    for word, count, tag in entries:
        naive.add_word(word, count, tag)
    assert naive.cut(a + b, False) == [a, b]


def test_segment_text_with_user_dictionary_through_the_projection(tmp_path: Path) -> None:
    pytest.importorskip("rjieba")
    path = tmp_path / "words.txt"
    path.write_bytes("\ufeff台積電 2000 nt\r\n鴻海精密 nt\r\nNew York 10 ns\r\n".encode())
    text = "台積電宣布擴大投資\n台积电宣布扩大投资\n鴻海精密今天公布財報"
    for backend in BACKENDS:
        options = SegmentOptions(user_dicts=(str(path),), backend=backend)  # type: ignore[arg-type]
        assert words(segment_text(text, options)) == [
            ["台積電", "宣布", "擴大", "投資"],
            ["台积电", "宣布", "扩大", "投资"],
            ["鴻海精密", "今天", "公布", "財報"],
        ]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.sampled_from(HARD_LINES[:4] + ["國際新聞", "", "a-b 與 c_d", "2025年3月"]),
                      max_size=8))
def test_many_lines_mended_where_needed_give_each_lines_words_and_their_ends(
    lines: list[str], rjieba_segmenter: rjieba_backend.RjiebaSegmenter,
    jieba_segmenter: JiebaSegmenter,
) -> None:
    """A text of many lines, a few needing mending: jieba's words, line by line, and their ends
    (the lines to mend are found by bisecting the ends, not by walking every line)."""
    from itertools import accumulate

    text = "\n".join(lines)
    for hmm in (False, True):
        words, ends = rjieba_segmenter.precise_ends(text, hmm)
        assert words == jieba_segmenter.cut(text, "precise", hmm)
        if ends is not None:
            assert list(ends) == list(accumulate(map(len, words)))
