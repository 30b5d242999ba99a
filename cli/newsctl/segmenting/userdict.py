"""User dictionaries in jieba's format, read tolerantly.

One entry a line: ``word [freq] [tag]``, for example::

    # comments and blank lines are skipped
    台積電 2000 nt
    新冠肺炎 n
    iPhone 15 Pro 300 nz

jieba's own loader matches each line against ``^(.+?)( [0-9]+)?( [a-z]+)?$``: it reads
"machine learning" as the word "machine" tagged "learning", keeps a tab or a doubled space inside
the word ("柯文哲\\tnr" becomes one word), and silently takes "词 1.5 n" as the word "词 1.5".  Here
fields are split on any whitespace and the frequency and tag are taken from the right, so
everything before them (inner spaces included) is the word:

* the last field is a frequency when it is a whole number, and a tag when it is letters and either
  follows a frequency or is one of jieba's part-of-speech tags;
* a field in the frequency position that looks like a number but is not a whole number ≥ 0
  (``-5``, ``1.5``, ``1e3``) is an error, and so is a frequency or tag with no word before it;
* a BOM, CRLF line ends, blank lines and ``#`` comment lines are fine.

A word with an inner space loads, but never matches: jieba cuts text at whitespace before it looks
words up.  It is kept as written rather than rejected, since it does no harm.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsctl.errors import RulesError
from newsctl.jobs.converters import convert_text
from newsctl.text import regexcache

__all__ = ["UserWord", "load_user_dict", "parse_user_dict", "with_simplified_forms"]

UserWord = tuple[str, "int | None", "str | None"]

_INT = regexcache.compile(r"[0-9]+\Z")
_NUMBERISH = regexcache.compile(r"[+-]?[0-9０-９]+(?:[.,][0-9０-９]*)?(?:[eE][+-]?[0-9]+)?\Z")
_TAG = regexcache.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")

#: jieba's part-of-speech tags (ICTCLAS set plus the four upper-case named-entity tags of its
#: paddle mode).  A bare last field is read as a tag only when it is one of these, so that an
#: English phrase such as "machine learning" stays one word.
_TAG_NAMES = """a ad ag an b bg c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p
q r rg rr rz s t tg u ud ug uj ul uv uz v vd vg vi vn vq w x y yg z zg PER LOC ORG TIME"""
JIEBA_TAGS = frozenset(_TAG_NAMES.split())


def load_user_dict(path: str) -> list[UserWord]:
    """Read the user dictionary at ``path`` into ``(word, freq or None, tag or None)`` entries.

    Raises :class:`RulesError` naming the file (and the line, for a malformed entry).

    >>> load_user_dict("words.txt")  # doctest: +SKIP
    [('台積電', 2000, 'nt'), ('新冠肺炎', None, 'n')]
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise RulesError("user dictionary not found", path=path) from None
    except IsADirectoryError:
        raise RulesError("user dictionary is a folder, not a file", path=path) from None
    except OSError as exc:
        raise RulesError(f"cannot read user dictionary: {exc.strerror or exc}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RulesError(
            f"line {line}: not UTF-8 (save the dictionary as UTF-8)", path=path
        ) from None
    return parse_user_dict(text, path=path)


def parse_user_dict(text: str, *, path: str | None = None) -> list[UserWord]:
    """Parse dictionary text (already decoded); ``path`` only labels errors."""
    entries: list[UserWord] = []
    for number, raw in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            entries.append(_parse_line(line))
        except ValueError as exc:
            raise RulesError(f"line {number}: {exc}: {line!r}", path=path) from None
    return entries


def _parse_line(line: str) -> UserWord:
    fields = line.split()
    freq: int | None = None
    tag: str | None = None
    rest = len(fields)
    if rest >= 2 and not _INT.match(fields[-1]) and _is_freq(fields[-2]):
        if not _TAG.match(fields[-1]):
            raise ValueError(f"{fields[-1]!r} after the frequency is not a part-of-speech tag")
        freq, tag, rest = int(fields[-2]), fields[-1], rest - 2
    elif rest >= 2 and _is_freq(fields[-1]):
        freq, rest = int(fields[-1]), rest - 1
    elif rest >= 2 and fields[-1] in JIEBA_TAGS:
        tag, rest = fields[-1], rest - 1
    if rest == 0:
        raise ValueError("frequency or tag with no word before it")
    # Keep the word exactly as written, inner spacing included.
    word = line
    for field in reversed(fields[rest:]):
        word = word[: word.rindex(field)].rstrip()
    return word, freq, tag


def _is_freq(field: str) -> bool:
    """True for a whole number ≥ 0; ValueError for something numeric that is not one."""
    if _INT.match(field):
        return True
    if _NUMBERISH.match(field) and any(c.isdigit() for c in field):
        raise ValueError(f"frequency {field!r} is not a whole number ≥ 0")
    return False


def with_simplified_forms(entries: Iterable[UserWord]) -> list[UserWord]:
    """Each entry, followed by its t2s form when that differs (same freq and tag).

    The projection segments Traditional text in its Simplified form, so a Traditional user word
    must be known in Simplified too; the form as given still serves lines segmented directly.
    """
    entries = list(entries)
    if not entries:
        return entries
    words = [word for word, _, _ in entries]
    joined = "\n".join(words)
    converted = convert_text(joined, "t2s").split("\n")
    if len(converted) != len(words) or any("\n" in word for word in words):
        converted = [convert_text(word, "t2s") for word in words]  # pragma: no cover
    out: list[UserWord] = []
    for (word, freq, tag), simple in zip(entries, converted):
        out.append((word, freq, tag))
        if simple != word:
            out.append((simple, freq, tag))
    return out
