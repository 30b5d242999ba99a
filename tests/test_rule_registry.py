"""The rule registry: every declared rule holds for its examples and not for its near misses
(tests generated from the declarations), and a table's routing by first character and length
never changes which rule decides."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl.cleaning.linerules import LONG_LINE_RULES, LONG_LINE_TABLE
from newsctl.cleaning.registry import Find, Kind, LineRule, RuleTable, pattern_first_chars
from newsctl.cleaning.ruledata import Hooks, check_examples, line_rule
from newsctl.cleaning.rules import strong_verdict
from newsctl.cleaning.shortrules import SHORT_LINE_RULES, SHORT_LINE_TABLE
from newsctl.cleaning.verdicts import Verdict
from newsctl.cleaning.weakrules import weak_table
from newsctl.errors import RulesError

TABLES = {"long-line": LONG_LINE_RULES, "short-line": SHORT_LINE_RULES, "weak": weak_table().rules}
ALL_RULES = [(name, index, rule) for name, rules in TABLES.items() for index, rule in enumerate(rules)]


def _rule_id(case: tuple[str, int, LineRule]) -> str:
    name, index, rule = case
    return f"{name}-{index}-{rule.kind.value}"


def _first_match(rules: tuple[LineRule, ...], text: str) -> Verdict | None:
    """The reference the table must agree with: every rule in order, no routing."""
    for rule in rules:
        found = rule.verdict(text)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize("case", ALL_RULES, ids=_rule_id)
def test_rule_holds_for_its_examples(case: tuple[str, int, LineRule]) -> None:
    _, _, rule = case
    for example in rule.examples:
        found = rule.verdict(example)
        assert found is not None, f"{rule.why!r} misses its example {example!r}"
        assert found.rule == rule.kind.value and found.strong == rule.strong, found


@pytest.mark.parametrize("case", ALL_RULES, ids=_rule_id)
def test_rule_does_not_hold_for_its_near_misses(case: tuple[str, int, LineRule]) -> None:
    _, _, rule = case
    for near_miss in rule.near_misses:
        assert rule.verdict(near_miss) is None, f"{rule.why!r} takes its near miss {near_miss!r}"


def test_every_rule_that_matches_on_a_pattern_has_examples() -> None:
    """A rule without examples cannot be checked: only lexicon-driven rules may lack them."""
    bare = [rule.why for _, _, rule in ALL_RULES if rule.pattern is not None and not rule.examples]
    assert bare == []


@pytest.mark.parametrize("case", ALL_RULES, ids=_rule_id)
def test_table_gives_each_example_the_first_rules_verdict(case: tuple[str, int, LineRule]) -> None:
    name, _, rule = case
    rules = TABLES[name]
    table = RuleTable(rules)
    for text in rule.examples + rule.near_misses:
        assert table.verdict(text) == _first_match(rules, text)


def test_the_long_line_rules_reach_strong_verdicts_of_prose_lines() -> None:
    # a line with a full stop skips the short-line rules and is asked of this table
    verdict = strong_verdict("本文来源：某某观察（ID：mouguancha），原创作品，转载请联系授权。")
    assert verdict is not None and verdict.rule == "source"
    assert verdict.row is not None and verdict.row.sources == ("某某观察",)


def test_a_hand_guard_no_longer_hides_a_rule() -> None:
    """The card rule was guarded by its first characters, written by hand without 本, so a
    card of this shape never fired; the table reads the characters from the pattern."""
    verdict = LONG_LINE_TABLE.verdict("本文来源于公众号城市观察")
    assert verdict is not None and verdict.rule == "wechat-card" and verdict.value == "城市观察"


@pytest.mark.parametrize(("pattern", "starts", "not_starts"), [
    (r"^(?:以下|本文)来源", "以本", "来文x"),
    (r"^[（(]?原标题", "（(原", "标"),
    (r"^\d{1,3}\s*/", "0٣9", "a/"),
    (r"^(?i:copyright)", "cC", "x"),
    (r"^[^\s。]{2}", "a中", " 。"),
])
def test_first_characters_are_read_from_the_pattern(pattern: str, starts: str, not_starts: str) -> None:
    test = pattern_first_chars(re.compile(pattern))
    assert test is not None
    assert all(test(char) for char in starts)
    assert not any(test(char) for char in not_starts)


@pytest.mark.parametrize("pattern", [r"^.{2}", r"^(?:x)?", r"\s*"])
def test_a_pattern_that_may_start_anywhere_is_not_routed(pattern: str) -> None:
    assert pattern_first_chars(re.compile(pattern)) is None


_ANCHORED = [rule.pattern for _, _, rule in ALL_RULES
             if rule.pattern is not None and rule.find is not Find.ANYWHERE]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_starts_with_a_character_the_route_lets_in(data: st.DataObject) -> None:
    pattern = data.draw(st.sampled_from(_ANCHORED))
    text = data.draw(st.from_regex(pattern))
    found = pattern.match(text)
    if found is None or not text:
        return
    test = pattern_first_chars(pattern)
    assert test is None or test(text[0])


_PIECES = [text for _, _, rule in ALL_RULES for text in rule.examples + rule.near_misses]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PIECES) | st.text(min_size=1, max_size=8), min_size=1, max_size=3))
def test_routing_never_changes_which_rule_decides(parts: list[str]) -> None:
    text = "".join(parts).strip()
    if text:
        assert LONG_LINE_TABLE.verdict(text) == _first_match(LONG_LINE_RULES, text)
        assert SHORT_LINE_TABLE.verdict(text) == _first_match(SHORT_LINE_RULES, text)
        assert weak_table().verdict(text) == _first_match(weak_table().rules, text)


def test_kinds_are_the_rule_ids_explain_prints() -> None:
    assert Kind("share-widget") is Kind.SHARE_WIDGET
    assert {rule.kind for _, _, rule in ALL_RULES} <= set(Kind)


def test_a_rule_description_cannot_write_code_into_the_compiled_table() -> None:
    # a --rules file's path goes into its rules' descriptions, and those into comment lines
    rule = LineRule(Kind.AD, "rule 1 of /tmp/x\nraise SystemExit\r\nimport os", re.compile("广告位"),
                    Find.ANYWHERE)
    table = RuleTable((rule,))
    assert not any(line.strip().startswith(("raise", "import")) for line in table.source.splitlines())
    assert table.verdict("广告位招租") is not None and table.verdict("正文") is None


def test_the_compiled_table_reads_as_a_chain_of_guards() -> None:
    source = LONG_LINE_TABLE.source
    assert source.startswith("def verdict(text):")
    assert source.count("\n    # ") == len(LONG_LINE_RULES)   # one commented step per rule


def test_a_view_is_computed_once_a_line_for_every_rule_that_reads_it() -> None:
    calls: list[str] = []

    def without_stars(text: str) -> str:
        calls.append(text)
        return text.strip("*")

    rules = (LineRule(Kind.AD, "a", re.compile("广告"), Find.WHOLE, view=without_stars),
             LineRule(Kind.SLOGAN, "b", re.compile("口号"), Find.WHOLE, view=without_stars))
    table = RuleTable(rules)
    found = table.verdict("**口号**")
    assert found is not None and found.rule == "slogan"
    assert calls == ["**口号**"]
    assert table.verdict("口号**x") is None   # the view strips the ends only


# --- the rule files -------------------------------------------------------------------------


def test_every_hook_a_module_offers_is_named_by_one_of_its_rules() -> None:
    """The code beside a rule file is the code its rules name: nothing left over."""
    from newsctl.cleaning import linerules, shortrules

    for module, rules in ((linerules, LONG_LINE_RULES), (shortrules, SHORT_LINE_RULES)):
        used = {id(getattr(rule, field)) for rule in rules
                for field in ("test", "build", "decide", "view") if getattr(rule, field) is not None}
        used |= {id(rule.pattern) for rule in rules}
        offered = {name: id(code) for table in module.HOOKS for name, code in table.items()}
        assert [name for name, code in offered.items() if code not in used] == [], module.__name__


def test_a_rule_file_naming_unknown_code_is_an_error() -> None:
    entry = {"kind": "ad", "test": "no-such-test"}
    with pytest.raises(RulesError, match="test 'no-such-test' is not one of is-short"):
        line_rule(entry, "rule 1", "rules.toml", Hooks(tests={"is-short": lambda text: len(text) < 5}))


def test_a_rule_is_read_the_same_from_a_users_file_and_from_newsctls() -> None:
    """One format: a pattern in pieces, a named bound, needs, without and ends."""
    entry = {"kind": "ad", "why": "a coupon prompt", "pattern": ["(?:领|領)", "(?:券|劵)"],
             "find": "anywhere", "max_length": "widget-line", "needs": ["券", "劵"], "without": "。",
             "ends": "！>", "examples": ["立即领券！"], "near_misses": ["领券的人很多。", "领券"]}
    for hooks in (None, Hooks()):
        rule = line_rule(entry, "rule 1", "rules.toml", hooks)
        assert (rule.pattern.pattern if rule.pattern else None, rule.max_len, rule.why) == (
            "(?:领|領)(?:券|劵)", 40, "a coupon prompt")
        check_examples(rule, "rule 1", "rules.toml")
        assert rule.verdict("领券" * 30 + "！") is None   # longer than a widget line
