"""The at-a-glance page: levels, goals and progress per skill, the self-assessment radar
with its figures as text beside it, what is overdue or due soon, and the last review."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table

from planner.domain.models import STATUS_LABELS
from planner.report.charts import MAX_NAMED_SPOKES, progress_bar, radar_chart
from planner.report.sections.context import DUE_SOON_DAYS, ReportContext
from planner.report.sections.flow import cell, grid
from planner.report.styles import BODY_HEIGHT, BODY_WIDTH
from planner.report.text import escape_plain, long_date, printable, short_date, shorten

# Past this many rows a list on this page is cut short, so the page stays one page;
# with many skills (numbered radar spokes) the tables are tighter and the list shorter.
MAX_DUE_ROWS = 8
MAX_DUE_ROWS_COMPACT = 4
TIGHT = [("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 1), (-1, -1), 2)]


def _compact(ctx: ReportContext) -> bool:
    return len(ctx.skills) > MAX_NAMED_SPOKES


def at_a_glance(ctx: ReportContext) -> list[Flowable]:
    """The at-a-glance page's flowables."""
    s = ctx.styles
    goals = ctx.goals
    achieved = sum(1 for g in goals if g.status == "achieved")
    story: list[Flowable] = [Paragraph("At a glance", s.h1)]
    if goals:
        summary = (
            f"{_count(len(goals), 'goal')} across {_count(len(ctx.skills), 'skill')}: "
            f"{achieved} achieved, "
            f"{sum(1 for g in goals if g.status == 'in_progress')} in progress, "
            f"{sum(1 for g in goals if g.status == 'not_started')} not started"
        )
        deferred = sum(1 for g in goals if g.status == "deferred")
        summary += f", {deferred} deferred." if deferred else "."
    else:
        summary = (
            "No goals have been set yet. A good first step is to rate yourself against each "
            "skill, then agree one or two goals per skill with your line manager; they will "
            "appear here with their progress."
        )
    story.append(Paragraph(summary + " " + _last_review(ctx), s.intro))
    story.append(_skills_table(ctx))
    story.append(Spacer(1, 6 * mm))
    story += _assessment(ctx)
    story += _due(ctx)
    # Every cell here is cut to a bounded length, so shrinking to fit only ever
    # tightens a page with many skills a little; it never hides anything.
    return [KeepInFrame(BODY_WIDTH, BODY_HEIGHT, story, mode="shrink")]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _last_review(ctx: ReportContext) -> str:
    if not ctx.plan.reviews:
        return "No review with the line manager has been recorded yet."
    last = max(ctx.plan.reviews, key=lambda r: r.date)
    who = f" with {escape_plain(shorten(last.reviewer, 80))}" if last.reviewer.strip() else ""
    return f"Last review: <b>{long_date(last.date)}</b>{who}."


def _skills_table(ctx: ReportContext) -> Table:
    s = ctx.styles
    bar_width = 28 * mm
    widths = [58 * mm, 48 * mm, 20 * mm, BODY_WIDTH - 126 * mm]
    rows: list[list] = [
        [
            Paragraph("Skill", s.cell_head),
            Paragraph("Self-assessed level now (before)", s.cell_head),
            Paragraph("Goals achieved", s.cell_head_right),
            Paragraph("Average progress", s.cell_head),
        ]
    ]
    compact = _compact(ctx)
    for number, skill in enumerate(ctx.skills, start=1):
        goals = ctx.goals_for(skill.id)
        latest, previous = ctx.latest_two(skill.id)
        if latest:
            level = escape_plain(ctx.level_text(latest.level))
            if previous:
                before = escape_plain(ctx.level_text(previous.level))
                level += f" <font color='#4C6272'>({before})</font>"
        else:
            level = "<font color='#4C6272'>Not rated yet</font>"
        done = sum(1 for g in goals if g.status == "achieved")
        if goals:
            average = round(sum(ctx.percent(g) for g in goals) / len(goals))
            progress = progress_bar(average, bar_width, label=True)
        else:
            progress = Paragraph("No goals yet", s.cell)
        rows.append(
            [
                cell(f"{number}. {shorten(skill.name, 28)}", s.cell)
                if compact
                else cell(shorten(skill.name, 120), s.cell_bold),
                Paragraph(level, s.cell),
                f"{done} of {len(goals)}",
                progress,
            ]
        )
    extra = [
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        *(TIGHT if compact else []),
    ]
    return grid(rows, widths, extra=extra)


