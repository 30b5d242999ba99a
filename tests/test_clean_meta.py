"""Metadata extraction of ``newsctl clean``: dates, views, authors, editors, source, category, site.

All page snippets are invented for these tests.
"""

from __future__ import annotations

import pytest

from newsctl.jobs.clean import META_KEYS, clean_text
from newsctl.cleaning.dates import find_dates, parse_date
from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.rows import parse_views

TITLE = "河畔步道全线贯通 沿江新增六处观景平台"
P1 = "经过一年多的施工，沿江河畔步道日前全线贯通，全长约十八公里，沿线新增六处观景平台和四座驿站。"
P2 = "市园林部门介绍，步道全程设置了夜间照明和紧急呼叫点，并在坡度较大的路段加装了扶手。"


def meta(*lines: str) -> dict[str, object]:
    return clean_text("\n".join(lines)).meta


# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize("text, iso", [
    ("2025-03-02", "2025-03-02"),
    ("2025/3/2", "2025-03-02"),
    ("2025.03.02", "2025-03-02"),
    ("2025-03-02 14:05", "2025-03-02T14:05"),
    ("2025-03-02 14:05:33", "2025-03-02T14:05:33"),
    ("2025-03-02T14:05:33+08:00", "2025-03-02T14:05:33"),
    ("2025.03.02 | 11:20", "2025-03-02T11:20"),
    ("2025-03-02 14:05 HKT", "2025-03-02T14:05"),
    ("2025年3月2日", "2025-03-02"),
    ("2025年03月02日 星期日 10:30", "2025-03-02T10:30"),
    ("2025年3月2日下午2时05分", "2025-03-02T14:05"),
    ("二〇二五年三月二日", "2025-03-02"),
    ("二〇二四年十二月三十一日", "2024-12-31"),
    ("民國114年3月2日", "2025-03-02"),
    ("中華民國114年3月2日星期日", "2025-03-02"),
    ("中华民国114年3月2日", "2025-03-02"),
    ("114/03/02", "2025-03-02"),
    ("２０２５年３月２日", "2025-03-02"),
])
def test_date_formats(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "第2025号文件", "3月2日", "电话 2025-1234"])
def test_not_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_positions() -> None:
    found = find_dates("发布时间：2025-03-04 09:30　更新时间：2025-03-04 11:12")
    assert [(d.start, d.iso) for d in found] == [(5, "2025-03-04T09:30"), (27, "2025-03-04T11:12")]


def test_publish_date_wins_over_update_date() -> None:
    assert meta(TITLE, "更新时间：2025-03-05 08:00　发布时间：2025-03-04 09:30", P1)["date"] == \
        "2025-03-04T09:30"
    assert meta(TITLE, "最後更新：2025/03/05 08:00", "發布時間：2025/03/04 09:30", P1)["date"] == \
        "2025-03-04T09:30"


def test_date_nearest_the_top_wins() -> None:
    assert meta(TITLE, "2025-03-02", P1, P2, "2025-03-09 10:00")["date"] == "2025-03-02"


def test_date_as_precise_as_the_page() -> None:
    assert meta(TITLE, "2025年3月2日", "2025-03-02 14:05:33　来源：江城日报", P1)["date"] == \
        "2025-03-02T14:05:33"


def test_roc_and_chinese_numeral_dates_in_a_page() -> None:
    assert meta("中華民國114年3月2日星期日", TITLE, P1)["date"] == "2025-03-02"
    assert meta(TITLE, "二〇二五年三月二日", P1)["date"] == "2025-03-02"


def test_dates_in_the_body_are_not_the_page_date() -> None:
    page = [TITLE, "步道于2024年3月1日开工，历时一年建成。", P2]
    assert meta(*page)["date"] is None


def test_dateline_date() -> None:
    assert meta(TITLE, "【江城台2025/03/02 18:42訊】" + P1)["date"] == "2025-03-02T18:42"


# --- views --------------------------------------------------------------------------------


@pytest.mark.parametrize("row, views", [
    ("阅读 (3.2万)", 32000), ("閱讀 (1.2萬)", 12000), ("點擊：1,236次", 1236), ("人氣 8842", 8842),
    ("点击: 1634次", 1634), ("浏览量：25", 25), ("3.2万阅读", 32000), ("8842人看过", 8842),
])
def test_views(row: str, views: int) -> None:
    assert meta(TITLE, row, P1, P2)["views"] == views


