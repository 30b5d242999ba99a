"""The library API: what the commands do, as functions on strings and paths.

>>> import newsctl
>>> newsctl.clean("湖畔公园改造完成_城市_某某网\\n记者 张三\\n正文第一段。").paragraphs
('正文第一段。',)
>>> newsctl.convert("软件和信息服务", to="taiwan")
'軟體和資訊服務'
>>> newsctl.segment("臺灣的軟體產業。")
[['臺灣', '的', '軟體', '產業', '。']]

``clean_text``, ``convert_text``, ``segment_words``, ``text_stats`` and ``load_documents`` are
the same functions under their earlier names.

Each function loads what it needs on first use (jieba, OpenCC), once per process; errors are
:class:`newsctl.errors.NewsctlError` subclasses with a one-line message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only; the modules load on first use
    from newsctl.io.documents import Document
    from newsctl.jobs.clean import CleanResult


def clean(text: str, rules: str | None = None) -> CleanResult:
    """Clean one page of scraped news text, or one saved HTML page (markup that starts like a
    page): the headline, the paragraphs, the metadata and every removed line with its rule
    (``newsctl clean``).  ``rules``: a site-rules TOML file."""
    from newsctl.io.htmlpage import is_html
    from newsctl.jobs.clean import CleanOptions, clean_html, clean_text, load_rules

    options = CleanOptions(rules=load_rules(rules)) if rules else CleanOptions()
    if text[:1] == "<" and is_html("", text[:4096].encode("utf-8", "replace")):
        return clean_html(text, options)
    return clean_text(text, options)


def convert(text: str, to: str | None = None, config: str | None = None,
                 keep: Sequence[str] = ()) -> str:
    """Convert between scripts (``newsctl convert``): ``to`` is simplified, traditional,
    taiwan or hongkong (the text's own script is detected), or ``config`` an OpenCC config
    such as ``s2twp``; ``keep`` terms stay as written."""
    from newsctl.jobs.convert import ConvertOptions, choose_config, convert_string

    options = ConvertOptions(config=config, target=to, keep=tuple(keep))  # type: ignore[arg-type]
    return convert_string(text, choose_config(options, text[:2000]), options.keep)


def segment(text: str, mode: str = "precise", hmm: bool = True, pos: bool = False,
                  backend: str = "auto", user_dicts: Sequence[str] = ()) -> list[list[Any]]:
    """Words of each line (``newsctl segment``), in the text's own script; with ``pos=True``
    each word is a ``(word, tag)`` pair."""
    from newsctl.jobs.segment import SegmentOptions, segment_text
    from newsctl.jobs.segment import segment_words as words_of

    options = SegmentOptions(mode=mode, hmm=hmm, pos=pos, backend=backend,  # type: ignore[arg-type]
                             user_dicts=tuple(user_dicts))
    if pos:
        return [[(t.word, t.pos) for t in line] for line in segment_text(text, options)]
    return [list(line) for line in words_of(text, options)]


def stats(text: str, words: bool = True) -> dict[str, Any]:
    """Statistics of one text (``newsctl stats``): characters by kind, lines, paragraphs,
    sentences, words (``words=False`` skips segmenting) and the script."""
    from newsctl.jobs.stats import document_stats

    tokens = None
    if words:
        tokens = [w for line in segment(text) for w in line]
    return document_stats(text, tokens=tokens).as_dict()


def load(path: str, encoding: str | None = None) -> Iterator[Document]:
    """The documents at ``path`` (a file, a folder walked for ``*.txt``, ``*.html`` and ``*.htm``,
    or a ``.jsonl`` file),
    decoded as the commands decode them; an input that cannot be read raises its error."""
    from newsctl.errors import NewsctlError
    from newsctl.io.documents import expand_inputs, read_source

    for item in expand_inputs([path]):
        if isinstance(item, NewsctlError):
            raise item
        for document in read_source(item, encoding):
            if isinstance(document, NewsctlError):
                raise document
            yield document


# the earlier names of the same functions
clean_text = clean
convert_text = convert
segment_words = segment
text_stats = stats
load_documents = load
