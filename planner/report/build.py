"""Assembles the sections into the development plan PDF, in reading order."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection

from reportlab.platypus import PageBreak

from planner.domain.cycles import cycle_plan, cycle_title
from planner.domain.export_privacy import EntryKey, without_entries
from planner.domain.models import Plan
from planner.report.links import Anchor, Mark
from planner.report.sections.context import ReportContext
from planner.report.sections.cover import TITLE, cover
from planner.report.sections.cycles import cycle_ended, last_cycle
from planner.report.sections.glance import at_a_glance
from planner.report.sections.goals_table import goals_table
from planner.report.sections.journal import reflections, reviews
from planner.report.sections.requests import requests, since_last_review
from planner.report.sections.signoff import sign_off
from planner.report.sections.skills import skill_sections
from planner.report.templates import NumberedCanvas, RunningText, plan_document
from planner.report.text import short_date, shorten

GLANCE = "At a glance"
SIGN_OFF = "Manager review and sign-off"
KEYWORDS = ("personal development plan", "leadership", "NHS", "appraisal")


def build_pdf_bytes(
    plan: Plan,
    *,
    include_private: bool = False,
    skills: set[str] | None = None,
    today: dt.date | None = None,
    invariant: bool = False,
    leave_out: Collection[EntryKey] = (),
    cycle_number: int | None = None,
) -> tuple[bytes, int]:
    """Lays out the plan and returns the PDF's bytes and its page count.

    Args:
        plan: the plan to print.
        include_private: include reflections marked private.
        skills: the skill ids to include (``None``: every skill).
        today: the export date (default: today), used for "overdue" and "due soon".
        invariant: reproducible output for tests (fixed creation date and ids).
        leave_out: entries left out of this copy (see ``without_entries``).
        cycle_number: the closed cycle to print, 1 for the oldest (``None``: the
            current cycle).
    """
    today = today or dt.date.today()
    plan = without_entries(plan, leave_out)
    # Taken from the plan without the entries left out: their outcomes are gone too.
    cycle = plan.cycles[cycle_number - 1] if cycle_number else None
    so_far = [r for r in plan.reviews if cycle is None or r.date <= cycle.end]
    plan = cycle_plan(plan, cycle)
    ctx = ReportContext(
        plan,
        today,
        include_private,
        set(skills) if skills is not None else None,
        cycle=cycle,
        cycle_number=cycle_number,
        reviews_so_far=so_far,
    )
    running = RunningText(
        person=shorten(ctx.person, 90),
        exported=short_date(today),
        private_included=bool(ctx.private_printed),
        cycle=f"{cycle_title(cycle_number or 0, cycle)} (closed)" if cycle else "",
    )
    out = io.BytesIO()
    doc = plan_document(
        out,
        running,
        title=f"{TITLE}: {shorten(ctx.person, 120)}"
        + (f" ({cycle_title(cycle_number or 0, cycle)})" if cycle else ""),
        subject=f"Personal leadership development plan using {shorten(plan.framework.name, 120)}",
        keywords=KEYWORDS,
        invariant=invariant,
    )
    # In the order a manager reads: where things stand and what is asked of them
    # first, the detail after, the sign-off last.
    if ctx.closed:
        # A closed cycle asks nothing more of the manager: how it ended comes first.
        story = cover(ctx) + cycle_ended(ctx) + since_last_review(ctx)
    else:
        story = cover(ctx) + requests(ctx) + since_last_review(ctx) + last_cycle(ctx)
    story += goals_table(ctx)
    story += [PageBreak(), Anchor(Mark("glance", GLANCE, 0, GLANCE)), *at_a_glance(ctx)]
    story += skill_sections(ctx) + reviews(ctx) + reflections(ctx)
    signing = sign_off(ctx)
    # After its page break, so the bookmark opens the sign-off page.
    story += [signing[0], Anchor(Mark("sign-off", SIGN_OFF, 0, SIGN_OFF)), *signing[1:]]
    doc.build(story, canvasmaker=NumberedCanvas)
    return out.getvalue(), doc.page
