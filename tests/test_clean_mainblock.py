"""The evidence that carries over to sites nobody has seen: the story as the page's densest run of
prose, repetition (copies of the headline name the site; a headline printed twice in a feed),
and header rows read token by token.

Every page here is invented, in the layouts the boilerplate catalog describes.
"""

from __future__ import annotations

import random

import pytest

from newsctl.jobs.clean import clean_text
from newsctl.cleaning.fields import parse_row
from newsctl.cleaning.head import _lines_holding
from newsctl.cleaning.headline import copy_suffix
from newsctl.cleaning.items import Item
from newsctl.cleaning.mainblock import WIDGET_RULES, Block, cjk_weight, densest_run, line_score
from newsctl.cleaning.rows import Row
from newsctl.cleaning.story import main_block
from newsctl.cleaning.verdicts import Verdict
from newsctl.cleaning.tokenrows import parse_token_row

# --- the densest run ---------------------------------------------------------------------------


def test_densest_run_takes_the_story_not_the_feed_around_it() -> None:
    menu, story, feed = [-30.0] * 5, [60.0, -5.0, 80.0, 0.0, 70.0], [-15.0, -5.0, 18.0] * 4
    assert densest_run(menu + story + feed) == Block(5, 10, 205.0)


def test_densest_run_prefers_the_longer_of_equal_runs() -> None:
    # a trailing claimed line (a sign-off's date, score 0) stays with the story
    assert densest_run([10.0, 0.0, -1.0, 1.0]) == Block(0, 4, 10.0)


def test_densest_run_is_none_without_prose() -> None:
    assert densest_run([-30.0, 0.0, -5.0]) is None
    assert densest_run([]) is None


def test_line_scores() -> None:
    paragraph = "市交通局近日新开三条公交微循环线路，串联起沿线十二个社区和两处地铁站。"
    assert line_score(cjk_weight(paragraph), prose=True, claimed=False, chrome=False) > 20
    assert line_score(cjk_weight("点击查看。"), prose=True, claimed=False, chrome=False) <= 0
    assert line_score(cjk_weight("首页"), prose=False, claimed=False, chrome=True) == -30
    assert line_score(cjk_weight("站点设置有讲究"), prose=False, claimed=False, chrome=False) == -5
    # claimed lines never gain: a cleaned page without them finds the same run
    assert line_score(cjk_weight(paragraph), prose=True, claimed=True, chrome=False) == 0
    assert line_score(cjk_weight("2025-03-01"), prose=False, claimed=True, chrome=False, dated=True) < 0


P1 = "为方便老旧社区居民出行，市交通局近日新开三条公交微循环线路，串联起沿线十二个社区和两处地铁站。"
P2 = "新线路采用小型电动公交车，高峰时段每十分钟一班，平峰时段每二十分钟一班，票价统一为一元。"
P3 = "住在坡顶社区的刘阿姨说，以前下山买菜要走二十多分钟，现在家门口就能坐车，方便多了。"
TITLE = "山城新开三条公交微循环线路 覆盖十二个老旧社区"


def test_a_long_comment_thread_after_the_story_goes_without_a_heading() -> None:
    thread = []
    for n in range(12):
        thread += [f"网友{n:02d}", f"2025-03-02 10:{n:02d}",
                   f"这条线路确实方便，希望早点开到我们小区，第{n}次留言支持。", "回复", "赞"]
    result = clean_text("\n".join([TITLE, P1, P2, P3, *thread]))
    assert result.paragraphs == (P1, P2, P3)
    assert result.warnings == ()


def test_a_page_dump_keeps_the_story_between_hundreds_of_menu_lines() -> None:
    menu = [f"频道{n}" for n in range(150)]
    links = [f"某地第{n}届文化节开幕 市民纷纷前往" for n in range(80)]
    result = clean_text("\n".join([*menu, TITLE, P1, P2, P3, *links, *menu]))
    assert result.title == TITLE
    assert result.paragraphs == (P1, P2, P3)


def test_a_one_paragraph_story_with_a_dateline_is_the_story() -> None:
    # the dateline is cut from the only paragraph: it still opens the story
    story = "（某社記者某某台北電）" + P1
    result = clean_text("\n".join(["首頁", "政治", TITLE, story, "相關新聞", "某地文化節開幕", "某路口改造完工"]))
    assert result.paragraphs == (P1,)


# --- repetition ----------------------------------------------------------------------------------


