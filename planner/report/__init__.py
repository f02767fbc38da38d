"""The PDF development plan (reportlab only, never Qt), carrying the plan it shows as a
``plan.json`` attachment.

Importing this package is cheap: reportlab and pypdf load on the first export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from pathlib import Path

from planner.domain.cycles import UnknownCycle
from planner.domain.export_privacy import EntryKey
from planner.domain.models import Plan
from planner.report.output import ExportError

__all__ = ["ExportError", "UnknownCycle", "build_pdf_bytes", "export_pdf"]


def build_pdf_bytes(
    plan: Plan,
    *,
    include_private: bool = False,
    skills: set[str] | None = None,
    today: dt.date | None = None,
    invariant: bool = False,
    leave_out: Collection[EntryKey] = (),
    cycle: int | str | None = None,
) -> tuple[bytes, int]:
    """The plan as PDF bytes and its page count (see :func:`export_pdf`).

    The pages show one cycle (``cycle``); the PDF carries the whole plan, every cycle,
    as its ``plan.json`` attachment, filtered as the pages are: the same skills,
    private reflections only when they are printed, and without the entries left out
    (``planner.domain.export_privacy.exported_plan``).

    Raises:
        UnknownCycle: ``cycle`` names no closed cycle of the plan.
    """
    from planner import planfile
    from planner.domain.cycles import find_cycle
    from planner.domain.export_privacy import exported_plan
    from planner.plan_attachment import attach_plan
    from planner.report.build import build_pdf_bytes as build

    number = find_cycle(plan, cycle)[0] if cycle is not None else None
    data, pages = build(
        plan,
        include_private=include_private,
        skills=skills,
        today=today,
        invariant=invariant,
        leave_out=leave_out,
        cycle_number=number,
    )
    shown = exported_plan(
        plan, include_private=include_private, skills=skills, leave_out=leave_out
    )
    # Reproducible output stamps the export date, not the moment.
    stamp = f"{(today or dt.date.today()).isoformat()}T00:00:00Z" if invariant else None
    return attach_plan(data, planfile.dumps(shown, exported_at=stamp).encode("utf-8")), pages


def export_pdf(
    plan: Plan,
    out: Path,
    *,
    include_private: bool = False,
    skills: set[str] | None = None,
    today: dt.date | None = None,
    leave_out: Collection[EntryKey] = (),
    cycle: int | str | None = None,
) -> int:
    """Writes the plan's development plan PDF to ``out``; returns the page count.

    The whole document, its ``plan.json`` attachment included, is made before the file
    is touched, then written through a temp file in the same folder, so a failure leaves
    any previous PDF as it was.

    Args:
        plan: the plan to export.
        out: the PDF file to write (replaced if it exists).
        include_private: include reflections marked private (left out by default).
        skills: the skill ids to include; ``None`` for every skill.
        today: the export date (default: today).
        leave_out: entries the user chose to leave out of this copy (kind and id).
        cycle: the cycle the pages show: ``None`` (the default) for the current
            cycle, or a closed cycle by its number (1 for the oldest, as the app
            numbers them: ``planner.domain.cycles.cycle_title``) or by its uid.

    Raises:
        ExportError: the file could not be written, or ``cycle`` names no closed
            cycle; the message says what to do.
    """
    from planner.report.output import write_pdf

    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder. Choose a file name ending in .pdf.")
    data, pages = laid_out(
        lambda: build_pdf_bytes(
            plan,
            include_private=include_private,
            skills=skills,
            today=today,
            leave_out=leave_out,
            cycle=cycle,
        )
    )
    write_pdf(data, out)
    return pages


def laid_out(make: Callable[[], tuple[bytes, int]]) -> tuple[bytes, int]:
    """``make()``'s PDF bytes and page count, with a missing font, a cycle the plan does
    not have, or a layout that cannot fit a page turned into an ``ExportError`` saying
    what to do."""
    from reportlab.platypus.doctemplate import LayoutError

    from planner.failures import log_traceback
    from planner.report.fonts import FontMissingError

    try:
        return make()
    except (FontMissingError, UnknownCycle) as exc:
        raise ExportError(str(exc)) from exc
    except LayoutError as exc:
        # The layout moves long text on and cuts names in tables; should some entry
        # still not fit a page, say so plainly (reportlab's message quotes the text).
        log_traceback(exc)
        raise ExportError(
            "Part of this plan is too large to fit on a page (perhaps a very long word or "
            "line), so the PDF was not saved. Shorten it and export again."
        ) from None
