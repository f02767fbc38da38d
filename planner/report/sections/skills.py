"""One section per skill: its description, then each goal with its SMART details,
status, progress, action checklist and progress history."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
)

from planner.domain.models import (
    IMPORTANCE_LABELS,
    OUTCOME_LABELS,
    PRIORITY_LABELS,
    STATUS_LABELS,
    Goal,
    Skill,
    goal_marks,
)
from planner.report.charts import level_trend, progress_line
from planner.report.flowables import FactStrip, keep_whole
from planner.report.links import Mark, goal_key, linked, marked, reflection_key, skill_key
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.cycles import outcome_field
from planner.report.sections.flow import (
    CELL_LINE_LIMIT,
    CELL_TEXT_LIMIT,
    cell,
    field,
    grid,
    layout_table,
    lead_in,
    paragraphs,
    ref_line,
)
from planner.report.sections.glance import round_columns
from planner.report.styles import BODY_WIDTH, SMALL
from planner.report.text import blocks, escape_plain, inline, printable, short_date, shorten

CHECKED, UNCHECKED = "\u2611", "\u2610"
# The level-over-rounds chart's column beside the skill's level line.
TREND_WIDTH = 76 * mm


def skill_sections(ctx: ReportContext) -> list[Flowable]:
    """Every selected skill's section, in the framework's order."""
    story: list[Flowable] = []
    for number, skill in enumerate(ctx.skills, start=1):
        # A skill with goals starts a page; one with none (a new plan) shares a page.
        has_goals = bool(ctx.goals_for(skill.id))
        story.append(PageBreak() if number == 1 or has_goals else CondPageBreak(70 * mm))
        story += skill_section(ctx, skill, number)
    return story


def _every_rating(ctx: ReportContext, skill: Skill) -> list[Flowable]:
    """Each of the skill's ratings, oldest first, when *At a glance* has too many rounds
    to show them all."""
    dates = ctx.assessment_dates
    if len(dates) <= round_columns(ctx):
        return []
    rated = [(day, ctx.rating(skill.id, day)) for day in dates]
    levels = "; ".join(f"{short_date(day)}: {r.level}" for day, r in rated if r is not None)
    return [Paragraph(f"Every rating, oldest first: {levels}.", ctx.styles.muted)]


def skill_section(ctx: ReportContext, skill: Skill, number: int) -> list[Flowable]:
    s = ctx.styles
    goals = ctx.goals_for(skill.id)
    name = " ".join(printable(skill.name).split())
    story: list[Flowable] = [
        marked(
            f"{number}. {inline(skill.name)}",
            s.h1,
            Mark(skill_key(skill), f"{number}. {name}", 0, f"{number}. {name}"),
        ),
        *paragraphs(skill.description, s.intro),
    ]
    latest, previous = ctx.latest_two(skill.id)
    target = ctx.target(skill.id)
    if latest is None and target:
        story.append(Paragraph(f"No self-assessment yet. {_target_text(ctx, target)}", s.body))
    if latest:
        text = f"Self-assessed level: <b>{inline(ctx.level_text(latest.level))}</b>"
        if previous:
            text += (
                f" (before: {inline(ctx.level_text(previous.level))}, {short_date(previous.date)})"
            )
        text += f", rated {short_date(latest.date)}"
        if latest.importance:
            importance = IMPORTANCE_LABELS.get(latest.importance, "")
            text += f"; importance to the role: {latest.importance} {importance}"
        text += "."
        if target:
            text += " " + _target_text(ctx, target, latest.level)
        story.append(_with_trend(ctx, skill, Paragraph(text, s.body)))
        notes = blocks(latest.note)
        if notes:
            notes[0] = f"Note with the rating: {notes[0]}"
            story += [Paragraph(note, s.muted) for note in notes]
        story += _every_rating(ctx, skill)
    if not goals:
        word = ctx.plan.framework.part_singular
        story.append(Paragraph(f"No goals set for this {escape_plain(word)} yet.", s.body))
    for index, goal in enumerate(goals, start=1):
        # A goal that fits on a page is kept whole rather than split across two.
        story.extend(keep_whole(goal_block(ctx, goal, f"{number}.{index}")))
    # After the goals, where they fill the last page's space rather than push the
    # first goal off the skill's opening page.
    behaviours = _behaviours(ctx, skill)
    if behaviours:
        story.extend(keep_whole(behaviours))
    return story


def _with_trend(ctx: ReportContext, skill: Skill, level: Paragraph) -> Flowable:
    """The level line beside a chart of the skill's level over every round, with the
    cycle's target, once there are two rounds to join; beside, so the first goal
    still shares the skill's opening page."""
    rated = [(day, r.level) for day in ctx.assessment_dates if (r := ctx.rating(skill.id, day))]
    if len(rated) < 2:
        return level
    levels = len(ctx.plan.framework.scale) or max(n for _, n in rated)
    chart = level_trend(rated, levels, ctx.target(skill.id), TREND_WIDTH - 6 * mm, 24 * mm)
    caption = Paragraph(f"Level at each of the {len(rated)} rounds", ctx.styles.cell_head)
    return layout_table(
        [[level, [caption, chart]]],
        colWidths=[BODY_WIDTH - TREND_WIDTH, TREND_WIDTH],
        hAlign="LEFT",
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("LEFTPADDING", (1, 0), (1, 0), 6 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ],
    )