def _assessment(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    dates = ctx.assessment_dates
    story: list[Flowable] = [Paragraph("Self-assessment: first and latest", s.h2)]
    if not dates:
        story.append(
            Paragraph(
                "No self-assessment has been recorded yet. Rating each skill at the start "
                "and again every few months shows how far you have come.",
                s.body,
            )
        )
        return story
    first, latest = dates[0], dates[-1]
    skills = ctx.skills
    levels = len(ctx.plan.framework.scale) or 5
    first_levels = [_level(ctx, sk.id, first) for sk in skills]
    latest_levels = [_level(ctx, sk.id, latest) for sk in skills]
    numbered = _compact(ctx)
    rows: list[list] = [
        [
            Paragraph("No." if numbered else "Skill", s.cell_head),
            Paragraph(f"First<br/>{short_date(first)}", s.cell_head_right),
            Paragraph(f"Latest<br/>{short_date(latest)}", s.cell_head_right),
            Paragraph("Change", s.cell_head_right),
        ]
    ]
    for n, (skill, old, new) in enumerate(zip(skills, first_levels, latest_levels, strict=True)):
        # Numbered spokes: the skills table above names skill n; here just the number.
        name = str(n + 1) if numbered else shorten(skill.name, 90)
        change = f"{new - old:+d}" if old is not None and new is not None else ""
        rows.append(
            [
                cell(name, s.cell),
                Paragraph(str(old) if old is not None else "–", s.cell_right),
                Paragraph(str(new) if new is not None else "–", s.cell_right),
                Paragraph(change.replace("+0", "0"), s.cell_right),
            ]
        )
    scale = ", ".join(
        f"{n} {printable(level.label)}" for n, level in enumerate(ctx.plan.framework.scale, 1)
    )
    if len(skills) >= 3 and len(dates) >= 1:
        chart_width = 70 * mm if numbered else 84 * mm
        first_column = 12 * mm if numbered else BODY_WIDTH - chart_width - 56 * mm
        figures = grid(
            rows, [first_column, 17 * mm, 17 * mm, 18 * mm], extra=TIGHT if numbered else None
        )
        chart = radar_chart(
            [printable(sk.name) for sk in skills],
            first_levels,
            latest_levels,
            levels,
            size=chart_width,
            first_label=f"First ({short_date(first)})",
            latest_label=f"Latest ({short_date(latest)})",
        )
        side = Table(
            [
                [
                    chart,
                    [
                        figures,
                        Spacer(1, 3 * mm),
                        Paragraph(f"Scale: {escape_plain(scale)}.", s.muted),
                    ],
                ]
            ],
            colWidths=[chart_width + 4 * mm, None],
            style=[
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
            hAlign="LEFT",
        )
        story.append(side)
    else:
        # A radar needs three spokes; with fewer skills the table says it all.
        story.append(grid(rows, [BODY_WIDTH - 66 * mm, 22 * mm, 22 * mm, 22 * mm]))
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(f"Scale: {escape_plain(scale)}.", s.muted))
    if first == latest:
        story.append(
            Paragraph(
                "Only one self-assessment so far; rate yourself again to see change.", s.muted
            )
        )
    return story


def _level(ctx: ReportContext, skill_id: str, day) -> int | None:
    rating = ctx.rating(skill_id, day)
    return rating.level if rating else None


def _due(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    overdue, soon = ctx.overdue(), ctx.due_soon()
    story: list[Flowable] = [Paragraph(f"Overdue and due in the next {DUE_SOON_DAYS} days", s.h2)]
    if not overdue and not soon:
        story.append(Paragraph("Nothing is overdue or due in the next 30 days.", s.body))
        return story
    rows: list[list] = [
        [
            Paragraph("Goal", s.cell_head),
            Paragraph("Skill", s.cell_head),
            Paragraph("Target date", s.cell_head),
            Paragraph("When", s.cell_head),
        ]
    ]
    listed = [(g, True) for g in overdue] + [(g, False) for g in soon]
    limit = MAX_DUE_ROWS_COMPACT if _compact(ctx) else MAX_DUE_ROWS
    for goal, late in listed[:limit]:
        days = abs((goal.target_date - ctx.today).days)
        if late:
            when = f"<b>Overdue by {days} day{'s' if days != 1 else ''}</b>"
        elif days == 0:
            when = "Due today"
        else:
            when = f"In {days} day{'s' if days != 1 else ''}"
        rows.append(
            [
                cell(shorten(goal.title, 160), s.cell),
                cell(shorten(ctx.skill_name(goal.skill), 60), s.cell),
                Paragraph(short_date(goal.target_date), s.cell),
                Paragraph(
                    f"{when}<br/><font color='#4C6272'>{STATUS_LABELS.get(goal.status, '')}</font>",
                    s.cell,
                ),
            ]
        )
    story.append(grid(rows, [BODY_WIDTH - 118 * mm, 48 * mm, 26 * mm, 44 * mm]))
    if len(listed) > limit:
        story.append(
            Paragraph(
                f"And {len(listed) - limit} more; each skill's section lists them all.",
                s.muted,
            )
        )
    return story
