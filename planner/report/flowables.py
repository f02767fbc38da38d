"""Flowables of our own: keeping a block whole without leaving a blank page, a base for
what is drawn straight onto the canvas, and the strip of facts at the top of each goal."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable

from planner.report.fonts import BOLD, REGULAR
from planner.report.styles import (
    BODY_HEIGHT,
    BODY_WIDTH,
    DARK_BLUE,
    GREY,
    INK,
    MID_GREY,
    PALE,
    RULE,
    SMALL,
    TEXT,
)


def stack_height(flowables: list[Flowable], width: float = BODY_WIDTH) -> float:
    """The height the flowables take one under another at ``width``, their space
    before and after included (a conservative figure: at a page top reportlab drops
    the space before)."""
    return sum(
        f.wrap(width, BODY_HEIGHT)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables
    )


def keep_whole(
    flowables: list[Flowable], *, width: float = BODY_WIDTH, min_start: float = 50 * mm
) -> list[Flowable]:
    """``flowables`` kept on one page when they fit on one; longer content starts where
    it is when at least ``min_start`` is left (else on the next page), so it never
    leaves a blank page behind, as reportlab's KeepTogether alone would.

    Measured here at the body frame's width, with reportlab's public ``wrap``. A block
    that fits a page is preceded by a page break on the condition that less than its
    height is left: the same result as KeepTogether, without KeepTogether wrapping
    every flowable again (a third of an export's paragraph wrapping).
    """
    height = stack_height(flowables, width)
    if height > BODY_HEIGHT:
        return [CondPageBreak(min_start), *flowables]
    return [CondPageBreak(height), *flowables]


class CanvasFlowable(Flowable):
    """A fixed-size flowable drawn by ``paint(canvas)``.

    For charts and rules: drawn with the canvas they cost several times less to lay
    out and render than reportlab ``Drawing``s of the same lines.
    """

    def __init__(self, width: float, height: float):
        super().__init__()
        self.width = width
        self.height = height

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self) -> None:
        # drawOn has saved the graphics state and restores it afterwards.
        self.paint(self.canv)

    def paint(self, canvas: Canvas) -> None:
        raise NotImplementedError


class FactStrip(Flowable):
    """A shaded strip of short labelled facts, the last one a progress bar.

    Drawn directly rather than as a table: the facts are short fixed words, so there
    is nothing to wrap, and a goal page has one per goal.
    """

    HEIGHT = 11 * mm
    PAD = 6
    FIGURE_WIDTH = 12 * mm  # room for "100%" after the bar

    def __init__(
        self,
        facts: Sequence[tuple[str, str, bool]],
        widths: Sequence[float],
        percent: int,
        bar_width: float = 40 * mm,
    ):
        """Args:
        facts: ``(label, value, bold)`` for each column before the progress bar.
        widths: the width of each column, the progress column last.
        percent: the progress to show (0-100).
        bar_width: the bar's length.
        """
        super().__init__()
        self.facts = list(facts)
        self.width = sum(widths)
        self.widths = self._fitted(list(widths))
        # The bar gives way to a fact that needed more room; the figure keeps its own.
        room = self.widths[-1] - self.PAD - self.FIGURE_WIDTH
        self.bar_width = max(10 * mm, min(bar_width, room))
        self.percent = percent

    def _fitted(self, widths: list[float]) -> list[float]:
        """Each fact's column widened to hold its value at full size, taking the
        room from the progress column (the type is never made smaller)."""
        for n, (label, value, bold) in enumerate(self.facts):
            needed = 2 * self.PAD + max(
                stringWidth(label, BOLD, SMALL), stringWidth(value, BOLD if bold else REGULAR, TEXT)
            )
            widths[n] = max(widths[n], needed)
        widths[-1] = self.width - sum(widths[:-1])
        return widths

    def wrap(self, availWidth, availHeight):
        return self.width, self.HEIGHT

    def draw(self):
        canvas = self.canv
        pad = self.PAD
        canvas.saveState()
        canvas.setFillColor(PALE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, self.width, self.HEIGHT, fill=1, stroke=1)
        label_y, value_y = self.HEIGHT - 12, 8
        x = 0.0
        # Labels first, then values, so copied text reads "Status Priority ... / values".
        canvas.setFillColor(GREY)
        canvas.setFont(BOLD, SMALL)
        for (label, _, _), width in zip(self.facts, self.widths, strict=False):
            canvas.drawString(x + pad, label_y, label)
            x += width
        canvas.drawString(x + pad, label_y, "Progress")
        x = 0.0
        canvas.setFillColor(INK)
        for (_, value, bold), width in zip(self.facts, self.widths, strict=False):
            canvas.setFont(BOLD if bold else REGULAR, TEXT)
            canvas.drawString(x + pad, value_y, value)
            x += width
        # The same bar as charts.progress_bar, drawn straight onto the page: one per
        # goal, and a Drawing's renderer costs more than the two rectangles.
        canvas.setStrokeColor(MID_GREY)
        canvas.setFillColor(PALE)
        canvas.rect(x + pad, value_y - 0.5, self.bar_width, 6, fill=1, stroke=1)
        if self.percent > 0:
            canvas.setFillColor(DARK_BLUE)
            filled = self.bar_width * min(self.percent, 100) / 100
            canvas.rect(x + pad, value_y - 0.5, filled, 6, fill=1, stroke=0)
        canvas.setFillColor(INK)
        canvas.setFont(REGULAR, TEXT)
        canvas.drawRightString(
            x + pad + self.bar_width + self.FIGURE_WIDTH, value_y, f"{self.percent}%"
        )
        canvas.restoreState()