def test_copy_suffix() -> None:
    assert copy_suffix(f"{TITLE} - 每日看点", TITLE) == "每日看点"
    assert copy_suffix(f"{TITLE}_某某科技", TITLE) == "某某科技"
    assert copy_suffix(f"{TITLE} | 站名", TITLE) == "站名"
    assert copy_suffix(TITLE, TITLE) is None
    assert copy_suffix(f"{TITLE}，记者在现场看到", TITLE) is None   # a sentence goes on
    assert copy_suffix("别的标题 - 每日看点", TITLE) is None


# An aggregator's page in the layout this product was designed from (all text invented): the
# headline, a row glued together (date and time, channel, views), a byline with the outlet
# glued to 記者, the story with the headline printed again as image alt text (+ the site's
# name) over each photo's one-phrase caption, then a channel's recommended list of
# alt/headline/summary triples.
SEED_LIKE = """\
山城新開三條公交微循環線路 覆蓋十二個老舊社區

2025年03月02日09:15:07 本地 5127

山城晨報記者 林小雨

3月1日,山城市交通局宣布新開三條公交微循環線路,串聯起沿線十二個社區和兩處地鐵站,方便老舊社區居民出行。

山城新開三條公交微循環線路 覆蓋十二個老舊社區 - 每日看點

開通儀式

新線路採用小型電動公交車,高峰時段每十分鐘一班,平峰時段每二十分鐘一班,票價統一為一元。

住在坡頂社區的劉阿姨說,以前下山買菜要走二十多分鐘,現在家門口就能坐車,方便多了。

山城新開三條公交微循環線路 覆蓋十二個老舊社區 - 每日看點

首班車出發

交通部門表示,將根據客流變化繼續優化站點設置,並在年底前再開通兩條線路。

本地分類資訊推薦

河畔步道全線貫通,沿線新增六處觀景平台 - 每日看點

河畔步道全線貫通,沿線新增六處觀景平台

經過一年多的施工,沿江河畔步道日前全線貫通,全長約十八公里,沿線新增六處觀景平台和四座驛站。

老街夜市重新開張!攤位數量翻倍 - 每日看點

老街夜市重新開張!攤位數量翻倍

停業半年的老街夜市昨晚重新開張,攤位數量由四十個增至八十個,吸引大批市民前往。
"""


def test_the_seed_layout() -> None:
    result = clean_text(SEED_LIKE)
    assert result.title == "山城新開三條公交微循環線路 覆蓋十二個老舊社區"
    assert [p[:6] for p in result.paragraphs] == ["3月1日,山", "新線路採用小", "住在坡頂社區", "交通部門表示"]
    meta = result.meta
    assert meta["date"] == "2025-03-02T09:15:07"
    assert (meta["category"], meta["views"]) == ("本地", 5127)
    assert (meta["author"], meta["source"], meta["site"]) == (["林小雨"], "山城晨報", "每日看點")
    assert clean_text(result.text).text == result.text


# --- header rows read by tokens ----------------------------------------------------------------


@pytest.mark.parametrize("text, date, category, views, sources", [
    ("2024年05月17日20:32:38 財經 8842", "2024-05-17T20:32:38", "財經", 8842, ()),
    ("2023年11月08日 08:15 某某财经综合", "2023-11-08T08:15", None, None, ("某某财经",)),
    ("某某要聞 2023-03-09", "2023-03-09", "某某要聞", None, ()),
    ("2025-03-02 10:20 社會 1.2萬", "2025-03-02T10:20", "社會", 12000, ()),
    ("2025年03月02日10:20 最後更新: 10:45", "2025-03-02T10:20", None, None, ()),
    ("02/03/2025 - 10:20", "2025-03-02T10:20", None, None, ()),
])
def test_token_rows(text: str, date: str, category: str | None, views: int | None,
                    sources: tuple[str, ...]) -> None:
    row = parse_token_row(text)
    assert row is not None
    assert row.dates[0][1] == date
    assert (row.category, row.views, row.sources) == (category, views, sources)


@pytest.mark.parametrize("text", [
    "湖畔公园改造完成 2023-03-09",            # a teaser headline with its date: a long token
    "2023-03-09 3 1 12",                     # a table of figures
    "2023年3月9日，市民在湖畔公园散步。",     # a sentence
    "財經 8842",                             # no date: nothing anchors the row
])
def test_not_token_rows(text: str) -> None:
    assert parse_token_row(text) is None


