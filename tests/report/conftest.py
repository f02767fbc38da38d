"""Building development plan PDFs and reading them back as a reader's software would."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from planner.demo import demo_plan
from planner.domain.models import Plan, Profile
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework
from planner.report import build_pdf_bytes

TODAY = dt.date(2026, 6, 15)


@dataclass
class ReadBack:
    """A PDF as pypdf sees it: pages of text and the document information."""

    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        """All text with whitespace (line wrapping) collapsed, for searching."""
        return flat(" ".join(self.pages))

    @property
    def info(self):
        return self.reader.metadata


def outline(pdf: ReadBack) -> list[tuple[int, str, int]]:
    """The PDF's bookmarks in order: (level, title, 0-based page index)."""
    found: list[tuple[int, str, int]] = []

    def walk(items, level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, pdf.reader.get_destination_page_number(item)))

    walk(pdf.reader.outline, 0)
    return found


def page_of_section(pdf: ReadBack, title: str) -> int:
    """The 0-based index of the page where the bookmarked section ``title`` starts."""
    return next(page for _, name, page in outline(pdf) if name == title)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read_pdf(data: bytes) -> ReadBack:
    reader = PdfReader(io.BytesIO(data))
    return ReadBack(reader, [page.extract_text() for page in reader.pages])


def build(plan: Plan, **options) -> tuple[ReadBack, int]:
    """Builds ``plan``'s PDF (reproducibly) and reads it back; also returns the page count."""
    data, pages = build_pdf_bytes(plan, today=TODAY, invariant=True, **options)
    return read_pdf(data), pages


@pytest.fixture(scope="module")
def demo_pdf() -> tuple[ReadBack, int]:
    """The demo plan's PDF, built once per test module."""
    return build(demo_plan(TODAY))


@pytest.fixture
def empty_plan() -> Plan:
    return Plan(Profile(name="Zoë Adams"), load_framework(DEFAULT_FRAMEWORK_ID))
