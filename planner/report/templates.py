"""Page templates: the cover and body pages, their running header and footer; the
document that records where each marked heading lands (outline, running header, page
references); and a canvas that stamps "Page X of Y" and page references once the last
page is known (one layout pass)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
)

from planner.report.fonts import BOLD, REGULAR
from planner.report.styles import (
    BLUE,
    GREY,
    INK,
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
    # Private reflections are in this copy: every page says so.
    private_included: bool = False
    # A closed cycle's copy names the cycle on every page.
    cycle: str = ""


PRIVATE_NOTICE = "Includes private reflections"
CONTINUED = " (continued)"


@dataclass
class _DeferredRef:
    key: str
    prefix: str
    x: float
    y: float
    size: float


class NumberedCanvas(Canvas):
    """Holds each finished page until the document ends, then stamps "Page X of Y".

    Deferring the pages lets the document lay out once instead of twice (reportlab's
    multiBuild) just to learn the page count.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict] = []
        self._page_refs: list[_DeferredRef] = []
        self._held_destinations: list[tuple[str, float, float]] = []
        # The page each mark landed on, filled in by the document as it lays out.
        self.mark_pages: dict[str, int] = {}
        self.showOutline()

    def defer_page_ref(self, key: str, prefix: str, x: float, y: float, size: float) -> None:
        """Writes ``prefix`` and the page of mark ``key`` at (x, y) once it is known."""
        self._page_refs.append(_DeferredRef(key, prefix, x, y, size))

    def defer_destination(self, key: str, left: float, top: float) -> None:
        """Names (left, top) of this page ``key``, as links and bookmarks point to it."""
        self._held_destinations.append((key, left, top))

    def showPage(self):
        self._held_pages.append(dict(self.__dict__))
        self._page_refs = []
        self._held_destinations = []
        self._startPage()

    def save(self):
        total = len(self._held_pages)
        pages = self.mark_pages
        for state in self._held_pages:
            self.__dict__.update(state)
            self._stamp_page_number(total)
            for ref in self._page_refs:
                self._stamp_ref(ref, pages.get(ref.key))
            for key, left, top in self._held_destinations:
                self.bookmarkHorizontalAbsolute(key, top, left=left)
            super().showPage()
        super().save()

    def _stamp_ref(self, ref: _DeferredRef, page: int | None) -> None:
        self.saveState()
        self.setFont(REGULAR, ref.size)
        self.setFillColor(BLUE)
        self.drawString(ref.x, ref.y, f"{ref.prefix}{page}" if page else "")
        self.restoreState()

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
    if running.cycle:
        exported += f" · {running.cycle}"
    if running.private_included:
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(INK)
        canvas.drawRightString(width - MARGIN_X, FOOTER_Y - 10, PRIVATE_NOTICE)
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(GREY)
    if with_name:
        # The cover has no running header, so its footer names the person instead,
        # clear of the private notice opposite.
        room = width - 2 * MARGIN_X - stringWidth(f" · {exported}", REGULAR, 8)
        if running.private_included:
            room -= stringWidth(PRIVATE_NOTICE, BOLD, 8) + 8 * mm
        exported = f"{_fit(running.person, room, 8)} · {exported}"
    canvas.drawString(MARGIN_X, FOOTER_Y - 10, exported)
    canvas.restoreState()


def _draw_header(canvas: Canvas, running: RunningText, where: str, continued: bool) -> None:
    width, height = PAGE_SIZE
    y = height - 14 * mm
    canvas.saveState()
    canvas.setFillColor(GREY)
    canvas.setFont(BOLD, 8)
    # A long name takes at most half the line, so the header can still say where
    # the page belongs.
    person = _fit(running.person, (width - 2 * MARGIN_X) / 2, 8, BOLD)
    canvas.drawString(MARGIN_X, y, person)
    canvas.setFont(REGULAR, 8)
    room = width - 2 * MARGIN_X - stringWidth(person, BOLD, 8) - 8 * mm
    if continued:
        where = _fit(where, room - stringWidth(CONTINUED, REGULAR, 8), 8) + CONTINUED
    canvas.drawRightString(
        width - MARGIN_X, y, _fit(where or "Leadership Development Plan", room, 8)
    )
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
        _draw_header(canvas, self.running, *doc.page_context())
        _draw_footer(canvas, self.running)


def _fit(text: str, room: float, size: float, font: str = REGULAR) -> str:
    """``text`` cut at a word with an ellipsis to fit ``room`` points; within its first
    word when even that is too wide."""
    if stringWidth(text, font, size) <= room:
        return text
    words = text.split()
    while len(words) > 1 and stringWidth(" ".join(words) + " …", font, size) > room:
        words.pop()
    if len(words) > 1:
        return " ".join(words) + " …"
    word = words[0] if words else ""
    while word and stringWidth(word + "…", font, size) > room:
        word = word[:-1]
    return word + "…"


# Flowables that only move the layout on: a page "begins" with the first other one.
_LAYOUT_ONLY = (ActionFlowable, Spacer)


@dataclass
class _Trail:
    """The marked headings the layout is inside, outermost first."""

    marks: list = field(default_factory=list)

    def enter(self, mark) -> None:
        self.marks = [m for m in self.marks if m.level < mark.level] + [mark]

    def running(self) -> str:
        return " · ".join(m.running for m in self.marks if m.running)


class PlanDocTemplate(BaseDocTemplate):
    """Records each marked heading: a named destination and outline entry, the page it
    lands on (for page references), and the trail the running header shows on pages
    that continue a part."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._trail = _Trail()
        self._carried = ""
        self._fresh_start: str | None = None
        self._page_started = False

    def beforePage(self):
        self._carried = self._trail.running()
        self._fresh_start = None
        self._page_started = False

    def afterFlowable(self, flowable: Flowable):
        mark = getattr(flowable, "mark", None)
        if mark is not None:
            canvas = self.canv
            canvas.addOutlineEntry(mark.title, mark.key, level=mark.level, closed=mark.level > 0)
            canvas.mark_pages.setdefault(mark.key, canvas.getPageNumber())
            self._trail.enter(mark)
        if not self._page_started and not isinstance(flowable, _LAYOUT_ONLY):
            self._page_started = True
            if mark is not None:
                self._fresh_start = self._trail.running()

    def page_context(self) -> tuple[str, bool]:
        """What this page belongs to, for the running header, and whether the page
        continues it from the page before."""
        if self._fresh_start is not None:
            return self._fresh_start, False
        return self._carried, bool(self._carried)


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
    target,
    running: RunningText,
    *,
    title: str,
    subject: str,
    keywords: tuple[str, ...] = (),
    invariant: bool = False,
) -> PlanDocTemplate:
    """A document with the cover and body templates and the PDF's metadata set.

    Args:
        target: a file name or a binary file object to write the PDF to.
        running: the header and footer text.
        title: the PDF title, shown in the reader's title bar.
        subject: the PDF subject.
        keywords: the PDF keywords.
        invariant: write reproducible output (fixed dates and ids) for tests.
    """
    doc = PlanDocTemplate(
        target,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=running.person,
        subject=subject,
        keywords=list(keywords),
        creator="Leadership Planner",
        # The body font from the first operator on, so no standard font (Helvetica,
        # which is never embedded) is named in the file.
        initialFontName=REGULAR,
        lang="en-GB",
        displayDocTitle=True,
        invariant=1 if invariant else 0,
        pageTemplates=[CoverTemplate(running), BodyTemplate(running)],
    )
    return doc