def test_an_outlet_glued_to_the_reporter_label_is_the_source() -> None:
    row = parse_row("封面新聞記者 劉恪生".replace("封面", "山城"))
    assert row is not None and row.authors == ("劉恪生",) and row.byline_outlets == ("山城新聞",)
    # the paper's own "本报记者" names no outlet
    own = parse_row("本报记者 王小明")
    assert own is not None and own.byline_outlets == ()
    meta = clean_text("\n".join([TITLE, "山城晨報記者 林小雨", P1, P2])).meta
    assert meta["source"] == "山城晨報"
    labelled = clean_text("\n".join([TITLE, "来源：江城日报", "山城晨報記者 林小雨", P1, P2])).meta
    assert labelled["source"] == "江城日报"   # a 来源 label says more than a byline


# --- shapes found on real pages, written here as invented lines --------------------------------


@pytest.mark.parametrize("line, rule", [
    ("图注：新建的观景平台上游人如织", "caption"),
    ("圖說：市民在河畔步道散步", "caption"),
    ("步道入口。資料圖片", "caption"),
    ("为了推介家乡特产，村民在地里录制视频 林小雨 摄", "caption"),
    ("市民在新開通的步道上散步。（Shutterstock）", "caption"),
    ("图像来源，", "caption-label"),
    ("- 閱讀更多 -", "continue-reading"),
    ("46", "counter"),
    ("想看更多本地新聞，立即關注我們的專頁！>>", "share-widget"),
])
def test_real_page_shapes(line: str, rule: str) -> None:
    from newsctl.cleaning.rules import strong_verdict

    verdict = strong_verdict(line)
    assert verdict is not None and verdict.rule == rule


@pytest.mark.parametrize("line", [
    "图书馆今年新增藏书两万册。",            # 图 starts a word, not a label
    "公司表示，已向法院提交相關資料。",        # 資料 inside a sentence
    "他引用了路透社（Reuters）的報道說，步道今年將延長。",  # a Latin name inside a sentence
    "2025",                                  # a year alone is no counter
    "進入→",                                  # too short to say anything, but no sentence either
])
def test_real_page_shapes_near_misses(line: str) -> None:
    from newsctl.cleaning.rules import strong_verdict

    verdict = strong_verdict(line)
    assert verdict is None or verdict.rule not in ("caption", "caption-label", "counter")


def test_a_caption_label_takes_the_line_after_it() -> None:
    page = [TITLE, P1, "图像来源，", "某某图片社", "图像加注文字，", "市民在新开通的线路上乘车。", P2]
    result = clean_text("\n".join(page))
    assert result.paragraphs == (P1, P2)


def test_a_dateline_with_xiaoxi() -> None:
    from newsctl.cleaning.dateline import cut_dateline

    rest, found = cut_dateline("某某网北京2月13日消息 据某某报道，市交通局近日新开三条线路。")
    assert found is not None and rest.startswith("据某某报道")


def test_a_headline_label_after_a_cjk_vertical_bar() -> None:
    result = clean_text("\n".join(["直擊︱" + TITLE, P1, P2]))
    assert result.title == TITLE


def test_the_date_under_the_headline_wins_over_a_widget_above_it() -> None:
    page = ["首页", "路况 2025-03-01 07:05", "天气 2025-03-01", TITLE, "2025-03-02 10:20", P1, P2]
    assert clean_text("\n".join(page)).meta["date"] == "2025-03-02T10:20"


def test_a_time_alone_above_its_date() -> None:
    page = [TITLE, "20:50", "2025/03/02", P1, P2]
    assert clean_text("\n".join(page)).meta["date"] == "2025-03-02T20:50"


def test_bylines_of_other_shapes() -> None:
    assert clean_text("\n".join([TITLE, "作者︱林小雨", P1, P2])).meta["author"] == ["林小雨"]
    glued = clean_text("\n".join([TITLE, "山城周刊记者 林小雨", P1, P2])).meta
    assert (glued["author"], glued["source"]) == (["林小雨"], "山城周刊")
    role = clean_text("\n".join([TITLE, "特约记者 林小雨", P1, P2])).meta
    assert (role["author"], role["source"]) == (["林小雨"], None)


def test_the_reporter_signing_off_in_brackets() -> None:
    signed = P2[:-1] + "。（林小雨）"
    result = clean_text("\n".join([TITLE, P1, signed]))
    assert result.meta["author"] == ["林小雨"]
    assert result.paragraphs[-1] == signed   # the name stays where the page printed it
    # a bracketed aside that names no person is no signature
    aside = clean_text("\n".join([TITLE, P1, P2[:-1] + "。（完）"])).meta
    assert aside["author"] is None


def test_an_attribution_is_part_of_the_sentence() -> None:
    from newsctl.cleaning.dateline import cut_dateline

    rest, found = cut_dateline("据某某社3月2日消息，市交通局近日新开三条线路。")
    assert found is None and rest.startswith("据某某社")


