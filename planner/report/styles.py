"""The stylesheet: paragraph styles inheriting through ``parent=``, page geometry and
colours chosen to stay distinct when the plan is printed in black and white."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from planner.report.fonts import BOLD, FAMILY, ITALIC, REGULAR, register_fonts

PAGE_SIZE = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
BODY_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X
BODY_HEIGHT = PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM

# NHS identity colours; each sits at a clearly different grey level when printed
# in black and white (ink: dark blue ~ 80 %, blue ~ 65 %, grey ~ 55 %, pale ~ 10 %).
INK = colors.HexColor("#212B32")
DARK_BLUE = colors.HexColor("#003087")
BLUE = colors.HexColor("#005EB8")
GREY = colors.HexColor("#4C6272")
MID_GREY = colors.HexColor("#AEB7BD")
RULE = colors.HexColor("#D8DDE0")
PALE = colors.HexColor("#F0F4F5")
WHITE = colors.white
# Ruled lines to write on: 4.6:1 against white, so they print on any office printer
# and stay visible in greyscale (the RULE grey is only for light dividers).
WRITING_LINE = colors.HexColor("#768692")

# The document's five type sizes. Nothing is ever shrunk to fit: layout moves what
# does not fit to the next page instead. Body text stays at TEXT (at least 9 pt);
# tables, charts and the running header and footer at SMALL (at least 7 pt).
DISPLAY = 28
TITLE = 18
HEADING = 13
TEXT = 10
SMALL = 8


@dataclass(frozen=True)
class Styles:
    """The document's paragraph styles, by role."""

    cover_title: ParagraphStyle
    cover_name: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    list_heading: ParagraphStyle
    h3: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    intro: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    check: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    prompt: ParagraphStyle


@cache
def stylesheet() -> Styles:
    """The styles (built once; they hold no per-document state)."""
    register_fonts()
    base = ParagraphStyle(
        "Base",
        fontName=FAMILY,
        bulletFontName=REGULAR,
        fontSize=TEXT,
        leading=14,
        textColor=INK,
        alignment=TA_LEFT,
        splitLongWords=1,
        # No paragraph leaves its last line alone at the top of the next page.
        allowWidows=0,
    )
    body = ParagraphStyle("Body", parent=base, spaceAfter=5)
    heading = ParagraphStyle("Heading", parent=base, fontName=BOLD, keepWithNext=1)
    h1 = ParagraphStyle(
        "H1",
        parent=heading,
        fontSize=TITLE,
        leading=22,
        textColor=DARK_BLUE,
        spaceBefore=14,
        spaceAfter=8,
    )
    h2 = ParagraphStyle(
        "H2",
        parent=heading,
        fontSize=HEADING,
        leading=17,
        textColor=DARK_BLUE,
        spaceBefore=10,
        spaceAfter=4,
    )
    h3 = ParagraphStyle("H3", parent=heading, spaceBefore=8, spaceAfter=3)
    label = ParagraphStyle("Label", parent=heading, textColor=GREY, spaceBefore=4, spaceAfter=1)
    # Paragraphs of secondary text keep the body size and differ by colour and slant.
    small = ParagraphStyle("Small", parent=base, leading=13)
    cell = ParagraphStyle("Cell", parent=base, fontSize=SMALL, leading=10.5)
    cover_label = ParagraphStyle(
        "CoverLabel", parent=label, fontSize=SMALL, leading=11, spaceBefore=0
    )
    return Styles(
        cover_title=ParagraphStyle(
            "CoverTitle", parent=h1, fontSize=DISPLAY, leading=34, spaceAfter=14
        ),
        cover_name=ParagraphStyle(
            "CoverName", parent=base, fontSize=TITLE, leading=23, spaceAfter=4
        ),
        cover_label=cover_label,
        cover_value=ParagraphStyle("CoverValue", parent=base, leading=14),
        h1=h1,
        h2=h2,
        # Above a long table that may split: CondPageBreak keeps it off a page foot.
        list_heading=ParagraphStyle("ListHeading", parent=h2, keepWithNext=0),
        h3=h3,
        label=label,
        body=body,
        intro=ParagraphStyle("Intro", parent=body, textColor=GREY, spaceAfter=8),
        small=small,
        muted=ParagraphStyle("Muted", parent=small, textColor=GREY, fontName=ITALIC),
        check=ParagraphStyle(
            "Check",
            parent=body,
            leftIndent=16,
            bulletIndent=2,
            bulletFontName=REGULAR,
            bulletFontSize=TEXT,
            spaceAfter=2,
        ),
        bullet=ParagraphStyle("Bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2),
        cell=cell,
        cell_bold=ParagraphStyle("CellBold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("CellRight", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("CellHead", parent=cell, fontName=BOLD, textColor=GREY),
        cell_head_right=ParagraphStyle(
            "CellHeadRight", parent=cell, fontName=BOLD, textColor=GREY, alignment=TA_RIGHT
        ),
        prompt=ParagraphStyle("Prompt", parent=small, textColor=GREY, alignment=TA_LEFT),
    )
