"""Plan cycles in the PDF: which cycle a copy covers, how a closed cycle ended, and the
last cycle's outcomes at the front of the current cycle's plan."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from planner.domain.cycles import cycle_title, period_text
from planner.domain.models import GOAL_OUTCOMES, OUTCOME_LABELS, Cycle, Goal, GoalOutcome
from planner.report.flowables import keep_whole
from planner.report.links import Mark, PageRef, goal_key, linked, marked
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import LONGEST_CELL, PAGE_COLUMN, grid, paragraphs
from planner.report.styles import BODY_WIDTH
from planner.report.text import escape_plain, inline, short_date, shorten

ENDED_TITLE = "How the cycle ended"
LAST_TITLE = "Last cycle"
CARRIED = "carried forward into the next cycle"


def covers(ctx: ReportContext) -> str:
    """The cover's sentence saying which cycle this copy shows (markup; may be empty)."""
    profile = ctx.plan.profile
    if ctx.cycle is not None:
        period = period_text(ctx.cycle.start, ctx.cycle.end)
        return (
            f"This plan covers <b>cycle {ctx.cycle_number}, {period}</b>: "
            f"a closed cycle, closed on {short_date(ctx.cycle.closed_on)}."
        )
    if not (profile.period_start or profile.period_end or ctx.plan.cycles):
        return ""
    period = period_text(profile.period_start, profile.period_end)
    if not ctx.plan.cycles:
        return f"This plan covers <b>{period}</b>."
    return (
        f"This plan covers <b>{period}</b>, the current cycle (cycle "
        f"{len(ctx.plan.cycles) + 1}); earlier cycles are exported on their own."
    )


def shown_outcomes(ctx: ReportContext, cycle: Cycle) -> list[GoalOutcome]:
    """The cycle's outcomes for the skills this copy prints."""
    return [o for o in cycle.outcomes if ctx.skill_ids is None or o.skill in ctx.skill_ids]


def outcome_counts(outcomes: list[GoalOutcome]) -> str:
    """ "3 met, 1 partly met, 1 not met; 2 carried forward" (plain text)."""
    if not outcomes:
        return "no goals"
    counts = [
        f"{sum(1 for o in outcomes if o.outcome == key)} {OUTCOME_LABELS[key].lower()}"
        for key in GOAL_OUTCOMES
    ]
    carried = sum(1 for o in outcomes if o.carried_forward)
    return f"{', '.join(counts)}; {carried} carried forward"


def outcome_label(outcome: GoalOutcome) -> str:
    """ "Partly met, carried forward into the next cycle" (plain text)."""
    label = OUTCOME_LABELS.get(outcome.outcome, outcome.outcome)
    return f"{label}, {CARRIED}" if outcome.carried_forward else label


def standing_lines(ctx: ReportContext) -> list[tuple[str, str]]:
    """The cover box's lines about cycles: a closed cycle's outcomes, or the last
    cycle's in the current cycle's copy (markup)."""
    if ctx.cycle is not None:
        outcomes = shown_outcomes(ctx, ctx.cycle)
        return [
            ("How it ended", f"{_goals(len(outcomes))}: {outcome_counts(outcomes)}."),
            ("Closed on", short_date(ctx.cycle.closed_on)),
        ]
    last = ctx.last_cycle
    if last is None:
        return []
    outcomes = shown_outcomes(ctx, last)
    where = linked(f"<i>{LAST_TITLE}</i>", "last-cycle")
    return [("Last cycle", f"{_goals(len(outcomes))}: {outcome_counts(outcomes)} (see {where}).")]


def _goals(count: int) -> str:
    return f"{count} goal" if count == 1 else f"{count} goals"


def _goal_cell(ctx: ReportContext, outcome: GoalOutcome, goal: Goal | None) -> Paragraph:
    s = ctx.styles
    title = inline(shorten(goal.title if goal else outcome.title, LONGEST_CELL))
    skill = escape_plain(shorten(ctx.skill_name(outcome.skill), LONGEST_CELL))
    if goal is not None:
        title = linked(title, goal_key(goal))
    return Paragraph(f"<b>{title}</b><br/><font color='#4C6272'>{skill}</font>", s.cell)


