"""The one question asked before a dialog throws away what the user wrote."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox


def confirm_discard(dialog: QDialog) -> bool:
    """Asks whether to close ``dialog`` without saving; True means discard."""
    answer = QMessageBox.question(
        dialog,
        dialog.tr("Discard changes?"),
        dialog.tr("Close without saving? What you have written here will be lost."),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
