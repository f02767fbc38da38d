"""The last page: GROW prompts for the review conversation, with room to write, and
signature, name and date boxes for the clinician and the manager."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from planner.report.flowables import CanvasFlowable
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import cell
from planner.report.styles import BODY_WIDTH, GREY, MID_GREY, PALE, RULE
from planner.report.text import escape_plain, shorten

# GROW: the coaching conversation model (Goal, Reality, Options, Will / way forward).
GROW = (
    ("Goal", "What should this plan have achieved by the next review? What matters most?"),
    ("Reality", "Where are things now? What is going well, and what is getting in the way?"),
    ("Options", "What could be done differently? What support, learning or opportunities help?"),
    ("Will", "What will happen next, by when, and how will we both know it has happened?"),
)
WRITING_LINES = 4


def sign_off(ctx: ReportContext) -> list[Flowable]:
    """The manager review and sign-off page."""
    s = ctx.styles
    manager = shorten(ctx.plan.profile.manager, 80)
    between = f"{escape_plain(shorten(ctx.person, 80))}"
    between += f" and {escape_plain(manager)}" if manager else " and their line manager"
    story: list[Flowable] = [
        PageBreak(),
        Paragraph("Manager review and sign-off", s.h1),
        Paragraph(
            f"For the review conversation between {between}. Work through the prompts "
            "together, note what you agree, then both sign below.",
            s.intro,
        ),
    ]
    for word, prompt in GROW:
        story.append(_writing_box(ctx, word, prompt))
        story.append(Spacer(1, 3 * mm))
    story.append(Spacer(1, 3 * mm))
    story.append(KeepTogether([Paragraph("Agreed and signed", s.h2), _signatures(ctx)]))
    return story


class _RuledLines(CanvasFlowable):
    """Lines to write on by hand."""

    GAP = 7.5 * mm

    def __init__(self, width: float):
        super().__init__(width, self.GAP * WRITING_LINES)

    def paint(self, canvas) -> None:
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        for n in range(WRITING_LINES):
            y = n * self.GAP + 1
            canvas.line(0, y, self.width, y)


def _writing_box(ctx: ReportContext, word: str, prompt: str) -> Table:
    s = ctx.styles
    inner = BODY_WIDTH - 12
    return Table(
        [
            [Paragraph(f"<b>{word}</b>  <font color='#4C6272'>{prompt}</font>", s.small)],
            [_RuledLines(inner)],
        ],
        colWidths=[BODY_WIDTH],
        hAlign="LEFT",
        style=[
            ("BOX", (0, 0), (-1, -1), 0.6, MID_GREY),
            ("BACKGROUND", (0, 0), (-1, 0), PALE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, 0), 4),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
            ("TOPPADDING", (0, 1), (-1, 1), 2),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 3),
        ],
    )


def _signatures(ctx: ReportContext) -> Table:
    s = ctx.styles
    profile = ctx.plan.profile
    label_width = 26 * mm
    column = (BODY_WIDTH - label_width) / 2
    rows = [
        ["", Paragraph("Clinician", s.cell_head), Paragraph("Line manager", s.cell_head)],
        [Paragraph("Signature", s.cell_head), "", ""],
        [
            Paragraph("Name", s.cell_head),
            cell(shorten(ctx.person, 80), s.cell),
            cell(shorten(profile.manager, 80), s.cell),
        ],
        [Paragraph("Date", s.cell_head), "", ""],
    ]
    return Table(
        rows,
        colWidths=[label_width, column, column],
        rowHeights=[None, 18 * mm, 11 * mm, 11 * mm],
        hAlign="LEFT",
        style=[
            ("GRID", (1, 1), (-1, -1), 0.6, MID_GREY),
            ("LINEBELOW", (1, 0), (-1, 0), 0.6, GREY),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 1), (-1, -1), 5),
        ],
    )
