"""The ``newsctl`` command line: thin Typer commands over the library.

Each command parses its options into a frozen options object, builds a task, and hands it to
``pipeline``.  Errors are turned into ``newsctl: PATH: message`` lines and exit codes in one place
(:func:`_guarded`); nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from newsctl import __version__
from newsctl.errors import NewsctlError, UsageError
from newsctl.messages import ExitCode, error_line

if TYPE_CHECKING:  # pragma: no cover - the pipeline is imported when a command runs
    from newsctl.pipeline import CommonOptions

app = typer.Typer(
    name="newsctl",
    help="Clean, convert, segment and count Chinese news text (Simplified and Traditional).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# --- options every command shares (defined once; same names everywhere) ------------------------

InputsArg = Annotated[
    Optional[list[str]],
    typer.Argument(
        metavar="[INPUT]...",
        help="Files, folders (walked recursively) or - for stdin; stdin when none and piped.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Write JSON Lines: one object per document.")]
OutputOpt = Annotated[
    Optional[str],
    typer.Option("--output", "-o", metavar="FILE", help="Write all output to FILE (atomically)."),
]
OutDirOpt = Annotated[
    Optional[str],
    typer.Option(
        "--out-dir", "-O", metavar="DIR",
        help="Write one file per input under DIR, mirroring the input's relative path.",
    ),
]
EncodingOpt = Annotated[
    Optional[str],
    typer.Option("--encoding", metavar="ENC", help="Skip detection; decode every input with ENC."),
]
JobsOpt = Annotated[
    Optional[int],
    typer.Option(
        "--jobs", "-j", min=0, metavar="N",
        help="Worker processes; 0 = one per CPU. Default: 0 for folders, 1 otherwise.",
        show_default=False,
    ),
]
GlobOpt = Annotated[
    Optional[list[str]],
    typer.Option("--glob", metavar="PATTERN", help="Files to take from folders (repeatable). [default: *.txt]"),
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
    Optional[str],
    typer.Option("--scheduler", metavar="ADDRESS", envvar="NEWSCTL_SCHEDULER",
                 help="Dask scheduler address (tcp://host:8786); none starts a local cluster."),
]


def _common(
    inputs: list[str] | None, json: bool, output: str | None, out_dir: str | None,
    encoding: str | None, jobs: int | None, glob: list[str] | None, quiet: bool, fail_fast: bool,
    engine: "Engine", scheduler: str | None,
) -> CommonOptions:
    from newsctl.pipeline import CommonOptions

    if scheduler and engine.value != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    return CommonOptions(
        inputs=tuple(inputs or ()), json=json, output=output, out_dir=out_dir, encoding=encoding,
        jobs=jobs, globs=tuple(glob) if glob else ("*.txt",), quiet=quiet, fail_fast=fail_fast,
        engine=engine.value, scheduler=scheduler,
    )


F = TypeVar("F", bound=Callable[..., Any])


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that temporary files are cleaned up on the way out."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated()


def remove_stray_temps() -> None:
    """Delete temporary output files an interrupted run left open (see output.AtomicFile)."""
    from newsctl.output import remove_stray_temps as remove

    remove()


def _guarded(command: F) -> F:
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
            _silence_stdout()
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
            _silence_stdout()
        except OSError as exc:
            error_line(f"<stdout>: write error: {exc.strerror or exc}")
            _silence_stdout()
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


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsctl {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Clean, convert, segment and count Chinese news text (Simplified and Traditional).

    Every command reads files, folders, - (stdin) and JSON Lines, detects the encoding
    (UTF-8, GB18030/GBK, Big5, UTF-16) and writes UTF-8.
    """


# --- commands ----------------------------------------------------------------------------------


class Target(str, Enum):
    simplified = "simplified"
    traditional = "traditional"
    taiwan = "taiwan"
    hongkong = "hongkong"


class FromScript(str, Enum):
    auto = "auto"
    simplified = "simplified"
    traditional = "traditional"


def _config_names() -> list[str]:
    from newsctl.converters import available_configs

    return list(available_configs())


def _check_config(value: str | None) -> str | None:
    if value is not None and value not in _config_names():
        raise typer.BadParameter(f"{value!r} is not a config; choose from: {', '.join(_config_names())}")
    return value


