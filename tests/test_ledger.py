"""The ledger every pass decides through: what it changes, and whom it credits with --explain."""

from __future__ import annotations

from newsctl.cleaning.items import Item, Ledger
from newsctl.cleaning.verdicts import Verdict


def test_drop_leaves_kept_lines_and_earlier_fates_alone() -> None:
    decide = Ledger()
    kept, line = Item(1, "记者手记", keep=True), Item(2, "分享到：微信")
    decide.drop(kept, "head-chrome")
    decide.drop(line, "share-widget")
    decide.drop(line, "tail-chrome")
    assert (kept.fate, line.fate) == (None, "share-widget")
    decide.overrule(line, "outside-main-block")   # settling the story overrides
    assert line.fate == "outside-main-block"


def test_a_fate_from_a_verdict_is_credited_to_the_pass_that_gave_it() -> None:
    decide = Ledger(record=True)
    heading, teaser, chrome = Item(1, "相关阅读"), Item(2, "城东绿道二期开工建设"), Item(3, "返回顶部")
    decide.step = "related-blocks"
    decide.claim(teaser, Verdict("related-block", True), "listed under the heading on line 1")
    decide.step = "around-body"
    decide.drop(teaser, "related-block")             # the fate its verdict gives
    decide.drop(chrome, "tail-chrome", "below the story")
    decide.drop(heading, "head-chrome")
    assert (teaser.decided_by, teaser.because) == ("related-blocks", "listed under the heading on line 1")
    assert (chrome.decided_by, chrome.because) == ("around-body", "below the story")
    assert (heading.decided_by, heading.because) == ("around-body", "")


def test_without_record_nothing_is_noted_and_the_changes_are_the_same() -> None:
    decide = Ledger()
    item = Item(1, "【本报讯】市区新增三处口袋公园。")
    decide.claim(item, Verdict("caption", True), "under an image")
    decide.drop(item, "caption")
    decide.cut_tag(item, "市区新增三处口袋公园。")
    assert (item.fate, item.decided_by, item.because, item.text) == ("caption", None, "", "市区新增三处口袋公园。")
    decide.restore(item)
    assert (item.text, item.before_cut) == ("【本报讯】市区新增三处口袋公园。", None)