def test_parse_views_units() -> None:
    assert parse_views("3.2", "万") == 32000
    assert parse_views("1,236", None) == 1236
    assert parse_views("2", "k") == 2000


# --- authors and editors ------------------------------------------------------------------


@pytest.mark.parametrize("rows, authors", [
    (["记者 周明远"], ["周明远"]),
    (["记者 方立新、何佳"], ["方立新", "何佳"]),
    (["記者施文龍／彰化報導"], ["施文龍"]),
    (["文/何思齊(天文研究所博士後研究員)"], ["何思齊"]),
    (["作者：林小舟 王大川"], ["林小舟", "王大川"]),
    (["撰文｜陳美玲"], ["陳美玲"]),
    (["编译 李华"], ["李华"]),
    (["特派记者 赵一鸣 发自伦敦"], ["赵一鸣"]),
    (["☉王小明"], ["王小明"]),
    (["本报记者 唐思远 通讯员 罗佳"], ["唐思远", "罗佳"]),
    (["By Jane Doe"], ["Jane Doe"]),
    (["作者: admin"], None),
    (["攝影 | 鄧子軒"], None),
    (["原创 林小舟 城事观察 2025-03-01 20:18"], ["林小舟"]),
])
def test_authors(rows: list[str], authors: list[str] | None) -> None:
    assert meta(TITLE, *rows, P1, P2)["author"] == authors


def test_authors_from_dateline_and_byline_are_merged_in_order() -> None:
    page = [TITLE, "本报讯（记者 唐思远 通讯员 罗佳）" + P1, P2, "本报记者 唐思远　编辑 孙晓梅　校对 黄涛"]
    result = meta(*page)
    assert result["author"] == ["唐思远", "罗佳"]
    assert result["editor"] == ["孙晓梅"]


@pytest.mark.parametrize("row, editors", [
    ("责任编辑：吴晓岚", ["吴晓岚"]),
    ("責任編輯：吳曉嵐", ["吳曉嵐"]),
    ("责编：梁思雨", ["梁思雨"]),
    ("编辑 | 阿青", ["阿青"]),
    ("值班編委/林志遠 本版編輯/蔡淑芬 美編/楊凱文", ["林志遠", "蔡淑芬"]),
    ("（編輯：張家瑜）1140302", ["張家瑜"]),
    ("校对：黄涛", None),
    ("责任编辑：", None),
])
def test_editors(row: str, editors: list[str] | None) -> None:
    assert meta(TITLE, P1, P2, row)["editor"] == editors


def test_photo_credit_in_a_caption_is_not_an_author() -> None:
    page = [TITLE, P1, "图为新建成的观景平台。江城日报记者 王小明 摄", P2]
    assert meta(*page)["author"] is None


# --- source -------------------------------------------------------------------------------


def test_explicit_source_line_wins_over_dateline() -> None:
    page = [f"{TITLE}_江城网", "来源：江城晚报", "新华社武汉3月2日电（记者 张三）" + P1, P2]
    result = meta(*page)
    assert result["source"] == "江城晚报"
    assert result["author"] == ["张三"]


def test_dateline_agency_is_the_source_without_a_source_line() -> None:
    assert meta(f"{TITLE}_江城网", "新华社武汉3月2日电（记者 张三）" + P1, P2)["source"] == "新华社"
    assert meta(TITLE, "（中央社記者李大同台中2日電）" + P1, P2)["source"] == "中央社"


def test_publisher_is_the_source_otherwise() -> None:
    assert meta(f"{TITLE} - 江城日报", P1, P2)["source"] == "江城日报"
    assert meta(f"{TITLE} - 江城日报", "本报讯 " + P1, P2)["source"] == "江城日报"


def test_source_row_with_outlet_and_date() -> None:
    assert meta(TITLE, "江城商报 2025-03-02 14:05", P1, P2)["source"] == "江城商报"


def test_labelled_source_below_wins_over_an_outlet_inferred_above() -> None:
    # the outlet printed before the date is the publisher; the 来源 line under the story names
    # where it comes from, and a label is better evidence than a name's position
    page = [TITLE, "江城商报 2025-03-02 14:05", P1, P2, "来源：湖畔周刊"]
    assert meta(*page)["source"] == "湖畔周刊"
    # without the label the inferred outlet stays the source
    assert meta(*page[:-1])["source"] == "江城商报"


