"""The cover page: whose plan it is, their role and manager, the framework and period."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from planner.report.sections.context import ReportContext
from planner.report.sections.flow import cell
from planner.report.styles import BODY_WIDTH, DARK_BLUE, RULE
from planner.report.text import escape_plain, long_date, shorten

TITLE = "Leadership Development Plan"


def cover(ctx: ReportContext) -> list[Flowable]:
    """The cover's flowables, ending with a break to the first body page."""
    s = ctx.styles
    profile = ctx.plan.profile
    if profile.period_start or profile.period_end:
        period = (
            f"{long_date(profile.period_start) or '…'} to {long_date(profile.period_end) or '…'}"
        )
    else:
        period = ""
    details = [
        ("Role", profile.role),
        ("Profession", profile.profession),
        ("Organisation", profile.organisation),
        ("Line manager", profile.manager),
        ("Aiming for", profile.aspiration),
        ("Framework", ctx.plan.framework.name),
        ("Plan period", period),
        ("Exported", long_date(ctx.today)),
    ]
    rows = [
        [Paragraph(label, s.cover_label), cell(shorten(value, 300), s.cover_value)]
        for label, value in details
        if value
    ]
    table = Table(rows, colWidths=[38 * mm, BODY_WIDTH - 38 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (0, -1), 8),
            ]
        )
    )
    band = Table([[""]], colWidths=[BODY_WIDTH], rowHeights=[3 * mm])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), DARK_BLUE)]))
    story: list[Flowable] = [
        Spacer(1, 40 * mm),
        band,
        Spacer(1, 10 * mm),
        Paragraph(TITLE, s.cover_title),
        Paragraph(escape_plain(shorten(ctx.person, 200)), s.cover_name),
        Spacer(1, 12 * mm),
    ]
    if rows:
        story.append(table)
    selected = ctx.skill_ids is not None
    note = (
        "This plan sets out development goals for each leadership skill, progress so far, "
        "reflections on practice and reviews with the line manager. The last page is for "
        "the review conversation and sign-off."
    )
    if selected:
        names = ", ".join(shorten(sk.name, 80) for sk in ctx.skills) or "none"
        note += f" This copy covers selected skills only: {escape_plain(names)}."
    story += [Spacer(1, 14 * mm), Paragraph(note, s.intro)]
    story += [NextPageTemplate("body"), PageBreak()]
    return story