def _target_text(ctx: ReportContext, target: int, latest: int | None = None) -> str:
    """ "Target for this cycle: 3 Proficient, 1 level above the latest rating." """
    text = f"Target for {ctx.this_cycle}: <b>{inline(ctx.level_text(target))}</b>"
    if latest is None:
        return text + "."
    gap = target - latest
    if gap <= 0:
        return text + " (reached)."
    return text + f", {gap} level{'s' if gap != 1 else ''} above the latest rating."


def goal_block(ctx: ReportContext, goal: Goal, number: str) -> list[Flowable]:
    """A goal's flowables: heading, facts row, SMART details, actions and history."""
    s = ctx.styles
    percent = ctx.percent(goal)
    title = " ".join(printable(goal.title).split())
    story: list[Flowable] = [
        marked(
            f"<font color='#4C6272'>{number}</font>&nbsp;&nbsp;{inline(goal.title)}",
            s.h2,
            Mark(goal_key(goal), f"{number} {title}", 1, f"{number} {shorten(title, 60)}"),
        ),
        _facts(ctx, goal, percent),
        Spacer(1, 2 * mm),
    ]
    story += outcome_field(ctx, goal)
    if marks := goal_marks(goal):
        story.append(Paragraph(escape_plain(" · ".join(marks)), s.muted))
    if goal.status == "deferred":
        story += _field(ctx, "Deferred because", goal.deferred_reason, "No reason recorded.")
    story += paragraphs(goal.description, s.body)
    story += _field(ctx, "How I will know it is achieved", goal.measure, "Not agreed yet.")
    story += _field(ctx, "Support needed", goal.support, "None asked for.")
    story.append(Paragraph("Actions", s.label))
    if goal.actions:
        for action in goal.actions:
            story.append(_action(ctx, goal, action))
    else:
        story.append(Paragraph("No actions recorded yet.", s.muted))
    story += _history(ctx, goal)
    story += _reflections_on(ctx, goal)
    story.append(Spacer(1, 4 * mm))
    return story


def _field(ctx: ReportContext, label: str, text: str, missing: str) -> list[Flowable]:
    """A labelled part of the goal; a missing part says so rather than vanishing."""
    s = ctx.styles
    return field(label, text, s.label, s.body) or [
        Paragraph(label, s.label),
        Paragraph(missing, s.muted),
    ]


def _behaviours(ctx: ReportContext, skill: Skill) -> list[Flowable]:
    """The framework's behaviour statements, as anchors for the review conversation."""
    s = ctx.styles
    if not skill.behaviours:
        return []
    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph("For discussion: what the framework describes", s.label),
    ]
    story += [Paragraph(inline(b), s.bullet, bulletText="•") for b in skill.behaviours]
    story.append(Spacer(1, 2 * mm))
    return story


def _reflections_on(ctx: ReportContext, goal: Goal) -> list[Flowable]:
    """The reflections printed in this copy that are about this goal, with their pages."""
    s = ctx.styles
    about = ctx.reflections_about(goal)
    if not about:
        return []
    story: list[Flowable] = [Paragraph("Reflections on this goal", s.label)]
    for r in about:
        line = linked(inline(r.title) or "Untitled reflection", reflection_key(r))
        text = Paragraph(f"{line} <font color='#4C6272'>· {short_date(r.date)}</font>", s.small)
        story.append(ref_line(text, reflection_key(r)))
    return story


