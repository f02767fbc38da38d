"""An agreed action of a review made into a goal or an action of a goal from the
Reviews page, by keyboard and by mouse; undone; and its goal deleted afterwards.
Each test reads the database itself."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui.dialogs.add_to_goal_dialog import AddToGoalDialog
from planner.ui.dialogs.goal_dialog import GoalDialog

pytestmark = pytest.mark.gui

LINE = "Review the break rota in six weeks."
NOT_YET = f"{LINE}\n→ Not yet a goal or an action"


def _rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


@pytest.fixture
def reviews(window, qtbot):
    """The Reviews page with the demo's review selected and its last agreed line
    (the one no goal carries) current in the agreed actions list."""
    # Offscreen, a new window is not activated as a window manager would do.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("reviews")
    page = window.pages["reviews"]
    review = window.store.reviews()[0]
    assert page.select_id(review.id)
    panel = page.agreed
    rect = panel.list.visualItemRect(panel.list.item(3))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current().text == LINE
    return page


def test_a_line_made_a_goal_by_keyboard_is_saved_linked_and_shown(reviews, db_path, qtbot, modal):
    seen = {}

    def choose_skill_and_save(dialog):
        # The editor opens on the skill, for the person to choose; the rest is filled.
        seen["focus"] = QApplication.focusWidget() is dialog.skill_combo
        seen["title"] = dialog.title_edit.text()
        seen["details"] = dialog.description_edit.toPlainText()
        _press(qtbot, Qt.Key.Key_End)  # the last skill
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal(choose_skill_and_save)
    reviews.agreed.list.setFocus()
    _press(qtbot, Qt.Key.Key_Return)  # Enter on an untracked line: make it a goal

    assert seen["focus"] and seen["title"] == LINE
    assert seen["details"] == "Agreed at my review on 1 May 2026 with Grace Mensah, Matron."
    [(goal_id, uid, skill)] = _rows(
        db_path, "SELECT id, uid, skill FROM goals WHERE title = ?", [LINE]
    )
    assert skill == "empower-and-resolve"
    links = _rows(db_path, "SELECT line, goal_uid, action_id FROM review_links")
    assert links == [(LINE, uid, None)]
    assert reviews.agreed.shown_texts()[3] == f"{LINE}\n→ Became goal: {LINE} (not done yet)"
    assert f"→ Became goal: {LINE}" in reviews.preview.toPlainText()
    # Done with, the line's buttons give way to showing the goal.
    assert not reviews.agreed.make_goal_button.isEnabled()
    assert reviews.agreed.show_goal_button.isEnabled()

    reviews.doc.undo()
    assert _rows(db_path, "SELECT COUNT(*) FROM goals WHERE title = ?", [LINE]) == [(0,)]
    assert _rows(db_path, "SELECT COUNT(*) FROM review_links") == [(0,)]
    assert reviews.agreed.shown_texts()[3] == NOT_YET
    reviews.doc.redo()
    assert _rows(db_path, "SELECT id FROM goals WHERE title = ?", [LINE]) == [(goal_id,)]
    assert _rows(db_path, "SELECT goal_uid FROM review_links") == [(uid,)]


def test_a_line_made_a_goal_by_mouse_then_the_goal_deleted_says_so(
    window, reviews, db_path, qtbot, modal, confirm
):
    def save(dialog: GoalDialog):
        save_button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)

    modal(save)
    qtbot.mouseClick(reviews.agreed.make_goal_button, Qt.MouseButton.LeftButton)
    [(goal_id, uid)] = _rows(db_path, "SELECT id, uid FROM goals WHERE title = ?", [LINE])

    qtbot.mouseClick(reviews.agreed.show_goal_button, Qt.MouseButton.LeftButton)
    page = window.current_skill_page()
    assert page.current_goal_id() == goal_id
    reloads = []
    reviews.load_rows = lambda: (reloads.append(1), type(reviews).load_rows(reviews))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert confirm
    # Out of sight, the reviews page waits to be shown before reading every goal again.
    assert reloads == []
    assert _rows(db_path, "SELECT COUNT(*) FROM goals WHERE id = ?", [goal_id]) == [(0,)]

    window.show_page("reviews")
    assert reloads == [1]
    assert reviews.agreed.shown_texts()[3] == (
        f"{LINE}\n→ Made into a goal that has since been deleted"
    )
    assert reviews.agreed.make_goal_button.isEnabled()
    # The link stays, so undoing the delete puts everything back.
    assert _rows(db_path, "SELECT goal_uid FROM review_links") == [(uid,)]
    window.doc.undo()
    assert reviews.agreed.shown_texts()[3].startswith(f"{LINE}\n→ Became goal: {LINE}")


def test_a_line_added_to_a_goal_as_an_action_by_keyboard_and_undone(
    window, reviews, db_path, qtbot, modal
):
    seen = {}

    def choose_goal_and_save(dialog: AddToGoalDialog):
        seen["focus"] = QApplication.focusWidget() is dialog.goal_combo
        _press(qtbot, Qt.Key.Key_Down)  # the second goal of the list
        _press(qtbot, Qt.Key.Key_Tab)
        seen["text"] = QApplication.focusWidget().text()
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal(choose_goal_and_save)
    reviews.agreed.list.setFocus()
    _press(qtbot, Qt.Key.Key_Tab)  # Make it a goal…
    _press(qtbot, Qt.Key.Key_Tab)  # Add it to a goal as an action…
    assert QApplication.focusWidget() is reviews.agreed.add_action_button
    _press(qtbot, Qt.Key.Key_Space)
    assert seen == {"focus": True, "text": LINE}

    second = window.store.goal_summaries(window.doc.framework.skills[0].id)[1]
    [(action_id, position)] = _rows(
        db_path, "SELECT id, position FROM goal_actions WHERE goal_id = ? AND text = ?",
        [second.id, LINE],
    )
    count = _rows(db_path, "SELECT COUNT(*) FROM goal_actions WHERE goal_id = ?", [second.id])
    assert position == count[0][0] - 1  # put at the end of the checklist
    assert _rows(db_path, "SELECT goal_uid, action_id FROM review_links") == [
        (second.uid, action_id)
    ]
    assert reviews.agreed.shown_texts()[3] == (
        f"{LINE}\n→ Became an action of: {second.title} (not done yet)"
    )

    window.doc.undo()
    assert _rows(db_path, "SELECT COUNT(*) FROM goal_actions WHERE text = ?", [LINE]) == [(0,)]
    assert _rows(db_path, "SELECT COUNT(*) FROM review_links") == [(0,)]
    assert reviews.agreed.shown_texts()[3] == NOT_YET


def test_editing_the_review_keeps_what_its_lines_became(window, reviews, db_path, qtbot, modal):
    modal(lambda dialog: _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
    qtbot.mouseClick(reviews.agreed.make_goal_button, Qt.MouseButton.LeftButton)
    assert len(_rows(db_path, "SELECT * FROM review_links")) == 1

    def add_to_notes(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), " Follow-up agreed.")
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal(add_to_notes)
    qtbot.mouseClick(reviews.edit_button, Qt.MouseButton.LeftButton)
    assert _rows(db_path, "SELECT notes LIKE '%Follow-up agreed.%' FROM reviews") == [(1,)]
    assert len(_rows(db_path, "SELECT * FROM review_links")) == 1
    assert reviews.agreed.shown_texts()[3].startswith(f"{LINE}\n→ Became goal:")


def test_a_title_too_long_for_a_goal_is_shortened_and_the_whole_line_kept(doc_review):
    from planner.ui.review_follow_up import goal_draft

    review, line = doc_review
    draft = goal_draft(review, line, "learn-to-follow")
    assert len(draft.title) <= 300 and draft.title.endswith("…")
    assert draft.description.endswith(line)


@pytest.fixture
def doc_review(store):
    review = store.reviews()[0]
    return review, "Agree " + "a very long action " * 40



def test_hostile_agreed_lines_are_shown_and_made_goals_as_typed(window, db_path, qtbot, modal):
    from planner.domain.models import Review

    lines = [
        "<b>Bold</b> &amp; </para>",
        "مراجعة خطة الاستراحة",
        "Celebrate with the team 🎉👩🏽‍⚕️",
    ]
    review = window.store.save_review(
        Review(date=window.store.reviews()[0].date, agreed_actions="\n".join(lines))
    )
    window.doc.notify("reviews")
    window.show_page("reviews")
    page = window.pages["reviews"]
    assert page.select_id(review.id)
    assert page.agreed.shown_texts() == [f"{line}\n→ Not yet a goal or an action" for line in lines]

    modal(lambda dialog: _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier))
    page.agreed.list.setCurrentRow(0)
    qtbot.mouseClick(page.agreed.make_goal_button, Qt.MouseButton.LeftButton)
    assert _rows(db_path, "SELECT COUNT(*) FROM goals WHERE title = ?", [lines[0]]) == [(1,)]
    assert page.agreed.shown_texts()[0] == f"{lines[0]}\n→ Became goal: {lines[0]} (not done yet)"
    assert page.agreed.list.item(0).text().startswith("<b>Bold</b>")