def test_a_one_line_lede_above_a_tagged_first_paragraph() -> None:
    lede = "市交通局新开三条微循环线路。"
    result = clean_text("\n".join([TITLE, lede, "【本報訊】" + P1, P2]))
    assert result.paragraphs == (P1, P2)
    # without a bracketed tag the short first paragraph is the story's
    assert clean_text("\n".join([TITLE, lede, P1, P2])).paragraphs == (lede, P1, P2)


def test_a_share_list_printed_above_and_below_is_no_headline() -> None:
    share = ["微信好友", "朋友圈书签", "mybookmark书签", "打印本文"]
    page = [TITLE, "更新时间", "2025年3月2日 10:41", *share, P1, P2, P3, *share]
    assert clean_text("\n".join(page)).title == TITLE


def test_explain_names_the_evidence_for_lines_no_rule_names() -> None:
    import json

    from helpers import invoke

    thread = []
    for n in range(6):
        thread += [f"网友{n:02d}", f"2025-03-02 10:{n:02d}", f"这条线路确实方便，希望早点开到我们小区，第{n}次留言。"]
    page = "\n".join([TITLE, P1, P2, P3, *thread]) + "\n"
    result = invoke(["clean", "--explain", "-"], input=page)
    assert result.exit_code == 0
    assert "removed [outside-main-block: story lines 2-4; this line weighs +" in result.stderr
    removed = json.loads(invoke(["clean", "--json", "--explain", "-"], input=page).stdout)["removed"]
    outside = [r for r in removed if r["rule"] == "outside-main-block"]
    assert outside and all(r["evidence"].startswith("story lines 2-4") for r in outside)
    assert all("evidence" not in r for r in removed if r["rule"] == "date")   # a rule says it all


def _reference_weights(items: list[Item]) -> list[float]:
    """main_block's weights as line_score defines them, line by line."""
    weights: list[float] = []
    introduced = widget_before = signed = False
    for it in items:
        claimed = it.verdict is not None or it.keep
        prose, static_listed, signature, wide = it.shape
        lead_in = it.text[-1] in "：:" and not prose
        listed = introduced or lead_in or signed or static_listed
        weak = None if claimed else it.weak
        chrome = weak is not None and not (introduced and weak.rule == "navigation") and not (
            signed and weak.rule == "date")
        row = it.verdict.row if it.verdict is not None else None
        dated = row is not None and bool(row.dates) and not it.keep and not signed
        signed = signature and not claimed
        widget = it.verdict is not None and it.verdict.rule in WIDGET_RULES and not it.keep
        weights.append(line_score(wide, prose, claimed, chrome, listed, dated,
                                  widget and not widget_before, it.claim is not None and not it.keep))
        widget_before = widget
        if not claimed:
            introduced = lead_in or (introduced and not prose)
    return weights


def test_main_block_weighs_as_line_score_says() -> None:
    rng = random.Random(7)
    texts = ["某某市人民政府办公室", "各節比分：", "首页 | 新闻 | 财经", "2025年3月18日 星期二", "财经",
             "市民踊跃参与活动，现场气氛热烈，主办方表示明年还会再办。", "1. 第一项", "点击查看。", "短句"]
    verdicts = [None, None, Verdict("share-widget", True), Verdict("byline", True),
                Verdict("date", True, row=Row(("date",), dates=((1, "2025-03-18"),))), Verdict("caption", True)]
    for _ in range(300):
        items = []
        for n in range(rng.randint(1, 12)):
            item = Item(n + 1, rng.choice(texts), keep=rng.random() < 0.1, verdict=rng.choice(verdicts))
            item.claim = "link-list" if rng.random() < 0.2 else None
            items.append(item)
        main_block(items)
        assert [it.weight for it in items] == _reference_weights(items)


# --- a headline printed again below the story ---------------------------------------------------


def test_lines_holding_a_probe_are_the_whole_lines_each_once() -> None:
    joined = "\n".join(["湖畔公园改造完成", "正文提到湖畔公园。", "无关的一行", "湖畔公园改造完成 - 某某网"])
    assert _lines_holding(joined, {"湖畔公园", "改造完成"}) == [
        "湖畔公园改造完成", "正文提到湖畔公园。", "湖畔公园改造完成 - 某某网"]
    assert _lines_holding(joined, set()) == []
    assert _lines_holding(joined, {"不在"}) == []
    # an empty probe is in every line: the scan still moves on from line to line
    assert _lines_holding("甲\n乙", {""}) == ["甲", "乙"]
