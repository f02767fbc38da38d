"""Every GUI write goes through the document: a refusal is a message, never the
crash dialog; questions show user text as it is."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.app import create_window
from planner.domain.models import Profile
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework
from planner.ui import flows
from planner.ui.commands import EditGoal

pytestmark = pytest.mark.gui


def test_a_3001_character_name_gives_a_message_not_the_crash_dialog(qtbot, tmp_path, questions):
    win = create_window(tmp_path / "new.db")
    qtbot.addWidget(win)
    win.show()
    name = win.pages["welcome"].fields["name"]
    name.setFocus()
    QApplication.clipboard().setText("A" * 3001)
    qtbot.keySequence(name, "Ctrl+V")
    welcome = win.pages["welcome"]
    assert welcome.counters["name"].text() == "3001 / 3000 characters: 1 too many"
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert "longer than 3000 characters" in welcome.error_label.text()
    assert not win.store.has_plan()
    assert win.current_page_key() == "welcome"
    assert name.text() == "A" * 3001  # nothing typed is lost
    # The document's own check answers the same way, as a message.
    assert not win.doc.start_plan(Profile(name="A" * 3001), load_framework(DEFAULT_FRAMEWORK_ID))
    assert len(questions.asked) == 1 and "longer than 3,000 characters" in questions.asked[0]
    win.store.close()


def test_leaving_the_sample_plan_closes_its_file(qtbot, tmp_path):
    win = create_window(tmp_path / "mine.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(win.pages["welcome"].sample_button, Qt.MouseButton.LeftButton)
    sample = win.store
    assert sample is not win.own_store and sample.has_plan()
    win.banner_button.click()
    with pytest.raises(sqlite3.ProgrammingError):
        sample.db.conn.execute("SELECT 1")
    # Opening it again replaces the closed file with a fresh sample.
    flows.open_sample(win)
    assert win.store.has_plan() and win.store is not sample
    win.store.close()
    win.own_store.close()


def test_the_delete_goal_question_shows_a_markup_title_as_typed(window, qtbot, modal):
    store = window.store
    goal = store.goal(store.goal_summaries()[0].id, with_progress=False)
    changed = store.goal(goal.id, with_progress=False)
    changed.title = "<b>Bold</b> & <i>co</i>"
    window.doc.execute(EditGoal(window.doc, goal, changed))
    seen = []

    def answer(box: QMessageBox):
        seen.append((box.textFormat(), box.text()))
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    modal(answer)
    flows.delete_goal(window, goal.id)
    assert seen[0][0] == Qt.TextFormat.PlainText
    assert "“<b>Bold</b> & <i>co</i>”" in seen[0][1]
    assert store.goal(goal.id) is not None  # Esc is the safe answer


def test_messages_naming_a_path_show_it_as_typed_never_as_markup(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from planner.app import create_window
    from planner.ui import flows

    folder = tmp_path / "<b>Ward 7"
    folder.mkdir()
    window = create_window(folder / "plan.db")
    qtbot.addWidget(window)
    shown = []

    def exec_(box):
        shown.append((box.text(), box.textFormat()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    flows.where_is_my_data(window)
    window.store.close()
    (text, text_format), = shown
    assert "<b>Ward 7" in text and text_format == Qt.TextFormat.PlainText
