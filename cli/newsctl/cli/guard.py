"""One place that turns errors, interrupts and closed pipes into messages and exit codes.

Every command body is wrapped by :func:`guarded`; no Python traceback reaches a user.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from newsctl.cli.messages import ExitCode, error_line
from newsctl.errors import NewsctlError

F = TypeVar("F", bound=Callable[..., Any])


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that temporary files are cleaned up on the way out."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated()


def remove_stray_temps() -> None:
    """Delete temporary output files an interrupted run left open (see output.AtomicFile)."""
    from newsctl.cli.output import remove_stray_temps as remove

    remove()


def guarded(command: F) -> F:
    """Run a command body; map errors, Ctrl-C and closed pipes to messages and exit codes."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        previous = _install_sigterm()
        try:
            code = command(*args, **kwargs)
        except NewsctlError as error:
            error_line(str(error))
            code = ExitCode.USAGE
        except BrokenPipeError:
            silence_stdout()
            code = ExitCode.OK
        except OSError as exc:  # a write error: disk full, quota, a vanished output folder
            remove_stray_temps()
            where = exc.filename or "<stdout>"
            error_line(f"{where}: write error: {exc.strerror or exc}")
            code = ExitCode.FAILED
        except KeyboardInterrupt:
            remove_stray_temps()
            error_line("interrupted")
            code = ExitCode.INTERRUPTED
        except _Terminated:
            remove_stray_temps()
            error_line("terminated")
            code = 128 + signal.SIGTERM
        finally:
            _restore_sigterm(previous)
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            silence_stdout()
        except OSError as exc:
            error_line(f"<stdout>: write error: {exc.strerror or exc}")
            silence_stdout()
            code = ExitCode.FAILED
        except ValueError:
            pass
        raise typer.Exit(int(code or 0))

    return wrapper  # type: ignore[return-value]


def _install_sigterm() -> Any:
    try:
        return signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (some test runners): leave it alone
        return None


def _restore_sigterm(previous: Any) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except ValueError:
            pass


def silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
