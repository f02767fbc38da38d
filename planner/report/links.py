"""Marks, links and page references: where each section, skill and goal starts, so the
outline, the running header and the tables early in the plan can point to the detail.

A heading carries a :class:`Mark`; the document records the page it lands on. A
:class:`PageRef` in a table links to a mark and has its page number stamped once the
last page is laid out, so page references cost no second layout pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from planner.domain.models import Goal, Reflection, Review, Skill
from planner.report.fonts import REGULAR
from planner.report.paragraph import Paragraph
from planner.report.styles import BLUE, SMALL


@dataclass(frozen=True)
class Mark:
    """A heading's place in the document.

    ``level`` is its depth in the outline (0 for a part of the plan, 1 for a skill or
    an entry within a part, 2 for a goal); ``running`` is what the running header
    says on pages the part continues onto (empty: nothing).
    """

    key: str
    title: str
    level: int
    running: str = ""


LINK_COLOUR = "#" + BLUE.hexval()[2:]
_UNSAFE = re.compile(r"[^A-Za-z0-9-]")


def _key(kind: str, ident: object) -> str:
    # Each other character (the underscore too) becomes its code point between
    # underscores, so ids that differ only there ("a.b", "a,b", "é", "ü") keep
    # distinct destinations.
    return f"{kind}-{_UNSAFE.sub(lambda m: f'_{ord(m.group()):x}_', str(ident))}"


def goal_key(goal: Goal) -> str:
    return _key("goal", goal.uid or goal.id or id(goal))


def skill_key(skill: Skill) -> str:
    return _key("skill", skill.id)


def reflection_key(reflection: Reflection) -> str:
    return _key("reflection", reflection.id if reflection.id is not None else id(reflection))


def review_key(review: Review) -> str:
    return _key("review", review.id if review.id is not None else id(review))


class MarkedHeading(Paragraph):
    """A heading that is also the destination of its mark's links and bookmark."""

    def __init__(self, markup: str, style: ParagraphStyle, mark: Mark | None = None, **kwargs):
        # Parts of a split heading are made by reportlab without a mark: only the
        # first part is the destination.
        super().__init__(markup, style, **kwargs)
        self.mark = mark

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].mark = self.mark
        return parts

    def draw(self):
        if self.mark is not None:
            _place(self.canv, self.mark.key, self.height)
        super().draw()


def marked(markup: str, style: ParagraphStyle, mark: Mark) -> Paragraph:
    return MarkedHeading(markup, style, mark)


def _place(canvas, key: str, top: float) -> None:
    # The page the destination names is only known when the canvas writes the page
    # (after the whole layout), so the canvas defines it then.
    left, top = canvas.absolutePosition(0, top)
    canvas.defer_destination(key, left, top)


def linked(markup: str, key: str | None) -> str:
    """``markup`` as a link to the mark ``key`` (unchanged when there is none)."""
    if not key:
        return markup
    return f'<a href="#{key}" color="{LINK_COLOUR}">{markup}</a>'


class Anchor(Flowable):
    """A mark placed before a part's first flowable, kept with it."""

    def __init__(self, mark: Mark):
        super().__init__()
        self.mark = mark
        self.keepWithNext = 1

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        _place(self.canv, self.mark.key, 0)


class PageRef(Flowable):
    """ "p. 12" for the page a mark landed on, linked to it; stamped after layout."""

    def __init__(self, key: str, size: float = SMALL, prefix: str = "p. "):
        super().__init__()
        self.key = key
        self.size = size
        self.prefix = prefix

    def wrap(self, availWidth, availHeight):
        self.width = stringWidth(f"{self.prefix}999", REGULAR, self.size)
        self.height = self.size * 1.3
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        x, y = canvas.absolutePosition(0, self.size * 0.3)
        canvas.defer_page_ref(self.key, self.prefix, x, y, self.size)
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1)
