"""The light facts the nudge rules read: a few small queries, no goal history or
reflection text loaded, so the overview can work them out on every reload."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.domain.models import latest_review
from planner.domain.nudges import NudgeFacts, OpenGoal, QuietGoal
from planner.store.rows import day, iso

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore


def nudge_facts(store: PlanStore, today: dt.date) -> NudgeFacts:
    """The facts ``find_nudges`` needs of the plan in ``store``, as of ``today``."""
    db = store.db
    # The latest progress date comes from the (goal_id, date, id) index; a goal set
    # in progress with nothing logged counts from its last edit. Overdue goals have a
    # nudge of their own, so their history is not read at all.
    quiet = [
        QuietGoal(goal_id, title, day(moved))
        for goal_id, title, moved in db.execute(
            "SELECT g.id, g.title, COALESCE((SELECT MAX(p.date) FROM progress_entries p "
            "WHERE p.goal_id = g.id), substr(g.updated, 1, 10)) FROM goals g "
            "WHERE g.status = 'in_progress' AND g.closed_cycle IS NULL "
            "AND (g.target_date IS NULL OR g.target_date >= ?) "
            "ORDER BY g.id",
            [iso(today)],
        )
        if moved
    ]
    overdue = [
        OpenGoal(goal_id, title, day(target))
        for goal_id, title, target in db.execute(
            "SELECT id, title, target_date FROM goals WHERE target_date < ? AND status NOT IN "
            "('achieved', 'deferred') AND closed_cycle IS NULL ORDER BY target_date, id",
            [iso(today)],
        )
    ]
    dates = store.assessment_dates()
    last_reflection = db.execute("SELECT MAX(date) FROM reflections").fetchone()[0]
    review = latest_review(store.reviews())
    profile = store.profile()
    # Each from an index (goals_skill, goals_inclusion, goals_wellbeing), not the table.
    has_goals, inclusion, wellbeing = db.execute(
        "SELECT EXISTS(SELECT 1 FROM goals WHERE closed_cycle IS NULL), "
        "EXISTS(SELECT 1 FROM goals WHERE inclusion_objective = 1 AND closed_cycle IS NULL), "
        "EXISTS(SELECT 1 FROM goals WHERE wellbeing_goal = 1 AND closed_cycle IS NULL)"
    ).fetchone()
    return NudgeFacts(
        in_progress=quiet,
        overdue=overdue,
        last_assessment=dates[-1] if dates else None,
        period_start=profile.period_start if profile else None,
        period_end=profile.period_end if profile else None,
        last_reflection=day(last_reflection),
        next_review=review.next_review if review else None,
        has_goals=bool(has_goals),
        inclusion_objective=bool(inclusion),
        wellbeing_goal=bool(wellbeing),
    )
