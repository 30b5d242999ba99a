"""Saved HTML pages: recognised, decoded as declared, turned into lines with the markup's
evidence, cleaned by the same cleaner, and metadata taken from the markup where the text is
silent.  Every page here is invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from helpers import invoke
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.jobs.clean import clean_html, clean_text
from newsctl.cleaning.markup import LINK_RULE, page_evidence
from newsctl.cleaning.pagemeta import merge_meta, trail_leaf
from newsctl.io.documents import Source, read_source
from newsctl.errors import NewsctlError
from newsctl.io.htmlpage import declared_charset, decode_html, is_html, parse_page

PAGE = SAMPLES / "zh-hans-saved-page.html"
STORY = [
    "经过两年的生态修复，江畔湿地公园日前通过验收。今年入秋以来，园内观测到的越冬候鸟已超过一万两千只，比修复前多出近一倍。",
    "观鸟爱好者陈先生说，过去一个冬天只能看到几种常见的野鸭，现在每周都能拍到新的鸟种，“连多年不见的白琵鹭也回来了”。",
    "管理处表示，下一步将限制夜间游览区域，并在主要观测点设置科普展板，引导市民文明观鸟。",
]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


# --- recognising and decoding ---------------------------------------------------------------

@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.html", b"plain words", True),               # the name says so
    ("a.HTM", b"", True),
    ("a.txt", b"<!DOCTYPE html><html></html>", True),   # the content says so
    ("a.txt", b"\xef\xbb\xbf\n  <!-- saved -->\n<html lang='zh'>", True),
    ("a.txt", b"<?xml version='1.0'?>\n<!doctype HTML>", True),
    ("a.txt", "\ufeff<html>".encode("utf-16"), True),
    ("a.txt", b"<script>log('saved')</script><!DOCTYPE html>\n<html>", True),   # a stray script first
    ("a.txt", "新闻<p>正文</p>".encode(), False),   # text with a tag in it is still text
    ("a.txt", "标题\n<html> 是一个标签名".encode(), False),
    ("a.txt", "<b>不是网页</b>正文".encode(), False),   # a tag first, but no document
])
def test_is_html_by_name_or_by_its_first_bytes(name: str, data: bytes, expected: bool) -> None:
    assert is_html(name, data) is expected


def test_declared_charset_is_read_as_the_superset_browsers_use() -> None:
    assert declared_charset(b'<meta charset="gb2312">') == "gb18030"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=BIG5">') \
        == "big5hkscs"
    assert declared_charset(b"<meta charset='no-such-codec'>") is None
    assert declared_charset(b"<html><body>no declaration") is None


def test_a_gbk_page_is_decoded_as_it_declares() -> None:
    data = page("<p>江畔湿地公园完成生态修复</p>", "<meta charset='gbk'>").encode("gbk")
    decoded = decode_html(data, "a.html")
    assert decoded.encoding == "gb18030"
    assert "江畔湿地公园" in decoded.text


def test_a_wrong_declaration_gives_way_to_the_bytes() -> None:
    data = page("<p>江畔湿地公园完成生态修复，候鸟数量创新高。</p>", "<meta charset='big5'>").encode()
    decoded = decode_html(data, "a.html")
    assert decoded.encoding == "utf-8"
    assert "候鸟数量创新高" in decoded.text


def test_a_western_declaration_on_a_chinese_page_gives_way_to_detection() -> None:
    # old templates declare iso-8859-1 over GBK bytes: Latin-1 would read them as mojibake
    html = page("<p>江畔湿地公园完成生态修复，今年入秋以来候鸟数量创新高。</p>",
                "<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>")
    decoded = decode_html(html.replace("charset='utf-8'", "").encode("gbk"), "a.html")
    assert decoded.encoding == "gb18030" and "候鸟数量创新高" in decoded.text


def test_markup_never_reads_as_utf16_without_its_zero_bytes() -> None:
    with pytest.raises(NewsctlError, match="not text in a known encoding"):
        decode_html(b"<html><body>\x80\x81\x82\x83", "a.html")


def test_a_binary_file_named_html_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_bytes(b"\x00\x01\x02\x89PNG\x00\x00binary")
    (item,) = read_source(Source(str(path), "broken.html"))
    assert isinstance(item, NewsctlError)
    assert item.path == str(path)


# --- lines and their evidence -----------------------------------------------------------------

def test_lines_are_text_nodes_like_a_scrapers_dump() -> None:
    html = page("<nav><a href='/'>首页</a><a href='/n'>新闻</a></nav>"
                "<script>var x = '不是正文';</script><style>p{}</style>"
                "<p>市政府今天宣布，<a href='/t'>湖滨公园</a>将于下月开放。</p>")
    lines = parse_page(html).lines
    assert [line.text for line in lines] == ["首页", "新闻", "市政府今天宣布，", "湖滨公园",
                                             "将于下月开放。"]
    nav, _, before, link, _ = lines
    assert nav.landmark == "nav" and nav.link and nav.link_share == 1.0
    assert link.link and link.link_share < 0.5 and link.block == "p"
    assert not before.link and before.landmark == ""


def test_a_story_header_is_not_the_page_header() -> None:
    html = page("<header><a href='/'>某某网</a></header>"
                "<article><header><h1>标题</h1><time datetime='2026-01-02'>1月2日</time></header>"
                "<p>正文。</p></article>")
    lines = {line.text: line for line in parse_page(html).lines}
    assert lines["某某网"].landmark == "header"
    assert lines["标题"].landmark == "" and lines["标题"].heading == 1 and lines["标题"].in_story


def test_a_landmark_that_wraps_the_page_or_the_story_marks_nothing() -> None:
    # an ASP.NET page's <form> holds the whole page; a template's <aside> holds the story
    form = page("<form id='form1'><nav><a href='/'>首页</a></nav><div class='title'>湖滨公园改造完成下月开放</div>"
                + "".join(f"<p>{p}</p>" for p in STORY) + "<input type='submit' value='提交'></form>")
    lines = {line.text: line.landmark for line in parse_page(form).lines}
    assert lines["首页"] == "nav" and lines["湖滨公园改造完成下月开放"] == "" and lines[STORY[0]] == ""
    aside = page("<aside><h1>标题</h1><p>短。</p></aside>" + "<p>别处的一段长文字。</p>" * 3)
    assert {line.landmark for line in parse_page(aside).lines} == {""}
    # and the story of a page in a <form> is found
    assert list(clean_html(form).paragraphs) == STORY
    assert clean_html(form).title == "湖滨公园改造完成下月开放"


def test_a_story_header_outside_an_article_keeps_its_headline() -> None:
    body = ("<header class='post-header'><div class='title'>湖滨公园改造完成下月开放</div>"
            "<div>2026-04-22 16:30 来源：某某日报</div></header>"
            + "".join(f"<p>{p}</p>" for p in STORY))
    result = clean_html(page(body))
    assert result.title == "湖滨公园改造完成下月开放" and list(result.paragraphs) == STORY
    assert result.meta["date"] == "2026-04-22T16:30"


def test_a_line_under_an_image_is_marked() -> None:
    lines = parse_page(page("<p>第一段。</p><p><img src='a.jpg'></p><p>图为现场。</p><p>第二段。</p>")).lines
    assert [line.after_image for line in lines] == [False, True, False]


def test_claims_cover_landmarks_and_lists_of_links_but_not_links_in_prose() -> None:
    html = page("<nav><a href='/'>首页</a></nav>"
                "<h1>湖滨公园下月开放</h1>"
                "<p>市政府今天宣布，<a href='/t'>湖滨公园</a>将于下月开放。</p>"
                "<ul><li><a href='/1'>湖滨公园下月开放</a></li><li><a href='/2'>另一条新闻</a></li></ul>"
                "<footer><p>联系我们</p></footer>")
    lines = parse_page(html).lines
    claims = page_evidence(lines, frozenset({"湖滨公园下月开放"})).claims
    by_text = {lines[n - 1].text: rule for n, rule in claims.items()}
    assert by_text == {"首页": "markup-nav", "另一条新闻": LINK_RULE, "联系我们": "markup-footer"}


# --- metadata -------------------------------------------------------------------------------

def test_json_ld_meta_tags_and_time_are_read_with_where_they_came_from() -> None:
    head = ("<meta property='og:title' content='标题甲'><meta property='og:site_name' content='某某网'>"
            "<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"NewsArticle\", "
            "\"datePublished\": \"2026-03-04T08:00:00+08:00\", \"author\": [{\"name\": \"王一\"}, "
            "{\"name\": \"李二\"}]}]}</script>")
    meta = parse_page(page("<time datetime='2020-01-01'>旧</time>", head)).meta
    assert meta["title"] == ("标题甲", "meta[property=og:title]")
    assert meta["date"] == ("2026-03-04T08:00:00+08:00", "json-ld:datePublished")
    assert meta["author"] == ("王一、李二", "json-ld:author")
    assert meta["site"] == ("某某网", "meta[property=og:site_name]")


def test_the_text_wins_and_the_markup_fills_gaps_with_values_of_the_right_shape() -> None:
    text_meta = {"title": "正文标题", "date": None, "author": None, "category": None, "site": None}
    declared = {"title": ("别的标题", "meta"), "date": ("2026-03-04", "time[datetime]"),
                "author": ("某某网", "meta[name=author]"), "category": ("news", "meta"),
                "site": ("某某网", "meta[property=og:site_name]")}
    meta, where = merge_meta(text_meta, declared)
    assert meta["title"] == "正文标题"          # the page's printed headline wins
    assert meta["date"] == "2026-03-04" and where["date"] == "time[datetime]"
    assert meta["author"] is None               # the site's name is no author
    assert meta["category"] is None             # a URL slug is no section name
    assert meta["site"] == "某某网"


def test_a_declared_section_and_source_win_over_the_texts_guesses() -> None:
    text_meta = {"category": "内地团", "source": "某某网", "author": ["王一"]}
    declared = {"category": ("社会新闻", "json-ld:articleSection"),
                "source": ("某某日报", "meta[name=source]"), "author": ("李二", "meta[name=author]")}
    meta, where = merge_meta(text_meta, declared)
    assert meta == {"category": "社会新闻", "source": "某某日报", "author": ["王一"]}
    assert set(where) == {"category", "source"}


def test_the_leaf_of_a_breadcrumb_trail_above_the_headline_is_the_section() -> None:
    trail = page("<div><a href='/'>首页</a> &gt; <a href='/hk'>港闻</a> &gt; <a href='/p'>政情</a>"
                 " &gt; 正文</div><h1>政情｜湖滨公园下月开放</h1><p>正文。</p>")
    assert trail_leaf(parse_page(trail).lines, "湖滨公园下月开放") == "政情"
    # a menu of many sections above the headline is no trail
    menu = page("<ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(8))
                + "</ul><h1>湖滨公园下月开放</h1>")
    assert trail_leaf(parse_page(menu).lines, "湖滨公园下月开放") is None
    # one link alone is a logo or a tag, not a trail
    alone = page("<p><a href='/'>某某网</a></p><h1>湖滨公园下月开放</h1>")
    assert trail_leaf(parse_page(alone).lines, "湖滨公园下月开放") is None


def test_the_last_field_of_a_row_takes_its_value_from_the_link_after_it() -> None:
    # "来源：" ends the date row; the outlet is a link of its own, and the site's name recurs
    body = ("<h1>湖滨公园下月开放</h1><div>发布时间：2026-04-22 16:30 来源：<a href='/'>某某日报</a></div>"
            + "".join(f"<p>{p}</p>" for p in STORY) + "<div><a href='/'>某某日报网</a></div>")
    result = clean_html(page(body, "<title>湖滨公园下月开放 - 要闻 - 某某日报网</title>"))
    assert result.meta["source"] == "某某日报" and result.meta["date"] == "2026-04-22T16:30"
    assert list(result.paragraphs) == STORY
    # near miss: a label on the next line is a field of its own, not this one's value
    text = clean_text("\n".join(["湖滨公园下月开放", "来源：某某日报 时间：2026-04-22 16:30 作者：",
                                 "转载请注明：", *STORY]))
    assert text.meta["date"] == "2026-04-22T16:30" and text.meta["source"] == "某某日报"


def test_teasers_between_lists_of_links_are_not_the_story() -> None:
    teaser = "市民近日反映，城南多条道路夜间照明不足，有关部门表示将在年内完成改造并增设监控设施，"
    links = "".join(f"<li><a href='/{i}'>另一条新闻标题第{i}条</a></li>" for i in range(12))
    body = ("<h1>湖滨公园下月开放</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
            + f"<ul>{links}</ul><p>{teaser}</p><ul>{links}</ul><p>{teaser[::-1]}</p><ul>{links}</ul>")
    result = clean_html(page(body))
    assert list(result.paragraphs) == STORY


# --- the cleaner on pages -------------------------------------------------------------------

def test_the_sample_page_cleans_to_its_story() -> None:
    result = clean_html(PAGE.read_text(encoding="utf-8"))
    assert result.title == "江畔湿地公园完成生态修复 候鸟数量创新高"
    for paragraph in STORY:
        assert paragraph in result.paragraphs
    kept = "\n".join(result.paragraphs)
    for chrome in ("首页", "相关阅读", "城西滨河步道", "热门排行", "关于我们", "修复后的湿地公园一角",
                   "分享到", "责任编辑", "Copyright"):
        assert chrome not in kept
    assert result.meta["author"] == ["林晓雯"] and result.meta["source"] == "青禾日报"
    assert result.meta["site"] == "青禾新闻网"


def test_markup_fills_the_date_the_text_does_not_print() -> None:
    head = "<meta property='article:published_time' content='2026-05-06T07:08:00+08:00'>"
    body = "<h1>湖滨公园下月开放</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
    result = clean_html(page(body, head))
    assert result.meta["date"] == "2026-05-06T07:08:00+08:00"
    assert result.meta_sources == {"date": "meta[property=article:published_time]"}


def test_cleaning_the_cleaned_page_changes_nothing() -> None:
    first = clean_html(PAGE.read_text(encoding="utf-8"))
    assert clean_text(first.text).text == first.text


@pytest.mark.parametrize("html", [
    "", "<html>", "<!DOCTYPE html><html><body><p>未闭合的段落<div><span>", "<<<>>>",
    "<html><body>" + "<div>" * 5000 + "深层嵌套。" + "</div>" * 5000 + "</body></html>",
    "<html><body><p>" + "很长的一段。" * 20000 + "</p></body></html>",
])
def test_malformed_truncated_and_deep_pages_give_a_result(html: str) -> None:
    result = clean_html(html)
    assert isinstance(result.text, str)


_PIECES = st.sampled_from([
    "<p>{}</p>", "<li><a href='/x'>{}</a></li>", "<nav><a href='/'>{}</a></nav>", "<h2>{}</h2>",
    "<footer>{}</footer>", "<p><img src='a.jpg'></p><p>{}</p>", "<div class='x'>{}</div>",
    "<p>{}<a href='/y'>链接</a>。</p>", "<figure><img src='b.jpg'><figcaption>{}</figcaption></figure>",
])
_TEXTS = st.sampled_from(STORY + ["相关阅读", "分享到：", "2026-01-02 10:00", "记者 王一", "图为现场。",
                                  "湖滨公园下月开放", "首页", "责任编辑：李二"])


@settings(max_examples=150)
@given(st.lists(st.tuples(_PIECES, _TEXTS), min_size=1, max_size=14))
def test_clean_html_is_idempotent_through_its_text(parts: list[tuple[str, str]]) -> None:
    html = page("".join(shape.format(text) for shape, text in parts))
    first = clean_html(html)
    assert clean_text(first.text).text == first.text


# --- through the CLI ------------------------------------------------------------------------

def test_cli_cleans_a_saved_page_and_explains_markup_claims() -> None:
    result = invoke(["clean", "--explain", str(PAGE)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[0] == "江畔湿地公园完成生态修复 候鸟数量创新高"
    assert STORY[0] in lines
    assert "removed [markup-aside] 热门排行" in result.stderr
    assert "removed [link-list] 城西滨河步道全线贯通 市民可骑行环湖" in result.stderr


def test_cli_takes_html_from_folders_by_default_and_writes_txt(tmp_path: Path) -> None:
    src = tmp_path / "in" / "2026"
    src.mkdir(parents=True)
    (src / "page.html").write_bytes(PAGE.read_bytes())
    (src / "notes.md").write_text("不是输入", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke(["clean", str(tmp_path / "in"), "-O", str(out)])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) \
        == ["2026/page.txt"]
    assert (out / "2026" / "page.txt").read_text(encoding="utf-8").startswith("江畔湿地公园")


def test_cli_sniffs_a_page_saved_as_txt_and_a_page_on_stdin(tmp_path: Path) -> None:
    saved = tmp_path / "page.txt"
    saved.write_bytes(PAGE.read_bytes())
    for args, stdin in ((["clean", "--json", str(saved)], None),
                        (["clean", "--json", "-"], PAGE.read_text(encoding="utf-8"))):
        result = invoke(args, input=stdin)
        assert result.exit_code == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["meta"]["title"] == "江畔湿地公园完成生态修复 候鸟数量创新高"
        assert "<p>" not in record["text"]


def test_other_commands_read_the_pages_text() -> None:
    result = invoke(["stats", "--json", str(PAGE)])
    assert result.exit_code == 0, result.stderr
    assert "<" not in json.dumps(json.loads(result.stdout.splitlines()[0]), ensure_ascii=False)
    segmented = invoke(["segment", str(PAGE)])
    assert "湿地" in segmented.stdout and "<p>" not in segmented.stdout


def test_cli_reads_a_truncated_gbk_page_without_a_declaration(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    cut = html[: html.index("观鸟爱好者") + 40]   # the download stopped mid-paragraph
    path = tmp_path / "cut.htm"
    path.write_bytes(cut.encode("gbk"))
    result = invoke(["clean", "--json", str(path)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["encoding"] == "gb18030"
    assert record["text"].startswith("江畔湿地公园完成生态修复 候鸟数量创新高\n经过两年的生态修复")


def test_cli_names_a_page_whose_bytes_fit_no_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<html><body>" + bytes(range(128, 256)) * 40 + b"</body></html>")
    good = tmp_path / "good.html"
    good.write_bytes(PAGE.read_bytes())
    result = invoke(["clean", "-q", str(bad), str(good)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsctl: {bad}: ") and "Traceback" not in result.stderr
    assert result.stdout.startswith("江畔湿地公园")


def test_a_json_lines_record_holding_a_page_is_cleaned_as_one(tmp_path: Path) -> None:
    records = tmp_path / "pages.jsonl"
    html = PAGE.read_text(encoding="utf-8")
    records.write_text(json.dumps({"url": "https://example.invalid/a", "text": html},
                                  ensure_ascii=False) + "\n"
                       + json.dumps({"text": "<b>提示</b>：正文第一段。"}, ensure_ascii=False) + "\n",
                       encoding="utf-8")
    result = invoke(["clean", "--json", str(records)])
    assert result.exit_code == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["meta"]["title"] == "江畔湿地公园完成生态修复 候鸟数量创新高"
    assert first["url"] == "https://example.invalid/a" and "<" not in first["text"]
    assert second["text"] == "提示：正文第一段。"   # text with a tag in it stays text


def test_segment_and_convert_read_a_page_saved_as_txt_as_a_page(tmp_path: Path) -> None:
    saved = tmp_path / "page.txt"
    saved.write_bytes(PAGE.read_bytes())
    for args in (["segment", str(saved)], ["convert", "--to", "traditional", str(saved)]):
        result = invoke(args)
        assert result.exit_code == 0, result.stderr
        assert "<p>" not in result.stdout and "DOCTYPE" not in result.stdout


_MARKUP = st.lists(st.sampled_from(
    [*"<>/!-=\"' \n&;#江湖。，", "<p>", "</p>", "<a href='/'>", "</a>", "<nav>", "</nav>", "<!--",
     "-->", "<script>", "</script>", "<br>", "<img src=x>", "&amp;", "&#x4e2d;", "\x00", "\ufeff",
     "<div>", "</div>", "<h1>", "<footer>", "<html>", "<!DOCTYPE html>", "记者 王一", "相关阅读"]),
    max_size=80).map("".join)


@settings(max_examples=200)
@given(_MARKUP)
def test_any_markup_parses_into_stripped_lines_and_cleans(html: str) -> None:
    page_ = parse_page(html)
    assert all(line.text and line.text == line.text.strip() and "\n" not in line.text
               for line in page_.lines)
    assert all(0.0 <= line.link_share <= 1.0 for line in page_.lines)
    result = clean_html(html)
    assert clean_text(result.text).text == result.text


def test_in_place_never_replaces_a_page_with_its_text(tmp_path: Path) -> None:
    saved = tmp_path / "page.html"
    saved.write_bytes(PAGE.read_bytes())
    text = tmp_path / "note.txt"
    text.write_text("软件和信息服务。\n", encoding="utf-8")
    result = invoke(["convert", "--to", "traditional", "--in-place", str(saved), str(text)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsctl: {saved}: --in-place does not rewrite saved HTML")
    assert saved.read_bytes() == PAGE.read_bytes()            # the page is untouched
    assert text.read_text(encoding="utf-8") == "軟件和信息服務。\n"   # the others go on
