"""Edit-and-save loops that never lose what the user typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog

from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument, StoreCommand


def edit_until_saved(
    doc: PlanDocument,
    make_dialog: Callable[[QDialog | None], QDialog],
    make_command: Callable[[QDialog], StoreCommand | None],
) -> StoreCommand | None:
    """Shows a dialog until its result is saved or the user cancels.

    When the store refuses the change (disk full, locked file...), ``doc.failed`` has
    already said why; ``make_dialog(previous)`` then builds the dialog again from the
    refused one, with everything the user typed, so they can retry or cancel.

    ``make_command`` may return None when the dialog changed nothing; the loop then
    ends without saving.

    Returns:
        The command that was saved, or None if the user cancelled or changed nothing.
    """
    dialog = make_dialog(None)
    try:
        while dialog.exec() == QDialog.DialogCode.Accepted:
            command = make_command(dialog)
            if command is None:
                return None
            if doc.execute(command):
                return command
            previous, dialog = dialog, make_dialog(dialog)
            if dialog is not previous:
                previous.deleteLater()
                if isinstance(dialog, EditorDialog):
                    dialog.keep_baseline_of(previous)
        return None
    finally:
        # Closed dialogs are children of the window: left to the garbage collector,
        # a dialog caught in a reference cycle was freed twice, by Python and by Qt
        # when the window closed.
        dialog.deleteLater()
