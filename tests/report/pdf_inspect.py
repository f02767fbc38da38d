"""Reading back each run of text a PDF draws, with its font and the size it appears at
on the page (text matrix times the current transformation), as a reader would see it."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader


@dataclass(frozen=True)
class TextRun:
    """One piece of text drawn on a page."""

    page: int  # 1-based
    text: str
    font: str  # the base font name without its subset prefix
    size: float  # the effective size in points
    x: float  # where the run starts, from the page's left edge
    y: float  # the baseline's height on the page, from the bottom

    @property
    def bold(self) -> bool:
        return "Bold" in self.font


def _multiply(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def text_runs(data: bytes) -> list[TextRun]:
    """Every non-blank run of text in the PDF, page by page, in drawing order."""
    reader = PdfReader(io.BytesIO(data))
    runs: list[TextRun] = []
    for number, page in enumerate(reader.pages, start=1):

        def visit(text, cm, tm, font_dict, font_size, number=number):
            if not text.strip() or font_dict is None:
                return
            matrix = _multiply(list(tm), list(cm))
            # The scale of the text space's vertical axis on the page.
            scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
            name = str(font_dict.get("/BaseFont", "")).lstrip("/")
            name = name.split("+", 1)[-1]
            size = round(font_size * scale, 2)
            runs.append(TextRun(number, text, name, size, matrix[4], matrix[5]))

        page.extract_text(visitor_text=visit)
    return runs


def sizes_on(runs: list[TextRun], page: int) -> set[float]:
    return {r.size for r in runs if r.page == page}


def smallest(runs: list[TextRun]) -> TextRun:
    return min(runs, key=lambda r: r.size)
