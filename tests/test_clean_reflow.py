"""Hard-wrapped text (PDF extracts) put back into paragraphs; other pages left alone.

Every snippet is invented for these tests.
"""

from __future__ import annotations

from newsctl.jobs.clean import clean_text
from newsctl.cleaning.lines import split_lines
from newsctl.cleaning.reflow import reflow

WRAPPED = [
    "某某縣政府新聞稿",
    "河濱步道第二期完工 下月起開放夜間照明",
    "　　為提升河濱空間的夜間使用，某某縣政府今（2）日宣布，河濱步",
    "道第二期工程已經完工，全長約3.2公里，沿線新增照明設施與休憩座",
    "椅，預計下月起開放夜間使用。",
    "　　縣長表示，步道完工後將串聯既有的自行車道，民眾可從市區騎乘",
    "至河口濕地，沿途設有三處補水站與兩座公廁，並由志工定時巡查，",
    "第 1 頁，共 2 頁",
    "某某縣政府新聞稿",
    "維護整體環境整潔與夜間安全。",
    "　　工務處提醒，施工期間部分路段仍有機具進出，請民眾留意告示，",
    "依指示改道通行，以維護自身安全。",
    "第 2 頁，共 2 頁",
]


def test_wrapped_paragraphs_are_joined_and_page_furniture_goes() -> None:
    result = clean_text("\n".join(WRAPPED))
    assert result.title == "河濱步道第二期完工 下月起開放夜間照明"
    assert result.paragraphs == (
        "為提升河濱空間的夜間使用，某某縣政府今（2）日宣布，河濱步道第二期工程已經完工，全長約3.2公里，"
        "沿線新增照明設施與休憩座椅，預計下月起開放夜間使用。",
        "縣長表示，步道完工後將串聯既有的自行車道，民眾可從市區騎乘至河口濕地，沿途設有三處補水站與兩座公廁，"
        "並由志工定時巡查，維護整體環境整潔與夜間安全。",
        "工務處提醒，施工期間部分路段仍有機具進出，請民眾留意告示，依指示改道通行，以維護自身安全。",
    )
    rules = {r.text: r.rule for r in result.removed}
    assert rules["第 1 頁，共 2 頁"] == "page-number"
    assert rules["某某縣政府新聞稿"] == "page-header"
    assert clean_text(result.text).text == result.text   # idempotent


def test_a_web_page_with_lines_of_one_width_is_left_alone() -> None:
    # related headlines of the same width, one paragraph each: nothing is wrapped
    page = [
        "河濱步道第二期完工 下月起開放夜間照明",
        "為提升河濱空間的夜間使用，縣政府今日宣布，河濱步道第二期工程已經完工。",
        "相關新聞",
        "河濱自行車道串聯濕地 假日人潮湧現攤商進駐",
        "濕地生態導覽報名開跑 每梯次限額三十人參加",
        "夜間照明節能設計獲獎 採用太陽能與感應裝置",
        "步道志工招募中 每月服務四小時可抵扣停車費",
    ]
    lines = split_lines("\n".join(page))
    joined, furniture = reflow(lines)
    assert [line.text for line in joined] == page and furniture == []


def test_list_items_and_indented_lines_are_never_joined_onto() -> None:
    lines = split_lines("\n".join(WRAPPED[:4] + ["一、夜間開放時段為晚間六時至十時。"] + WRAPPED[5:]))
    texts = [line.text for line in reflow(lines)[0]]
    assert "一、夜間開放時段為晚間六時至十時。" in texts
