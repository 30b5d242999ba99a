"""A user's own data files (``--keep-file``, ``--words-file``): UTF-8 text, a BOM tolerated, and
one clear error naming the file when it cannot be read."""

from __future__ import annotations

from newsctl.errors import RulesError


def read_user_text(path: str, what: str) -> str:
    """The text of ``path``; ``what`` names the file in errors ("keep file not found",
    "keep file must be UTF-8")."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        raise RulesError(f"{what} not found", path=path) from None
    except UnicodeDecodeError:
        raise RulesError(f"{what} must be UTF-8", path=path) from None
    except OSError as exc:
        raise RulesError(exc.strerror or f"cannot read {what}", path=path) from None