def test_repost_card_names_the_source_over_the_reposting_account() -> None:
    page = [TITLE, "观澜财经 观澜财经 2025-04-06 07:30 上海", "以下文章来源于江畔数据 ，作者周叶", P1, P2]
    assert meta(*page)["source"] == "江畔数据"


def test_unknown_source_is_none() -> None:
    assert meta(TITLE, "来源: 未知 作者: admin", P1, P2)["source"] is None
    assert meta(TITLE, P1, P2)["source"] is None


def test_original_title_note_is_not_a_source() -> None:
    result = meta(TITLE, P1, P2, "原标题：《步道贯通了》", "来源：江城晚报")
    assert result["source"] == "江城晚报"


def test_figure_source_is_not_the_article_source() -> None:
    assert meta(TITLE, P1, "图1 步道走向示意", "资料来源：江城园林局", P2)["source"] is None


# --- category and site --------------------------------------------------------------------


def test_breadcrumb_deepest_channel_wins() -> None:
    page = [f"{TITLE}_社会_江城网", "当前位置：江城网 > 本地新闻 > 民生", f"【专题】{TITLE}", P1, P2]
    result = meta(*page)
    assert result["category"] == "民生"
    assert result["site"] == "江城网"


def test_title_suffix_channel_then_column_label_then_lone_channel_line() -> None:
    assert meta(f"{TITLE} | 環境 | 江城誌", P1)["category"] == "環境"
    assert meta(f"【民生】{TITLE}", P1)["category"] == "民生"
    assert meta("社會", TITLE, P1)["category"] == "社會"
    assert meta("第A03版：民生", TITLE, P1)["category"] == "民生"


def test_section_word_beats_a_story_kind_label() -> None:
    # a lone channel line says which section; "直擊｜" only what kind of story
    assert meta("港聞", f"直擊｜{TITLE}", P1, P2)["category"] == "港聞"
    assert meta(f"直擊｜{TITLE}", P1, P2)["category"] == "直擊"


def test_section_word_from_the_menu_or_right_above_the_headline() -> None:
    # a word of the page's own menu, alone above the story
    assert meta("首頁　社區　灣區　美國　國際", "社區", TITLE, P1, P2)["category"] == "社區"
    # a word right above the headline (a place name used as a section)
    assert meta("某某快讯", "新加坡", TITLE, P1, P2)["category"] == "新加坡"
    # a word elsewhere in the head, not in the menu, is no section
    assert meta("新加坡", "某某快讯", "2025-03-02", TITLE, P1, P2)["category"] is None


def test_keywords_are_not_a_category() -> None:
    assert meta(TITLE, "关键词：步道、驿站", P1)["category"] is None


@pytest.mark.parametrize("lines, site", [
    ([f"{TITLE}_江城网", P1], "江城网"),
    (["江城日報", TITLE, P1], "江城日報"),
    (["江城晨报 - 数字报", TITLE, P1], "江城晨报"),
    (["江城時報電子報", TITLE, P1], "江城時報"),
    ([TITLE, P1, "Copyright © 2018-2025 江城网 版权所有"], "江城网"),
    ([TITLE, P1, "© COPYRIGHT 2025 — 江城新聞 ALL RIGHTS RESERVED"], "江城新聞"),
    ([TITLE, P1, "江城晨报社版权所有　未经书面授权不得转载"], "江城晨报"),
    ([TITLE, P1], None),
])
def test_site(lines: list[str], site: str | None) -> None:
    assert meta(*lines)["site"] == site


def test_meta_has_exactly_the_keys_and_types() -> None:
    page = [f"【民生】{TITLE}_江城网", "2025-03-02 14:05　来源：江城晚报", "记者 王一 李二", "阅读 (1.5万)",
            P1, P2, "责任编辑：赵三"]
    result = meta(*page)
    assert tuple(result) == META_KEYS
    assert result == {"title": TITLE, "date": "2025-03-02T14:05", "source": "江城晚报",
                      "author": ["王一", "李二"], "category": "民生", "site": "江城网",
                      "editor": ["赵三"], "views": 15000}


def test_row_parser_rejects_prose() -> None:
    assert parse_row("记者在现场看到，步道旁的驿站已经开放。") is None
    assert parse_row("来源于市民的建议，步道增设了饮水点") is None
    assert parse_row("作者是江城大学的一位老师") is None


