"""Word lists for the cleaner, read from ``newsctl/data/clean/`` on first use.

The lists are plain text (one entry per line, ``#`` comments) and one TOML file of label
words, so a user can read and extend them.  They ship inside the package as plain files (read
by path: :mod:`importlib.resources` and :mod:`tomllib` cost more to import than the whole lookup
takes, on a start-up that users pay per file) and are cached per process; nothing is read at
import time.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata

from newsctl.text import regexcache
from newsctl.text.derivedcache import remembered
from newsctl.text.tomlcache import load_toml

_DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data", "clean")


def _read(name: str) -> str:
    with open(os.path.join(_DATA, name), encoding="utf-8") as handle:
        return handle.read()

@functools.cache
def words(name: str) -> tuple[str, ...]:
    """Entries of ``data/clean/<name>.txt``, in file order, without comments and blanks."""
    entries: list[str] = []
    for raw in _read(f"{name}.txt").splitlines():
        entry = raw.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(dict.fromkeys(entries))

@functools.cache
def word_set(name: str) -> frozenset[str]:
    """Entries of ``data/clean/<name>.txt`` as a set, for whole-token lookups."""
    return frozenset(words(name))

@functools.cache
def labels() -> dict[str, tuple[str, ...]]:
    """Label words from ``data/clean/labels.toml``, by field kind (``author``, ``source``…)."""
    data = load_toml(os.path.join(_DATA, "labels.toml"))
    return {kind: tuple(str(w) for w in values) for kind, values in data.items()}

# a character -> the rest of the entries that go on with it; "" marks an entry that ends here
_Trie = dict[str, "_Trie"]


def alternation(entries: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """A regex matching any of ``entries`` literally, the longest first (so 责任编辑 beats 编辑).

    Shaped like a trie (entries that share a start share its branch): ``re`` tries a flat
    ``A|B|C``'s hundreds of branches at every position, a trie's few (2.2x faster over the
    phrase lexicons).  The entries that match at one position are prefixes of one another, and
    both shapes try the longest first, so they match alike (:func:`flat_alternation`, the
    reference a property test holds this to)."""
    ordered = sorted(set(entries))
    return remembered("alternation", "\n".join(ordered), lambda: _trie_alternation(ordered))


def _trie_alternation(entries: list[str]) -> str:
    trie: _Trie = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: _Trie) -> str:
        arms = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not arms:
            return ""
        body = arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"
        return f"(?:{body})?" if "" in node else body   # greedy: the longer entry first

    return branch(trie)


def flat_alternation(entries: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """The plain ``A|B|C`` form of :func:`alternation`, longest first."""
    ordered = sorted(set(entries), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in ordered)


@functools.cache
def char_ranks() -> dict[str, int]:
    """Character -> its rank among the most frequent Chinese characters (0: the most frequent;
    Traditional forms share their Simplified character's rank), from ``char_frequency.txt``."""
    ranks: dict[str, int] = {}
    for rank, line in enumerate(words("char_frequency")):
        for char in line:
            ranks.setdefault(char, rank)
    return ranks


def anchored_alternation(entries: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """A regex that finds whether any of ``entries`` occurs (for a yes or no: where it matches
    is not where the entry starts).

    A search stops at every character a branch can open with.  :func:`alternation` opens each
    entry's branch with its first character, and entries start with common ones (一, 不, 本,
    新): a line of prose stops at one character in eight.  Here each entry's branch opens with
    its rarest character (by :func:`char_ranks`; one not ranked is rarer than any), the
    characters before it checked behind it: ``分享到`` is ``享(?<=分享)到``, a search stops
    two and a half times less often (and entries of one character are that character).

    A character the ranks do not hold is rarer than any, unless it is a space or a punctuation
    mark: those are as common as the most frequent character (``评论 (`` opened on its space
    stopped a search at every space of a page: a third of all stops over the phrase lexicons)."""
    ordered = sorted(set(entries))
    return remembered("anchored-alternation", "\n".join(ordered), lambda: _anchored(ordered))


def _anchored(entries: list[str]) -> str:
    ranks = char_ranks()
    unranked = len(ranks)

    def rank(char: str) -> int:
        found = ranks.get(char)
        if found is not None:
            return found
        return 0 if unicodedata.category(char)[0] in "ZP" else unranked

    by_anchor: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        at = max(range(len(entry)), key=lambda i: (rank(entry[i]), -i))
        by_anchor.setdefault(entry[at], []).append((entry[:at], entry[at + 1:]))
    arms = []
    for anchor, rests in sorted(by_anchor.items()):
        branches = [(f"(?<={re.escape(before + anchor)})" if before else "") + re.escape(after)
                    for before, after in rests]
        arms.append(re.escape(anchor) + "(?:" + "|".join(branches) + ")")
    return "|".join(arms)


@functools.cache
def words_re(name: str) -> re.Pattern[str]:
    """One compiled pattern of every entry of ``data/clean/<name>.txt`` (for a search: where the
    first entry starts, or whether one is there)."""
    return regexcache.compile(alternation(words(name)))


@functools.cache
def words_found_re(name: str) -> re.Pattern[str]:
    """One compiled pattern that finds whether an entry of ``data/clean/<name>.txt`` occurs (not
    where: see :func:`anchored_alternation`); faster than :func:`words_re` over prose."""
    return regexcache.compile(anchored_alternation(words(name)))
