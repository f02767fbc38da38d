"""Small words a person reads: undo labels, counts and dates as the UK writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.models import Goal, SelfAssessment
from planner.ui import flows
from planner.ui.commands import AddGoal, SaveAssessmentRound

pytestmark = pytest.mark.gui

LONG_TITLE = (
    "Lead the morning safety huddle twice a week and hand it over to a Band 5 "
    "nurse by the spring"
)


def test_undo_labels_use_uk_dates_and_keep_the_toolbar_still(window):
    doc = window.doc
    button = window.toolbar.widgetForAction(window.undo_action)
    width = button.sizeHint().width()
    day = dt.date(2026, 11, 3)
    doc.execute(SaveAssessmentRound(doc, day, [SelfAssessment("learn-to-follow", day, 2)]))
    assert window.undo_action.text() == "Undo Self-assessment of 3 Nov 2026"
    assert button.text() == "Undo"
    assert button.sizeHint().width() == width
    assert "3 Nov 2026" in button.toolTip()
    doc.execute(AddGoal(doc, Goal(skill="learn-to-follow", title=LONG_TITLE)))
    label = window.undo_action.text()
    assert label.startswith("Undo Add goal “Lead the morning safety huddle")
    assert label.endswith("…”")  # shortened at a word, and says so
    assert button.sizeHint().width() == width


def test_one_progress_entry_is_one_entry(window, questions):
    store = window.store
    goal = next(g for g in store.goal_summaries() if store.progress_count(g.id) == 1)
    window.show_goal(goal.id)
    page = window.current_skill_page()
    assert page.history_label.text() == "Progress history (1 entry)"
    questions.answer("no")
    flows.delete_goal(window, goal.id)
    assert "with its actions and 1 progress entry?" in questions.asked[0]