def test_date_glued_before_the_headline() -> None:
    result = clean_text("\n".join([f" date 2025-03-02 {TITLE}", P1, P2]))
    assert result.title == TITLE
    assert result.meta["date"] == "2025-03-02"


def test_author_label_before_the_headline() -> None:
    result = clean_text("\n".join([f"王小明》{TITLE}", P1, P2]))
    assert result.title == TITLE
    assert result.meta["author"] == ["王小明"]
    assert clean_text("\n".join([f"專題》{TITLE}", P1])).meta["category"] == "專題"


@pytest.mark.parametrize("row, iso", [
    ("2025-04-10 21:03 · 广东", "2025-04-10T21:03"),
    ("2025-03-03 HKT 07:52", "2025-03-03T07:52"),
    ("2025年3月3日 北京时间 08:05", "2025-03-03T08:05"),
])
def test_date_rows_with_a_place_or_a_time_zone(row: str, iso: str) -> None:
    found = parse_row(row)
    assert found is not None and found.dates[0][1] == iso


def test_post_header_with_account_names() -> None:
    found = parse_row("小城日记 山城观察 2025-04-06 07:30 上海")
    assert found is not None
    assert found.sources == ("山城观察",)
    assert found.dates[0][1] == "2025-04-06T07:30"
    assert parse_row("小城日记 山城观察 2025-04-06 上海") is None   # no time: not a post header


def test_row_shapes_found_by_the_blind_set() -> None:
    from newsctl.cleaning.fields import parse_row

    row = parse_row("時間：2025-03-27 11:08:42　來源：某縣融媒體中心　作者：葛潤田 司馬蕙　點擊：")
    assert row is not None and row.authors == ("葛潤田", "司馬蕙") and row.views is None
    row = parse_row("‧2025/09/02 ‧3,280字 ‧閱讀時間約8分鐘")
    assert row is not None and row.dates == ((1, "2025-09-02"),)
    row = parse_row("發布日期：民國114年8月15日 14:30　｜　瀏覽人次：1,926")
    assert row is not None and row.views == 1926 and row.dates == ((0, "2025-08-15T14:30"),)
    row = parse_row("文／白郁庭　審稿／家醫科醫師 陸承翰")
    assert row is not None and row.authors == ("白郁庭",)


@pytest.mark.parametrize(("line", "iso"), [
    ("Published: March 18, 2025 4:12 PM　|　Updated: March 19, 2025 9:05 AM", "2025-03-18T16:12"),
    ("14/03/2025 · 11:20 PM　|　更新：15/03/2025 · 9:00 AM", "2025-03-14T23:20"),
    ("18 Mar 2025", "2025-03-18"),
    ("2025年03月02日 14:37　中央社　人氣（5872）", "2025-03-02T14:37"),
])
def test_dates_of_the_second_blind_set(line: str, iso: str) -> None:
    from newsctl.cleaning.fields import parse_row

    row = parse_row(line)
    assert row is not None and row.dates[0][1] == iso


def test_an_outlet_after_the_date_is_the_source_a_channel_is_not() -> None:
    from newsctl.cleaning.fields import parse_row

    row = parse_row("2025年03月02日 14:37　中央社")
    assert row is not None and row.sources == ("中央社",)
    assert parse_row("2025-03-02 政治新聞") is None


def test_bylines_and_sources_of_the_second_blind_set() -> None:
    from newsctl.cleaning.fields import parse_row

    row = parse_row("記者 賴品妤、張書豪／瑞溪 報導")          # a place after the names
    assert row is not None and row.authors == ("賴品妤", "張書豪")
    row = parse_row("原创　2025-03-21 17:42　文/车驰网 汪峻　摄影/卢一鸣　浏览量：32817")
    assert row is not None and row.authors == ("汪峻",) and row.views == 32817
    row = parse_row("报道：林淑贤　摄影：陈国栋")
    assert row is not None and row.authors == ("林淑贤",)
    row = parse_row("2025-03-09 20:31 · 发布于江东 · 百闻号创作者　+关注")
    assert row is not None and row.dates == ((1, "2025-03-09T20:31"),)
    assert parse_row("2025-03-09 20:31 · 江东的早茶很好吃") is None


