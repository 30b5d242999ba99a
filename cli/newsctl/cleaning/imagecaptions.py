"""Captions by position: the short line right after an image (or its alt text) is its caption,
a line that the caption under it repeats plus a credit is the image's alt text, and a run of
one-short-sentence lines is a gallery's captions.  (Captions by shape, wherever they stand, are
:mod:`.captions`' job.)
"""

from __future__ import annotations

from newsctl.cleaning.captions import caption_shape, has_trailing_credit
from newsctl.cleaning.items import Item, Ledger
from newsctl.cleaning.prose import is_list_item
from newsctl.cleaning.verdicts import Verdict

# a short line right after an image is its caption even without a credit; such a verdict rests
# on markup that cleaning removes, so it is marked (see clean.py's guard against over-removal)
_POSITIONAL_CAPTION_MAX = 40
AFTER_IMAGE = "after-image"
# lines that stand for a photo: the short line after one is its caption (or credit)
_IMAGE_RULES = frozenset({"image", "caption-label"})

# how much longer than its alt text a caption may be: a full stop and a credit (（新华社记者 X 摄）)
_ALT_CREDIT_MAX = 30


def captions_after_images(items: list[Item], decide: Ledger, story: Item | None = None) -> None:
    """The short line right after an image (or its alt text) is its caption."""
    for i, item in enumerate(items):
        previous = items[i - 1].verdict if i else None
        image_before = item.after_image or (previous is not None and previous.rule in _IMAGE_RULES)
        if not image_before or item.verdict is not None or item.keep or item is story:
            continue
        if previous is not None and previous.rule == "image" and item.text in items[i - 1].text:
            # "[Image: 燈會現場人潮]" then "燈會現場人潮"
            decide.claim(item, Verdict("alt-text", True), "the image above names it")
            continue
        if caption_shape(item.text) or has_trailing_credit(item.text):
            decide.claim(item, Verdict("caption", True), "under an image, with a caption's shape")
        elif (len(item.text) <= _POSITIONAL_CAPTION_MAX and item.text.count("，") <= 1
              and not is_list_item(item.text)):
            decide.claim(item, Verdict("caption", True, value=AFTER_IMAGE), "a short line under an image")


def alt_text_echoed_by_captions(items: list[Item], decide: Ledger) -> None:
    """A line that the caption right after it repeats, plus a credit, is the image's alt text.

    ``插秧机在稻田里作业`` then ``插秧机在稻田里作业。（葛润田 摄）``: scrapers keep both the
    image's alt attribute and the caption under it.  Only the caption carries the evidence (its
    credit), so the line before is judged by being its prefix.
    """
    for item, caption in zip(items, items[1:]):
        if item.verdict is not None or item.keep or caption.verdict is None:
            continue
        if caption.verdict.rule != "caption" or not caption.text.startswith(item.text):
            continue
        if len(caption.text) - len(item.text) <= _ALT_CREDIT_MAX:
            decide.claim(item, Verdict("alt-text", True), f"the caption on line {caption.no} repeats it")


# a gallery's captions, one per photo, each one short sentence ("導彈車出營。"): a news paragraph is
# longer, and a story never prints four of them in a row (lists have their markers)
_GALLERY_RUN_MIN = 4
_GALLERY_LINE_MAX = 16
_SENTENCE_ENDS = "。！？!?"


def gallery_captions(items: list[Item], decide: Ledger) -> None:
    """A run of four or more lines that are each one short sentence is a photo gallery's
    captions, once the page dump has lost its images.  Lines a rule already claims do not break
    the run (they are gone on the cleaned page, where the run must be found again)."""
    run: list[Item] = []
    for item in [*items, None]:
        if item is not None and item.verdict is not None and not item.keep:
            continue
        if item is not None and _one_short_sentence(item.text) and not item.keep:
            run.append(item)
            continue
        if len(run) >= _GALLERY_RUN_MIN:
            why = f"{len(run)} one-short-sentence lines in a row"
            for caption in run:
                decide.claim(caption, Verdict("caption", True, value="gallery"), why)
        run = []


def _one_short_sentence(text: str) -> bool:
    return (len(text) <= _GALLERY_LINE_MAX and text[-1] in _SENTENCE_ENDS
            and not any(c in _SENTENCE_ENDS for c in text[:-1]) and not is_list_item(text))
