"""The at-a-glance pages: goals and progress per skill, every self-assessment round as a
trend with importance to the role, and everything overdue or due soon. Nothing here is
shrunk to fit: long lists flow on to the next page with their header row repeated."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from planner.domain.models import IMPORTANCE_LABELS, STATUS_LABELS, Goal
from planner.report.charts import MAX_NAMED_SPOKES, progress_bar, radar_chart
from planner.report.flowables import keep_whole
from planner.report.fonts import REGULAR
from planner.report.paragraph import Paragraph
from planner.report.sections.context import DUE_SOON_DAYS, ReportContext
from planner.report.sections.cycles import outcome_counts, shown_outcomes
from planner.report.sections.flow import LONGEST_CELL, cell, grid, layout_table
from planner.report.sections.requests import reviewed_with
from planner.report.styles import BODY_HEIGHT, BODY_WIDTH, SMALL
from planner.report.text import escape_plain, inline, short_date, shorten, signed

# Round columns the trend table has room for at its type size; with more rounds it
# shows the first, a gap column and the latest few, and says how many it left out.
MAX_ROUND_COLUMNS = 5
ROUND_WIDTH = 17 * mm
GAP_WIDTH = 7 * mm
CHANGE_WIDTH = 20 * mm
TARGET_WIDTH = 14 * mm
IMPORTANCE_WIDTH = 26 * mm
TIGHT = [("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]


def at_a_glance(ctx: ReportContext) -> list[Flowable]:
    """The at-a-glance section's flowables (one page for a typical plan, more when
    the plan holds more than a page can show at a readable size)."""
    s = ctx.styles
    story: list[Flowable] = [Paragraph("At a glance", s.h1)]
    story.append(Paragraph(_summary(ctx) + " " + _last_review(ctx), s.intro))
    if ctx.goals:
        story.append(_skills_table(ctx))
    story.append(Spacer(1, 4 * mm))
    story += _assessment(ctx)
    if not ctx.closed:  # nothing is due in a closed cycle
        story += _due(ctx)
    return story


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(ctx: ReportContext) -> str:
    goals = ctx.goals
    if not goals:
        return "No goals have been set yet; they will appear here with their progress."
    by_status = {key: sum(1 for g in goals if g.status == key) for key in STATUS_LABELS}
    text = (
        f"{_count(len(goals), 'goal')} across "
        f"{escape_plain(ctx.plan.framework.parts(len(ctx.skills)))}: "
    )
    if ctx.cycle is not None:
        text += f"at the cycle's end {outcome_counts(shown_outcomes(ctx, ctx.cycle))}."
    else:
        text += (
            f"{by_status['achieved']} achieved, {by_status['in_progress']} in progress, "
            f"{by_status['not_started']} not started"
        )
        if by_status["deferred"]:
            text += f", {by_status['deferred']} deferred (left out of average progress)."
        else:
            text += "."
    undated = sum(1 for g in goals if g.target_date is None)
    unmeasured = sum(1 for g in goals if not g.measure.strip())
    gaps = []
    if undated:
        gaps.append(f"{_count(undated, 'goal')} without a target date")
    if unmeasured:
        gaps.append(f"{_count(unmeasured, 'goal')} without a measure (“How I will know”)")
    if gaps:
        text += f" <b>{' and '.join(gaps)}.</b>"
    else:
        text += " Every goal has a target date and a measure."
    return text


def _last_review(ctx: ReportContext) -> str:
    last = ctx.last_review
    if last is None:
        return "No review with the line manager has been recorded yet."
    return f"Last review: <b>{short_date(last.date)}</b>{reviewed_with(last)}."


def _part(ctx: ReportContext) -> str:
    """The framework's word for its parts as a column heading: Skill, Dimension, Domain."""
    return escape_plain(ctx.plan.framework.part_singular.capitalize())


def _skill_label(ctx: ReportContext, number: int, name: str) -> str:
    """A skill's row label, wrapped in full; numbered when the radar's spokes are.

    Only a name longer than a table row can hold is cut: each skill's section heading
    prints it in full.
    """
    name = shorten(name, LONGEST_CELL)
    return f"{number}. {name}" if len(ctx.skills) > MAX_NAMED_SPOKES else name


