"""*Import plan file* offers development plan PDFs beside plan files and imports the plan
a received PDF carries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from planner.demo import demo_plan
from planner.report import build_pdf_bytes
from planner.report.build import build_pdf_bytes as build_without_plan
from tests.conftest import FIXED_TODAY

pytestmark = pytest.mark.gui


def _choose_in_file_dialog(qtbot, path, offered: list[list[str]]) -> None:
    """Once the file dialog is up: note the kinds of file it offers, pick the file and
    click its Open button."""

    def act() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
        if not dialogs or not dialogs[0].isVisible():
            QTimer.singleShot(50, act)
            return
        dialog = dialogs[0]
        offered.append(dialog.nameFilters())
        dialog.selectFile(str(path))
        buttons = dialog.findChild(QDialogButtonBox)
        QTest.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(0, act)


def test_a_received_pdf_is_offered_and_its_plan_imported(window, qtbot, tmp_path, questions):
    received = demo_plan(FIXED_TODAY)
    received.profile.name = "Dr Catherine Fitzgerald"
    source = tmp_path / "from-my-colleague.pdf"
    source.write_bytes(build_pdf_bytes(received, today=FIXED_TODAY)[0])
    questions.answer("yes")
    offered: list[list[str]] = []
    _choose_in_file_dialog(qtbot, source, offered)
    with qtbot.waitSignal(window.task_finished, timeout=60000) as finished:
        window.import_plan_action.trigger()
    assert offered and any("*.pdf" in kind for kind in offered[0])
    assert "*.pdf" in offered[0][0] and "*.json" in offered[0][0]  # both, by default
    assert finished.args == ["plan-import", source]
    assert window.store.profile().name == "Dr Catherine Fitzgerald"
    assert "Dr Catherine Fitzgerald" in window.windowTitle()
    assert len(window.store.load_plan().goals) == len(received.goals)


def test_a_pdf_without_a_plan_is_refused_and_nothing_changes(window, qtbot, tmp_path):
    source = tmp_path / "scanned.pdf"
    source.write_bytes(build_without_plan(demo_plan(FIXED_TODAY), today=FIXED_TODAY)[0])
    before = window.store.load_plan()
    offered: list[list[str]] = []
    _choose_in_file_dialog(qtbot, source, offered)
    with qtbot.waitSignal(window.task_finished, timeout=60000):
        window.import_plan_action.trigger()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "nothing was changed" in boxes[0].text()
    assert boxes[0].detailedText().startswith("scanned.pdf: the PDF holds no plan (plan.json)")
    assert window.store.load_plan() == before
    boxes[0].close()
