"""The one date field, typed into as people do: UK dates read right, shown in words,
a calendar from the keyboard, no silent changes; and action due dates that keep."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from planner.domain.models import GoalAction
from planner.ui.dialogs.goal_dialog import GoalDialog
from planner.ui.dialogs.progress_dialog import ProgressDialog
from planner.ui.document import PlanDocument
from planner.ui.launch import make_application
from planner.ui.models.actions_model import COL_DUE, COL_TEXT

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(store):
    make_application()
    return PlanDocument(store)


@pytest.fixture
def progress(qtbot, doc):
    dialog = ProgressDialog(doc, doc.store.goal_summaries()[1].id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.date_edit.setFocus()
    qtbot.waitUntil(dialog.date_edit.edit.hasFocus)
    return dialog


def _save_by_keyboard(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _retype(qtbot, date_input, text):
    edit = date_input.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


@pytest.mark.parametrize(
    ("typed", "day", "words"),
    [
        ("15/01/2027", dt.date(2027, 1, 15), "Friday 15 January 2027"),
        ("15 Jan 2027", dt.date(2027, 1, 15), "Friday 15 January 2027"),
        ("31 Dec 2026", dt.date(2026, 12, 31), "Thursday 31 December 2026"),
        ("2027-01-15", dt.date(2027, 1, 15), "Friday 15 January 2027"),
    ],
)
def test_a_typed_uk_date_is_read_and_confirmed_in_words(qtbot, progress, typed, day, words):
    _retype(qtbot, progress.date_edit, typed)
    assert progress.date_edit.meaning.text() == words
    assert progress.date_edit.date() == day
    _save_by_keyboard(qtbot, progress.date_edit.edit)
    assert progress.result() == ProgressDialog.DialogCode.Accepted
    assert progress.entry().date == day


def test_today_means_today(qtbot, progress):
    _retype(qtbot, progress.date_edit, "today")
    assert progress.date_edit.date() == dt.date.today()


def test_arrow_keys_and_the_wheel_never_change_the_date(qtbot, progress):
    before = progress.date_edit.date()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        qtbot.keyClick(progress.date_edit.edit, key)
    assert progress.date_edit.date() == before


def test_the_date_is_one_tab_stop(qtbot, progress):
    qtbot.keyClick(progress.date_edit.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is progress.percent_spin


def test_text_that_is_not_a_date_says_why_blocks_save_and_is_kept(qtbot, progress):
    _retype(qtbot, progress.date_edit, "31/02/2027")
    assert "February 2027 has no day 31" in progress.date_edit.meaning.text()
    _save_by_keyboard(qtbot, progress.date_edit.edit)
    assert progress.isVisible()
    assert "no day 31" in progress.error_label.text()
    assert progress.date_edit.text() == "31/02/2027"
    assert QApplication.focusWidget() is progress.date_edit.edit


@pytest.mark.parametrize(
    "keys",
    [
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_the_calendar_opens_from_the_keyboard_and_enter_picks_a_day(qtbot, progress, keys):
    _retype(qtbot, progress.date_edit, "15/01/2027")
    qtbot.keyClick(progress.date_edit.edit, keys[0], keys[1])
    popup = progress.date_edit.popup
    assert popup is not None and popup.isVisible()
    calendar = QApplication.focusWidget()
    while calendar is not None and not isinstance(calendar, QCalendarWidget):
        calendar = calendar.parentWidget()
    assert calendar is popup.calendar
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert progress.date_edit.date() == dt.date(2027, 1, 16)
    assert progress.date_edit.meaning.text() == "Saturday 16 January 2027"
    assert QApplication.focusWidget() is progress.date_edit.edit


def test_esc_in_the_calendar_closes_it_and_keeps_the_date(qtbot, progress):
    before = progress.date_edit.date()
    qtbot.keyClick(progress.date_edit.edit, Qt.Key.Key_F4)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not progress.date_edit.popup.isVisible()
    assert progress.isVisible()  # the Esc closed the calendar, not the dialog
    assert progress.date_edit.date() == before


def test_an_optional_date_left_empty_means_no_date(qtbot, doc):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    qtbot.keyClicks(dialog.title_edit, "Chair the ward meeting")
    assert dialog.target_edit.meaning.text() == "No date"
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    assert dialog.goal().target_date is None


# -- action due dates in the goal editor --------------------------------------------


def _edit_goal_dialog(qtbot, doc, actions):
    summary = doc.store.goal_summaries()[1]
    goal = doc.store.goal(summary.id, with_progress=False)
    goal.actions = actions
    dialog = GoalDialog(doc, goal)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    return dialog


def test_opening_and_closing_a_due_date_cell_keeps_the_date(qtbot, doc):
    due = dt.date(2026, 9, 30)
    dialog = _edit_goal_dialog(qtbot, doc, [GoalAction("Book the course", due)])
    view = dialog.actions_view
    view.setFocus()
    view.setCurrentIndex(dialog.actions_model.index(0, COL_DUE))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text() == "30 Sept 2026" or editor.text() == "30 Sep 2026"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    assert dialog.goal().actions[0].due == due


def test_a_new_action_gets_a_typed_due_date(qtbot, doc):
    dialog = _edit_goal_dialog(qtbot, doc, [])
    dialog.add_action_button.setFocus()
    qtbot.keyClick(dialog.add_action_button, Qt.Key.Key_Space)
    qtbot.keyClicks(QApplication.focusWidget(), "Ask for feedback")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    view = dialog.actions_view
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == COL_DUE
    qtbot.keyClicks(view, "3")  # typing starts the editor, with that key in it
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "1 Dec 2026")
    assert editor.text() == "31 Dec 2026"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.actions_model.index(0, COL_DUE).data() == "31 Dec 2026")
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    assert [(a.text, a.due) for a in dialog.goal().actions] == [
        ("Ask for feedback", dt.date(2026, 12, 31))
    ]


def test_ctrl_enter_while_typing_a_due_date_saves_it(qtbot, doc):
    dialog = _edit_goal_dialog(qtbot, doc, [GoalAction("Book the course")])
    view = dialog.actions_view
    view.setFocus()
    view.setCurrentIndex(dialog.actions_model.index(0, COL_DUE))
    qtbot.keyClicks(view, "1")
    qtbot.keyClicks(QApplication.focusWidget(), "5/01/2027")
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    assert dialog.goal().actions[0].due == dt.date(2027, 1, 15)


def test_a_due_date_that_is_not_a_date_is_kept_and_blocks_save(qtbot, doc):
    dialog = _edit_goal_dialog(qtbot, doc, [GoalAction("Book the course", dt.date(2026, 9, 30))])
    view = dialog.actions_view
    view.setFocus()
    view.setCurrentIndex(dialog.actions_model.index(0, COL_DUE))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "next Tuesday")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # stays open: not a date
    assert QApplication.focusWidget() is editor
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # leaving it keeps the text, marked
    assert dialog.actions_model.index(0, COL_DUE).data() == "next Tuesday (not a date)"
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert dialog.isVisible()
    assert "Action 1" in dialog.error_label.text() and "next Tuesday" in dialog.error_label.text()
    assert dialog.actions_model.index(0, COL_TEXT).data() == "Book the course"


def test_closing_a_due_date_editor_leaves_qt_nothing_to_complain_about(qtbot, doc, qtlog):
    dialog = _edit_goal_dialog(qtbot, doc, [GoalAction("Book the course", dt.date(2026, 9, 30))])
    view = dialog.actions_view
    view.setFocus()
    view.setCurrentIndex(dialog.actions_model.index(0, COL_DUE))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    qtbot.wait(20)
    assert [r.message for r in qtlog.records if "editor" in r.message] == []
    assert dialog.isVisible()  # Enter in the cell commits the cell, not the dialog
