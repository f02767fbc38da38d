"""The cover of a revalidation or appraisal export: whose record it is, the period
counted, and what the record holds against what the regulator asks for, with what
the app cannot know. It never says the person has revalidated."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer

from planner.domain.cycles import period_text
from planner.domain.learning import REGULATORS, hours_text
from planner.domain.revalidation import Requirement
from planner.report.links import Mark, marked
from planner.report.paragraph import Paragraph
from planner.report.revalidation.context import RevalidationContext
from planner.report.sections.flow import cell, label_pairs, layout_table, panel, ruled_box
from planner.report.styles import BODY_WIDTH, DARK_BLUE
from planner.report.text import escape_plain, inline, short_date

TITLES = {
    "nmc": "NMC revalidation record",
    "gmc": "Appraisal record",
}
DATE_LABELS = {"nmc": "Revalidation date", "gmc": "Appraisal date"}
NOT_A_SUBMISSION = {
    "nmc": (
        "This record counts what has been entered in Leadership Planner. It is not a "
        "submission to the NMC: revalidation is applied for through NMC Online, and "
        "practice hours, the health and character declaration, indemnity and "
        "confirmation are not recorded here."
    ),
    "gmc": (
        "This record counts what has been entered in Leadership Planner. It is not an "
        "appraisal form and is not sent to the GMC or a responsible officer; the appraisal "
        "itself and its sign-off happen outside this app."
    ),
}


def _line(requirement: Requirement) -> str:
    unit = f" {requirement.unit}" if requirement.unit else ""
    have = f"{hours_text(requirement.have)} of {hours_text(requirement.need)}{unit}"
    if requirement.met:
        state = "<b>Recorded</b>"
    else:
        state = f"<b>{hours_text(requirement.missing)}{unit} still to record</b>"
    note = f"<br/><font color='#4C6272'>{escape_plain(requirement.note)}</font>"
    return f"{have}: {state}{note if requirement.note else ''}"


def cover(ctx: RevalidationContext) -> list[Flowable]:
    """The cover's flowables, ending with a break to the first body page."""
    s = ctx.styles
    profile = ctx.plan.profile
    view = ctx.view
    details = [
        ("Role", profile.role),
        ("Profession", profile.profession),
        ("Organisation", profile.organisation),
        ("Regulator", REGULATORS.get(profile.regulator, "") if profile.regulator else ""),
        (DATE_LABELS[ctx.body], short_date(profile.revalidation_date) or "Not set"),
        ("Period counted", period_text(view.start, view.end)),
        ("Exported", short_date(ctx.today)),
    ]
    rows = [
        [Paragraph(label, s.cover_label), cell(value, s.cover_value)]
        for label, value in details
        if value
    ]
    band = layout_table([[[]]], colWidths=[BODY_WIDTH], rowHeights=[3 * mm])
    band.setStyle([("BACKGROUND", (0, 0), (-1, -1), DARK_BLUE)])
    title = TITLES[ctx.body]
    story: list[Flowable] = [
        Spacer(1, 8 * mm),
        band,
        Spacer(1, 5 * mm),
        marked(title, s.cover_title, Mark("cover", "Cover: what the record holds", 0)),
        Paragraph(inline(ctx.person), s.cover_name),
        Spacer(1, 3 * mm),
        label_pairs(rows, 38 * mm, BODY_WIDTH, splitInRow=1),
        Spacer(1, 5 * mm),
        _summary(ctx),
    ]
    if ctx.private_printed:
        count = ctx.private_printed
        story += [Spacer(1, 4 * mm), _private_banner(ctx, count)]
    story += [
        Spacer(1, 4 * mm),
        Paragraph(escape_plain(NOT_A_SUBMISSION[ctx.body]), s.intro),
        NextPageTemplate("body"),
        PageBreak(),
    ]
    return story


def _summary(ctx: RevalidationContext) -> Flowable:
    """The box that says, requirement by requirement, what is recorded and what is
    still to record, then what only the person can do outside the app."""
    s = ctx.styles
    view = ctx.view
    rows = [
        [Paragraph(escape_plain(r.label), s.cover_label), Paragraph(_line(r), s.body)]
        for r in view.requirements
    ]
    outside = "<br/>".join(f"• {escape_plain(item)}" for item in view.outside_the_app)
    rows.append([Paragraph("Outside this app", s.cover_label), Paragraph(outside, s.body)])
    inner: list[list] = [[Paragraph("What this record holds", s.h2)]]
    if view.notice:
        inner.append([Paragraph(f"<b>{escape_plain(view.notice)}</b>", s.body)])
    inner.append([label_pairs(rows, 44 * mm, BODY_WIDTH - 16, splitInRow=1)])
    return panel(inner)


def _private_banner(ctx: RevalidationContext, count: int) -> Flowable:
    what = "1 private reflection" if count == 1 else f"{count} private reflections"
    text = (
        f"<b>This copy includes {what}</b>, marked Private where "
        f"{'it appears' if count == 1 else 'they appear'}. Keep it between the people it "
        "names."
    )
    return ruled_box(Paragraph(text, ctx.styles.body))
