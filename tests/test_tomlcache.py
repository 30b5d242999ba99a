"""Built-in TOML files parsed once and kept in the cache folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newsctl.text.tomlcache import load_toml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_cached_copy_equals_the_file_and_follows_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "labels.toml"
    data.write_text('author = ["记者", "記者"]\nsource = ["来源"]\n', encoding="utf-8")
    first = load_toml(str(data))
    assert first == tomllib.loads(data.read_text(encoding="utf-8"))
    assert len(list((tmp_path / "cache").glob("toml-*.marshal"))) == 1
    assert load_toml(str(data)) == first                     # from the cache this time

    data.write_text('author = ["作者"]\n', encoding="utf-8")   # an edit: parsed again
    os.utime(data, ns=(1, 2_000_000_000))
    assert load_toml(str(data)) == {"author": ["作者"]}


def test_a_damaged_cache_entry_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "x.toml"
    data.write_text('a = ["b"]\n', encoding="utf-8")
    load_toml(str(data))
    (stored,) = (tmp_path / "cache").glob("toml-*.marshal")
    stored.write_bytes(b"\xff\x00garbage")
    assert load_toml(str(data)) == {"a": ["b"]}


def test_no_cache_folder_still_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(blocker / "cache"))
    data = tmp_path / "x.toml"
    data.write_text('a = 1\n', encoding="utf-8")
    assert load_toml(str(data)) == {"a": 1}
