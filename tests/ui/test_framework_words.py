"""The app names a framework's parts in the framework's own word: the Healthcare
Leadership Model's dimensions are never called skills."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from planner.domain.models import Profile
from planner.frameworks import load_framework
from planner.store import PlanStore

pytestmark = pytest.mark.gui


@pytest.fixture
def hlm_window(tmp_path, window_over):
    path = tmp_path / "hlm.db"
    store = PlanStore.open(path)
    store.start_plan(
        Profile("Oluwaseun Adeyemi-Johnson"), load_framework("healthcare-leadership-model")
    )
    store.close()
    return window_over(path, (1280, 800))


def _headings(window) -> list[str]:
    model = window.nav_model
    return [
        model.item(r).data(Qt.ItemDataRole.AccessibleTextRole)
        for r in range(model.rowCount())
        if not model.item(r).flags() & Qt.ItemFlag.ItemIsSelectable
    ]


def test_the_sidebar_heads_the_healthcare_leadership_model_with_dimensions(hlm_window):
    assert _headings(hlm_window) == ["Dimensions", "Journal"]
    shown = [hlm_window.nav_model.item(r).text() for r in range(hlm_window.nav_model.rowCount())]
    assert "DIMENSIONS" in shown and "SKILLS" not in shown


def test_the_core_framework_still_says_skills(window):
    assert _headings(window) == ["Skills", "Journal"]


def test_the_self_assessment_asks_to_rate_each_dimension(hlm_window, qtbot, modal):
    seen = {}

    def look(dialog):
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        seen["intro"] = next(t for t in texts if t.startswith("Rate yourself"))
        # Saved with nothing rated: the message uses the same word.
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        seen["refusal"] = dialog.error_label.text()

    modal(look)
    hlm_window.assessment_action.trigger()
    assert seen["intro"].startswith("Rate yourself on each dimension as you are now.")
    assert "Skip any dimension you cannot rate yet." in seen["intro"]
    assert seen["refusal"] == "Please rate at least one dimension."
    assert hlm_window.store.all_assessments() == []
