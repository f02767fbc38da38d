"""Dates a plan holds itself to: which goals are still open, which are overdue, and the
dated items a calendar shows. One rule here serves the goal lists and the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from planner.domain.models import Plan, planned_next_review

# Achieved goals are done and deferred ones put aside: neither is chased any more.
CLOSED_STATUSES = frozenset({"achieved", "deferred"})


def is_open(status: str) -> bool:
    """True for a goal still being worked on (not started or in progress)."""
    return status not in CLOSED_STATUSES


def is_overdue(status: str, target_date: dt.date | None, today: dt.date) -> bool:
    """True for an open goal whose target date has passed."""
    return target_date is not None and target_date < today and is_open(status)


@dataclass(frozen=True)
class DatedItem:
    """One date a calendar shows: a goal's target, an action's due date or the next
    review. ``key`` names the plan item for good (the same item, the same key, on
    every export), so a calendar can update the entry instead of adding another.
    ``goal_title`` is the only text of the plan the entry carries."""

    kind: Literal["goal", "action", "review"]
    key: str
    date: dt.date
    goal_title: str = ""


def dated_items(plan: Plan) -> list[DatedItem]:
    """The target dates of the current cycle's open goals, the due dates of open
    actions on them, and the next planned review, in date order (goals closed with an
    earlier cycle are done with).

    Goals are keyed by their ``uid`` (kept across plan files), actions by their goal's
    ``uid`` and their own store id; the next review has one key, so a new date moves
    the entry.
    """
    items: list[DatedItem] = []
    for goal in plan.current_goals:
        if not is_open(goal.status):
            continue
        goal_key = goal.uid or f"id-{goal.id}"
        if goal.target_date is not None:
            items.append(DatedItem("goal", f"goal-{goal_key}", goal.target_date, goal.title))
        for number, action in enumerate(goal.actions, start=1):
            if action.done or action.due is None:
                continue
            action_key = action.id if action.id is not None else f"n{number}"
            items.append(
                DatedItem("action", f"action-{goal_key}-{action_key}", action.due, goal.title)
            )
    next_review = planned_next_review(plan)
    if next_review is not None:
        items.append(DatedItem("review", "next-review", next_review))
    items.sort(key=lambda item: (item.date, item.kind, item.key))
    return items
