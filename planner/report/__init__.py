"""The PDF development plan (reportlab only, never Qt).

Importing this package is cheap: reportlab loads on the first export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

from planner.domain.export_privacy import EntryKey
from planner.domain.models import Plan
from planner.report.output import ExportError

__all__ = ["ExportError", "build_pdf_bytes", "export_pdf"]


def build_pdf_bytes(
    plan: Plan,
    *,
    include_private: bool = False,
    skills: set[str] | None = None,
    today: dt.date | None = None,
    invariant: bool = False,
    leave_out: Collection[EntryKey] = (),
) -> tuple[bytes, int]:
    """The plan as PDF bytes and its page count (see :func:`export_pdf`)."""
    from planner.report.build import build_pdf_bytes as build

    return build(
        plan,
        include_private=include_private,
        skills=skills,
        today=today,
        invariant=invariant,
        leave_out=leave_out,
    )


def export_pdf(
    plan: Plan,
    out: Path,
    *,
    include_private: bool = False,
    skills: set[str] | None = None,
    today: dt.date | None = None,
    leave_out: Collection[EntryKey] = (),
) -> int:
    """Writes the plan's development plan PDF to ``out``; returns the page count.

    The whole document is laid out before the file is touched, then written through a
    temp file in the same folder, so a failure leaves any previous PDF as it was.

    Args:
        plan: the plan to export.
        out: the PDF file to write (replaced if it exists).
        include_private: include reflections marked private (left out by default).
        skills: the skill ids to include; ``None`` for every skill.
        today: the export date (default: today).
        leave_out: entries the user chose to leave out of this copy (kind and id).

    Raises:
        ExportError: the file could not be written; the message says what to do.
    """
    from planner.report.fonts import FontMissingError
    from planner.report.output import write_pdf

    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder. Choose a file name ending in .pdf.")
    try:
        data, pages = build_pdf_bytes(
            plan, include_private=include_private, skills=skills, today=today, leave_out=leave_out
        )
    except FontMissingError as exc:
        raise ExportError(str(exc)) from exc
    write_pdf(data, out)
    return pages
