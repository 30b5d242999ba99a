"""Line rules as data: one declaration per rule, one table that dispatches a line to the rules
that can hold for it, in their order.

A :class:`LineRule` says everything about one kind of boilerplate line: the verdict it gives
(a :class:`Kind`, strong or weak), how its pattern must meet the line (at its start, the whole
line, or anywhere), the named length bound and the characters that rule it out, and the examples
that must match and the near misses that must not (the tests are generated from them, and a
user's ``--rules`` file is checked against its own).

A :class:`RuleTable` compiles a list of rules once into one function: a chain of guards in
the rules' order, as one would write by hand, except that which first characters can start a
rule's match is read from its pattern (hand-written guards had to copy the patterns, and
drifted from them).  The first rule that holds decides; the order is the list's.  The rules
are written as data (``data/clean/*_rules.toml``, read by :mod:`.ruledata`); to add one, add a
``[[rule]]`` entry to the file where it belongs; its examples become tests
(``tests/test_rule_registry.py``).
"""

from __future__ import annotations

import enum
import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from newsctl.cleaning.verdicts import Verdict, shared_verdict
from newsctl.text import regexcache
from newsctl.text.derivedcache import remembered


class Kind(str, enum.Enum):
    """What a line is: the rule ids ``--explain`` prints and the passes read."""

    AD = "ad"
    ATTACHMENT = "attachment"
    AUTHOR_BIO = "author-bio"
    BREADCRUMB = "breadcrumb"
    BYLINE = "byline"
    CAPTION = "caption"
    CATEGORY = "category"
    COLUMN_LABEL = "column-label"
    COMMENT = "comment"
    CONTACT = "contact"
    CONTINUE_READING = "continue-reading"
    COOKIE_BANNER = "cookie-banner"
    COPYRIGHT = "copyright"
    COUNTER = "counter"
    DATE = "date"
    EDITOR_NOTE = "editor-note"
    END_MARK = "end-mark"
    HASHTAG = "hashtag"
    IMAGE = "image"
    KEYWORDS = "keywords"
    MARKUP = "markup"
    METADATA = "metadata"
    NAVIGATION = "navigation"
    ORIGINAL_TITLE = "original-title"
    PAYWALL = "paywall"
    REFERENCES = "references"
    RELATED_BLOCK = "related-block"
    SERIES = "series"
    SHARE_WIDGET = "share-widget"
    SITE_NAME = "site-name"
    SITE_RULE = "site-rule"
    SLOGAN = "slogan"
    SOURCE = "source"
    SUMMARY = "summary"
    TICKER = "ticker"
    WECHAT_CARD = "wechat-card"


class Find(enum.Enum):
    """How a rule's pattern must meet the line."""

    START = "start"        # re.match: the line opens with the shape
    WHOLE = "whole"        # re.fullmatch: the line is the shape
    ANYWHERE = "anywhere"  # re.search: the shape is somewhere in the line


# re.compile, or the cache of compiled patterns that built-in tables use
Compiler = Callable[[str, int], "re.Pattern[str]"]
# a rule's whole test of a line: its verdict, or None
Check = Callable[[str], "Verdict | None"]
# what a rule with a match makes of it: a verdict naming what the line holds, or None (no verdict)
Build = Callable[["re.Match[str]"], "Verdict | None"]


