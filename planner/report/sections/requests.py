"""What the plan asks of the line manager: every support request and decision, with the
goal each serves, and what became of the actions agreed at the last review."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from planner.domain.models import Goal, Review
from planner.domain.review_actions import AgreedAction, follow_up
from planner.report.links import Mark, PageRef, goal_key, linked, marked
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import (
    CELL_LINE_LIMIT,
    CELL_TEXT_LIMIT,
    LONGEST_CELL,
    PAGE_COLUMN,
    cell,
    grid,
    lead_in,
    paragraphs,
    ref_line,
)
from planner.report.styles import BODY_WIDTH
from planner.report.text import escape_plain, inline, short_date, shorten

NEEDS_TITLE = "What I need from you"
SINCE_TITLE = "Since the last review"


def requests(ctx: ReportContext) -> list[Flowable]:
    """Support requested and decisions to make, for the manager's first pages."""
    s = ctx.styles
    story: list[Flowable] = [
        marked(NEEDS_TITLE, s.h1, Mark("needs", NEEDS_TITLE, 0, NEEDS_TITLE)),
        Paragraph(
            f"Everything in this plan that asks something of "
            f"{escape_plain(manager_phrase(ctx))}, with the goal each request serves. "
            "Page numbers lead to each goal's detail.",
            s.intro,
        ),
    ]
    story += lead_in(Paragraph("Support requested", s.h2))
    asking = support_requests(ctx)
    if asking:
        story += _support(ctx, asking)
    else:
        story.append(Paragraph("No support has been asked for on any open goal.", s.body))
    story += lead_in(Paragraph("Decisions to make together", s.h2))
    decisions = _decisions(ctx)
    if decisions:
        rows = [_head(ctx, "Goal", "What to decide")]
        rows += [
            [_goal_cell(ctx, goal), Paragraph(text, s.cell), PageRef(goal_key(goal))]
            for goal, text in decisions
        ]
        story.append(grid(rows, [62 * mm, BODY_WIDTH - 62 * mm - PAGE_COLUMN, PAGE_COLUMN]))
    else:
        story.append(
            Paragraph(
                "None: every open goal has a target date that has not passed and a way to "
                "tell it is achieved.",
                s.body,
            )
        )
    return story


def support_requests(ctx: ReportContext) -> list[Goal]:
    """Open goals that ask for support, most pressing first."""
    return sorted((g for g in ctx.goals if ctx.is_open(g) and g.support.strip()), key=request_order)


def request_order(goal: Goal) -> tuple:
    # High priority first, then the soonest target date.
    rank = {"high": 0, "medium": 1, "low": 2}
    return rank.get(goal.priority, 1), goal.target_date or dt.date.max


def manager_phrase(ctx: ReportContext) -> str:
    name = " ".join(ctx.plan.profile.manager.split())
    return shorten(name, 80) if name else "the line manager"


def reviewed_with(review: Review) -> str:
    """`` with <the reviewer>`` as markup, or nothing when no one is named. A name too
    long for the boxes and tables it appears in is cut: the review's own entry prints
    it in full."""
    if not review.reviewer.strip():
        return ""
    return f" with {escape_plain(shorten(review.reviewer, LONGEST_CELL))}"


def _head(ctx: ReportContext, *titles: str) -> list:
    s = ctx.styles
    return [Paragraph(t, s.cell_head) for t in titles] + [Paragraph("Page", s.cell_head)]


def _goal_cell(ctx: ReportContext, goal: Goal) -> Paragraph:
    s = ctx.styles
    skill = escape_plain(shorten(ctx.skill_name(goal.skill), LONGEST_CELL))
    title = linked(f"<b>{inline(goal.title)}</b>", goal_key(goal))
    return Paragraph(f"{title}<br/><font color='#4C6272'>{skill}</font>", s.cell)