@app.command()
@_guarded
def convert(
    inputs: InputsArg = None,
    to: Annotated[
        Optional[Target],
        typer.Option("--to", help="Target script; taiwan/hongkong also convert regional phrases."),
    ] = None,
    config: Annotated[
        Optional[str],
        typer.Option("--config", metavar="NAME", callback=_check_config,
                     help="Any OpenCC config: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, t2tw, …"),
    ] = None,
    source: Annotated[
        FromScript, typer.Option("--from", help="Source script with --to; auto detects per document.")
    ] = FromScript.auto,
    keep: Annotated[
        Optional[list[str]], typer.Option("--keep", metavar="WORD", help="Never convert WORD (repeatable).")
    ] = None,
    keep_file: Annotated[
        Optional[str], typer.Option("--keep-file", metavar="FILE", help="Words never to convert, one per line.")
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Replace each input file by its conversion (atomically, as UTF-8).")
    ] = False,
    backup: Annotated[
        bool, typer.Option("--backup", help="With --in-place: keep the original as FILE.bak.")
    ] = False,
    json: JsonOpt = False, output: OutputOpt = None, out_dir: OutDirOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Convert between Simplified and Traditional Chinese with OpenCC.

    Example: newsctl convert --to traditional samples/zh-hans-plain.txt
    """
    from newsctl.convert import ConvertOptions, read_keep_file
    from newsctl.pipeline import run_transform
    from newsctl.tasks import ConvertTask

    kept = tuple(keep or ()) + (read_keep_file(keep_file) if keep_file else ())
    options = ConvertOptions(
        config=config, target=to.value if to else None, source=source.value, keep=kept
    )
    common = _common(inputs, json, output, out_dir, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    if backup and not in_place:
        raise UsageError("--backup goes with --in-place")
    return run_transform(
        common, ConvertTask(options), render_text=lambda d: d.text, in_place=in_place, backup=backup
    )


@app.command()
@_guarded
def clean(
    inputs: InputsArg = None,
    explain: Annotated[
        bool, typer.Option("--explain", help='List every removed line and the rule that removed it (stderr; "removed" in JSON).')
    ] = False,
    rules: Annotated[
        Optional[str], typer.Option("--rules", metavar="FILE", help="Extra site rules (TOML): lines to drop, tail headings, title suffixes.")
    ] = None,
    json: JsonOpt = False, output: OutputOpt = None, out_dir: OutDirOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Strip scraped-page boilerplate and extract the article's metadata.

    Text out: line 1 the headline, then one paragraph per line (a blank line between
    documents). JSON adds "meta": title, date, source, author, category, site, editor, views.

    Example: newsctl clean samples/zh-hans-portal-finance.txt
    """
    from newsctl.clean import CleanOptions, load_rules
    from newsctl.pipeline import run_transform
    from newsctl.tasks import CleanTask

    options = CleanOptions(rules=load_rules(rules) if rules else None)
    common = _common(inputs, json, output, out_dir, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)

    def render_text(document: Any) -> str:
        _clean_diagnostics(document, explain, quiet)
        return str(document.text)

    def render_json(document: Any) -> dict[str, Any]:
        _clean_diagnostics(document, False, quiet)
        return dict(document.to_record())

    return run_transform(common, CleanTask(options, explain=explain), render_text=render_text,
                         render_json=render_json, separator="\n")


def _clean_diagnostics(document: Any, explain: bool, quiet: bool) -> None:
    """--explain lines and warnings on stderr, in input order (printed by the main process)."""
    if explain:
        for removal in document.fields.get("removed", ()):
            error_line(f"{document.path}:{removal['line']}: removed [{removal['rule']}] {removal['text']}")
    if not quiet:
        for warning in document.fields.get("warnings", ()):
            error_line(f"{document.path}: warning: {warning}")


class Mode(str, Enum):
    precise = "precise"
    full = "full"
    search = "search"


class Script(str, Enum):
    auto = "auto"
    simplified = "simplified"
    traditional = "traditional"


class Backend(str, Enum):
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
                 help="Segmenter: jieba, or rjieba (native, pip install 'newsctl[fast]')."),
]
DictOpt = Annotated[
    Optional[list[str]], typer.Option("--dict", metavar="FILE", help="User dictionary (repeatable).")
]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Write CSV instead of a table / TSV.")]