def cycle_ended(ctx: ReportContext) -> list[Flowable]:
    """A closed cycle's first section: its dates and how each goal turned out."""
    s = ctx.styles
    cycle = ctx.cycle
    assert cycle is not None
    outcomes = shown_outcomes(ctx, cycle)
    story: list[Flowable] = [
        marked(ENDED_TITLE, s.h1, Mark("cycle-ended", ENDED_TITLE, 0, ENDED_TITLE)),
        Paragraph(
            f"Cycle {ctx.cycle_number} ran {_ran(cycle)} and was closed on "
            f"{short_date(cycle.closed_on)}. Each goal open at its end was marked met, "
            "partly met or not met, and either closed or carried forward into the next "
            "cycle. Page numbers lead to each goal's detail.",
            s.intro,
        ),
    ]
    if not outcomes:
        story.append(Paragraph("No goals were open when this cycle closed.", s.body))
        return story
    story.append(
        Paragraph(f"<b>{_goals(len(outcomes))}</b>: {outcome_counts(outcomes)}.", s.body)
    )
    goals = {g.uid: g for g in ctx.goals if g.uid}
    rows: list[list] = [
        [Paragraph(h, s.cell_head) for h in ("Outcome", "Goal", "Then", "Page")]
    ]
    for key in GOAL_OUTCOMES:
        for outcome in (o for o in outcomes if o.outcome == key):
            goal = goals.get(outcome.goal)
            then = "Carried forward into the next cycle" if outcome.carried_forward else "Closed"
            rows.append(
                [
                    Paragraph(f"<b>{OUTCOME_LABELS[key]}</b>", s.cell),
                    _goal_cell(ctx, outcome, goal),
                    Paragraph(then, s.cell),
                    PageRef(goal_key(goal)) if goal is not None else [],
                ]
            )
    widths = [24 * mm, BODY_WIDTH - 24 * mm - 40 * mm - PAGE_COLUMN, 40 * mm, PAGE_COLUMN]
    story += [grid(rows, widths), Spacer(1, 2 * mm)]
    return story


def _ran(cycle: Cycle) -> str:
    if cycle.start:
        return f"from {short_date(cycle.start)} to {short_date(cycle.end)}"
    return f"until {short_date(cycle.end)}"


def last_cycle(ctx: ReportContext) -> list[Flowable]:
    """The current cycle's look back: how the last cycle ended and which goals came
    forward from it, with the note on each (nothing before a first roll-over)."""
    s = ctx.styles
    last = ctx.last_cycle
    if last is None:
        return []
    outcomes = shown_outcomes(ctx, last)
    number = len(ctx.plan.cycles)
    story: list[Flowable] = [
        marked(LAST_TITLE, s.h1, Mark("last-cycle", LAST_TITLE, 0, LAST_TITLE)),
        Paragraph(
            f"{escape_plain(cycle_title(number, last))}, closed on "
            f"{short_date(last.closed_on)}: <b>{_goals(len(outcomes))}</b>, "
            f"{outcome_counts(outcomes)}.",
            s.body,
        ),
    ]
    carried = [o for o in outcomes if o.carried_forward]
    if not carried:
        story.append(Paragraph("No goal was carried forward into this cycle.", s.body))
        return keep_whole(story)
    story.append(Paragraph("Carried forward into this cycle", s.label))
    goals = {g.uid: g for g in ctx.goals if g.uid}
    rows: list[list] = [
        [Paragraph(h, s.cell_head) for h in ("Goal", "Outcome last cycle", "Page")]
    ]
    for outcome in carried:
        goal = goals.get(outcome.goal)
        label = f"<b>{OUTCOME_LABELS.get(outcome.outcome, '')}</b>"
        note = inline(shorten(outcome.note, 300))
        rows.append(
            [
                _goal_cell(ctx, outcome, goal),
                Paragraph(f"{label}: {note}" if note else label, s.cell),
                PageRef(goal_key(goal)) if goal is not None else [],
            ]
        )
    story.append(grid(rows, [64 * mm, BODY_WIDTH - 64 * mm - PAGE_COLUMN, PAGE_COLUMN]))
    story.append(Spacer(1, 2 * mm))
    # Brief enough to read whole: on one page when it fits one.
    return keep_whole(story)


def outcome_field(ctx: ReportContext, goal: Goal) -> list[Flowable]:
    """A goal's outcome with the note on it, in full: in a closed cycle's copy how it
    ended, in the current one how it ended the last cycle, if carried from there."""
    s = ctx.styles
    outcome = ctx.outcome(goal)
    if outcome is not None:
        label, said = "At the cycle's end", outcome_label(outcome)
    else:
        outcome = ctx.carried_from_last(goal)
        if outcome is None:
            return []
        label = "Carried forward from the last cycle"
        said = OUTCOME_LABELS.get(outcome.outcome, outcome.outcome)
        said += f" in cycle {len(ctx.plan.cycles)}"
    story: list[Flowable] = [
        Paragraph(label, s.label),
        Paragraph(f"<b>{escape_plain(said)}.</b>", s.body),
    ]
    story += paragraphs(outcome.note, s.body)
    return story
