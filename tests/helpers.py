"""Small helpers for tests that run the real CLI."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence

from typer.testing import CliRunner

from newsctl.app import app

runner = CliRunner()


def invoke(args: Sequence[str], input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    """Run ``newsctl ARGS`` in-process with CliRunner (stdout and stderr kept apart)."""
    return runner.invoke(app, list(args), input=input)


def run_cli(
    args: Sequence[str], input: bytes | None = None, timeout: float = 120, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsctl ARGS`` in a subprocess: the real entry point, real pipes."""
    return subprocess.run(
        [sys.executable, "-m", "newsctl", *args],
        input=input, capture_output=True, timeout=timeout, **kwargs,  # type: ignore[arg-type]
    )
