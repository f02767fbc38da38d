"""The cover page: whose plan it is, their role and manager, the framework and period."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from planner.domain.models import GOAL_STATUSES, STATUS_LABELS
from planner.report.links import Mark, goal_key, linked, marked
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.cycles import covers, standing_lines
from planner.report.sections.flow import cell, label_pairs, layout_table, panel, ruled_box
from planner.report.sections.requests import (
    NEEDS_TITLE,
    reviewed_with,
    support_requests,
)
from planner.report.styles import BODY_WIDTH, DARK_BLUE, RULE
from planner.report.text import escape_plain, inline, printable, short_date, shorten

TITLE = "Leadership Development Plan"
TOP_REQUESTS = 3
STANDS = "Where things stand"
STOOD = "Where things stood at the cycle's end"


def cover(ctx: ReportContext) -> list[Flowable]:
    """The cover's flowables, ending with a break to the first body page."""
    s = ctx.styles
    profile = ctx.plan.profile
    details = [
        ("Role", profile.role),
        ("Profession", profile.profession),
        ("Organisation", profile.organisation),
        ("Line manager", profile.manager),
        ("Aiming for", profile.aspiration),
        ("Framework", ctx.plan.framework.name),
        ("Exported", short_date(ctx.today)),
    ]
    rows = [
        [Paragraph(label, s.cover_label), cell(value, s.cover_value)]
        for label, value in details
        if value
    ]
    table = layout_table(
        rows, colWidths=[38 * mm, BODY_WIDTH - 38 * mm], hAlign="LEFT", splitInRow=1
    )
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
    band = layout_table([[[]]], colWidths=[BODY_WIDTH], rowHeights=[3 * mm])
    band.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), DARK_BLUE)]))
    story: list[Flowable] = [
        Spacer(1, 12 * mm),
        band,
        Spacer(1, 6 * mm),
        marked(TITLE, s.cover_title, Mark("cover", "Cover: where things stand", 0)),
        # In full: the one place the whole name is printed (headers and boxes cut it).
        Paragraph(inline(ctx.person), s.cover_name),
    ]
    period = covers(ctx)
    if period:
        story.append(Paragraph(period, s.body))
    story.append(Spacer(1, 4 * mm))
    if rows:
        story.append(table)
    story += [Spacer(1, 6 * mm), *_standing(ctx)]
    if ctx.private_printed:
        story += [Spacer(1, 4 * mm), _private_banner(ctx)]
    fw = ctx.plan.framework
    # The framework's words come from plan files too: text, not markup.
    singular, plural = escape_plain(fw.part_singular), escape_plain(fw.part_plural)
    first = (
        "how the cycle ended, every goal in one table with its outcome"
        if ctx.closed
        else "what the plan asks of the line manager, every goal in one table"
    )
    note = (
        f"Contents: {first}, the self-assessment, each {singular}'s goals in detail, "
        "reviews, reflections, and a sign-off page for the review conversation."
    )
    if ctx.skill_ids is not None and len(ctx.skills) < len(ctx.plan.framework.skills):
        names = ", ".join(sk.name for sk in ctx.skills) or "none"
        note += f" This copy covers only some {plural}: {escape_plain(printable(names))}."
    story += [Spacer(1, 6 * mm), Paragraph(note, s.intro)]
    story += [NextPageTemplate("body"), PageBreak()]
    return story


def _standing(ctx: ReportContext) -> list[Flowable]:
    """The box that answers "where are we?" in a few lines."""
    s = ctx.styles
    # A closed cycle's box says how it ended; nothing in it is open or planned now.
    lines = ([] if ctx.closed else [("Goals", _goal_status(ctx))]) + standing_lines(ctx)
    last = ctx.last_review
    if last is not None:
        lines.append(("Last review", f"{short_date(last.date)}{reviewed_with(last)}"))
    else:
        lines.append(("Last review", "None recorded yet"))
    if not ctx.closed:
        lines += _ahead(ctx)
    rows = [[Paragraph(label, s.cover_label), Paragraph(text, s.body)] for label, text in lines]
    return [panel([[Paragraph(STOOD if ctx.closed else STANDS, s.h2)], [_pairs(rows)]])]


def _goal_status(ctx: ReportContext) -> str:
    goals = ctx.goals
    if not goals:
        return "No goals set yet."
    counts = [
        (sum(1 for g in goals if g.status == status), STATUS_LABELS[status].lower())
        for status in GOAL_STATUSES
    ]
    parts = [f"{n} {label}" for n, label in counts if n]
    overdue = len(ctx.overdue())
    status = f"{len(goals)} goal{'s' if len(goals) != 1 else ''}: {', '.join(parts)}"
    return status + (f"; <b>{overdue} overdue</b>." if overdue else "; none overdue.")


def _ahead(ctx: ReportContext) -> list[tuple[str, str]]:
    """The next review and the top requests: what the current cycle asks for next."""
    lines = []
    last = ctx.last_review
    planned = last.next_review if last else None
    lines.append(("Next review", f"<b>{short_date(planned)}</b>" if planned else "Not planned yet"))
    asking = support_requests(ctx)
    if asking:
        top = asking[:TOP_REQUESTS]
        items = "<br/>".join(
            f"• {inline(shorten(g.support, 110))} <font color='#4C6272'>(for: "
            f"{linked(inline(shorten(g.title, 70)), goal_key(g))})</font>"
            for g in top
        )
        more = len(asking) - len(top)
        if more:
            items += f"<br/>and {more} more in <i>{NEEDS_TITLE}</i>"
        lines.append(("Top requests", items))
    else:
        lines.append(("Top requests", "No support asked for on open goals"))
    return lines


def _pairs(rows: list[list]) -> Table:
    return label_pairs(rows, 34 * mm, BODY_WIDTH - 16)


def _private_banner(ctx: ReportContext) -> Table:
    s = ctx.styles
    count = ctx.private_printed
    if count == 1:
        what = "1 private reflection.</b> It was written for the clinician's own learning "
        what += "and is marked Private where it appears."
    else:
        what = f"{count} private reflections.</b> They were written for the clinician's own "
        what += "learning and are marked Private where they appear."
    text = f"<b>This copy includes {what} Keep this copy between the people it names."
    return ruled_box(Paragraph(text, s.body))
