"""A change updates the page in view at once; pages out of sight catch up when shown."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.models import ProgressEntry
from planner.ui.commands import LogProgress

pytestmark = pytest.mark.gui


def test_logging_progress_updates_one_row_and_reloads_the_overview_when_shown(window, monkeypatch):
    window.show_page("overview")
    overview = window.page("overview")
    skill = window.doc.framework.skills[0]
    window.show_page(f"skill:{skill.id}")
    page = window.current_skill_page()
    goal = next(g for g in window.store.goal_summaries(skill.id) if g.percent < 90)
    assert page.select_goal(goal.id)

    reloads = {"skill": 0, "overview": 0}
    for name, target in (("skill", page), ("overview", overview)):
        original = target.reload

        def counted(name=name, original=original):
            reloads[name] += 1
            original()

        monkeypatch.setattr(target, "reload", counted)

    entry = ProgressEntry(dt.date.today(), 95, "Ran the huddle on my own")
    assert window.doc.execute(LogProgress(window.doc, goal.id, entry))
    # Only the goal's own row is read again, not the skill's whole list.
    assert reloads == {"skill": 0, "overview": 0}
    row = page.model.row_of(goal.id)
    assert page.model.row_at(row).percent == 95
    assert page.current_goal_id() == goal.id

    assert page.progress_model.entry_at(0).note == "Ran the huddle on my own"

    window.doc.undo_stack.undo()
    assert page.model.row_at(page.model.row_of(goal.id)).percent == goal.percent
    assert page.current_goal_id() == goal.id

    window.show_page("overview")
    assert reloads == {"skill": 0, "overview": 1}
    shown = {r.skill_id: r for r in overview.skills_model._rows}[skill.id]
    assert shown.average == pytest.approx(window.store.skill_stats()[skill.id][2])
