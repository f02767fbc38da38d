"""Export PDF: choose what to include, pick a file, build it off the GUI thread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from planner.failures import user_message
from planner.ui.workers import run_task

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class ExportOptionsDialog(QDialog):
    def __init__(
        self, skills: list[tuple[str, str]], private_count: int, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Your development plan as a PDF to share with your manager."))
        )
        group = QGroupBox(self.tr("Skills to include"))
        group_layout = QVBoxLayout(group)
        self.skill_boxes: dict[str, QCheckBox] = {}
        for skill_id, name in skills:
            box = QCheckBox(name)
            box.setChecked(True)
            box.setAccessibleName(name)
            self.skill_boxes[skill_id] = box
            group_layout.addWidget(box)
        layout.addWidget(group)
        self.private_box = QCheckBox(self.tr("Include my private reflections (%d)") % private_count)
        self.private_box.setAccessibleName(self.tr("Include private reflections"))
        self.private_box.setEnabled(private_count > 0)
        layout.addWidget(self.private_box)
        note = QLabel(
            self.tr(
                "Private reflections are left out unless you tick this. Check that nothing in "
                "the plan identifies a patient or colleague."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def skills(self) -> set[str]:
        return {sid for sid, box in self.skill_boxes.items() if box.isChecked()}

    def include_private(self) -> bool:
        return self.private_box.isChecked()


def run_pdf_export(window: MainWindow, out: Path | None = None, *, ask: bool = True) -> None:
    """The whole Export PDF flow. ``out`` and ``ask=False`` skip the dialogs (tests)."""
    store = window.store
    framework = window.doc.framework
    private_count = sum(1 for r in store.reflections() if r.private)
    skills = {s.id for s in framework.skills}
    include_private = False
    if ask:
        options = ExportOptionsDialog(
            [(s.id, s.name) for s in framework.skills], private_count, window
        )
        if options.exec() != QDialog.DialogCode.Accepted:
            return
        skills, include_private = options.skills(), options.include_private()
    if out is None:
        profile = window.doc.profile
        name = (profile.name if profile else "plan").replace(" ", "-")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"development-plan-{name}-{dt.date.today()}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(
            window, window.tr("Export PDF"), suggested, window.tr("PDF document (*.pdf)")
        )
        if not chosen:
            return
        out = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    # Read on the GUI thread; the worker gets plain dataclasses only.
    plan = store.load_plan()
    busy = QProgressDialog(window.tr("Preparing your PDF…"), "", 0, 0, window)
    busy.setWindowTitle(window.tr("Export PDF"))
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    busy.setAccessibleName(window.tr("Preparing your PDF"))
    window.export_pdf_action.setEnabled(False)
    window.last_export = None

    def build() -> int:
        from planner.report import export_pdf

        return export_pdf(plan, out, include_private=include_private, skills=skills)

    def done(pages: int) -> None:
        busy.close()
        window.export_pdf_action.setEnabled(True)
        window.last_export = (out, pages)
        window.statusBar().showMessage(window.tr("PDF saved to %s") % out, 8000)
        if ask:
            answer = QMessageBox.question(
                window,
                window.tr("PDF saved"),
                window.tr("Your plan was saved as a %d-page PDF:\n%s\n\nOpen it now?")
                % (pages, out),
            )
            if answer == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def failed(exc: BaseException) -> None:
        busy.close()
        window.export_pdf_action.setEnabled(True)
        window.last_export = exc
        message = user_message(exc) or str(exc)
        from planner.report import ExportError

        if not isinstance(exc, ExportError) and user_message(exc) is None:
            from planner.failures import log_traceback

            log_traceback(exc)
        QMessageBox.warning(window, window.tr("PDF not saved"), message)

    run_task(build, done, failed)
