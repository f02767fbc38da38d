"""What the charts of change read beyond the lists: a goal's progress as bare
(date, percent) pairs, without notes, so a long history draws from one light query."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from planner.store.rows import day

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore


def progress_points(store: PlanStore, goal_id: int) -> list[tuple[dt.date, int]]:
    """Every progress entry of ``goal_id`` as (date, percent), oldest first."""
    return [
        (day(date), percent)
        for date, percent in store.db.execute(
            "SELECT date, percent FROM progress_entries WHERE goal_id = ? ORDER BY date, id",
            [goal_id],
        )
    ]
