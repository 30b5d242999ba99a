"""The evaluation sets, as ``tests/data/evalsets.toml`` lists them (its header says what each key
means).  Paths in the manifest are relative to the repository root; here they are resolved."""

from __future__ import annotations

import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10: the backport (a dependency there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent.parent
MANIFEST = ROOT / "tests" / "data" / "evalsets.toml"

EVALUATES = ("clean", "segment")
RULES = ("paragraphs", "lines")
FORMS = ("text", "html")


@dataclass(frozen=True)
class EvalSet:
    """One evaluation set: what it scores, where its files are, and its floors."""

    name: str
    evaluates: str
    form: str
    gold: str               # path template from the root ({stem}: a page's name, no suffix)
    min_f1: float
    pages: str = ""         # glob from the root (clean sets)
    meta: str = ""          # path template from the root (clean sets)
    rules: str = ""         # clean sets: "paragraphs" or "lines"
    external: bool = False  # lives outside the project; may be absent
    count: int = 0          # pages (clean sets)
    titles_missed: int = 0
    min_meta: float = 0.0
    note: str = ""

    @property
    def present(self) -> bool:
        """Whether the set's files are here (an external set may not be)."""
        if self.evaluates == "segment":
            return (ROOT / self.gold).is_file()
        return bool(self.page_files())

    def page_files(self) -> list[Path]:
        """The files ``pages`` matches, by name.  Only the last part of the pattern is a glob,
        so the folder may lie outside the root (``../shared``), which ``Path.glob`` does not
        take in every Python version."""
        pattern = ROOT / self.pages
        return sorted(pattern.parent.glob(pattern.name))


def _check(entry: dict[str, Any]) -> EvalSet:
    where = f"{MANIFEST.name}: set {entry.get('name')!r}"
    unknown = set(entry) - {f.name for f in fields(EvalSet)}
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    try:
        evalset = EvalSet(**entry)
    except TypeError as exc:  # a required key is missing
        raise ValueError(f"{where}: {exc}") from None
    if evalset.evaluates not in EVALUATES:
        raise ValueError(f"{where}: evaluates must be one of {', '.join(EVALUATES)}")
    if evalset.form not in FORMS:
        raise ValueError(f"{where}: form must be one of {', '.join(FORMS)}")
    if evalset.evaluates == "clean":
        if evalset.rules not in RULES:
            raise ValueError(f"{where}: rules must be one of {', '.join(RULES)}")
        if not (evalset.pages and evalset.meta and evalset.count):
            raise ValueError(f"{where}: a clean set needs pages, meta and count")
    return evalset


def load_sets(path: Path = MANIFEST) -> list[EvalSet]:
    """Every set in the manifest, in its order; a malformed entry raises ValueError."""
    with open(path, "rb") as handle:
        entries = tomllib.load(handle)["set"]
    sets = [_check(entry) for entry in entries]
    names = [s.name for s in sets]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise ValueError(f"{path.name}: set names used twice: {', '.join(doubled)}")
    return sets
