"""Every ``console`` example in README.md and docs/ is run and must print exactly what it shows;
docs/reference.md must be what ``docs/make_reference.py`` generates from the app."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))


def console_examples(page: Path = README) -> list[tuple[str, str]]:
    """(command, expected output) pairs from a page's ```console blocks."""
    examples: list[tuple[str, str]] = []
    for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, "".join(output)))
                command, output = line[2:], []
            else:
                output.append(line + "\n")
        if command is not None:
            examples.append((command, "".join(output)))
    return examples


EXAMPLES = console_examples()
DOC_EXAMPLES = [example for page in DOCS for example in console_examples(page)]


def test_the_readme_has_examples_for_every_command() -> None:
    commands = " ".join(command for command, _ in EXAMPLES)
    for name in ("clean", "convert", "segment", "keywords", "stats"):
        assert f"newsctl {name}" in commands


def test_the_readme_stays_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 200


def test_every_docs_link_in_the_readme_exists() -> None:
    for link in re.findall(r"\]\((docs/[^)#]+)", README.read_text(encoding="utf-8")):
        assert (ROOT / link).exists(), link


def test_the_cli_reference_is_generated_from_the_app() -> None:
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        import make_reference
    finally:
        sys.path.pop(0)
    assert make_reference.REFERENCE.read_text(encoding="utf-8") == make_reference.render(), (
        "docs/reference.md is stale: run python docs/make_reference.py")


def test_help_texts_do_not_break_sentences() -> None:
    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert "shown as the input wrote them." in reference


@pytest.mark.parametrize("command,expected", EXAMPLES + DOC_EXAMPLES,
                         ids=[c[:60] for c, _ in EXAMPLES + DOC_EXAMPLES])
def test_readme_example(command: str, expected: str) -> None:
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, timeout=300,
    )
    assert (result.stdout + result.stderr).decode("utf-8") == expected
