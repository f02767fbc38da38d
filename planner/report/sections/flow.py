"""Small flowable builders shared by the sections: user text that can flow across
pages, labelled fields and the house table style."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from planner.report.fonts import BOLD, REGULAR
from planner.report.links import PageRef
from planner.report.paragraph import Paragraph
from planner.report.styles import BODY_WIDTH, DARK_BLUE, GREY, INK, PALE, RULE, SMALL
from planner.report.text import blocks, markup

# The column of page references ("p. 12") beside a table or a line.
PAGE_COLUMN = 12 * mm
# A table row taller than a page cannot split, so text longer than this moves out of
# table cells into flowing paragraphs.
CELL_TEXT_LIMIT = 900
CELL_LINE_LIMIT = 12
# Past this many characters a name (a goal's, a skill's) cannot fit a table row that
# must stay on one page: it is cut there and printed in full in its own heading.
LONGEST_CELL = 300


def lead_in(*flowables: Flowable, room: float = 45 * mm) -> list[Flowable]:
    """Flowables that introduce a long table (a heading, a chart): on a new page unless
    ``room`` is left, and not tied to the table, which then splits where it starts.

    Tied with keep-with-next, reportlab would move heading and table whole to the
    next page whenever the table is longer than the space left, leaving a gap.
    """
    for flowable in flowables:
        flowable.keepWithNext = 0
    return [CondPageBreak(room), *flowables]


def paragraphs(text: str | None, style: ParagraphStyle, empty: str = "") -> list[Flowable]:
    """User text as one paragraph per block, each able to split across pages."""
    parts = blocks(text)
    if not parts and empty:
        return [Paragraph(empty, style)]
    return [Paragraph(part, style) for part in parts]


def field(label: str, text: str | None, label_style, body_style) -> list[Flowable]:
    """A labelled piece of user text; nothing at all when the text is empty."""
    parts = paragraphs(text, body_style)
    if not parts:
        return []
    return [Paragraph(label, label_style), *parts]


def cell(text: str | None, style: ParagraphStyle) -> Paragraph:
    """A table cell holding user text (callers keep it short, see CELL_TEXT_LIMIT)."""
    return Paragraph(markup(text), style)


def layout_table(data, colWidths=None, *, style=(), **kwargs) -> Table:
    """A table for layout, any plain cells in the document's font: reportlab's default
    cell font is Helvetica, a standard font that is never embedded."""
    commands = [("FONT", (0, 0), (-1, -1), REGULAR, SMALL), *style]
    return Table(data, colWidths=colWidths, style=commands, **kwargs)


# The fewest rows of a table's body left on either side of a page break.
MIN_ROWS_AT_BREAK = 2


class GridTable(Table):
    """A table that never leaves one row of its body alone at the foot or the top of a
    page (a lone row overleaf reads as part of whatever follows it)."""

    def __init__(self, data, *args, **kwargs):
        # reportlab makes each part of a split table with this class and the part's rows.
        self.row_count = len(data)
        super().__init__(data, *args, **kwargs)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2 or self.splitInRow:
            return parts
        header = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        before = parts[0].row_count - header
        after = parts[1].row_count - header
        if before < MIN_ROWS_AT_BREAK:
            return []  # the whole table starts on the next page
        if after >= MIN_ROWS_AT_BREAK:
            return parts
        # Break a row earlier (the first part ends where its last row begins), so the
        # next page starts with two rows.
        shorter = parts[0].wrap(availWidth, availHeight)[1] - 1
        parts = super().split(availWidth, shorter)
        if len(parts) != 2 or parts[0].row_count - header < MIN_ROWS_AT_BREAK:
            return []
        return parts


def grid(
    rows: list[list],
    widths: list[float],
    *,
    header: bool = True,
    extra: list[tuple] | None = None,
    split_in_row: bool = False,
) -> Table:
    """A table in the house style: a shaded heading row and light rules between rows.

    With ``split_in_row`` a row taller than the page splits across pages.
    """
    table = GridTable(
        rows,
        colWidths=widths,
        repeatRows=1 if header else 0,
        hAlign="LEFT",
        splitInRow=1 if split_in_row else 0,
    )
    commands: list[tuple] = [
        # For plain-string cells (dates, figures): cheaper than paragraphs to lay out.
        ("FONT", (0, 0), (-1, -1), REGULAR, SMALL, 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), BOLD, SMALL, 10.5),
            ("TEXTCOLOR", (0, 0), (-1, 0), GREY),
            ("BACKGROUND", (0, 0), (-1, 0), PALE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
        ]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def ref_line(content: Flowable, key: str) -> Table:
    """A line of content with the page of mark ``key`` at its right."""
    return layout_table(
        [[content, PageRef(key)]],
        colWidths=[BODY_WIDTH - PAGE_COLUMN, PAGE_COLUMN],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )


def label_pairs(rows: list[list], label_width: float, width: float, **kwargs) -> Table:
    """Rows of a label and its value, ruled between rows (the covers' facts)."""
    return layout_table(
        rows,
        colWidths=[label_width, width - label_width],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
        ],
        **kwargs,
    )


def panel(rows: list[list]) -> Table:
    """A shaded box edged in dark blue, one flowable a row (a cover's summary)."""
    return layout_table(
        rows,
        colWidths=[BODY_WIDTH],
        hAlign="LEFT",
        style=[
            ("BOX", (0, 0), (-1, -1), 0.8, DARK_BLUE),
            ("BACKGROUND", (0, 0), (-1, -1), PALE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, 0), 2),
        ],
    )


def ruled_box(content: Flowable) -> Table:
    """``content`` in a heavy black rule: a notice that must survive greyscale printing
    (a copy that includes private reflections says so in one)."""
    return layout_table(
        [[content]],
        colWidths=[BODY_WIDTH],
        hAlign="LEFT",
        style=[
            ("BOX", (0, 0), (-1, -1), 1.2, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
    )
