"""The store of compiled regular expressions: same patterns as re.compile, robust to damage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.text import regexcache
from newsctl.jobs.clean import clean_text

PATTERNS = [
    (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0),
    (r"(?<![\d.])(?:记者|記者)\s*(?P<name>[\u4e00-\u9fff]{2,4})", 0),
    (r"^(?:©|copyright\b|版权所有)", re.IGNORECASE),
    (r"责任编辑|編輯|编辑", 0),
    (r"[\U00020000-\U0003134f]+$", re.MULTILINE),
]
TEXTS = ["2024年3月2日", "新华社记者 王小明摄", "Copyright 2024 某网", "（責任編輯：林）",
         "第二行\n𠀀𠀁", "", "记者记者王"]


@pytest.fixture()
def fresh_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in a private cache folder; the module forgets what it loaded."""
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    _forget(monkeypatch)
    return tmp_path


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_store", None)
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "_dirty", False)
    monkeypatch.setattr(regexcache, "_broken", False)


def _same(cached: re.Pattern[str], plain: re.Pattern[str]) -> None:
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
        plain.pattern, plain.flags, plain.groups, plain.groupindex)
    for text in TEXTS:
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]
        found, expected = cached.search(text), plain.search(text)
        assert (found and found.groupdict()) == (expected and expected.groupdict())


def _store_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("regex-*.marshal"))


def test_patterns_come_back_from_the_store_identical(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for pattern, flags in PATTERNS:
        _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()
    assert len(_store_files(fresh_store)) == 1

    _forget(monkeypatch)
    for pattern, flags in PATTERNS:
        _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    assert regexcache._dirty is False        # everything came from the store: nothing to write


def test_a_damaged_store_is_ignored_and_rewritten(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    regexcache.compile(pattern, flags)
    regexcache.save()
    (store,) = _store_files(fresh_store)
    store.write_bytes(b"\x00garbage" * 10)
    _forget(monkeypatch)
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()
    assert store.read_bytes() != b"\x00garbage" * 10


def test_wrong_code_in_the_store_is_recompiled(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = PATTERNS[0]
    regexcache.compile(pattern, flags)
    assert regexcache._store is not None
    key = (pattern, flags)
    final_flags, code, groups, groupindex, indexgroup = regexcache._store[key]
    # code that the SRE engine's validator rejects: the pattern must still compile correctly
    regexcache._store[key] = (final_flags, b"\xff\x00\x00\x00" + code[4:], groups, groupindex,
                              indexgroup)
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))


def test_no_cache_folder_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(blocker / "cache"))
    _forget(monkeypatch)
    pattern, flags = PATTERNS[1]
    _same(regexcache.compile(pattern, flags), re.compile(pattern, flags))
    regexcache.save()                          # nowhere to write: silently nothing


def test_bad_pattern_is_the_usual_error(fresh_store: Path) -> None:
    with pytest.raises(re.error):
        regexcache.compile(r"(unclosed")


def test_a_store_that_grew_too_large_keeps_only_this_runs_patterns(
        fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "MAX_ENTRIES", 2)
    for pattern, flags in PATTERNS:
        regexcache.compile(pattern, flags)
    regexcache.save()
    _forget(monkeypatch)
    regexcache.compile(*PATTERNS[0])
    regexcache.compile("new pattern")
    regexcache.save()
    _forget(monkeypatch)
    assert set(regexcache._load()) == {PATTERNS[0], ("new pattern", 0)}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_the_cleaners_own_patterns_match_like_re(data: st.DataObject) -> None:
    clean_text("標題_新聞_某網\n記者王小明／台北報導\n正文第一段。")   # compiles them all
    store = regexcache._load()
    keys = sorted(store)
    assert len(keys) > 50
    pattern, flags = data.draw(st.sampled_from(keys))
    text = data.draw(st.text(alphabet=st.sampled_from(
        "記者记者报道報導年月日：:（）()【】 0123456789王林張张網网版权所有©編輯编辑。，\n"),
        max_size=40))
    cached = regexcache._sre_compile(pattern, store[(pattern, flags)])
    plain = re.compile(pattern, flags)
    assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]