@dataclass(frozen=True, slots=True)
class LineRule:
    """One kind of boilerplate line, declared once.

    ``pattern`` (with ``find``) is the line's shape; ``test`` a condition on the whole line that a
    pattern cannot say (a line of JavaScript, a count of page numbers); a rule has one or both.
    ``max_len`` bounds the line (a named limit from :mod:`.limits` where one exists),
    ``without`` lists characters that rule the line out (a full stop: a rule for a widget),
    ``ends`` the characters it must end with, ``needs`` words of which one must be in the line
    (evidence the pattern alone does not ask for).  ``build`` turns the match into a verdict
    that names what the line holds (a source, an author); without it the verdict is the kind's.
    ``decide`` is for the few rules that need more than one pattern (a row of labelled fields,
    a menu): once the bounds hold, its verdict (or None) is the rule's.  ``view``: the test,
    the decision and the pattern read the line through it (the line without its decoration);
    the guards read the line itself, and a table computes a view once per line.
    """

    kind: Kind
    why: str
    pattern: re.Pattern[str] | None = None
    find: Find = Find.START
    strong: bool = True
    max_len: int | None = None
    without: str = ""
    ends: str = ""
    needs: tuple[str, ...] = ()
    test: Callable[[str], bool] | None = None
    build: Build | None = None
    decide: Callable[[str], Verdict | None] | None = None
    view: Callable[[str], str] | None = None
    examples: tuple[str, ...] = ()
    near_misses: tuple[str, ...] = ()

    def verdict(self, text: str) -> Verdict | None:
        """This rule's verdict on ``text`` (stripped, non-empty), or None."""
        if self.max_len is not None and len(text) > self.max_len:
            return None
        return self.within_bound(text)

    def within_bound(self, text: str) -> Verdict | None:
        """:meth:`verdict` for a line known to be within ``max_len`` (a table's route)."""
        if self.ends and text[-1] not in self.ends:
            return None
        for char in self.without:
            if char in text:
                return None
        if self.needs:
            for word in self.needs:
                if word in text:
                    break
            else:
                return None
        if self.view is not None:
            text = self.view(text)
        if self.test is not None and not self.test(text):
            return None
        if self.decide is not None:
            return self.decide(text)
        pattern = self.pattern
        if pattern is None:
            return shared_verdict(self.kind.value, self.strong)
        find = self.find
        found = (pattern.match(text) if find is Find.START
                 else pattern.search(text) if find is Find.ANYWHERE
                 else pattern.fullmatch(text))
        if found is None:
            return None
        if self.build is not None:
            return self.build(found)
        return shared_verdict(self.kind.value, self.strong)

    def first_class(self, builtin: bool = False) -> str | None:
        """A pattern of the characters a line this rule holds for can start with, or None (any).
        ``builtin``: a rule of newsctl's own, whose answer is kept between runs."""
        pattern = self.pattern
        if (pattern is None or self.find is Find.ANYWHERE or self.decide is not None
                or self.view is not None):   # (a pattern of the view says nothing of the line)
            return None
        if builtin:
            return remembered("first-char", f"{pattern.flags}\n{pattern.pattern}",
                              lambda: first_char_class(pattern))
        return first_char_class(pattern)


class RuleTable:
    """Rules in order, compiled into one function that asks each line only what its rules need.

    The function is written from the declarations, one ``if`` per rule in their order, as a
    hand-written chain of guards would be: the length bound first, then whether the line's
    first character can start the rule's pattern (read from the pattern, looked up once per
    character), the rule's cheap substring tests, its test and its pattern.  ``source`` holds
    the code (print it to see what a line is asked); :meth:`LineRule.verdict` is the plain
    reading of the same rules, which the tests hold the compiled table to.
    """

    def __init__(self, rules: Sequence[LineRule], builtin: bool = False) -> None:
        self.rules = tuple(rules)
        # the built-in tables' patterns are kept compiled between runs (a user's are not)
        compiler = regexcache.compile if builtin else re.compile
        classes = [rule.first_class(builtin) for rule in self.rules]
        routed = [(i, found) for i, found in enumerate(classes) if found is not None]
        # one pattern tells which rules a character lets in: an optional lookahead per routed
        # rule, its group set when the character can start that rule's match
        self._bits = tuple(1 << i for i, _ in routed)
        self._starts = compiler("".join(f"(?:(?=({found}))|)" for _, found in routed), 0).match
        # a first character -> the rules it lets in, a bit each (most characters are seen often)
        self._admits: dict[str, int] = {}
        self.source, namespace = _table_source(self.rules, [found is not None for found in classes])
        namespace["ADMITS"] = self._admits
        namespace["ADMIT"] = self._admitted_by
        # the code is ours: names for the rules' objects, numbers, and literals written with repr
        name, source = f"<rule table of {len(self.rules)} rules>", self.source
        code = (remembered("table-code", source, lambda: compile(source, name, "exec")) if builtin
                else compile(source, name, "exec"))
        exec(code, namespace)  # noqa: S102
        self.verdict: Check = namespace["verdict"]

    def _admitted_by(self, first: str) -> int:
        groups = self._starts(first).groups()   # type: ignore[union-attr]  # (it always matches)
        admits = sum(bit for bit, group in zip(self._bits, groups) if group is not None)
        self._admits[first] = admits
        return admits


