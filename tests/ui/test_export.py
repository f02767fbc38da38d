"""Export PDF from the window: built off the GUI thread, read back with pypdf."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from planner.ui.dialogs import questions
from planner.ui.dialogs.export_dialog import ExportOptionsDialog, run_pdf_export

pytestmark = pytest.mark.gui


def _text(path):
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _attached(path) -> dict:
    """The plan the PDF carries (its plan.json attachment), as JSON."""
    (content,) = PdfReader(path).attachments["plan.json"]
    return json.loads(content)


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


def _export_choosing(window, qtbot, monkeypatch, out, choose) -> str:
    """Exports with the options ``choose(dialog)`` sets; the PDF's text, flattened."""

    def exec_(dialog):
        choose(dialog)
        return ExportOptionsDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportOptionsDialog, "exec", exec_)
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: False)  # "Open it now?"
    run_pdf_export(window, out, ask=True)
    qtbot.waitUntil(lambda: window.last_export is not None, timeout=60000)
    return " ".join(_text(out).split())


def test_export_options_choose_private_and_skills(window, qtbot, tmp_path, monkeypatch):
    def choose(dialog):
        assert dialog.private_box.isEnabled()
        dialog.private_box.setChecked(True)
        dialog.skill_boxes["learn-to-follow"].setChecked(False)

    text = _export_choosing(window, qtbot, monkeypatch, tmp_path / "with-private.pdf", choose)
    assert "A difficult conversation about sickness" in text
    assert "Shadow the ward manager for two full shifts" not in text
    # The plan inside the PDF is the one it shows.
    attached = _attached(tmp_path / "with-private.pdf")
    titles = [r["title"] for r in attached["reflections"]]
    assert "A difficult conversation about sickness" in titles
    skills = {g["skill"] for g in attached["goals"]}
    assert skills == {"situational-awareness", "empower-and-resolve"}


def test_no_skill_ticked_still_exports_reflections_and_reviews(
    window, qtbot, tmp_path, monkeypatch
):
    def choose(dialog):
        for box in dialog.skill_boxes.values():
            box.setChecked(False)

    text = _export_choosing(window, qtbot, monkeypatch, tmp_path / "no-skills.pdf", choose)
    assert "Do I lead to inspire, or with influence for dominance?" in text  # no skill
    assert "Reviews with the line manager" in text
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


@pytest.fixture
def flagged_window(window_over, identifiable_db_path):
    return window_over(identifiable_db_path)


