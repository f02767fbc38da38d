"""Small flowable builders shared by the sections: user text that can flow across
pages, labelled fields and the house table style."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from planner.report.styles import BODY_HEIGHT, GREY, PALE, RULE
from planner.report.text import blocks, markup

# A table row taller than a page cannot split, so text longer than this moves out of
# table cells into flowing paragraphs.
CELL_TEXT_LIMIT = 900


class KeepWhole(KeepTogether):
    """Moves its content to the next page when it fits on one page but not in the space
    left; content longer than any page starts where it is instead, so it never leaves
    a blank page behind (reportlab's KeepTogether would break the page first)."""

    def __init__(self, flowables: list[Flowable], min_start: float = 50 * mm):
        super().__init__(flowables)
        self.min_start = min_start

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        page_height = getattr(frame, "_height", BODY_HEIGHT)
        if getattr(self, "_H", 0) > page_height and aH >= self.min_start:
            # A leading no-op tells the frame not to expect the first piece to fit whole.
            return [self.NullActionFlowable(), *self._content]
        return super().split(aW, aH)


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


def grid(
    rows: list[list],
    widths: list[float],
    *,
    header: bool = True,
    extra: list[tuple] | None = None,
) -> Table:
    """A table in the house style: a shaded heading row and light rules between rows."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), PALE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
        ]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table