def _table_source(rules: Sequence[LineRule], routed: Sequence[bool]) -> tuple[str, dict[str, Any]]:
    """The code of a table's function, and the names it uses (patterns, tests, verdicts)."""
    namespace: dict[str, Any] = {}
    views: dict[int, str] = {}   # a view function's id -> its variable (computed once a line)
    for rule in rules:
        if rule.view is not None and id(rule.view) not in views:
            views[id(rule.view)] = name = f"w{len(views)}"
            namespace[name.upper()] = rule.view
    lines = ['def verdict(text):',
             '    "The first rule verdict on the stripped, non-empty text, or None."',
             '    admits = ADMITS.get(text[0])',
             '    if admits is None:',
             '        admits = ADMIT(text[0])',
             '    n = len(text)',
             *(f'    {name} = None' for name in views.values())]
    for i, rule in enumerate(rules):
        # the guards read the line; the test, decision and pattern read its view if it has one
        guards: list[str] = []
        if rule.max_len is not None:
            guards.append(f"n <= {rule.max_len}")
        if routed[i]:
            guards.append(f"admits & {1 << i}")
        if rule.ends:
            guards.append(f"text[-1] in {rule.ends!r}")
        guards.extend(f"{char!r} not in text" for char in rule.without)
        if rule.needs:
            guards.append("(" + " or ".join(f"{word!r} in text" for word in rule.needs) + ")")
        subject = views[id(rule.view)] if rule.view is not None else "text"
        checks: list[str] = []
        if rule.test is not None:
            namespace[f"T{i}"] = rule.test
            checks.append(f"T{i}({subject})")
        why = "".join(char if char.isprintable() else " " for char in rule.why)   # a comment line
        lines.append(f"    # {i}: {rule.kind.value}: {why}")
        body: list[str]
        if rule.decide is not None:
            namespace[f"D{i}"] = rule.decide
            body = [f"found = D{i}({subject})", "if found is not None:", "    return found"]
        elif rule.pattern is None:
            namespace[f"V{i}"] = shared_verdict(rule.kind.value, rule.strong)
            body = [f"return V{i}"]
        else:
            namespace[f"F{i}"] = (rule.pattern.match if rule.find is Find.START
                                  else rule.pattern.search if rule.find is Find.ANYWHERE
                                  else rule.pattern.fullmatch)
            if rule.build is None:
                namespace[f"V{i}"] = shared_verdict(rule.kind.value, rule.strong)
                checks.append(f"F{i}({subject}) is not None")
                body = [f"return V{i}"]
            else:
                namespace[f"B{i}"] = rule.build
                body = [f"match = F{i}({subject})", "if match is not None:",
                        f"    found = B{i}(match)", "    if found is not None:", "        return found"]
        if rule.view is not None:   # the view once a line, for every rule that reads it
            body = [f"if {subject} is None:", f"    {subject} = {subject.upper()}(text)",
                    *([f"if {' and '.join(checks)}:"] + ["    " + line for line in body]
                      if checks else body)]
        elif checks:
            guards.extend(checks)
        indent = "    "
        if guards:
            lines.append(f"    if {' and '.join(guards)}:")
            indent = "        "
        lines.extend(indent + line for line in body)
    lines.append("    return None")
    return "\n".join(lines) + "\n", namespace


