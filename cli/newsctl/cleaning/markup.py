"""What an HTML page's markup says about its lines, as claims the cleaner weighs like its rules.

A text dump loses what the page's author marked up; a saved page keeps it, and two kinds of
markup separate a story from its chrome on any site:

- **landmarks**: text inside ``<nav>``, ``<footer>``, ``<aside>``, ``<form>`` controls,
  ``<figcaption>`` (or the ARIA role of the same) is the page's frame, not its story.  A
  story's own footer inside ``<article>``/``<main>`` is not, nor is a landmark that wraps the
  page or holds the story's ``<h1>`` (see :mod:`newsctl.io.htmlpage`).
- **lists of links**: a line that is a link's whole text, in a block whose text is mostly link
  text (a menu, a list of other stories, tags), is a pointer elsewhere.  A link inside a
  paragraph (a name, a stock code) is part of the paragraph: its block is mostly plain text.

Such a line is claimed (removed, and weighed as a claimed line for the main block), unless a text
rule says more about it (a 来源 row inside a footer still gives its source).  A line with the
page's own headline is never claimed by markup: headlines are repeated in menus and lists.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from newsctl.io.htmlpage import PageLine


class MarkupSettings(NamedTuple):
    """Thresholds of the markup claims."""

    # a block whose text is at least this share link text is a list of links
    link_share: float = 0.5


MARKUP = MarkupSettings()

# landmark -> the rule id of a line claimed for standing in it
LANDMARK_RULES: Mapping[str, str] = {
    "nav": "markup-nav",
    "menu": "markup-nav",
    "footer": "markup-footer",
    "aside": "markup-aside",
    # (no "header": templates without <article> put the story's own headline and date in one,
    # and a page header's menu is a <nav> or a list of links anyway)
    "form": "markup-form",
    "button": "markup-form",
    "select": "markup-form",
    "label": "markup-form",
    "figcaption": "markup-caption",
}
LINK_RULE = "link-list"


class PageEvidence(NamedTuple):
    """What the markup says of a page's lines, by line number (1-based)."""

    claims: Mapping[int, str]        # line -> rule id: outside the story
    after_images: frozenset[int]     # lines right under an image (a caption, if short)


NO_EVIDENCE = PageEvidence({}, frozenset())


def page_evidence(lines: Sequence[PageLine], headlines: frozenset[str] = frozenset(),
                  settings: MarkupSettings = MARKUP) -> PageEvidence:
    """The claims and image positions of a page's lines (see the module docstring).

    ``headlines``: texts the page declares as its title (never claimed)."""
    # a heading under a logo or a photo is no caption
    images = frozenset(n for n, line in enumerate(lines, start=1)
                       if line.after_image and not line.heading and line.text not in headlines)
    return PageEvidence(_claims(lines, headlines, settings), images)


def _claims(lines: Sequence[PageLine], headlines: frozenset[str],
            settings: MarkupSettings) -> dict[int, str]:
    claims: dict[int, str] = {}
    for number, line in enumerate(lines, start=1):
        if line.text in headlines:
            continue
        rule = LANDMARK_RULES.get(line.landmark)
        if rule is None and line.link and line.link_share >= settings.link_share:
            rule = LINK_RULE
        if rule is not None:
            claims[number] = rule
    return claims
