"""*Start from an example…* on a skill page, on every shipped framework: the examples
and behaviours listed, the chosen one opened in the goal editor, the goal saved."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.domain.models import Profile
from planner.frameworks import available_frameworks
from planner.store import PlanStore
from planner.ui.dialogs.example_goal_dialog import ExampleGoalDialog

pytestmark = pytest.mark.gui

FRAMEWORKS = available_frameworks()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_every_shipped_framework_gives_each_skill_examples_and_behaviours():
    assert len(FRAMEWORKS) == 3
    for framework in FRAMEWORKS:
        for skill in framework.skills:
            assert skill.example_goals and skill.behaviours, (framework.id, skill.id)


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
def test_a_goal_started_from_an_example_on_each_framework(
    framework, tmp_path, window_over, qtbot, modal
):
    path = tmp_path / "plan.db"
    store = PlanStore.open(path)
    store.start_plan(Profile("Ngozi Okonkwo-Adébáyọ̀"), framework)
    store.close()
    skill = framework.skills[-1]
    win = window_over(path, (1366, 768))
    win.show_page(f"skill:{skill.id}")
    page = win.current_skill_page()
    seen = {}

    def in_the_editor(dialog):
        seen["title"] = dialog.title_edit.text()
        seen["measure"] = dialog.measure_edit.toPlainText()
        seen["skill"] = dialog.skill_combo.currentData()
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def choose(dialog: ExampleGoalDialog):
        seen["examples"] = [dialog.examples.item(i).text() for i in range(dialog.examples.count())]
        seen["behaviours"] = [
            dialog.behaviours.item(i).text() for i in range(dialog.behaviours.count())
        ]
        assert QApplication.focusWidget() is dialog.examples
        _press(qtbot, Qt.Key.Key_Down)  # the second example
        _press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.behaviours
        _press(qtbot, Qt.Key.Key_Space)  # tick the first behaviour
        modal(in_the_editor)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(choose)
    qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)

    assert seen["examples"] == list(skill.example_goals)
    assert seen["behaviours"] == list(skill.behaviours)
    assert (seen["title"], seen["skill"]) == (skill.example_goals[1], skill.id)
    assert seen["measure"] == f"Others will see me:\n• {skill.behaviours[0]}"
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT skill, title, measure FROM goals").fetchall()
    finally:
        conn.close()
    assert rows == [(skill.id, skill.example_goals[1], seen["measure"])]
    assert page.model.rowCount() == 1


def test_a_skill_without_examples_says_so_and_offers_to_write_ones_own(qtbot):
    skill = dataclasses.replace(FRAMEWORKS[0].skills[0], example_goals=(), behaviours=())
    dialog = ExampleGoalDialog(skill)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.note.isVisible()
    assert dialog.note.text() == (
        f"The framework gives no example goals for {skill.name}: write your own. "
        "The framework lists no behaviours for this one."
    )
    assert dialog.ok_button.text() == "Write my own goal…"
    assert not dialog.examples.isVisible() and not dialog.behaviours.isVisible()
    assert dialog.goal().title == "" and dialog.goal().skill == skill.id


def test_a_skill_with_behaviours_but_no_examples_points_to_them(qtbot):
    skill = dataclasses.replace(FRAMEWORKS[0].skills[0], example_goals=())
    dialog = ExampleGoalDialog(skill)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.note.text().endswith("The behaviours below show what good looks like.")
    assert dialog.behaviours.isVisible() and dialog.focusWidget() is dialog.behaviours
