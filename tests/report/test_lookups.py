"""The PDF build finds goals, titles and ratings by id in dictionaries: a plan of
thousands of goals and reflections is not scanned once per reflection."""

from __future__ import annotations

import dataclasses

from planner.demo import demo_plan
from planner.domain.models import Reflection
from tests.report.conftest import TODAY, build


class _CountedList(list):
    """A list that counts how many times it is walked."""

    walks = 0

    def __iter__(self):
        type(self).walks += 1
        return super().__iter__()


def test_goal_titles_of_many_reflections_are_looked_up_not_scanned():
    plan = demo_plan(TODAY)
    goals = plan.goals
    reflections = [
        Reflection(TODAY, f"Reflection {n}", sections={"what": "A shift."}, goal=goals[n % 5].uid)
        for n in range(60)
    ]
    _CountedList.walks = 0
    counted = dataclasses.replace(
        plan, goals=_CountedList(goals), reflections=_CountedList(reflections)
    )
    pdf, _pages = build(counted)
    assert "Reflection 59" in pdf.text
    assert f"Goal: {goals[4].title}" in pdf.text
    # A handful of walks for the whole document, not one or more per reflection.
    assert _CountedList.walks < 12