def _support(ctx: ReportContext, goals: list[Goal]) -> list[Flowable]:
    s = ctx.styles
    # High priority first, then soonest target date.
    goals = sorted(goals, key=request_order)
    fits = all(
        len(g.support) <= CELL_TEXT_LIMIT and g.support.count("\n") <= CELL_LINE_LIMIT
        for g in goals
    )
    if fits:
        rows = [_head(ctx, "Goal", "Support asked for", "By")]
        rows += [
            [
                _goal_cell(ctx, g),
                cell(g.support, s.cell),
                Paragraph(short_date(g.target_date) or "No date", s.cell),
                PageRef(goal_key(g)),
            ]
            for g in goals
        ]
        widths = [56 * mm, BODY_WIDTH - 56 * mm - 24 * mm - PAGE_COLUMN, 24 * mm, PAGE_COLUMN]
        return [grid(rows, widths)]
    # Text too long for a table row (rows cannot split across pages) flows instead.
    story: list[Flowable] = []
    for g in goals:
        story.append(ref_line(_goal_cell(ctx, g), goal_key(g)))
        story += paragraphs(g.support, s.body)
    return story


def _decisions(ctx: ReportContext) -> list[tuple[Goal, str]]:
    decisions: list[tuple[Goal, str]] = []
    for goal in ctx.goals:
        if ctx.is_open(goal):
            if ctx.is_overdue(goal):
                decisions.append(
                    (
                        goal,
                        f"Its target date ({short_date(goal.target_date)}) has passed: agree "
                        "a new date, more support, or to defer it.",
                    )
                )
            missing = []
            if not goal.target_date:
                missing.append("a target date")
            if not goal.measure.strip():
                missing.append("how you will both know it is achieved")
            if missing:
                decisions.append((goal, f"Agree {' and '.join(missing)}."))
        elif goal.status == "deferred":
            why = shorten(goal.deferred_reason, 160)
            reason = f" ({escape_plain(why)})" if why else ""
            decisions.append(
                (goal, f"Deferred{reason}: agree whether to take it up again or close it.")
            )
    return decisions


def since_last_review(ctx: ReportContext) -> list[Flowable]:
    """The last review's agreed actions and whether the plan shows them done."""
    s = ctx.styles
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        marked(SINCE_TITLE, s.h1, Mark("since-review", SINCE_TITLE, 0, SINCE_TITLE)),
    ]
    last = ctx.last_review
    if last is None:
        story.append(Paragraph("No review with the line manager has been recorded yet.", s.body))
        return story
    who = reviewed_with(last)
    story.append(Paragraph(f"Last review: <b>{short_date(last.date)}</b>{who}.", s.body))
    agreed = follow_up(last, ctx.goals)
    if not agreed:
        story.append(Paragraph("No actions were recorded as agreed at that review.", s.body))
        return story
    done = sum(1 for a in agreed if a.state == "done")
    story.append(
        Paragraph(
            f"{done} of {len(agreed)} agreed action{'s' if len(agreed) != 1 else ''} "
            "shown as done in this plan.",
            s.intro,
        )
    )
    if any(len(a.text) > CELL_TEXT_LIMIT for a in agreed):
        # Too long for a table row, which cannot split across pages: flow instead.
        for item in agreed:
            story += paragraphs(item.text, s.body)
            story.append(Paragraph(outcome(item), s.muted))
        return story
    rows = [_head(ctx, "Agreed at the review", "What the plan records")]
    for item in agreed:
        rows.append(
            [
                cell(item.text, s.cell),
                Paragraph(outcome(item), s.cell),
                PageRef(goal_key(item.goal)) if item.goal else [],
            ]
        )
    story.append(grid(rows, [88 * mm, BODY_WIDTH - 88 * mm - PAGE_COLUMN, PAGE_COLUMN]))
    story.append(Spacer(1, 2 * mm))
    return story


_OUTCOME = {
    "done": "<b>Done</b>",
    "open": "Not done yet",
    "deferred": "Deferred",
    "untracked": "Not tracked as a goal or action in this plan",
}


def outcome(item: AgreedAction) -> str:
    """What the plan records of an agreed action, as cell markup linking to its goal."""
    text = _OUTCOME[item.state]
    if item.goal is None:
        return f"<font color='#4C6272'>{text}</font>"
    where = linked(inline(shorten(item.goal.title, 90)), goal_key(item.goal))
    if item.action is not None and item.action.due and item.state == "open":
        text += f", due {short_date(item.action.due)}"
    return f"{text}: {where}"
