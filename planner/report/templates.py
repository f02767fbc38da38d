"""Page templates: the cover and body pages, their running header and footer, and a
canvas that writes "Page X of Y" once the last page is known (one layout pass)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from planner.report.fonts import BOLD, REGULAR
from planner.report.styles import (
    GREY,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_SIZE,
    RULE,
)

# Binary (compressed) streams: ASCII85 text encoding only helps 7-bit mail channels,
# and costs export time and some 6 % in file size. Only this package uses reportlab.
rl_config.useA85 = 0

CONFIDENTIAL = "Confidential: personal development record. Share only with the people it names."
FOOTER_Y = 12 * mm


@dataclass(frozen=True)
class RunningText:
    """What the header and footer say on every page."""

    person: str
    exported: str  # the export date, already formatted


class NumberedCanvas(Canvas):
    """Holds each finished page until the document ends, then stamps "Page X of Y".

    Deferring the pages lets the document lay out once instead of twice (reportlab's
    multiBuild) just to learn the page count.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._stamp_page_number(total)
            super().showPage()
        super().save()

    def _stamp_page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(REGULAR, 8)
        self.setFillColor(GREY)
        width = PAGE_SIZE[0]
        self.drawRightString(width - MARGIN_X, FOOTER_Y, f"Page {self._pageNumber} of {total}")
        self.restoreState()


def _draw_footer(canvas: Canvas, running: RunningText, *, with_name: bool = False) -> None:
    width = PAGE_SIZE[0]
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, FOOTER_Y + 10, width - MARGIN_X, FOOTER_Y + 10)
    canvas.setFillColor(GREY)
    canvas.setFont(REGULAR, 8)
    canvas.drawString(MARGIN_X, FOOTER_Y, CONFIDENTIAL)
    exported = f"Exported {running.exported}"
    # The cover has no running header, so its footer names the person instead.
    canvas.drawString(
        MARGIN_X, FOOTER_Y - 10, f"{running.person} · {exported}" if with_name else exported
    )
    canvas.restoreState()


def _draw_header(canvas: Canvas, running: RunningText) -> None:
    width, height = PAGE_SIZE
    y = height - 14 * mm
    canvas.saveState()
    canvas.setFillColor(GREY)
    canvas.setFont(BOLD, 8)
    canvas.drawString(MARGIN_X, y, running.person)
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(width - MARGIN_X, y, "Leadership Development Plan")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_X, y - 4, width - MARGIN_X, y - 4)
    canvas.restoreState()


class CoverTemplate(PageTemplate):
    """The first page: no running header, since the cover names the person itself."""

    def __init__(self, running: RunningText):
        frame = _body_frame("cover")
        super().__init__(id="cover", frames=[frame], pagesize=PAGE_SIZE)
        self.running = running

    def afterDrawPage(self, canvas, doc):
        _draw_footer(canvas, self.running, with_name=True)


class BodyTemplate(PageTemplate):
    """Every other page: header with the person's name, footer with the page count."""

    def __init__(self, running: RunningText):
        super().__init__(id="body", frames=[_body_frame("body")], pagesize=PAGE_SIZE)
        self.running = running

    def afterDrawPage(self, canvas, doc):
        _draw_header(canvas, self.running)
        _draw_footer(canvas, self.running)


def _body_frame(name: str) -> Frame:
    width, height = PAGE_SIZE
    return Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        height - MARGIN_TOP - MARGIN_BOTTOM,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def plan_document(
    target, running: RunningText, *, title: str, subject: str, invariant: bool = False
) -> BaseDocTemplate:
    """A document with the cover and body templates and the PDF's metadata set.

    Args:
        target: a file name or a binary file object to write the PDF to.
        running: the header and footer text.
        title: the PDF title, shown in the reader's title bar.
        subject: the PDF subject.
        invariant: write reproducible output (fixed dates and ids) for tests.
    """
    doc = BaseDocTemplate(
        target,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=running.person,
        subject=subject,
        creator="Leadership Planner",
        lang="en-GB",
        displayDocTitle=True,
        invariant=1 if invariant else 0,
        pageTemplates=[CoverTemplate(running), BodyTemplate(running)],
    )
    return doc
