"""The loader: inputs expanded into sources, sources read into documents."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from newsctl.io.documents import Document, Source, expand_inputs, read_source, safe_relpath
from newsctl.errors import InputError, JsonLinesError, NewsctlError


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / "b" / "2.txt").write_text("二", encoding="utf-8")
    (root / "a" / "1.txt").write_text("一", encoding="utf-8")
    (root / "a" / "skip.md").write_text("# 笔记", encoding="utf-8")
    (root / "0.txt").write_text("零", encoding="utf-8")
    return root


def _paths(items: list[Source | NewsctlError]) -> list[str]:
    return [item.relpath for item in items if isinstance(item, Source)]


def test_folder_walk_is_sorted_and_filtered(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    items = list(expand_inputs([str(root)]))
    assert _paths(items) == ["0.txt", "a/1.txt", "b/2.txt"]


def test_globs_are_repeatable(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    items = list(expand_inputs([str(root)], globs=("*.md", "1.*")))
    assert _paths(items) == ["a/1.txt", "a/skip.md"]


def test_folder_without_matches_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.md").write_text("x")
    items = list(expand_inputs([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "no files matching *.txt" in str(items[0])


def test_missing_path_and_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    items = list(expand_inputs([str(tmp_path / "missing.txt"), str(link)]))
    assert [str(e) for e in items] == [
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{link}: dangling symbolic link",
    ]


def test_dangling_link_inside_folder_is_reported_and_walk_goes_on(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "a" / "bad.txt").symlink_to(root / "nope.txt")
    items = list(expand_inputs([str(root)]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "dangling" in str(errors[0])
    assert _paths(items) == ["0.txt", "a/1.txt", "b/2.txt"]


def test_path_given_twice_is_read_once(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    one = str(root / "a" / "1.txt")
    items = list(expand_inputs([one, str(root), one]))
    assert _paths(items) == ["1.txt", "0.txt", "b/2.txt"]


def test_output_folder_inside_input_folder_is_not_read(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    out = root / "out"
    out.mkdir()
    (out / "old.txt").write_text("previous output")
    items = list(expand_inputs([str(root)], exclude_dirs=[str(out)]))
    assert "out/old.txt" not in _paths(items)


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("標題\r\n內文".encode("cp950"))
    (doc,) = read_source(Source(str(path), "a.txt"))
    assert isinstance(doc, Document)
    assert doc.text == "標題\n內文" and doc.encoding == "cp950" and doc.relpath == "a.txt"


def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")
    path.chmod(0)
    try:
        results = list(read_source(Source(str(path), "a.txt")))
    finally:
        path.chmod(0o644)
    if os.geteuid() == 0:  # root reads anything; the error path is covered by a mocked test
        return
    assert isinstance(results[0], InputError) and "permission denied" in str(results[0])


def test_permission_error_is_reported(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("x")

    def deny(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    (result,) = read_source(Source(str(path), "a.txt"))
    assert isinstance(result, InputError)
    assert str(result) == f"{path}: permission denied"


def test_jsonl_records_carry_fields_through(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        {"path": "news/a.txt", "text": "甲", "meta": {"title": "T"}, "id": 7, "tokens": ["甲"]},
        {"text": "乙", "url": "https://example.invalid/2"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    first, second = read_source(Source(str(path), "in.jsonl", jsonl=True))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.path == "news/a.txt" and first.relpath == "news/a.txt"
    assert first.meta == {"title": "T"} and first.fields == {"id": 7, "tokens": ["甲"]}
    assert second.path == f"{path}:2" and second.relpath == "in-2.txt"
    assert second.fields == {"url": "https://example.invalid/2"}
    assert first.to_record()["id"] == 7


def test_bad_jsonl_line_is_an_error_naming_the_line_and_others_still_load(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "一"}\n{not json}\n{"no_text": 1}\n{"text": "四"}\n')
    results = list(read_source(Source(str(path), "in.jsonl", jsonl=True)))
    assert [type(r) for r in results] == [Document, JsonLinesError, JsonLinesError, Document]
    assert str(results[1]).startswith(f"{path}:2: not valid JSON")
    assert str(results[2]).startswith(f"{path}:3: ")


def test_stdin_starting_with_brace_is_jsonl() -> None:
    stdin = io.BytesIO(b'  {"text": "\xe4\xb8\x80"}\n')
    (source,) = expand_inputs(["-"], stdin=stdin)
    assert isinstance(source, Source) and source.jsonl and source.path == "-"
    (doc,) = read_source(source)
    assert isinstance(doc, Document) and doc.text == "一"


def test_safe_relpath_never_escapes() -> None:
    assert safe_relpath("../../etc/passwd") == "etc/passwd"
    assert safe_relpath("/abs/path.txt") == "abs/path.txt"
    assert safe_relpath("C:\\x\\y.txt") == "x/y.txt"
    assert safe_relpath("a/./b/../c.txt") == "a/b/c.txt"
