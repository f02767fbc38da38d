"""The personal development plan tables of the appraisal export: this cycle's PDP in the
columns a medical appraisal form uses, and last year's with what became of each goal."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from planner.domain.cycles import period_text
from planner.domain.pdp import PDP_COLUMNS, PdpRow, current_pdp, last_pdp
from planner.report.paragraph import Paragraph
from planner.report.revalidation.context import RevalidationContext
from planner.report.revalidation.records import section_heading
from planner.report.sections.flow import grid
from planner.report.styles import BODY_WIDTH
from planner.report.text import escape_plain, inline, markup, short_date

PDP_TITLE = "Personal development plan"
LAST_PDP_TITLE = "Last year's development plan and outcomes"
# Need, action, date, how shown; the status or outcome takes the rest.
WIDTHS = [44 * mm, 44 * mm, 21 * mm, 38 * mm]


def _need(row: PdpRow) -> str:
    """The goal's title in bold, its description under it."""
    need = f"<b>{inline(row.need)}</b>"
    return f"{need}<br/>{markup(row.detail)}" if row.detail else need


def _table(ctx: RevalidationContext, rows: list[PdpRow], last_head: str) -> Flowable:
    s = ctx.styles
    head = [Paragraph(escape_plain(h), s.cell_head) for h in (*PDP_COLUMNS, last_head)]
    none = "<font color='#4C6272'>Not recorded</font>"
    body: list[list] = [head]
    for row in rows:
        status = f"<b>{escape_plain(row.status)}</b>"
        if row.note:
            status += f"<br/>{markup(row.note)}"
        body.append(
            [
                Paragraph(_need(row), s.cell),
                Paragraph(markup(row.action) or none, s.cell),
                Paragraph(short_date(row.completion) or "Not set", s.cell),
                Paragraph(markup(row.shown_by) or none, s.cell),
                Paragraph(status, s.cell),
            ]
        )
    return grid(body, [*WIDTHS, BODY_WIDTH - sum(WIDTHS)], split_in_row=True)


def this_pdp(ctx: RevalidationContext) -> list[Flowable]:
    """The current cycle's goals as the PDP to agree at this appraisal."""
    s = ctx.styles
    profile = ctx.plan.profile
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, PDP_TITLE, "pdp"),
        Paragraph(
            "This cycle's goals ("
            + escape_plain(period_text(profile.period_start, profile.period_end))
            + ") in the columns of an appraisal form's personal development plan.",
            s.intro,
        ),
    ]
    rows = current_pdp(ctx.plan)
    if not rows:
        story.append(Paragraph("No goals set for this cycle yet.", s.body))
        return story
    story.append(_table(ctx, rows, "Status now"))
    return story


def previous_pdp(ctx: RevalidationContext) -> list[Flowable]:
    """The latest closed cycle's goals with their outcomes: the PDP reviewed at this
    appraisal."""
    s = ctx.styles
    # First after the cover, which ends with its own page break.
    story: list[Flowable] = [section_heading(ctx, LAST_PDP_TITLE, "last-pdp")]
    cycle, rows = last_pdp(ctx.plan)
    if cycle is None:
        story.append(
            Paragraph(
                "No plan cycle has been closed yet, so there is no earlier development plan "
                "to review here. Closing a cycle (Plan menu, Start a new cycle) records how "
                "each goal turned out.",
                s.body,
            )
        )
        return story
    story.append(
        Paragraph(
            f"The cycle {escape_plain(period_text(cycle.start, cycle.end))}, closed on "
            f"{short_date(cycle.closed_on)}: each goal with whether it was met and the note "
            "on why.",
            s.intro,
        )
    )
    if not rows:
        story.append(Paragraph("That cycle closed without goals.", s.body))
        return story
    story.append(_table(ctx, rows, "Outcome"))
    return story