@app.command()
@_guarded
def segment(
    inputs: InputsArg = None,
    mode: Annotated[Mode, typer.Option("--mode", help="precise tiles each line; full and search add the words inside words.")] = Mode.precise,
    no_hmm: Annotated[bool, typer.Option("--no-hmm", help="Only dictionary words (no HMM for unknown words).")] = False,
    pos: Annotated[bool, typer.Option("--pos", help="Print word/tag (jieba's part-of-speech tags).")] = False,
    delimiter: Annotated[str, typer.Option("--delimiter", "-d", metavar="SEP", help="Token separator.")] = " ",
    offsets: Annotated[bool, typer.Option("--offsets", help='With --json: add "spans" [start, end] per token.')] = False,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.jieba,
    json: JsonOpt = False, output: OutputOpt = None, out_dir: OutDirOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Split Chinese text into words with jieba (Traditional text too).

    One output line per input line, tokens separated by one space. Traditional text is
    segmented through its Simplified form and returned in its own script.

    Example: newsctl segment samples/zh-hans-plain.txt
    """
    from newsctl.pipeline import run_transform
    from newsctl.segment import SegmentOptions
    from newsctl.tasks import SegmentTask

    options = SegmentOptions(
        mode=mode.value, hmm=not no_hmm, pos=pos, script=script.value,
        user_dicts=_absolute(user_dict), backend=backend.value,
    )
    common = _common(inputs, json, output, out_dir, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    task = SegmentTask(options, delimiter=delimiter, json=json, offsets=offsets)
    return run_transform(common, task, render_text=lambda d: d.text)


@app.command()
@_guarded
def keywords(
    inputs: InputsArg = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many terms to list.")] = 20,
    method: Annotated[Method, typer.Option("--method", help="Rank by token count, TF-IDF or TextRank.")] = Method.frequency,
    word: Annotated[Optional[list[str]], typer.Option("--word", "-w", metavar="W", help="Count this keyword instead of ranking (repeatable; matches both scripts).")] = None,
    words_file: Annotated[Optional[str], typer.Option("--words-file", metavar="FILE", help="Keywords to count, one per line.")] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One result per document instead of totals.")] = False,
    stopwords: Annotated[Optional[list[str]], typer.Option("--stopwords", metavar="FILE", help="More stop words, one per line (repeatable).")] = None,
    no_stopwords: Annotated[bool, typer.Option("--no-stopwords", help="Do not use the built-in stop words.")] = False,
    min_len: Annotated[int, typer.Option("--min-len", min=1, help="Shortest term, in characters.")] = 2,
    pos: Annotated[Optional[str], typer.Option("--pos", metavar="TAGS", help="Only these parts of speech, e.g. n,v (prefixes: n keeps nr, ns…).")] = None,
    idf: Annotated[IdfSource, typer.Option("--idf", help="TF-IDF weights: jieba's IDF table, or IDF computed from the inputs.")] = IdfSource.jieba,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.jieba,
    csv_out: CsvOpt = False,
    json: JsonOpt = False, output: OutputOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Count given keywords, or rank the top terms across all inputs.

    Terms are compared in their Simplified form (經濟 = 经济) and shown as the input wrote
    them. Numbers, punctuation, single characters and stop words are never terms.

    Example: newsctl keywords --top 10 samples/
    """
    from newsctl.keywords import KeywordOptions, KeywordQuery, read_word_list
    from newsctl.segment import SegmentOptions
    from newsctl.tasks import KeywordsTask

    queried = list(word or ()) + (read_word_list(words_file) if words_file else [])
    options = KeywordOptions(
        method=method.value, top=top, min_len=min_len,
        pos=tuple(p.strip() for p in pos.split(",") if p.strip()) if pos else (),
        use_stopwords=not no_stopwords, stopword_files=_absolute(stopwords), idf=idf.value,
    )
    segment_options = SegmentOptions(
        pos=options.needs_pos, script=script.value, user_dicts=_absolute(user_dict),
        backend=backend.value,
    )
    query = KeywordQuery.build(queried) if (word or words_file) else None
    common = _common(inputs, json, output, None, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    return _report(common, KeywordsTask(options, segment_options, query), "keywords",
                   csv_out, options=options, per_doc=per_doc, query=query)


@app.command()
@_guarded
def stats(
    inputs: InputsArg = None,
    no_words: Annotated[bool, typer.Option("--no-words", help="Skip word counts (no segmentation: much faster).")] = False,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.jieba,
    csv_out: CsvOpt = False,
    json: JsonOpt = False, output: OutputOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Per-document and corpus statistics: characters, sentences, words, script.

    Characters are split into cjk + latin + digits + punctuation + whitespace + other;
    script is simplified, traditional, mixed or none, with the Traditional share.

    Example: newsctl stats samples/
    """
    from newsctl.segment import SegmentOptions
    from newsctl.tasks import StatsTask

    segment_options = None if no_words else SegmentOptions(
        script=script.value, user_dicts=_absolute(user_dict), backend=backend.value
    )
    common = _common(inputs, json, output, None, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    return _report(common, StatsTask(segment_options), "stats", csv_out)


def _absolute(paths: list[str] | None) -> tuple[str, ...]:
    """Data files named on the command line, as absolute paths: workers (Dask ones on other
    machines, started in other folders) must find them."""
    return tuple(os.path.abspath(path) for path in paths or ())


def _report(common: CommonOptions, task: Any, kind: str, csv_out: bool, **settings: Any) -> int:
    """Run a report command: documents through the task, then one report to stdout or -o."""
    import contextlib

    from newsctl.output import atomic_output
    from newsctl.pipeline import collect_documents
    from newsctl.reports import choose_format, write_keyword_counts, write_ranked_keywords, write_stats

    documents, run_stats = collect_documents(common, task)
    with contextlib.ExitStack() as stack:
        stream = (
            stack.enter_context(atomic_output(common.output, frozenset()))
            if common.output else sys.stdout
        )
        fmt = choose_format(common.json, csv_out, stream)
        if kind == "stats":
            write_stats(documents, fmt, stream)
        elif settings["query"] is not None:
            write_keyword_counts(documents, settings["query"].words, settings["per_doc"], fmt, stream)
        else:
            write_ranked_keywords(documents, settings["options"], settings["per_doc"], fmt, stream)
    return run_stats.exit_code()


def main() -> None:
    """Console-script entry point: run the app; no traceback ever reaches the user.

    Usage errors are formatted by Typer itself (standalone mode); command bodies are wrapped by
    :func:`_guarded`.  What is left here is an interrupt or a closed pipe outside a command body.
    """
    try:
        app()
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitCode.OK)