def _facts(ctx: ReportContext, goal: Goal, percent: int) -> FactStrip:
    target = short_date(goal.target_date) or "Not set"
    overdue = ctx.is_overdue(goal)
    if overdue:
        target += " (overdue)"
    outcome = ctx.outcome(goal)
    if outcome is not None:
        # In a closed cycle the outcome is what the goal came to.
        first = ("Outcome", OUTCOME_LABELS.get(outcome.outcome, outcome.outcome), True)
    else:
        first = ("Status", STATUS_LABELS.get(goal.status, goal.status), True)
    facts = [
        first,
        ("Priority", PRIORITY_LABELS.get(goal.priority, goal.priority), False),
        ("Target date", target, overdue),
    ]
    return FactStrip(facts, [34 * mm, 26 * mm, 42 * mm, BODY_WIDTH - 102 * mm], percent)


def _action(ctx: ReportContext, goal: Goal, action) -> Paragraph:
    s = ctx.styles
    text = inline(action.text) or "(no description)"
    if action.due:
        late = ctx.action_overdue(goal, action)
        when = f"due {short_date(action.due)}"
        when = f"<b>overdue, was {when}</b>" if late else when
        text += f"  <font color='#4C6272' size='{SMALL}'>· {when}</font>"
    if action.done:
        text += f"  <font color='#4C6272' size='{SMALL}'>· done</font>"
    return Paragraph(text, s.check, bulletText=CHECKED if action.done else UNCHECKED)


def _history(ctx: ReportContext, goal: Goal) -> list[Flowable]:
    s = ctx.styles
    entries = sorted(goal.progress, key=lambda e: (e.date, e.id or 0))
    if not entries:
        return [
            Paragraph("Progress history", s.label),
            Paragraph("No progress logged yet.", s.muted),
        ]
    label = Paragraph("Progress history", s.label)
    story: list[Flowable] = []
    fits_table = all(
        len(e.note) <= CELL_TEXT_LIMIT and e.note.count("\n") <= CELL_LINE_LIMIT for e in entries
    )
    if fits_table:
        rows = [["Date", "Progress", "Note"]] + [
            [short_date(e.date), f"{e.percent}%", cell(e.note, s.cell)] for e in entries
        ]
        right = [("ALIGN", (1, 0), (1, -1), "RIGHT")]
        table_width = BODY_WIDTH
        chart = None
        if len(entries) >= 3:
            chart_width = 56 * mm
            chart = progress_line([(e.date, e.percent) for e in entries], chart_width, 26 * mm)
            table_width = BODY_WIDTH - chart_width - 6 * mm
        table = grid(rows, [24 * mm, 20 * mm, table_width - 44 * mm], extra=right)
        short = len(entries) <= 10 and sum(len(e.note) for e in entries) <= 1500
        if chart is not None and short:
            # Chart beside a short table; a long history gets the chart above instead.
            story.append(
                layout_table(
                    [[table, chart]],
                    colWidths=[table_width + 6 * mm, None],
                    hAlign="LEFT",
                    style=[
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (1, 0), (1, 0), 6),
                    ],
                )
            )
            return [label, *story]
        if short and chart is None:
            return [label, table]
        # A long table splits where it starts, its heading and chart just above it.
        story += lead_in(label, *([chart] if chart is not None else []), room=60 * mm)
        story.append(grid(rows, [24 * mm, 20 * mm, BODY_WIDTH - 44 * mm], extra=right))
        return story
    for e in entries:
        head = f"<b>{short_date(e.date)} · {e.percent}%</b>"
        parts = blocks(e.note)
        first = f"{head}  {parts[0]}" if parts else head
        story.append(Paragraph(first, s.body))
        story += [Paragraph(p, s.body) for p in parts[1:]]
    if len(entries) >= 3:
        story.insert(
            0,
            _kept_with_next(
                progress_line([(e.date, e.percent) for e in entries], 62 * mm, 26 * mm)
            ),
        )
    return [label, *story]


def _kept_with_next(flowable: Flowable) -> Flowable:
    # A chart goes over the page with what it charts, never stranded at a page's foot.
    flowable.keepWithNext = 1
    return flowable
