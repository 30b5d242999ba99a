"""Line rules written as data: the ``[[rule]]`` tables of newsctl's own rule files
(``data/clean/*_rules.toml``) and of a user's ``--rules`` file, read into :class:`LineRule`
declarations.  Both are one format::

    [[rule]]
    kind = "share-widget"          # the verdict: a rule id --explain prints (registry.Kind)
    why = "a click-here prompt"    # what the line is, in a few words (a comment in table.source)
    pattern = '(?:点击|點擊)(?:查看|阅读)'   # or a list of pieces, joined: long patterns read better
    find = "anywhere"              # start | whole (the default) | anywhere
    strength = "weak"              # strong (the default): dropped anywhere; weak: around the body
    max_length = "widget-line"     # a number, or a bound named in limits.py (LIMITS)
    needs = ["点", "點"]            # one of these words must be in the line
    without = "。"                  # none of these characters may be
    ends = ">»"                    # the line must end with one of these characters
    examples = ["点击查看全部"]       # must match
    near_misses = ["点击量很高。"]     # must not

Newsctl's own rules may also name code that a pattern cannot say, from the :class:`Hooks` of the
module that loads the file: ``shape`` (a pattern shared with other code, or built from a
lexicon), ``test`` (a condition on the line), ``view`` (the line as the test and pattern read
it), ``decide`` (the whole verdict, for a rule that is more than a pattern: a row of fields, a
menu) and ``build`` (a verdict that names what the match holds).  A user's file cannot.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from newsctl.cleaning.limits import LIMITS
from newsctl.cleaning.registry import Build, Find, Kind, LineRule, RuleTable
from newsctl.cleaning.verdicts import Verdict
from newsctl.errors import RulesError
from newsctl.text import regexcache
from newsctl.text.tomlcache import load_toml

# a user's pattern is at most this long (a built-in one is ours)
PATTERN_MAX = 500
_DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "clean")
USER_KEYS = ("kind", "why", "pattern", "find", "strength", "max_length", "needs", "without", "ends",
             "examples", "near_misses")
HOOK_KEYS = ("shape", "test", "view", "decide", "build")
_STRENGTHS = {"strong": True, "weak": False}


class Hooks(NamedTuple):
    """The code a rule file may name, by the names it uses (``test = "is-code"``)."""

    shapes: Mapping[str, re.Pattern[str]] = {}
    tests: Mapping[str, Callable[[str], bool]] = {}
    views: Mapping[str, Callable[[str], str]] = {}
    decides: Mapping[str, Callable[[str], Verdict | None]] = {}
    builds: Mapping[str, Build] = {}


def compile_pattern(pattern: str, where: str, path: str, builtin: bool = False) -> re.Pattern[str]:
    """``pattern`` compiled; a user's is bounded in length; errors name the rule."""
    if not builtin and len(pattern) > PATTERN_MAX:
        raise RulesError(f"{where}: pattern is {len(pattern)} characters long "
                         f"(at most {PATTERN_MAX})", path=path)
    try:
        return regexcache.compile(pattern, 0) if builtin else re.compile(pattern)
    except re.error as exc:
        raise RulesError(f"{where}: bad regular expression {pattern!r}: {exc}", path=path) from exc


