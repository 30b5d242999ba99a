"""The command-line options shared by newsctl's commands, defined once (same names everywhere).

Choices are ``str`` Enums so that a typo fails at parse time with the list of valid values.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

# --- options every command shares (defined once; same names everywhere) ------------------------

InputsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[INPUT]...",
        help="Files, folders (walked recursively) or - for stdin; stdin when none and piped.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Write JSON Lines: one object per document.")]
OutputOpt = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write all output to FILE (atomically)."),
]
OutDirOpt = Annotated[
    str | None,
    typer.Option(
        "--out-dir", "-O", metavar="DIR",
        help="Write one file per input under DIR, mirroring the input's relative path.",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", metavar="ENC", help="Skip detection; decode every input with ENC."),
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=0, metavar="N",
        help="Worker processes; 0 = one per CPU. Default: 0 for folders, 1 otherwise.",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option("--glob", metavar="PATTERN", help="Files to take from folders (repeatable). [default: *.txt, *.html, *.htm]"),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
FailFastOpt = Annotated[bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")]


class Engine(str, Enum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[
    Engine,
    typer.Option("--engine", help="Run here (local) or on a Dask cluster (pip install 'newsctl[dask]')."),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", metavar="ADDRESS", envvar="NEWSCTL_SCHEDULER",
                 help="Dask scheduler address (tcp://host:8786); none starts a local cluster."),
]


class Target(str, Enum):
    simplified = "simplified"
    traditional = "traditional"
    taiwan = "taiwan"
    hongkong = "hongkong"


class Mode(str, Enum):
    precise = "precise"
    full = "full"
    search = "search"


class Script(str, Enum):
    """A text's script: `convert --from` and `--script` of segment, keywords and stats."""

    auto = "auto"
    simplified = "simplified"
    traditional = "traditional"


class Backend(str, Enum):
    auto = "auto"
    jieba = "jieba"
    rjieba = "rjieba"


class Method(str, Enum):
    frequency = "count"  # not named "count": that would shadow str.count
    tfidf = "tfidf"
    textrank = "textrank"


class IdfSource(str, Enum):
    jieba = "jieba"
    corpus = "corpus"


ScriptOpt = Annotated[
    Script, typer.Option("--script", help="Input script; auto decides per document.")
]
BackendOpt = Annotated[
    Backend,
    typer.Option("--backend", envvar="NEWSCTL_BACKEND",
                 help="Segmenter: auto (rjieba when installed, else jieba), jieba (the "
                      "reference) or rjieba (the same tokens, faster)."),
]
DictOpt = Annotated[
    list[str] | None, typer.Option("--dict", metavar="FILE", help="User dictionary (repeatable).")
]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Write CSV instead of a table / TSV.")]
