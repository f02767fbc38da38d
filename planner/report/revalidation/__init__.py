"""The revalidation and appraisal exports (reportlab only): the NMC record and the
appraisal record as PDFs, written as safely as the development plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.domain.models import Plan
from planner.report import ExportError, laid_out

__all__ = ["BODIES", "export_revalidation"]

BODIES = ("nmc", "gmc")


def export_revalidation(
    plan: Plan,
    out: Path,
    body: str,
    *,
    include_private: bool = False,
    today: dt.date | None = None,
) -> int:
    """Writes the record for ``body`` ("nmc" or "gmc") to ``out``; returns the page count.

    A target that is a folder or a database is refused before anything is laid out;
    the whole PDF is made first, then written through a temp file renamed over ``out``.

    Raises:
        ExportError: the file could not be written; the message says what to do.
    """
    from planner.files import UnsafeTargetError, refuse_database_target
    from planner.report.output import write_pdf
    from planner.report.revalidation.build import build_revalidation_bytes

    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder. Choose a file name ending in .pdf.")
    try:
        refuse_database_target(out)
    except UnsafeTargetError as exc:
        raise ExportError(str(exc)) from None
    data, pages = laid_out(
        lambda: build_revalidation_bytes(plan, body, include_private=include_private, today=today)
    )
    write_pdf(data, out)
    return pages
