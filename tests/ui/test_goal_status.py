"""A goal's status and progress agree: 100% offers "achieved", achieved below 100%
asks, deferring asks why (kept in the plan, its file and its PDF), and ticking
actions counts them without touching the percent."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner import planfile
from planner.ui import flows
from tests.report.conftest import build, flat

pytestmark = pytest.mark.gui


def _goal_at(store, percent):
    return next(g for g in store.goal_summaries() if g.percent == percent)


def _save(qtbot):
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )


def test_logging_100_percent_offers_to_mark_the_goal_achieved(window, qtbot, modal, questions):
    store = window.store
    goal = _goal_at(store, 70)

    def log_100(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "100")
        _save(qtbot)

    modal(log_100)
    flows.log_progress(window, goal.id)
    assert "You logged 100%" in questions.asked[0]
    after = store.goal_summary(goal.id)
    assert (after.status, after.percent) == ("achieved", 100)
    window.undo_action.trigger()  # one action: both come back
    after = store.goal_summary(goal.id)
    assert (after.status, after.percent) == (goal.status, 70)


def test_not_yet_keeps_the_status_and_the_logged_100(window, qtbot, modal, questions):
    store = window.store
    goal = _goal_at(store, 70)
    modal(lambda d: (qtbot.keyClicks(QApplication.focusWidget(), "100"), _save(qtbot)))
    questions.answer("no")
    flows.log_progress(window, goal.id)
    after = store.goal_summary(goal.id)
    assert (after.status, after.percent) == (goal.status, 100)


def test_marking_achieved_below_100_asks_and_records_100(window, qtbot, modal, questions):
    store = window.store
    goal = _goal_at(store, 55)

    def mark_achieved(dialog):
        dialog.status_combo.setFocus()
        qtbot.keyClicks(dialog.status_combo, "Ach")
        assert dialog.status_combo.currentData() == "achieved"
        questions.answer("no")  # keep editing
        _save(qtbot)
        assert dialog.isVisible()
        _save(qtbot)  # and now yes

    modal(mark_achieved)
    flows.edit_goal(window, goal.id)
    assert "progress is 55%" in questions.asked[0]
    after = store.goal(goal.id)
    assert after.status == "achieved"
    assert (after.progress[-1].date, after.progress[-1].percent) == (dt.date.today(), 100)
    window.undo_action.trigger()
    after = store.goal_summary(goal.id)
    assert (after.status, after.percent) == ("in_progress", 55)


def test_deferring_asks_why_and_the_reason_reaches_the_plan_file_and_pdf(
    window, qtbot, modal, questions
):
    store = window.store
    goal = _goal_at(store, 55)

    def defer(dialog):
        dialog.status_combo.setFocus()
        qtbot.keyClicks(dialog.status_combo, "Def")
        _save(qtbot)
        assert "why the goal is deferred" in dialog.error_label.text()
        assert QApplication.focusWidget() is dialog.deferred_edit
        qtbot.keyClicks(dialog.deferred_edit, "Ward move in March; agreed with Sam.")
        _save(qtbot)

    modal(defer)
    flows.edit_goal(window, goal.id)
    saved = store.goal(goal.id)
    assert (saved.status, saved.deferred_reason) == (
        "deferred",
        "Ward move in March; agreed with Sam.",
    )
    plan = store.load_plan()
    text = planfile.dumps(plan, exported_at="fixed")
    assert '"deferred_reason": "Ward move in March; agreed with Sam."' in text
    pdf, _pages = build(plan)
    assert "Deferred because Ward move in March; agreed with Sam." in flat(" ".join(pdf.pages))


def test_ticking_actions_counts_them_and_never_changes_the_percent(window, qtbot):
    store = window.store
    goal = next(
        g for g in store.goal_summaries() if store.goal(g.id).actions and g.status != "achieved"
    )
    full = store.goal(goal.id)
    window.show_goal(goal.id)
    page = window.current_skill_page()
    done = sum(a.done for a in full.actions)
    total = len(full.actions)
    assert f"{done} of {total} action" in page.detail_meta.text()
    first_open = next(i for i, a in enumerate(full.actions) if not a.done)
    index = page.actions_model.index(first_open, 0)
    page.actions_model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert f"{done + 1} of {total} action" in page.detail_meta.text()
    assert store.goal_summary(goal.id).percent == goal.percent
    assert f"{goal.percent}% done" in page.detail_meta.text()


def test_an_achieved_goal_never_reads_zero_percent_done(window):
    store = window.store
    goal = _goal_at(store, 0)
    full = store.goal(goal.id, with_progress=False)
    full.status = "achieved"
    store.update_goal(full)  # as an older version or a plan file may have left it
    window.doc.notify("goals")
    window.show_goal(goal.id)
    meta = window.current_skill_page().detail_meta.text()
    assert meta.startswith("Achieved")
    assert "0% done" not in meta
    assert "target no target date" not in meta
