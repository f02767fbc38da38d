"""The report's paragraphs break their lines once per width, and lay out as reportlab's."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as ReportlabParagraph

from planner.report.paragraph import Paragraph
from planner.report.styles import stylesheet

TEXT = "Agreed with the matron to lead the Tuesday huddle for a month, then review. " * 6


def _counted(paragraph: Paragraph) -> list[float]:
    widths: list[float] = []
    original = paragraph.breakLines

    def breaking(line_widths):
        widths.append(line_widths[-1])
        return original(line_widths)

    paragraph.breakLines = breaking
    return widths


def test_a_second_wrap_at_the_same_width_reuses_the_lines():
    style = stylesheet().body
    paragraph = Paragraph(TEXT, style)
    broken = _counted(paragraph)
    first = paragraph.wrap(300, 800)
    assert paragraph.wrap(300, 800) == first == ReportlabParagraph(TEXT, style).wrap(300, 800)
    # The same width by another sum (a table's column measured, then drawn).
    assert paragraph.wrap(100 + 150 + 50.000000000001, 800)[1] == first[1]
    assert len(broken) == 1
    # Another width breaks the lines again, to another height.
    narrow = paragraph.wrap(150, 800)
    assert narrow[1] > first[1] and len(broken) == 2
    assert paragraph.wrap(300, 800) == first and len(broken) == 3


def test_a_paragraph_refused_by_a_split_still_draws_after_wrapping_again():
    style = stylesheet().body
    paragraph = Paragraph(TEXT, style)
    width, height = paragraph.wrap(300, 800)
    # Room for one line only: reportlab refuses to leave an orphan and drops the lines
    # it worked out, so the next wrap must work them out again.
    assert paragraph.split(300, style.leading * 1.5) == []
    assert paragraph.wrap(300, 800) == (width, height)
    canvas = Canvas(io.BytesIO())
    paragraph.drawOn(canvas, 0, 0)
    parts = paragraph.split(300, height / 2)
    assert len(parts) == 2
    assert sum(part.wrap(300, 800)[1] for part in parts) == height


def test_a_width_too_narrow_for_text_is_refused_every_time():
    style = stylesheet().body
    paragraph = Paragraph(TEXT, style)
    refused = ReportlabParagraph(TEXT, style).wrap(0, 800)
    assert paragraph.wrap(0, 800) == refused
    assert paragraph.wrap(0, 800) == refused
    assert paragraph.wrap(300, 800) == ReportlabParagraph(TEXT, style).wrap(300, 800)
    assert paragraph.wrap(0, 800) == refused