def first_char_class(pattern: re.Pattern[str]) -> str | None:
    """A pattern of one character: what a match of ``pattern`` at a line's start can begin
    with, read from the parsed pattern; None when it can be anything (``.``, a pattern that may
    match nothing).

    It is written from the parsed items that can come first (literals, classes, categories,
    the branches of an alternation), under the pattern's flags, so re applies its own case
    folding and categories."""
    try:
        parser: Any = importlib.import_module("re._parser")
    except ImportError:   # Python 3.10
        parser = importlib.import_module("sre_parse")
    try:
        found, may_be_empty = _sequence(parser.parse(pattern.pattern, pattern.flags))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None   # a parser this code does not know: no routing, every line is tried
    if found is None or may_be_empty:
        return None
    if pattern.flags & re.IGNORECASE:
        found = f"(?i:{found})"
    if pattern.flags & re.ASCII:
        found = f"(?a:{found})"
    return found


def pattern_first_chars(pattern: re.Pattern[str]) -> CharTest | None:
    """:func:`first_char_class` as a test of one character."""
    found = first_char_class(pattern)
    return re.compile(found).fullmatch if found is not None else None


# a test of one character: may a match start with it? (a pattern's fullmatch: truthy or None)
CharTest = Callable[[str], object]

# the parser's opcodes and categories are read by name: their values differ between versions
_EMPTY_OK = ("AT", "ASSERT", "ASSERT_NOT")
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
               "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W"}


def _char(code: int) -> str:
    return re.escape(chr(code))


def _class(items: Any) -> str:
    """A character class ``[...]`` written back from its parsed items."""
    parts: list[str] = []
    for op, value in items:
        kind = str(op)
        if kind == "NEGATE":
            parts.insert(0, "^")
        elif kind == "LITERAL":
            parts.append(_char(value))
        elif kind == "RANGE":
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif kind == "CATEGORY":
            parts.append(_CATEGORIES[str(value)])
        else:
            raise ValueError(kind)
    return "[" + "".join(parts) + "]"


def _item_firsts(name: str, arg: Any) -> tuple[str | None, bool]:
    """A pattern of the first character of one parsed item, and whether it may match nothing."""
    if name == "LITERAL":
        return _char(arg), False
    if name == "NOT_LITERAL":
        return f"[^{_char(arg)}]", False
    if name == "IN":
        return _class(arg), False
    if name == "SUBPATTERN":   # (group, flags added, flags removed, body): (?i:...) scopes a flag
        found, empty = _sequence(arg[-1])
        if found is not None and arg[1] & re.IGNORECASE:
            found = f"(?i:{found})"
        return found, empty
    if name == "BRANCH":
        arms: list[str] = []
        empty = False
        for branch in arg[1]:
            found, branch_empty = _sequence(branch)
            if found is None:
                return None, False
            arms.append(found)
            empty = empty or branch_empty
        return "(?:" + "|".join(arms) + ")", empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, body = arg
        found, empty = _sequence(body)
        return found, empty or low == 0
    return None, False   # ANY (.), groups referenced back, and what else may come


def _sequence(items: Any) -> tuple[str | None, bool]:
    """A pattern of the first character of a sequence, and whether it may match nothing: an
    item that may match nothing lets the next item's first characters in too."""
    arms: list[str] = []
    for op, arg in items:
        name = str(op)
        if name in _EMPTY_OK:
            continue
        found, may_be_empty = _item_firsts(name, arg)
        if found is None:
            return None, False
        arms.append(found)
        if not may_be_empty:
            return (arms[0] if len(arms) == 1 else "(?:" + "|".join(arms) + ")"), False
    return ("(?:" + "|".join(arms) + ")" if arms else None), True
