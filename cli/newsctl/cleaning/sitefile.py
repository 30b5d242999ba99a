"""Site rules: what a ``--rules FILE`` (TOML) adds to the built-in lexicons.

    # rules for example-news.com
    site = "某某新闻网"                        # the site's name, reported as meta.site
    title_suffixes = ["某某新闻网", "某某网"]   # stripped from the end of the headline
    tail_headings = ["看更多某某報導"]          # start a related block that is dropped
    drop_patterns = ['^本站提醒：.*$']           # a line that fully matches is dropped
    keep_patterns = ['^记者手记$']               # a line that fully matches is always kept

    [[rule]]                                    # a rule of the built-in kind (see ruledata.py)
    kind = "share-widget"                       # what the line is: a rule id --explain prints
    pattern = '关注某某新闻(?:微信|微博)'         # the line's shape
    find = "anywhere"                           # start | whole (the default) | anywhere
    strength = "weak"                           # strong (the default): dropped wherever it stands;
                                                # weak: only around the body
    max_length = 40                             # longer lines are prose, not this
    examples = ["关注某某新闻微信，获取更多资讯"]     # must match: checked when the file is read
    near_misses = ["他关注某某新闻微博多年。这次…"]  # must not match

A ``[[rule]]`` is written as newsctl's own rules are (``data/clean/*_rules.toml``): it may also
say ``why`` (a description), ``needs``, ``without``, ``ends`` and a named ``max_length``
(:mod:`.ruledata` has the format).

Patterns are Python regular expressions matched against the stripped line (``drop_patterns``
and ``keep_patterns`` with ``re.fullmatch``); they are compiled once, never executed as code,
and limited to 500 characters each.  Unknown keys and wrong types are errors, so a typo does
not silently do nothing; a ``[[rule]]`` whose example it misses, or whose near miss it takes,
is an error too.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from dataclasses import dataclass, fields
from typing import Any

from newsctl.cleaning.registry import LineRule, RuleTable
from newsctl.cleaning.ruledata import PATTERN_MAX, check_examples, compile_pattern, line_rule
from newsctl.errors import RulesError

_LIST_KEYS = ("drop_patterns", "tail_headings", "title_suffixes", "keep_patterns")


@dataclass(frozen=True)
class SiteRules:
    """User rules from a ``--rules`` TOML file, used on top of the built-in lexicons.

    ``drop_patterns``: regexes; a line fully matching one (``re.fullmatch`` after strip) is dropped.
    ``tail_headings``: headings that start a related/recommended block to drop.
    ``title_suffixes``: site/channel names to strip from the end of a title.
    ``keep_patterns``: regexes; a line fully matching one is never dropped (wins over everything).
    ``site``: the site's name, reported as ``meta["site"]`` when the page does not say.
    ``rule``: line rules of the built-in kind (:class:`~newsctl.cleaning.registry.LineRule`),
    tried before the built-in ones.
    """

    drop_patterns: tuple[str, ...] = ()
    tail_headings: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()
    keep_patterns: tuple[str, ...] = ()
    site: str | None = None
    rule: tuple[LineRule, ...] = ()

    def tables(self) -> tuple[RuleTable | None, RuleTable | None]:
        """The strong and the weak ``[[rule]]`` entries as tables (None: there are none)."""
        return _tables(self.rule)


@functools.lru_cache(maxsize=32)
def _tables(rules: tuple[LineRule, ...]) -> tuple[RuleTable | None, RuleTable | None]:
    # one table object per rule set: the classifiers remember verdicts per table
    strong = tuple(r for r in rules if r.strong)
    weak = tuple(r for r in rules if not r.strong)
    return (RuleTable(strong) if strong else None), (RuleTable(weak) if weak else None)


def _line_rule(entry: dict[str, Any], where: str, path: str) -> LineRule:
    """One ``[[rule]]`` table as a :class:`LineRule`, checked against its own examples."""
    rule = line_rule(entry, where, path)
    check_examples(rule, where, path)
    return rule


@functools.lru_cache(maxsize=32)
def compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """``patterns`` compiled (cached per tuple, so every document reuses them)."""
    return tuple(compile_pattern(p, f"pattern {i + 1}", "<rules>") for i, p in enumerate(patterns))


def rules_from_mapping(data: dict[str, Any], path: str) -> SiteRules:
    """Validate a parsed TOML table and build :class:`SiteRules` (errors name the key)."""
    known = {f.name for f in fields(SiteRules)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise RulesError(f"unknown key {unknown[0]!r} (known keys: {', '.join(sorted(known))})",
                         path=path)
    values: dict[str, Any] = {}
    for key in _LIST_KEYS:
        raw = data.get(key, [])
        if isinstance(raw, str):
            raw = [raw]
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            raise RulesError(f"{key} must be a list of strings", path=path)
        if any(not v.strip() for v in raw):
            raise RulesError(f"{key} has an empty entry", path=path)
        if key.endswith("_patterns"):
            for i, pattern in enumerate(raw):
                compile_pattern(pattern, f"{key}[{i}]", path)
        elif any(len(v) > PATTERN_MAX for v in raw):
            raise RulesError(f"{key} has an entry longer than {PATTERN_MAX} characters", path=path)
        values[key] = tuple(raw)
    site = data.get("site")
    if site is not None and (not isinstance(site, str) or not site.strip()):
        raise RulesError("site must be a non-empty string", path=path)
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not all(isinstance(r, dict) for r in raw_rules):
        raise RulesError("rule must be a list of tables ([[rule]])", path=path)
    line_rules = tuple(_line_rule(entry, f"rule {i + 1}", path) for i, entry in enumerate(raw_rules))
    return SiteRules(site=site.strip() if site else None, rule=line_rules, **values)


def load_rules(path: str | os.PathLike[str]) -> SiteRules:
    """Read a ``--rules`` TOML file; :class:`RulesError` names what is wrong and where."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    where = str(path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise RulesError("rules file not found", path=where) from exc
    except IsADirectoryError as exc:
        raise RulesError("rules path is a folder, not a TOML file", path=where) from exc
    except PermissionError as exc:
        raise RulesError("rules file is not readable (permission denied)", path=where) from exc
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"not valid TOML: {exc}", path=where) from exc
    except UnicodeDecodeError as exc:
        raise RulesError("rules file is not UTF-8 text", path=where) from exc
    return rules_from_mapping(data, where)

