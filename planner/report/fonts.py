"""The bundled Unicode font family (DejaVu Sans), registered with reportlab once.

reportlab's built-in Helvetica covers only Latin-1, so names such as Łukasz or Greek and
Cyrillic text need a TrueType font embedded in the PDF. The files are subsets (Latin,
Greek, Cyrillic and common symbols; ``scripts/subset_fonts.py``): reportlab parses every
glyph of a face when it is registered, at every export.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file

from planner.paths import resource

FAMILY = "PlannerSans"
REGULAR = "PlannerSans"
BOLD = "PlannerSans-Bold"
ITALIC = "PlannerSans-Italic"
BOLD_ITALIC = "PlannerSans-BoldItalic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


class FontMissingError(RuntimeError):
    """A bundled font file is missing: the installation is incomplete."""


@cache
def register_fonts() -> frozenset[int]:
    """Registers the family (once per process) and returns the code points it covers.

    The regular face's coverage stands for the family: the four subsets cover the
    same characters (a test checks it).

    Raises:
        FontMissingError: a font file is not where the installation should have put it.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    covered: frozenset[int] = frozenset()
    for name, filename in _FILES.items():
        try:
            # A real file for reportlab: as_file hands over the installed file itself,
            # or a temporary copy if the package were ever read from a zip.
            with as_file(resource("fonts", filename)) as path:
                font = TTFont(name, str(path))
        except (OSError, TTFError) as exc:
            raise FontMissingError(
                f"The font file {filename} is missing or damaged; reinstall Leadership Planner."
            ) from exc
        pdfmetrics.registerFont(font)
        if name == REGULAR:
            # Only the Basic Multilingual Plane: reportlab writes characters beyond it
            # (emoji) into the PDF's text map in a form readers cannot copy or search.
            covered = frozenset(c for c in font.face.charToGlyph if c <= 0xFFFF)
    # Lets <b> and <i> inside paragraphs pick the right face.
    addMapping(FAMILY, 0, 0, REGULAR)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return covered
