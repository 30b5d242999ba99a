"""The ``newsctl`` command line: thin Typer commands over the library.

Each command parses its options into a frozen options object, builds a task, and hands it to
``pipeline``.  Errors are turned into ``newsctl: PATH: message`` lines and exit codes in one place
(:func:`newsctl.cli.guard.guarded`); nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import copy
import os
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from newsctl import __version__
from newsctl.cli.guard import guarded, silence_stdout
from newsctl.cli.messages import ExitCode, error_line
from newsctl.cli.options import (
    Backend,
    BackendOpt,
    CsvOpt,
    DictOpt,
    EncodingOpt,
    Engine,
    EngineOpt,
    FailFastOpt,
    GlobOpt,
    IdfSource,
    InputsArg,
    JobsOpt,
    JsonOpt,
    Method,
    Mode,
    OutDirOpt,
    OutputOpt,
    QuietOpt,
    SchedulerOpt,
    Script,
    ScriptOpt,
    Target,
)
from newsctl.errors import UsageError

if TYPE_CHECKING:  # pragma: no cover - the pipeline is imported when a command runs
    from newsctl.cli.pipeline import CommonOptions

app = typer.Typer(
    name="newsctl",
    help="Clean, convert, segment and count Chinese news text (Simplified and Traditional).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # markdown: a docstring's paragraphs reflow to the terminal's width instead of keeping
    # the source's line breaks in mid-sentence
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _common(
    inputs: list[str] | None, json: bool, output: str | None, out_dir: str | None,
    encoding: str | None, jobs: int | None, glob: list[str] | None, quiet: bool, fail_fast: bool,
    engine: Engine, scheduler: str | None,
) -> CommonOptions:
    from newsctl.cli.pipeline import CommonOptions

    if scheduler and engine.value != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    return CommonOptions(
        inputs=tuple(inputs or ()), json=json, output=output, out_dir=out_dir, encoding=encoding,
        jobs=jobs, globs=tuple(glob) if glob else ("*.txt", "*.html", "*.htm"), quiet=quiet, fail_fast=fail_fast,
        engine=engine.value, scheduler=scheduler,
    )


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


def _config_names() -> list[str]:
    from newsctl.jobs.converters import available_configs

    return list(available_configs())


def _check_config(value: str | None) -> str | None:
    if value is not None and value not in _config_names():
        raise typer.BadParameter(f"{value!r} is not a config; choose from: {', '.join(_config_names())}")
    return value


@app.command()
@guarded
def convert(
    inputs: InputsArg = None,
    to: Annotated[
        Target | None,
        typer.Option("--to", help="Target script; taiwan/hongkong also convert regional phrases."),
    ] = None,
    config: Annotated[
        str | None,
        typer.Option("--config", metavar="NAME", callback=_check_config,
                     help="Any OpenCC config: s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, t2tw, …"),
    ] = None,
    source: Annotated[
        Script, typer.Option("--from", help="Source script with --to; auto detects per document.")
    ] = Script.auto,
    keep: Annotated[
        list[str] | None, typer.Option("--keep", metavar="WORD", help="Never convert WORD (repeatable).")
    ] = None,
    keep_file: Annotated[
        str | None, typer.Option("--keep-file", metavar="FILE", help="Words never to convert, one per line.")
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
    from newsctl.cli.pipeline import run_transform
    from newsctl.engine.tasks import ConvertTask
    from newsctl.jobs.convert import ConvertOptions, read_keep_file

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
@guarded
def clean(
    inputs: InputsArg = None,
    explain: Annotated[
        bool, typer.Option("--explain", help='List every removed line and the rule that removed it (stderr; "removed" in JSON).')
    ] = False,
    rules: Annotated[
        str | None, typer.Option("--rules", metavar="FILE", help="Extra site rules (TOML): lines to drop, tail headings, title suffixes, [[rule]] line rules.")
    ] = None,
    json: JsonOpt = False, output: OutputOpt = None, out_dir: OutDirOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Strip scraped-page boilerplate and extract the article's metadata.

    Text out: line 1 the headline, then one paragraph per line (a blank line between
    documents). JSON adds "meta": title, date, source, author, category, site, editor, views.
    Saved HTML pages (.html, .htm, or content that starts like a page) are read as they declare
    and cleaned with what their markup says (menus, footers, lists of links, `<meta>`, JSON-LD).

    Example: newsctl clean samples/zh-hans-portal-finance.txt
    """
    from newsctl.cli.pipeline import run_transform
    from newsctl.engine.tasks import CleanTask
    from newsctl.jobs.clean import CleanOptions, load_rules

    # only what the output shows is worked out: the removed lines with --explain, the metadata
    # with --json (and the markup's sources of it with --explain)
    options = CleanOptions(rules=load_rules(rules) if rules else None, explain=explain,
                           removed=explain, metadata=json or explain)
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
            why = (f"{removal['rule']}: {removal['evidence']}" if removal.get("evidence")
                   else removal["rule"])
            because = f": {removal['because']}" if removal.get("because") else ""
            by = f"  (pass {removal['pass']}{because})" if removal.get("pass") else ""
            error_line(f"{document.path}:{removal['line']}: removed [{why}] {removal['text']}{by}")
        for key, where in document.fields.get("meta_sources", {}).items():
            error_line(f"{document.path}: meta {key} from the markup: {where}")
    if not quiet:
        for warning in document.fields.get("warnings", ()):
            error_line(f"{document.path}: warning: {warning}")


