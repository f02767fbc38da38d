"""Every goal in one table, in the shape appraisal forms give a personal development plan:
the need, the agreed action, how it will be shown, the date and the outcome so far."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from planner.domain.models import OUTCOME_LABELS, STATUS_LABELS, Goal
from planner.report.links import Mark, PageRef, goal_key, linked, marked
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import LONGEST_CELL, grid
from planner.report.styles import BODY_WIDTH
from planner.report.text import inline, short_date, shorten

TITLE = "All goals"
# Table cells cannot split across pages, so long text is cut here; the goal's own
# page, one link away, has it in full.
CELL_CHARS = 220
ACTIONS_SHOWN = 3
# An outcome's note in its narrow column; the goal's page has it in full.
NOTE_CHARS = 140


def goals_table(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [
        # Room for the heading, its line and the table's first rows, or a new page:
        # never the heading alone at a page's foot.
        CondPageBreak(70 * mm),
        marked(TITLE, s.h1, Mark("all-goals", TITLE, 0, TITLE)),
        Paragraph(
            "Each goal as a personal development plan records it. Longer text is cut "
            "here; the page number leads to the goal in full.",
            s.intro,
        ),
    ]
    if not ctx.goals:
        story.append(Paragraph("No goals have been set yet.", s.body))
        return story
    head = [
        "No.",
        "Development need",
        "Agreed actions",
        "How it will be shown",
        "Target date",
        "Outcome" if ctx.closed else "Status",
        "Page",
    ]
    rows: list[list] = [[Paragraph(h, s.cell_head) for h in head]]
    spans = []
    for number, skill in enumerate(ctx.skills, start=1):
        goals = ctx.goals_for(skill.id)
        if not goals:
            continue
        spans.append(len(rows))
        name = inline(shorten(skill.name, LONGEST_CELL))
        rows.append([Paragraph(f"<b>{number}. {name}</b>", s.cell)] + [[] for _ in range(6)])
        for index, goal in enumerate(goals, start=1):
            rows.append(_row(ctx, goal, f"{number}.{index}"))
    if ctx.closed:
        # The outcome and its note take the room the status would.
        widths = [10 * mm, 33 * mm, 30 * mm, 29 * mm, 20 * mm, 36 * mm]
    else:
        widths = [10 * mm, 36 * mm, 37 * mm, 34 * mm, 21 * mm, 20 * mm]
    widths.append(BODY_WIDTH - sum(widths))
    extra = []
    for row in spans:
        extra += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), "#F0F4F5"),
            # A skill's row goes over the page with its first goal, never left at a foot.
            ("NOSPLIT", (0, row), (-1, row + 1)),
        ]
    story.append(grid(rows, widths, extra=extra))
    return story


def _row(ctx: ReportContext, goal: Goal, number: str) -> list:
    s = ctx.styles
    actions = goal.actions
    if actions:
        lines = [
            ("\u2611 " if a.done else "\u2610 ") + inline(shorten(a.text, 90))
            for a in actions[:ACTIONS_SHOWN]
        ]
        if len(actions) > ACTIONS_SHOWN:
            lines.append(f"and {len(actions) - ACTIONS_SHOWN} more")
        agreed = "<br/>".join(lines)
    else:
        agreed = "<font color='#4C6272'>None recorded</font>"
    measure = inline(shorten(goal.measure, CELL_CHARS)) or "<font color='#4C6272'>Not agreed</font>"
    outcome = ctx.outcome(goal)
    if outcome is not None:
        status = f"<b>{OUTCOME_LABELS.get(outcome.outcome, '')}</b>"
        if outcome.carried_forward:
            status += "<br/>Carried forward into the next cycle"
        if outcome.note.strip():
            note = inline(shorten(outcome.note, NOTE_CHARS))
            status += f"<br/><font color='#4C6272'>{note}</font>"
    else:
        status = STATUS_LABELS.get(goal.status, goal.status)
        if goal.status == "in_progress":
            status += f"<br/>{ctx.percent(goal)}%"
        if ctx.is_overdue(goal):
            status += "<br/><b>Overdue</b>"
    return [
        Paragraph(number, s.cell),
        Paragraph(linked(inline(shorten(goal.title, CELL_CHARS)), goal_key(goal)), s.cell),
        Paragraph(agreed, s.cell),
        Paragraph(measure, s.cell),
        Paragraph(short_date(goal.target_date) or "Not set", s.cell),
        Paragraph(status, s.cell),
        PageRef(goal_key(goal)),
    ]
