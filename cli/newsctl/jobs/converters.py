"""OpenCC converters, created lazily and once per process.

OpenCC's official binding is imported only here, and only when a converter is first asked for:
``newsctl --help`` and commands that never convert do not pay for it.  Pool workers call
:func:`get_converter` in their initializer so each process builds its dictionaries once.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from newsctl.errors import DependencyError, UsageError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import opencc


def _import_opencc() -> object:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - opencc is a hard dependency
        raise DependencyError("OpenCC is not installed: pip install 'opencc>=1.4'") from exc
    if not hasattr(opencc, "CONFIGS"):
        # opencc-python-reimplemented also installs the import name `opencc`; it lacks CONFIGS
        # and several configs, and must never be mixed with the official binding.
        raise DependencyError(
            "the installed 'opencc' module is not OpenCC's official binding "
            "(uninstall opencc-python-reimplemented, then pip install 'opencc>=1.4')"
        )
    return opencc


@functools.lru_cache(maxsize=1)
def available_configs() -> tuple[str, ...]:
    """Names of every conversion config the installed binding ships, sorted (``s2t``, ``t2s``…)."""
    opencc = _import_opencc()
    names = {os.path.splitext(name)[0] for name in opencc.CONFIGS}  # type: ignore[attr-defined]
    return tuple(sorted(names))


@functools.cache
def get_converter(config: str) -> opencc.OpenCC:
    """Return the process-wide converter for ``config`` (e.g. ``"t2s"``), building it on first use."""
    opencc = _import_opencc()
    if config not in available_configs():
        raise UsageError(
            f"unknown OpenCC config {config!r}; choose from: {', '.join(available_configs())}"
        )
    return opencc.OpenCC(config)  # type: ignore[attr-defined,no-any-return]


# Per config, the last conversion made (text, result): a document's text is often converted
# twice with t2s, once to see its script and once for what the command does with it (convert
# --to simplified, segment's projection), and a conversion costs about 0.1 ms per 1,000
# characters where this check costs an identity (or equality) test.  One tuple per config,
# replaced whole, so a reader in another thread never sees a text with another's result.
_last: dict[str, tuple[str, str]] = {}


def convert_text(text: str, config: str) -> str:
    """Convert ``text`` with the OpenCC config ``config``."""
    if not text:
        return text
    last = _last.get(config)
    if last is not None and (text is last[0] or text == last[0]):
        return last[1]
    result = _convert(text, config)
    _last[config] = (text, result)
    return result


def _convert(text: str, config: str) -> str:
    converter = get_converter(config)
    if "\x00" in text:
        # OpenCC's C++ core stops at a NUL byte and drops the rest: convert around them.
        return "\x00".join(converter.convert(part) for part in text.split("\x00"))
    return converter.convert(text)  # type: ignore[no-any-return]
