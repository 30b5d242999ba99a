"""The tail of the story: where it ends (the comment area, a closing editor line, copyright
notice or end mark, a notice's sign-off), and the author's bio or company profile under its
heading below the first paragraph.
"""

from __future__ import annotations

from newsctl.cleaning.headings import is_bio_heading, is_comment_heading, is_company_heading
from newsctl.cleaning.items import Item, Ledger, is_paragraph
from newsctl.cleaning.prose import is_list_item, is_prose, is_signature
from newsctl.cleaning.verdicts import Verdict

# the reply button under each reader's comment
_REPLY_BUTTONS = frozenset({"回覆", "回复", "回應", "回应", "Reply", "reply", "REPLY"})


def _mentions_comments(item: Item) -> bool:
    """A widget about the comments ("打开APP查看全部326条评论")."""
    return item.verdict is not None and any(w in item.text for w in ("评论", "評論", "留言"))


def bio_under_heading(items: list[Item], start: int, decide: Ledger) -> None:
    """``作者简介`` alone on a line below the first paragraph, then the bio: both go (the bio
    itself reads as prose).  Above the body the heading goes anyway, and the story stays."""
    for i, item in enumerate(items[:-1]):
        if i <= start or item.verdict is not None or item.keep or len(item.text) > 24:
            continue
        if is_bio_heading(item.text):
            rule = "author-bio"
        elif is_company_heading(item.text):
            rule = "company-profile"   # a press release's "關於X公司" and its boilerplate
        else:
            continue
        # the lines between that go anyway (a share widget) are not there on the cleaned page:
        # the bio is the next line no rule claims, or cleaning twice would differ; an author
        # box may put the writer's photo caption and name first ("林語晴的大頭照" / "林語晴")
        box: list[Item] = []
        # only the lines no rule claims count: they are the ones a second cleaning sees
        for following in (it for it in items[i + 1:] if it.verdict is None):
            if following.keep:
                break
            if is_prose(following.text):
                for it in (item, *box, following):
                    decide.claim(it, Verdict(rule, True), f"under the heading on line {item.no}")
                break
            if rule != "author-bio" or len(following.text) > 12 or len(box) >= 2:
                break
            box.append(following)


def tail_start(items: list[Item], start: int, block_end: int, decide: Ledger) -> int:
    """Index of the first line after the story (its last paragraph or list item, before the
    comment area, a closing mark, or the block's end)."""
    # the comment area opens the tail: readers' comments read as prose, but are not the story.
    # An area is a comment line with another right under it ("评论（86）" / "写评论..."); a lone
    # counter may stand anywhere
    end = next((i for i in range(start + 1, len(items) - 1)
                if is_comment_heading(items[i].verdict, items[i].text)
                and (any(is_comment_heading(it.verdict, it.text) or _mentions_comments(it)
                         for it in items[i + 1:i + 3])
                     or sum(it.text in _REPLY_BUTTONS for it in items[i + 1:i + 8]) >= 1)),
               block_end)
    end = min(end, block_end)
    end = min(end, _story_end_mark(items, start, end))
    while end > start + 1:
        item = items[end - 1]
        if item.keep:
            break
        if _is_sign_off(items, end - 1):
            # a notice's date under its issuer: part of the text
            decide.claim(items[end - 1], None, "a notice's date under its issuer")
            break
        if item.verdict is None and item.weak is None and (
                is_prose(item.text) or is_list_item(item.text)):
            break
        end -= 1
    return end


# lines that close a story: nothing after them is part of it (a sidebar of full sentences, a
# classifieds column, a reader's comment)
_END_RULES = frozenset({"editor", "copyright", "end-mark"})
_END_MIN_PARAGRAPHS = 2


def _story_end_mark(items: list[Item], start: int, end: int) -> int:
    """Where an editor line, a copyright notice or an end mark ("（完）") closes the story: at
    least two paragraphs above it, and at least twice as many as below it (a row that merely
    stands between paragraphs closes nothing); else ``end``."""
    if not any(it.verdict is not None and it.verdict.rule in _END_RULES for it in items[start:end]):
        return end   # most pages: no closing line to weigh
    paragraph = [item.verdict is None and not item.keep and is_paragraph(item.text)
                 for item in items[:end]]
    total = sum(paragraph[start:end])   # (a paragraph has no verdict: above + below = total)
    above = 0
    for i in range(start, end):
        verdict = items[i].verdict
        if verdict is None:
            above += paragraph[i]
            continue
        if verdict.strong and verdict.rule in _END_RULES and above >= _END_MIN_PARAGRAPHS:
            below = total - above
            if above >= 2 * below:
                return i
    return end


def _is_sign_off(items: list[Item], i: int) -> bool:
    """``某某市人民政府办公室`` / ``2025年3月1日`` closing a notice: a date row under an issuer."""
    verdict = items[i].verdict
    return (i > 0 and verdict is not None and verdict.row is not None
            and set(verdict.row.kinds) == {"date"} and is_signature(items[i - 1].text)
            and items[i - 1].verdict is None)
