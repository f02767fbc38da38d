"""Conversions between SQLite rows and domain dataclasses."""

from __future__ import annotations

import datetime as dt
import json

from planner.domain.models import (
    Goal,
    GoalAction,
    GoalSummary,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def now_stamp() -> str:
    """UTC time to the second, the form created/updated take everywhere."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_uid() -> str:
    import uuid  # here: it imports platform, about 1.5 ms that opening a plan skips

    return uuid.uuid4().hex


GOAL_COLUMNS = (
    "id, uid, skill, title, description, measure, support, target_date, status, "
    "priority, created, updated, deferred_reason, "
    "(SELECT c.uid FROM cycles c WHERE c.id = closed_cycle), inclusion_objective, wellbeing_goal"
)
# The goals of the current cycle (the working plan); the list indexes are partial
# on exactly this term, so it must be written the same way everywhere.
CURRENT = "closed_cycle IS NULL"


def goal_from_row(row: tuple) -> Goal:
    (
        gid,
        uid,
        skill,
        title,
        description,
        measure,
        support,
        target,
        status,
        priority,
        created,
        updated,
        deferred_reason,
        closed_cycle,
        inclusion_objective,
        wellbeing_goal,
    ) = row
    return Goal(
        id=gid,
        uid=uid,
        skill=skill,
        title=title,
        description=description,
        measure=measure,
        support=support,
        target_date=day(target),
        status=status,
        priority=priority,
        created=created,
        updated=updated,
        deferred_reason=deferred_reason,
        closed_cycle=closed_cycle,
        inclusion_objective=bool(inclusion_objective),
        wellbeing_goal=bool(wellbeing_goal),
    )


def goal_values(goal: Goal) -> dict:
    return {
        "uid": goal.uid,
        "skill": goal.skill,
        "title": goal.title,
        "description": goal.description,
        "measure": goal.measure,
        "support": goal.support,
        "target_date": iso(goal.target_date),
        "status": goal.status,
        "priority": goal.priority,
        "created": goal.created,
        "updated": goal.updated,
        "deferred_reason": goal.deferred_reason,
        "inclusion_objective": int(goal.inclusion_objective),
        "wellbeing_goal": int(goal.wellbeing_goal),
    }


# Only what a list shows: each further count would be another index search per goal.
SUMMARY_SQL = """
    SELECT g.id, g.uid, g.skill, g.title, g.status, g.priority, g.target_date,
        COALESCE((SELECT p.percent FROM progress_entries p WHERE p.goal_id = g.id
                  ORDER BY p.date DESC, p.id DESC LIMIT 1), 0),
        g.updated, g.inclusion_objective, g.wellbeing_goal
    FROM goals g
"""


def summary_from_row(row: tuple) -> GoalSummary:
    gid, uid, skill, title, status, priority, target, percent, updated, inclusion, wellbeing = row
    return GoalSummary(
        gid,
        uid,
        skill,
        title,
        status,
        priority,
        day(target),
        percent,
        updated,
        bool(inclusion),
        bool(wellbeing),
    )


def action_from_row(row: tuple) -> GoalAction:
    return GoalAction(id=row[0], text=row[1], due=day(row[2]), done=bool(row[3]))


def progress_from_row(row: tuple) -> ProgressEntry:
    return ProgressEntry(id=row[0], date=day(row[1]), percent=row[2], note=row[3])


def reflection_from_row(row: tuple, goal_uid: str | None, themes: str = "[]") -> Reflection:
    rid, date, skill, _goal_id, title, model, sections, private = row
    return Reflection(
        themes=tuple(json.loads(themes)),
        id=rid,
        date=day(date),
        skill=skill,
        goal=goal_uid,
        title=title,
        model=model,
        sections=json.loads(sections),
        private=bool(private),
    )


REVIEW_COLUMNS = "id, date, reviewer, notes, agreed_actions, next_review"


def review_from_row(row: tuple) -> Review:
    rid, date, reviewer, notes, agreed_actions, next_review = row
    return Review(
        id=rid,
        date=day(date),
        reviewer=reviewer,
        notes=notes,
        agreed_actions=agreed_actions,
        next_review=day(next_review),
    )


def review_values(review: Review) -> tuple:
    """The review's values in ``REVIEW_COLUMNS`` order, its id first."""
    return (
        review.id,
        iso(review.date),
        review.reviewer,
        review.notes,
        review.agreed_actions,
        iso(review.next_review),
    )


def assessment_from_row(row: tuple) -> SelfAssessment:
    return SelfAssessment(
        id=row[0], skill=row[1], date=day(row[2]), level=row[3], importance=row[4], note=row[5]
    )
