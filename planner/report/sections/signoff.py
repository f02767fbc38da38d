"""The last page: GROW prompts for the review conversation with room to write, changes to
goals, the next review date, a declaration and signature boxes, all on one page."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from planner.report.flowables import CanvasFlowable, stack_height
from planner.report.fonts import REGULAR
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import cell, layout_table
from planner.report.styles import BODY_HEIGHT, BODY_WIDTH, PALE, SMALL, WRITING_LINE
from planner.report.text import escape_plain, shorten

# GROW: the coaching conversation model (Goal, Reality, Options, Will / way forward).
GROW = (
    ("Goal", "What should this plan have achieved by the next review? What matters most?"),
    ("Reality", "Where are things now? What is going well, and what is getting in the way?"),
    ("Options", "What could be done differently? What support, learning or opportunities help?"),
    ("Will", "What will happen next, by when, and how will we both know it has happened?"),
)
CHANGES = (
    "Changes to goals",
    "Goals added, changed, closed or deferred at this review, and why.",
)
DECLARATION = (
    "We have discussed this plan and agree the goals, support and next steps recorded here."
)
# Lines to write on per box: as many as the page holds, up to the most that is useful
# and never fewer than one (the type stays its size; the boxes give way instead).
MOST_LINES = 4
LINE_GAP = 7.5 * mm
BOX_GAP = 3 * mm
# Every table names the body font for its cells (blank or not), or reportlab names
# its standard Helvetica in the PDF, a font it never embeds.
BLANK_CELLS = [("FONT", (0, 0), (-1, -1), REGULAR, SMALL)]
# Names are printed in full on the cover; here they must fit one line of a box.
NAME_LIMIT = 80


def sign_off(ctx: ReportContext) -> list[Flowable]:
    """The manager review and sign-off page, sized to stay on one page."""
    s = ctx.styles
    manager = shorten(ctx.plan.profile.manager, NAME_LIMIT)
    between = escape_plain(shorten(ctx.person, NAME_LIMIT))
    between += f" and {escape_plain(manager)}" if manager else " and their line manager"
    head: list[Flowable] = [
        Paragraph("Manager review and sign-off", s.h1),
        Paragraph(
            f"For the review conversation between {between}. Work through the prompts "
            "together, note what you agree, then both sign below.",
            s.intro,
        ),
    ]
    prompts = [*GROW, CHANGES]
    agreed: list[Flowable] = [
        Paragraph("Agreed and signed", s.h2),
        Paragraph(DECLARATION, s.body),
        Spacer(1, 1 * mm),
        _next_review(ctx),
        Spacer(1, 3 * mm),
        _signatures(ctx),
    ]
    # Whatever is left after the fixed parts is shared out as writing lines, so the
    # signatures always share the page with the prompts they sign.
    fixed = stack_height(head) + stack_height(agreed)
    fixed += sum(stack_height([_writing_box(ctx, w, p, 0)]) + BOX_GAP for w, p in prompts)
    room = BODY_HEIGHT - fixed - 2 * mm  # a little slack for rounding
    per_box = _share_lines(int(room // LINE_GAP), len(prompts))
    story: list[Flowable] = [PageBreak(), *head]
    for (word, prompt), lines in zip(prompts, per_box, strict=True):
        story.append(_writing_box(ctx, word, prompt, lines))
        story.append(Spacer(1, BOX_GAP))
    return story + agreed


def _share_lines(total: int, boxes: int) -> list[int]:
    """``total`` writing lines shared among the boxes, the earlier boxes taking any
    remainder, each box at least one line and at most MOST_LINES."""
    base, extra = divmod(max(total, boxes), boxes)
    return [max(1, min(MOST_LINES, base + (n < extra))) for n in range(boxes)]


class _RuledLines(CanvasFlowable):
    """Lines to write on by hand, dark enough to print on any office printer."""

    def __init__(self, width: float, count: int):
        super().__init__(width, LINE_GAP * count)
        self.count = count

    def paint(self, canvas) -> None:
        canvas.setStrokeColor(WRITING_LINE)
        canvas.setLineWidth(0.6)
        for n in range(self.count):
            y = n * LINE_GAP + 1
            canvas.line(0, y, self.width, y)


def _writing_box(ctx: ReportContext, word: str, prompt: str, lines: int) -> Table:
    s = ctx.styles
    inner = BODY_WIDTH - 12
    rows: list[list] = [
        [Paragraph(f"<b>{word}</b>  <font color='#4C6272'>{prompt}</font>", s.body)]
    ]
    if lines:
        rows.append([_RuledLines(inner, lines)])
    style = [
        *BLANK_CELLS,
        ("BOX", (0, 0), (-1, -1), 0.6, WRITING_LINE),
        ("BACKGROUND", (0, 0), (-1, 0), PALE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, WRITING_LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, 0), 3),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
    ]
    if lines:
        style += [("TOPPADDING", (0, 1), (-1, 1), 2), ("BOTTOMPADDING", (0, 1), (-1, 1), 3)]
    return layout_table(rows, colWidths=[BODY_WIDTH], hAlign="LEFT", style=style)


def _next_review(ctx: ReportContext) -> Table:
    s = ctx.styles
    return layout_table(
        [[Paragraph("Next review date", s.cell_head), ""]],
        colWidths=[34 * mm, 50 * mm],
        rowHeights=[10 * mm],
        hAlign="LEFT",
        style=[
            *BLANK_CELLS,
            ("BOX", (1, 0), (1, 0), 0.6, WRITING_LINE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
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
            cell(shorten(ctx.person, NAME_LIMIT), s.cell),
            cell(shorten(profile.manager, NAME_LIMIT), s.cell),
        ],
        [Paragraph("Date", s.cell_head), "", ""],
    ]
    return layout_table(
        rows,
        colWidths=[label_width, column, column],
        rowHeights=[None, 16 * mm, 10 * mm, 10 * mm],
        hAlign="LEFT",
        style=[
            *BLANK_CELLS,
            ("GRID", (1, 1), (-1, -1), 0.6, WRITING_LINE),
            ("LINEBELOW", (1, 0), (-1, 0), 0.6, WRITING_LINE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 1), (-1, -1), 5),
        ],
    )