def test_source_note_under_a_post_and_company_names() -> None:
    page = "\n".join([
        "江东这条老街，为什么留不住年轻人？",
        "老街上的店铺一间间关门，年轻人搬去了新区，只剩下老人守着祖屋过日子。",
        "街道办表示，将引入文创业态，改造沿街立面，吸引年轻人回来开店创业。",
        "本文来源：暖灯读城（ID：nuandengdc），原创作品，转载请联系授权。",
        "Copyright © 2025 澳聲廣播電視股份有限公司 版權所有",
    ])
    result = clean_text(page)
    assert result.meta["source"] == "暖灯读城"
    assert result.meta["site"] == "澳聲廣播電視"
    assert len(result.paragraphs) == 2


def test_rows_of_the_third_blind_set() -> None:
    from newsctl.cleaning.fields import parse_row

    row = parse_row("第387期　刊登日期：114-06-25")
    assert row is not None and row.dates == ((0, "2025-06-25"),)
    row = parse_row("文：鄭靜宜∕攝影：劉建宏")
    assert row is not None and row.authors == ("鄭靜宜",)
    row = parse_row("韓子謙 · 2025年3月2日 下午3:05 · 6 min read")
    assert row is not None and row.authors == ("韓子謙",) and row.dates == ((1, "2025-03-02T15:05"),)
    row = parse_row("责任编辑：常宁_NH2871")
    assert row is not None and row.editors == ("常宁",)


def test_a_row_ending_like_a_photo_credit_keeps_its_fields() -> None:
    page = "\n".join(["古镇油纸伞作坊迎来订单旺季",
                      "2025年06月03日 10:06　来源：岚山日报　摄影：叶知秋 沈放",
                      "初夏时节，位于古镇的百年老街上，几家油纸伞作坊忙个不停，订单已经排到了八月。",
                      "据了解，油纸伞制作工艺已有三百多年历史，从选竹到上油共有七十多道工序。"])
    meta = clean_text(page).meta
    assert meta["date"] == "2025-06-03T10:06" and meta["source"] == "岚山日报"


def test_a_day_then_its_time_on_the_next_line() -> None:
    result = meta(TITLE, P1, P2, "完", "2025年3月16日（星期日）", "香港時間15時45分")
    assert result["date"] == "2025-03-16T15:45"
    assert meta(TITLE, P1, P2, "2025年3月16日", "下午3時45分")["date"] == "2025-03-16T15:45"
    # a time line under a full datetime changes nothing
    assert meta(TITLE, "2025-03-16 09:10", P1, P2, "15:45")["date"] == "2025-03-16T09:10"


def test_outlet_between_date_and_byline_without_an_outlet_ending() -> None:
    result = meta(TITLE, "2025-04-26 21:58  飞扬体育  记者 | 阎子墨", P1, P2)
    assert result["source"] == "飞扬体育" and result["author"] == ["阎子墨"]
    assert result["date"] == "2025-04-26T21:58"
    # a person's name there is no outlet
    assert parse_row("2025-04-26 21:58  张三  记者 | 阎子墨") is None


def test_archive_dates_in_a_breadcrumb_are_no_category() -> None:
    assert meta("首頁 > 財經 > 2025年3月 > 16日", TITLE, P1, P2)["category"] == "財經"


def test_breadcrumb_printed_one_item_per_line() -> None:
    page = ["您所在的位置：", "首页", ">", "教育新闻", ">", "工作动态", TITLE, P1, P2]
    result = clean_text("\n".join(page))
    assert result.meta["category"] == "工作动态"
    assert result.paragraphs == (P1, P2)
    # a lone ">" between prose lines is no trail
    prose = clean_text("\n".join([TITLE, P1, ">", P2]))
    assert P1 in prose.paragraphs and P2 in prose.paragraphs


def test_a_name_line_with_the_writers_bio_under_it() -> None:
    assert meta(TITLE, "許文瑞", "（作者為某某大學社會工作學系教授）", P1, P2)["author"] == ["許文瑞"]


def test_a_real_trail_beats_a_rate_pair_for_the_category() -> None:
    page = ["今日汇率", "欧元/人民币", "7.8312", "首页", ">", "华人社区", TITLE, P1, P2]
    assert meta(*page)["category"] == "华人社区"


def test_bullet_before_a_byline_and_a_page_label_after_the_date() -> None:
    assert meta(TITLE, "■本报记者 钟一帆 文/摄", P1, P2)["author"] == ["钟一帆"]
    result = meta("2025年10月6日 星期一　A03版：澳聞", TITLE, P1, P2)
    assert result["date"] == "2025-10-06" and result["category"] == "澳聞"