def _when_dialog_opens(qtbot, dialog_cls, act):
    """Calls ``act(dialog)`` on the ``dialog_cls`` window as soon as it is shown."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    acted = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, dialog_cls) and dialog.isVisible():
            acted.append(True)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return acted


def test_export_dialog_lists_identifying_entries_without_their_text(
    flagged_window, qtbot, tmp_path, monkeypatch
):
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: False)  # "Open it now?"
    out = tmp_path / "plan.pdf"
    seen = {}

    def act(dialog):
        tree = dialog.flagged.tree
        rows = [
            [tree.topLevelItem(i).text(c) for c in range(1, 5)]
            for i in range(tree.topLevelItemCount())
            if not tree.topLevelItem(i).isHidden()
        ]
        seen["rows"] = rows
        seen["summary"] = dialog.flagged.summary.text()
        # The private reflection joins the list when private reflections are included.
        dialog.private_box.setFocus()
        QTest.keyClick(dialog.private_box, Qt.Key.Key_Space)
        seen["with_private"] = len(dialog.flagged.entries_shown())
        QTest.keyClick(dialog.private_box, Qt.Key.Key_Space)
        # Leave the shared reflection out, by keyboard: select its row, press Space.
        tree.setFocus()
        row = next(i for i, r in enumerate(rows) if r[0] == "Reflection")
        tree.setCurrentItem(tree.topLevelItem(row))
        QTest.keyClick(tree, Qt.Key.Key_Space)
        qtbot.mouseClick(
            dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    acted = _when_dialog_opens(qtbot, ExportOptionsDialog, act)
    with qtbot.waitSignal(flagged_window.task_finished, timeout=60000) as finished:
        run_pdf_export(flagged_window, out, ask=True)
    assert acted and finished.args[1][0] == out
    kinds = sorted(r[0] for r in seen["rows"])
    assert kinds == ["Goal", "Progress note", "Reflection", "Review"]
    assert seen["with_private"] == 5
    listed = " ".join(" ".join(r) for r in seen["rows"]) + seen["summary"]
    assert "943 476 5919" not in listed and "12/03/1961" not in listed
    assert "Missing the early signs on a busy late shift" in listed
    assert "4 entries may identify a patient or colleague" in seen["summary"]
    text = " ".join(_text(out).split())
    assert "Missing the early signs on a busy late shift" not in text  # left out
    assert "Challenging the huddle plan respectfully" in text
    assert "Grace Mensah" in text  # the review was not left out
    titles = [r["title"] for r in _attached(out)["reflections"]]
    assert "Missing the early signs on a busy late shift" not in titles
    assert "Challenging the huddle plan respectfully" in titles
    assert "A difficult conversation about sickness" not in titles  # private, not included


def _open_to_fix(qtbot, window, out, pick, editor_cls, read):
    """Runs Export PDF with ``pick(dialog)`` opening an entry to fix; returns what
    ``read(editor)`` saw in the editor that opened (closed unchanged) and the export's
    result."""
    seen = {}

    def close_editor(dialog):
        seen["editor"] = read(dialog)
        dialog.reject()

    _when_dialog_opens(qtbot, ExportOptionsDialog, pick)
    _when_dialog_opens(qtbot, editor_cls, close_editor)
    with qtbot.waitSignal(window.task_finished, timeout=60000) as finished:
        run_pdf_export(window, out, ask=True)
    qtbot.waitUntil(lambda: "editor" in seen, timeout=20000)
    return seen["editor"], finished.args[1]


def test_open_to_fix_shows_the_entry_in_its_editor(flagged_window, qtbot, tmp_path):
    from planner.ui.dialogs.review_dialog import ReviewDialog

    def act(dialog):
        tree = dialog.flagged.tree
        row = next(
            i for i in range(tree.topLevelItemCount()) if tree.topLevelItem(i).text(1) == "Review"
        )
        tree.setCurrentItem(tree.topLevelItem(row))
        qtbot.mouseClick(dialog.flagged.fix_button, Qt.MouseButton.LeftButton)

    notes, result = _open_to_fix(
        qtbot, flagged_window, tmp_path / "plan.pdf", act, ReviewDialog, lambda d: d.review().notes
    )
    assert result is None  # nothing exported: the user went to fix it
    assert "12/03/1961" in notes
    assert flagged_window.current_page_key() == "reviews"
    assert not (tmp_path / "plan.pdf").exists()


def test_open_to_fix_finds_a_private_reflection_the_journal_was_hiding(
    flagged_window, qtbot, tmp_path
):
    from planner.ui.dialogs.reflection_dialog import ReflectionDialog

    flagged_window.show_page("reflections")
    journal = flagged_window.pages["reflections"]
    journal.show_private.setChecked(False)
    flagged_window.show_page("overview")

    def act(dialog):
        dialog.private_box.setFocus()
        QTest.keyClick(dialog.private_box, Qt.Key.Key_Space)
        tree = dialog.flagged.tree
        private = next(
            tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).text(2) == "A difficult conversation about sickness"
        )
        tree.setCurrentItem(private)
        QTest.keyClick(tree, Qt.Key.Key_Return)

    title, _result = _open_to_fix(
        qtbot,
        flagged_window,
        tmp_path / "plan.pdf",
        act,
        ReflectionDialog,
        lambda d: d.reflection().title,
    )
    assert title == "A difficult conversation about sickness"


def test_the_export_dialog_says_the_pdf_carries_the_plan_it_shows(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QLabel

    monkeypatch.setattr(questions, "confirm", lambda *a, **k: False)
    seen = []

    def act(dialog):
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    acted = _when_dialog_opens(qtbot, ExportOptionsDialog, act)
    window.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(acted), timeout=60000)
    assert any("also carries what it shows as a plan file (plan.json)" in t for t in seen)
