"""Export PDF from the window: built off the GUI thread, read back with pypdf."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.ui.dialogs.export_dialog import ExportOptionsDialog, run_pdf_export

pytestmark = pytest.mark.gui


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_export_runs_in_the_background_and_leaves_private_out(window, qtbot, tmp_path):
    out = tmp_path / "plan.pdf"
    run_pdf_export(window, out, ask=False)
    # The export action is disabled while the worker runs, then comes back.
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=60000)
    assert window.last_export[0] == out
    assert window.export_pdf_action.isEnabled()
    text = _text(out)
    assert "Siân Okafor" in text
    assert "Delegate the off-duty to a Band 5 nurse" in " ".join(text.split())
    assert "A difficult conversation about sickness" not in text  # private by default


def test_export_options_choose_private_and_skills(window, qtbot, tmp_path, monkeypatch):
    def exec_(dialog):
        assert dialog.private_box.isEnabled()
        dialog.private_box.setChecked(True)
        dialog.skill_boxes["learn-to-follow"].setChecked(False)
        return ExportOptionsDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptionsDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    out = tmp_path / "with-private.pdf"
    run_pdf_export(window, out, ask=True)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=60000)
    text = " ".join(_text(out).split())
    assert "A difficult conversation about sickness" in text
    assert "Shadow the ward manager for two full shifts" not in text


def _message_boxes(window):
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_export_to_a_folder_says_what_to_do(window, qtbot, tmp_path):
    run_pdf_export(window, tmp_path, ask=False)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=60000)
    assert isinstance(window.last_export, Exception)
    qtbot.waitUntil(lambda: bool(_message_boxes(window)))
    box = _message_boxes(window)[0]
    assert "Traceback" not in box.text() and len(box.text()) < 300
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