def line_rule(entry: Mapping[str, Any], where: str, path: str, hooks: Hooks | None = None) -> LineRule:
    """One ``[[rule]]`` table as a :class:`LineRule`; ``hooks``: the code newsctl's own rules
    may name (None: a user's file, which cannot).  Errors name the rule and the key."""
    known = USER_KEYS + (HOOK_KEYS if hooks is not None else ())
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise RulesError(f"{where}: unknown key {unknown[0]!r} (known keys: {', '.join(known)})", path=path)
    kinds = {kind.value: kind for kind in Kind}
    kind = entry.get("kind")
    if kind not in kinds:
        raise RulesError(f"{where}: kind must be one of {', '.join(sorted(kinds))}", path=path)
    finds = {find.value: find for find in Find}
    find = entry.get("find", Find.WHOLE.value)
    if find not in finds:
        raise RulesError(f"{where}: find must be one of {', '.join(finds)}", path=path)
    strength = entry.get("strength", "strong")
    if strength not in _STRENGTHS:
        raise RulesError(f"{where}: strength must be strong or weak", path=path)
    named = _hooks(entry, where, path, hooks or Hooks())
    pattern = _pattern(entry, where, path, hooks is not None)
    if pattern is None:
        pattern = named.pop("shape", None)
        if pattern is None and not set(named) & {"test", "decide"}:
            raise RulesError(f"{where}: pattern must be a non-empty string", path=path)
    return LineRule(
        kinds[kind], _text(entry, "why", where, path) or f"{where} of {path}", pattern, finds[find],
        strong=_STRENGTHS[strength], max_len=_max_length(entry.get("max_length"), where, path),
        without=_text(entry, "without", where, path), ends=_text(entry, "ends", where, path),
        needs=_strings(entry, "needs", where, path),
        examples=_strings(entry, "examples", where, path, lines=True),
        near_misses=_strings(entry, "near_misses", where, path, lines=True), **named)


def check_examples(rule: LineRule, where: str, path: str) -> None:
    """A rule must match its examples and miss its near misses (a user's file is checked when
    it is read; newsctl's own rules by the tests)."""
    for example in rule.examples:
        if rule.verdict(example) is None:
            raise RulesError(f"{where}: the pattern does not match its example {example!r}", path=path)
    for near_miss in rule.near_misses:
        if rule.verdict(near_miss) is not None:
            raise RulesError(f"{where}: the pattern matches its near miss {near_miss!r}", path=path)


def load_table(name: str, hooks: Hooks) -> RuleTable:
    """Newsctl's own rule file ``data/clean/NAME`` as a compiled table, in the file's order."""
    path = os.path.join(_DATA, name)
    entries = load_toml(path).get("rule", [])
    return RuleTable([line_rule(entry, f"rule {i + 1}", path, hooks) for i, entry in enumerate(entries)],
                     builtin=True)


def _pattern(entry: Mapping[str, Any], where: str, path: str, builtin: bool) -> re.Pattern[str] | None:
    raw = entry.get("pattern")
    if raw is None:
        return None
    if isinstance(raw, list) and raw and all(isinstance(piece, str) for piece in raw):
        raw = "".join(raw)   # pieces of one long pattern
    if not isinstance(raw, str) or not raw.strip():
        raise RulesError(f"{where}: pattern must be a non-empty string", path=path)
    return compile_pattern(raw, f"{where}: pattern", path, builtin)


def _hooks(entry: Mapping[str, Any], where: str, path: str, hooks: Hooks) -> dict[str, Any]:
    """The code the entry names, by LineRule's field names (``shape`` becomes the pattern)."""
    tables: dict[str, Mapping[str, Any]] = {"shape": hooks.shapes, "test": hooks.tests,
                                            "view": hooks.views, "decide": hooks.decides,
                                            "build": hooks.builds}
    found: dict[str, Any] = {}
    for key, table in tables.items():
        name = entry.get(key)
        if name is None:
            continue
        if name not in table:
            raise RulesError(f"{where}: {key} {name!r} is not one of {', '.join(sorted(table))}", path=path)
        found[key] = table[name]
    return found


def _max_length(value: Any, where: str, path: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value in LIMITS:
        return LIMITS[value]
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise RulesError(f"{where}: max_length must be a positive whole number or one of "
                         f"{', '.join(sorted(LIMITS))}", path=path)
    return value


def _text(entry: Mapping[str, Any], key: str, where: str, path: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise RulesError(f"{where}: {key} must be a string", path=path)
    return value


def _strings(entry: Mapping[str, Any], key: str, where: str, path: str,
             lines: bool = False) -> tuple[str, ...]:
    """A list of strings; ``lines``: lines to try the rule on, stripped as the cleaner strips."""
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise RulesError(f"{where}: {key} must be a list of non-empty strings", path=path)
    return tuple(v.strip() for v in values) if lines else tuple(values)
