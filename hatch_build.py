"""Build hook: compile newsctl's optional C helper (cli/newsctl/speedups.c) into the wheel.

newsctl works without it (newsctl/segmenting/cutjoin.py has the same function in Python), so
anything that goes wrong here (no C compiler, no Python headers, Windows, NEWSCTL_PURE_PYTHON=1
in the environment) leaves a pure-Python wheel and a note on stderr, never a failed install.
The helper goes into the source tree next to its C file, where an editable install
(``pip install -e .``) finds it too; after changing the C file, install again.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import sysconfig
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = os.path.join("cli", "newsctl", "speedups.c")


class CompiledHelperHook(BuildHookInterface):
    """Compile the helper when a compiler is there; else build a pure-Python wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or os.environ.get("NEWSCTL_PURE_PYTHON"):
            return
        try:
            built = _compile(self.root)
        except (OSError, subprocess.SubprocessError) as exc:
            print(f"newsctl: C helper not built ({exc}); using the Python version",
                  file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":   # an editable install imports it from the source tree
            build_data["force_include"][built] = "newsctl/" + os.path.basename(built)


def _compile(root: str) -> str:
    """Compile the helper next to its source; return the built file's path."""
    if sys.platform == "win32":
        raise OSError("not built on Windows")
    if sys.implementation.name != "cpython":   # it reads CPython's string layout
        raise OSError(f"not built for {sys.implementation.name}")
    source = os.path.join(root, SOURCE)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    target = os.path.join(os.path.dirname(source), "speedups" + suffix)
    compiler = shlex.split(sysconfig.get_config_var("CC") or "cc")
    command = [*compiler, "-shared", "-fPIC", "-O2", "-I" + sysconfig.get_paths()["include"],
               source, "-o", target]
    if sys.platform == "darwin":
        command += ["-undefined", "dynamic_lookup"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    if done.returncode != 0:
        raise OSError(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                      else f"{compiler[0]} exited with {done.returncode}")
    return target
