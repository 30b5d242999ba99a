"""Derived values kept between runs: built once, read back unchanged, dropped with their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsctl.cleaning import lexicon
from newsctl.cleaning.linerules import LONG_LINE_RULES
from newsctl.cleaning.registry import first_char_class
from newsctl.cleaning.shortrules import SHORT_LINE_RULES
from newsctl.text import derivedcache


@pytest.fixture()
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder; the module forgets what it loaded (as a new process would)."""
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    _new_process(monkeypatch)
    return tmp_path


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(derivedcache, "_values", None)
    monkeypatch.setattr(derivedcache, "_dirty", False)


def test_a_value_is_built_once_and_read_back_by_the_next_run(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []

    def build() -> str:
        built.append("x")
        return "(?:甲|乙)"

    assert derivedcache.remembered("test", "甲\n乙", build) == "(?:甲|乙)"
    assert derivedcache.remembered("test", "甲\n乙", build) == "(?:甲|乙)"
    derivedcache.save()
    _new_process(monkeypatch)
    assert derivedcache.remembered("test", "甲\n乙", build) == "(?:甲|乙)"
    assert built == ["x"]
    assert derivedcache.remembered("test", "甲\n丙", lambda: "other") == "other"   # another input


def test_a_change_of_the_sources_drops_the_store(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    derivedcache.remembered("test", "k", lambda: "old")
    derivedcache.save()
    _new_process(monkeypatch)
    monkeypatch.setattr(derivedcache, "_stamp", lambda: "the cleaner was edited")
    assert derivedcache.remembered("test", "k", lambda: "new") == "new"


def test_a_damaged_store_or_no_cache_folder_only_means_building_again(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (fresh / "derived.marshal").write_bytes(b"\x00not marshal")
    assert derivedcache.remembered("test", "k", lambda: "built") == "built"
    monkeypatch.setattr(derivedcache, "cache_dir", lambda: None)
    _new_process(monkeypatch)
    assert derivedcache.remembered("test", "k", lambda: "again") == "again"
    derivedcache.save()   # nowhere to write: nothing happens


def test_stored_routes_and_patterns_are_the_ones_derived_afresh(
        fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = [rule for rule in SHORT_LINE_RULES + LONG_LINE_RULES if rule.first_class() is not None]
    words = lexicon.words("share_phrases")
    for _ in range(2):   # derived and stored, then read back by the next run
        for rule in rules:
            assert rule.first_class(builtin=True) == first_char_class(rule.pattern)  # type: ignore[arg-type]
        assert lexicon.alternation(words) == lexicon._trie_alternation(sorted(set(words)))
        assert lexicon.anchored_alternation(words) == lexicon._anchored(sorted(set(words)))
        derivedcache.save()
        _new_process(monkeypatch)
    assert (fresh / "derived.marshal").exists()
