"""The main window driven through its real widgets; each flow checks the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QListView, QTableView, QWidget

from planner.app import create_window
from planner.ui.dialogs.goal_dialog import GoalDialog
from planner.ui.dialogs.progress_dialog import ProgressDialog
from planner.ui.models.goals_model import COL_TITLE

pytestmark = pytest.mark.gui

CONTRACT_NAMES = [
    "Skills",
    "Goals",
    "New goal",
    "Log progress",
    "New reflection",
    "Self-assessment",
    "Export PDF",
]


def _named(window, name):
    return [w for w in window.findChildren(QWidget) if w.accessibleName() == name]


def test_accessible_names_of_the_contract_exist(window):
    window.show_page("skill:learn-to-follow")
    for name in CONTRACT_NAMES:
        assert _named(window, name), f"no control named {name!r}"
    assert isinstance(_named(window, "Skills")[0], QListView)
    assert any(isinstance(w, QTableView) for w in _named(window, "Goals"))


def test_every_button_has_an_accessible_name(window):
    for page_key in window.page_keys():
        window.show_page(page_key)
    unnamed = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisibleTo(window) and not (b.accessibleName() or b.text())
    ]
    assert unnamed == []


def test_title_names_the_app_and_person(window):
    assert "Leadership Planner" in window.windowTitle()
    assert "Siân Okafor" in window.windowTitle()


def test_sidebar_lists_overview_skills_and_journal(window):
    titles = [window.nav_model.item(r).text().strip() for r in range(window.nav_model.rowCount())]
    assert titles[:5] == [
        "Overview",
        "SKILLS",
        "Learn to follow",
        "Develop situational awareness",
        "Empower the team and resolve conflicts",
    ]
    assert {"Reflections", "Reviews", "Profile"} <= set(titles)


def test_clicking_a_skill_in_the_sidebar_shows_its_page(window, qtbot):
    rect = window.nav.visualRect(window.nav_model.index(3, 0))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page_key() == "skill:situational-awareness"
    page = window.current_skill_page()
    titles = {page.model.index(r, COL_TITLE).data() for r in range(page.model.rowCount())}
    assert "Predict and plan for the next day's staffing gaps by 3pm" in titles


def test_arrow_keys_in_the_sidebar_pass_over_headings(window, qtbot):
    window.nav.setFocus()
    window.show_page("overview")
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_page_key() == "skill:learn-to-follow"


def test_first_run_creates_profile_and_framework(qtbot, tmp_path):
    win = create_window(tmp_path / "new.db")
    qtbot.addWidget(win)
    win.show()
    welcome = win.pages["welcome"]
    assert not win.new_goal_action.isEnabled()
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    assert welcome.error_label.isVisible()  # a name is required
    assert not win.store.has_plan()
    welcome.fields["name"].insert("Łukasz Nowak")  # QTest cannot type non-ASCII keys
    qtbot.keyClicks(welcome.fields["aspiration"], "Charge nurse")
    welcome.framework_combo.setCurrentIndex(
        welcome.framework_combo.findData("healthcare-leadership-model")
    )
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    profile = win.store.profile()
    assert profile.name == "Łukasz Nowak" and profile.aspiration == "Charge nurse"
    assert len(win.store.framework().skills) == 9
    assert win.current_page_key() == "overview"
    assert win.new_goal_action.isEnabled()
    assert "Łukasz Nowak" in win.windowTitle()
    win.store.close()


def test_sample_plan_opens_without_touching_own_plan(qtbot, tmp_path):
    win = create_window(tmp_path / "mine.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.mouseClick(win.pages["welcome"].sample_button, Qt.MouseButton.LeftButton)
    assert win.store.has_plan() and win.banner.isVisibleTo(win)
    assert not win.own_store.has_plan()
    qtbot.mouseClick(win.banner_button, Qt.MouseButton.LeftButton)
    assert win.store is win.own_store and "welcome" in win.pages
    win.sample_store.close()
    win.own_store.close()


def _fill_goal(dialog: GoalDialog):
    dialog.skill_combo.setCurrentIndex(dialog.skill_combo.findData("empower-and-resolve"))
    dialog.title_edit.setText("Run a team huddle on <b>conflict</b> & respect")
    dialog.measure_edit.setPlainText("Team survey shows 80% feel heard")
    dialog.priority_combo.setCurrentIndex(dialog.priority_combo.findData("high"))
    dialog.target_edit.set_date(dt.date(2027, 3, 1))
    dialog.add_action_button.click()
    row = dialog.actions_model.rowCount() - 1
    dialog.actions_model.setData(dialog.actions_model.index(row, 0), "Book the room")
    dialog.add_action_button.click()
    dialog.actions_model.setData(dialog.actions_model.index(row + 1, 0), "Invite the team")


def test_create_edit_and_delete_a_goal_with_undo(window, answer_dialog, confirm):
    store = window.store
    before = len(store.goal_summaries())
    answer_dialog(GoalDialog, _fill_goal)
    window.new_goal_action.trigger()
    goals = store.goal_summaries("empower-and-resolve")
    created = [g for g in goals if g.title.startswith("Run a team huddle")]
    assert len(created) == 1
    goal = store.goal(created[0].id)
    assert goal.title == "Run a team huddle on <b>conflict</b> & respect"
    assert goal.priority == "high" and goal.target_date == dt.date(2027, 3, 1)
    assert [a.text for a in goal.actions] == ["Book the room", "Invite the team"]
    assert window.current_skill_page().current_goal_id() == goal.id

    def edit(dialog):
        dialog.title_edit.setText("Run a team huddle on respect")
        dialog.actions_model.remove_action(0)

    answer_dialog(GoalDialog, edit)
    window.current_skill_page().edit_button.click()
    edited = store.goal(goal.id)
    assert edited.title == "Run a team huddle on respect"
    assert [a.text for a in edited.actions] == ["Invite the team"]

    window.undo_action.trigger()
    assert store.goal(goal.id).title.startswith("Run a team huddle on <b>")
    window.redo_action.trigger()
    assert store.goal(goal.id).title == "Run a team huddle on respect"

    window.current_skill_page().delete_button.click()
    assert confirm and "Run a team huddle on respect" in confirm[-1]
    assert store.goal(goal.id) is None
    assert len(store.goal_summaries()) == before
    window.undo_action.trigger()
    assert store.goal(goal.id).title == "Run a team huddle on respect"


def test_goal_without_title_is_refused_in_the_dialog(window, answer_dialog):
    before = len(window.store.goal_summaries())
    seen = {}

    def fill(dialog):
        dialog.title_edit.setText("   ")
        dialog.accept()
        seen["error"] = dialog.error_label.text()
        seen["visible"] = dialog.error_label.isVisibleTo(dialog)
        dialog.reject()

    answer_dialog(GoalDialog, fill, accept=False)
    window.new_goal_action.trigger()
    assert seen["visible"] and "title" in seen["error"].lower()
    assert len(window.store.goal_summaries()) == before


def test_example_goal_fills_the_title(window, qtbot):
    dialog = GoalDialog(window.doc, skill="learn-to-follow", parent=window)
    qtbot.addWidget(dialog)
    assert dialog.example_combo.count() > 1
    dialog.example_combo.setCurrentIndex(1)
    dialog.example_combo.activated.emit(1)
    assert dialog.title_edit.text() == dialog.example_combo.itemData(1)


def test_log_progress_moves_goal_to_in_progress_and_undo_restores(window, answer_dialog):
    store = window.store
    window.show_page("skill:situational-awareness")
    page = window.current_skill_page()
    target = next(
        g for g in store.goal_summaries("situational-awareness") if g.status == "not_started"
    )
    assert page.select_goal(target.id)

    def fill(dialog: ProgressDialog):
        assert dialog.goal_id() == target.id
        assert dialog.date_edit.date() == dt.date.today()
        dialog.percent_spin.setValue(30)
        dialog.note_edit.setPlainText("Booked the study day")

    answer_dialog(ProgressDialog, fill)
    window.log_progress_action.trigger()
    summary = store.goal_summary(target.id)
    assert summary.percent == 30 and summary.status == "in_progress"
    assert store.progress(target.id)[-1].note == "Booked the study day"
    assert page.progress_model.rowCount() == 1
    assert "1 entries" in page.history_label.text() or "1 entry" in page.history_label.text()

    window.undo_action.trigger()
    summary = store.goal_summary(target.id)
    assert store.progress_count(target.id) == 0 and summary.status == "not_started"
    window.redo_action.trigger()
    assert store.goal_summary(target.id).percent == 30


def test_ticking_an_action_is_saved_and_undoable(window):
    store = window.store
    window.show_page("skill:learn-to-follow")
    page = window.current_skill_page()
    goal_id = store.goal_id_for_uid("demo-goal-2")
    assert page.select_goal(goal_id)
    goal = store.goal(goal_id)
    row = next(i for i, a in enumerate(goal.actions) if not a.done)
    index = page.actions_model.index(row, 0)
    page.actions_model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert store.goal(goal_id).actions[row].done
    window.undo_action.trigger()
    assert not store.goal(goal_id).actions[row].done


def test_filter_narrows_the_goals_table(window, qtbot):
    window.show_page("skill:empower-and-resolve")
    page = window.current_skill_page()
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search, "break-time")
    assert page.model.rowCount() == 1
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData("deferred"))
    assert page.model.rowCount() == 1


def test_shortcuts_are_set(window):
    assert window.new_goal_action.shortcut().toString() == "Ctrl+N"
    assert window.log_progress_action.shortcut().toString() == "Ctrl+L"
    assert window.new_reflection_action.shortcut().toString() == "Ctrl+R"
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_geometry_is_remembered(qtbot, db_path):
    first = create_window(db_path)
    qtbot.addWidget(first)
    first.resize(1000, 700)
    first.show()
    saved = first.saveGeometry()
    first.close()
    first.store.close()
    assert QSettings().value("window/geometry") == saved
    second = create_window(db_path)
    qtbot.addWidget(second)
    # The offscreen screen is small, so compare what was restored, not raw sizes.
    assert second.height() == 700
    second.store.close()


def test_disk_full_keeps_the_typed_goal_and_says_why(window, monkeypatch, questions):
    store = window.store
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    warnings = questions.asked
    shown = []
    big = "x" * 20000

    def exec_(dialog):
        shown.append(dialog.title_edit.text())
        if len(shown) == 1:
            dialog.title_edit.setText("Goal typed before the disk filled")
            dialog.description_edit.setPlainText(big)
            dialog.accept()
        else:
            assert dialog.description_edit.toPlainText() == big
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(GoalDialog, "exec", exec_)
    before = len(store.goal_summaries())
    window.new_goal_action.trigger()
    assert shown == ["", "Goal typed before the disk filled"]
    assert warnings and "disk is full" in warnings[0]
    assert len(store.goal_summaries()) == before
    assert not window.doc.undo_stack.canUndo()


def test_a_mistaken_progress_entry_can_be_deleted_and_undone(window, confirm):
    store = window.store
    window.show_page("skill:situational-awareness")
    page = window.current_skill_page()
    goal_id = store.goal_id_for_uid("demo-goal-5")
    assert page.select_goal(goal_id)
    assert not page.delete_entry_button.isEnabled()
    newest, previous = store.progress(goal_id, newest_first=True)[:2]
    page.progress_view.setCurrentIndex(page.progress_model.index(0, 0))
    assert page.delete_entry_button.isEnabled()
    before = store.progress_count(goal_id)
    page.delete_entry_button.click()
    assert confirm and f"({newest.percent}%)" in confirm[-1]
    assert store.progress_count(goal_id) == before - 1
    assert newest.id not in {e.id for e in store.progress(goal_id)}
    assert store.goal_summary(goal_id).percent == previous.percent
    window.undo_action.trigger()
    assert store.progress(goal_id, newest_first=True)[0] == newest