def _skills_table(ctx: ReportContext) -> Table:
    s = ctx.styles
    bar_width = 30 * mm
    widths = [BODY_WIDTH - 100 * mm, 22 * mm, 22 * mm, 56 * mm]
    rows: list[list] = [
        [
            Paragraph(_part(ctx), s.cell_head),
            Paragraph("Goals", s.cell_head_right),
            Paragraph("Met" if ctx.closed else "Achieved", s.cell_head_right),
            Paragraph("Average progress", s.cell_head),
        ]
    ]
    for number, skill in enumerate(ctx.skills, start=1):
        goals = ctx.goals_for(skill.id)
        average = ctx.average_percent(goals)
        if average is not None:
            progress: Flowable = progress_bar(average, bar_width, label=True)
        elif goals:
            progress = Paragraph("All deferred", s.cell)
        else:
            progress = Paragraph("No goals yet", s.cell)
        rows.append(
            [
                cell(_skill_label(ctx, number, skill.name), s.cell_bold),
                str(len(goals)),
                str(sum(1 for g in goals if _achieved(ctx, g))),
                progress,
            ]
        )
    extra = [("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("ALIGN", (1, 1), (2, -1), "RIGHT")]
    return grid(rows, widths, extra=extra + TIGHT)


def _achieved(ctx: ReportContext, goal: Goal) -> bool:
    """Achieved, or in a closed cycle's copy, met at its end."""
    outcome = ctx.outcome(goal)
    return outcome.outcome == "met" if outcome is not None else goal.status == "achieved"


def _assessment(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    dates = ctx.assessment_dates
    heading = Paragraph("Self-assessment over time", s.h2)
    story: list[Flowable] = [heading]
    if not dates:
        story.append(Paragraph("No self-assessment recorded yet.", s.body))
        return story
    skills = ctx.skills
    first, latest = dates[0], dates[-1]
    scale = ctx.plan.framework.scale
    # The figures first: the radar only pictures two of their columns, so on a
    # crowded page it is the radar that moves on.
    # The heading goes over the page with the table when the table does not fit below.
    story = keep_whole([heading, *_trend_table(ctx, dates)])
    if first == latest:
        story.append(
            Paragraph("Only one self-assessment so far; the next round will show change.", s.muted)
        )
    if len(skills) >= 3:
        story.append(Spacer(1, 3 * mm))
        story += _radar_with_key(ctx, first, latest)
    elif scale:
        key = ", ".join(f"{n} {level.label}" for n, level in enumerate(scale, 1))
        story.append(Paragraph(f"Scale: {inline(key)}.", s.muted))
    return story


def _radar_with_key(ctx: ReportContext, first: dt.date, latest: dt.date) -> list[Flowable]:
    """The radar of the first and latest rounds beside the scale's level names, or
    above them when a long scale (many levels, long names) would not fit beside it."""
    s = ctx.styles
    skills = ctx.skills
    scale = ctx.plan.framework.scale
    levels = len(scale) or 5
    chart_width = 92 * mm
    chart = radar_chart(
        [sk.name for sk in skills],
        [_level(ctx, sk.id, first) for sk in skills],
        [_level(ctx, sk.id, latest) for sk in skills],
        levels,
        size=chart_width,
        first_label=f"First round ({short_date(first)})",
        latest_label=f"Latest round ({short_date(latest)})",
        targets=[ctx.target(sk.id) for sk in skills],
        target_label=f"Target for {ctx.this_cycle}",
    )
    key_rows: list[list] = [
        [Paragraph("Level", s.cell_head_right), Paragraph("Scale", s.cell_head)]
    ]
    key_rows += [
        [Paragraph(str(n), s.cell_right), cell(level.label, s.cell)]
        for n, level in enumerate(scale, start=1)
    ]
    key_width = BODY_WIDTH - chart_width - 6 * mm
    key = grid(key_rows, [12 * mm, key_width - 12 * mm], extra=TIGHT)
    note: list[Flowable] = []
    if len(skills) > MAX_NAMED_SPOKES:
        plural = escape_plain(ctx.plan.framework.part_plural)
        note = [
            Spacer(1, 2 * mm),
            Paragraph(f"Spokes are numbered as the {plural} in the tables.", s.muted),
        ]
    if key.wrap(key_width, BODY_HEIGHT)[1] > chart_width * 1.5:
        # Beside the chart the key cannot split across pages, and a key this long
        # may not fit one: it goes below, full width, free to split between levels
        # (and within one very long level name).
        wide = grid(key_rows, [12 * mm, BODY_WIDTH - 12 * mm], extra=TIGHT, split_in_row=True)
        return [chart, *note, Spacer(1, 3 * mm), wide]
    side: list[Flowable] = [key, *note]
    beside = layout_table(
        [[chart, side]],
        colWidths=[chart_width + 6 * mm, key_width],
        hAlign="LEFT",
        style=[
            ("FONT", (0, 0), (-1, -1), REGULAR, SMALL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [beside]


def has_targets(ctx: ReportContext) -> bool:
    """Some printed skill has a target level for the cycle."""
    return any(ctx.target(sk.id) for sk in ctx.skills)


def round_columns(ctx: ReportContext) -> int:
    """How many rounds the trend table has room for: one fewer beside a target column."""
    return MAX_ROUND_COLUMNS - 1 if has_targets(ctx) else MAX_ROUND_COLUMNS


def _round_columns(dates: list[dt.date], room: int) -> tuple[list[dt.date | None], int]:
    """The rounds that get a column (``None`` marks the gap) and how many are left out."""
    if len(dates) <= room:
        return list(dates), 0
    tail = dates[-(room - 1) :]
    return [dates[0], None, *tail], len(dates) - room


def _trend_table(ctx: ReportContext, dates: list[dt.date]) -> list[Flowable]:
    s = ctx.styles
    columns, left_out = _round_columns(dates, round_columns(ctx))
    first, latest = dates[0], dates[-1]
    changes = len(dates) > 1
    targets = has_targets(ctx)
    fixed = IMPORTANCE_WIDTH + (CHANGE_WIDTH if changes else 0) + (TARGET_WIDTH if targets else 0)
    fixed += sum(GAP_WIDTH if day is None else ROUND_WIDTH for day in columns)
    head: list = [Paragraph(_part(ctx), s.cell_head)]
    head += [
        Paragraph("…" if day is None else short_date(day), s.cell_head_right) for day in columns
    ]
    if changes:
        head.append(Paragraph(f"Change since {short_date(first)}", s.cell_head_right))
    if targets:
        head.append(Paragraph("Target", s.cell_head_right))
    head.append(Paragraph("Importance to the role", s.cell_head))
    rows: list[list] = [head]
    for number, skill in enumerate(ctx.skills, start=1):
        row: list = [cell(_skill_label(ctx, number, skill.name), s.cell)]
        for day in columns:
            level = _level(ctx, skill.id, day) if day else None
            text = "" if day is None else ("–" if level is None else str(level))
            row.append(Paragraph(f"<b>{text}</b>" if day == latest else text, s.cell_right))
        old, new = _level(ctx, skill.id, first), _level(ctx, skill.id, latest)
        if changes:
            change = signed(new - old) if old is not None and new is not None else ""
            row.append(Paragraph(change, s.cell_right))
        if targets:
            target = ctx.target(skill.id)
            row.append(Paragraph(str(target) if target else "–", s.cell_right))
        latest_rating = ctx.rating(skill.id, latest)
        importance = latest_rating.importance if latest_rating else None
        row.append(Paragraph(IMPORTANCE_LABELS.get(importance, "Not given"), s.cell))
        rows.append(row)
    widths = [BODY_WIDTH - fixed]
    widths += [GAP_WIDTH if day is None else ROUND_WIDTH for day in columns]
    widths += ([CHANGE_WIDTH] if changes else []) + ([TARGET_WIDTH] if targets else [])
    widths += [IMPORTANCE_WIDTH]
    story: list[Flowable] = [grid(rows, widths, extra=TIGHT)]
    note = f"Latest round in bold; importance to the role as rated on {short_date(latest)}."
    if targets:
        note += f" Target: the level set for {ctx.this_cycle}."
    if left_out:
        hidden = [d for d in dates if d not in columns]
        note += (
            f" {_count(left_out, 'round')} between {short_date(hidden[0])} and "
            f"{short_date(hidden[-1])} {'is' if left_out == 1 else 'are'} not shown here, "
            f"for room; each {ctx.plan.framework.part_singular}'s section lists every rating."
        )
    story.append(Paragraph(escape_plain(note), s.muted))
    # The caller keeps it whole with its heading when it fits a page (it is short:
    # one row per skill).
    return story


def _level(ctx: ReportContext, skill_id: str, day: dt.date) -> int | None:
    rating = ctx.rating(skill_id, day)
    return rating.level if rating else None


def _due(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    overdue, soon = ctx.overdue(), ctx.due_soon()
    # The heading may end a page's content only with room for a few rows below it;
    # the list itself splits across pages rather than leaving a blank half page.
    story: list[Flowable] = [
        CondPageBreak(35 * mm),
        Paragraph(f"Overdue and due in the next {DUE_SOON_DAYS} days", s.list_heading),
    ]
    if not overdue and not soon:
        story.append(
            Paragraph(f"Nothing is overdue or due in the next {DUE_SOON_DAYS} days.", s.body)
        )
        return story
    rows: list[list] = [
        [
            Paragraph("Goal", s.cell_head),
            Paragraph(_part(ctx), s.cell_head),
            Paragraph("Target date", s.cell_head),
            Paragraph("When", s.cell_head),
        ]
    ]
    listed = [(g, True) for g in overdue] + [(g, False) for g in soon]
    for goal, late in listed:
        days = abs((goal.target_date - ctx.today).days)
        if late:
            when = f"<b>Overdue by {_count(days, 'day')}</b>"
        elif days == 0:
            when = "Due today"
        else:
            when = f"In {_count(days, 'day')}"
        status = STATUS_LABELS.get(goal.status, "")
        rows.append(
            [
                # Titles print in full in each goal's heading; only one too long
                # for a table row to hold is cut here.
                cell(shorten(goal.title, LONGEST_CELL), s.cell),
                cell(shorten(ctx.skill_name(goal.skill), LONGEST_CELL), s.cell),
                Paragraph(short_date(goal.target_date), s.cell),
                Paragraph(f"{when}<br/><font color='#4C6272'>{status}</font>", s.cell),
            ]
        )
    # A long list splits across pages, its header row repeated on each.
    story.append(grid(rows, [BODY_WIDTH - 118 * mm, 48 * mm, 26 * mm, 44 * mm], extra=TIGHT))
    return story