@app.command()
@guarded
def segment(
    inputs: InputsArg = None,
    mode: Annotated[Mode, typer.Option("--mode", help="precise tiles each line; full and search add the words inside words.")] = Mode.precise,
    no_hmm: Annotated[bool, typer.Option("--no-hmm", help="Only dictionary words (no HMM for unknown words).")] = False,
    pos: Annotated[bool, typer.Option("--pos", help="Print word/tag (jieba's part-of-speech tags).")] = False,
    delimiter: Annotated[str, typer.Option("--delimiter", "-d", metavar="SEP", help="Token separator.")] = " ",
    offsets: Annotated[bool, typer.Option("--offsets", help='With --json: add "spans" [start, end] per token.')] = False,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.auto,
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
    from newsctl.cli.pipeline import run_transform
    from newsctl.engine.tasks import SegmentTask
    from newsctl.jobs.segment import SegmentOptions

    options = SegmentOptions(
        mode=mode.value, hmm=not no_hmm, pos=pos, script=script.value,
        user_dicts=_absolute(user_dict), backend=backend.value,
    )
    common = _common(inputs, json, output, out_dir, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    task = SegmentTask(options, delimiter=delimiter, json=json, offsets=offsets)
    return run_transform(common, task, render_text=lambda d: d.text)


@app.command()
@guarded
def keywords(
    inputs: InputsArg = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many terms to list.")] = 20,
    method: Annotated[Method, typer.Option("--method", help="Rank by token count, TF-IDF or TextRank.")] = Method.frequency,
    word: Annotated[list[str] | None, typer.Option("--word", "-w", metavar="W", help="Count this keyword instead of ranking (repeatable; matches both scripts).")] = None,
    words_file: Annotated[str | None, typer.Option("--words-file", metavar="FILE", help="Keywords to count, one per line.")] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="One result per document instead of totals.")] = False,
    stopwords: Annotated[list[str] | None, typer.Option("--stopwords", metavar="FILE", help="More stop words, one per line (repeatable).")] = None,
    no_stopwords: Annotated[bool, typer.Option("--no-stopwords", help="Do not use the built-in stop words.")] = False,
    min_len: Annotated[int, typer.Option("--min-len", min=1, help="Shortest term, in characters.")] = 2,
    pos: Annotated[str | None, typer.Option("--pos", metavar="TAGS", help="Only these parts of speech, e.g. n,v (prefixes: n keeps nr, ns…).")] = None,
    idf: Annotated[IdfSource, typer.Option("--idf", help="TF-IDF weights: jieba's IDF table, or IDF computed from the inputs.")] = IdfSource.jieba,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.auto,
    csv_out: CsvOpt = False,
    json: JsonOpt = False, output: OutputOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Count given keywords, or rank the top terms across all inputs.

    Terms are compared in their Simplified form (經濟 = 经济) and shown as the input wrote
    them. Numbers, punctuation, single characters and stop words are never terms. Records of
    segment --json are counted by the tokens they carry (count and tfidf), not cut again.

    Example: newsctl keywords --top 10 samples/
    """
    from newsctl.engine.tasks import KeywordsTask
    from newsctl.jobs.keywords import KeywordOptions, KeywordQuery, read_word_list
    from newsctl.jobs.segment import SegmentOptions

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
    from newsctl.cli.reports import run_report, write_keyword_counts, write_ranked_keywords

    def write(documents: Any, fmt: str, stream: Any) -> None:
        if query is not None:
            write_keyword_counts(documents, query.words, per_doc, fmt, stream)
        else:
            write_ranked_keywords(documents, options, per_doc, fmt, stream)

    return run_report(common, KeywordsTask(options, segment_options, query), csv_out, write)


@app.command()
@guarded
def stats(
    inputs: InputsArg = None,
    no_words: Annotated[bool, typer.Option("--no-words", help="Skip word counts (no segmentation: much faster).")] = False,
    user_dict: DictOpt = None,
    script: ScriptOpt = Script.auto,
    backend: BackendOpt = Backend.auto,
    csv_out: CsvOpt = False,
    json: JsonOpt = False, output: OutputOpt = None,
    encoding: EncodingOpt = None, jobs: JobsOpt = None, glob: GlobOpt = None,
    quiet: QuietOpt = False, fail_fast: FailFastOpt = False,
    engine: EngineOpt = Engine.local, scheduler: SchedulerOpt = None,
) -> int:
    """Per-document and corpus statistics: characters, sentences, words, script.

    Characters are split into cjk + latin + digits + punctuation + whitespace + other;
    script is simplified, traditional, mixed or none, with the Traditional share. The words of
    a segment --json record are the tokens it carries (it is not segmented again).

    Example: newsctl stats samples/
    """
    from newsctl.engine.tasks import StatsTask
    from newsctl.jobs.segment import SegmentOptions

    segment_options = None if no_words else SegmentOptions(
        script=script.value, user_dicts=_absolute(user_dict), backend=backend.value
    )
    common = _common(inputs, json, output, None, encoding, jobs, glob, quiet, fail_fast, engine, scheduler)
    from newsctl.cli.reports import run_report, write_stats

    return run_report(common, StatsTask(segment_options), csv_out, write_stats)


def _absolute(paths: list[str] | None) -> tuple[str, ...]:
    """Data files named on the command line, as absolute paths: workers (Dask ones on other
    machines, started in other folders) must find them."""
    return tuple(os.path.abspath(path) for path in paths or ())


def _app_for(args: list[str]) -> typer.Typer:
    """The app, trimmed to the one command being run.

    Typer builds every command's parser from its signature before parsing anything (about 6 ms
    per command here); a script that runs ``newsctl clean`` once per file needs one parser, not
    five.  Help and unknown commands get the whole app.
    """
    if not args or args[0].startswith("-"):
        return app
    wanted = [info for info in app.registered_commands if _command_name(info) == args[0]]
    if not wanted:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_commands = wanted
    return trimmed


def _command_name(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


def main() -> None:
    """Console-script entry point: run the app; no traceback ever reaches the user.

    Usage errors are formatted by Typer itself (standalone mode); command bodies are wrapped by
    :func:`newsctl.cli.guard.guarded`.  What is left here is an interrupt or a closed pipe outside a command body.
    """
    try:
        _app_for(sys.argv[1:])()
    except KeyboardInterrupt:
        error_line("interrupted")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        silence_stdout()
        sys.exit(ExitCode.OK)
