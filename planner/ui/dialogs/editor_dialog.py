"""What every editing dialog shares: where focus starts, Ctrl+Enter saves, the wheel
leaves values alone, closing with changes asks first, and a last privacy check."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from planner.domain.privacy import describe_hints, find_identifiers
from planner.ui.dialogs.questions import KEEP_EDITING, SAVE, ask_save_anyway, ask_save_discard
from planner.ui.widgets.wheel_guard import guard_wheel


class EditorDialog(QDialog):
    """Subclasses build their fields, then call ``finish_setup(first_field)``; they
    give ``snapshot()`` (compared to tell whether anything changed), ``validate()``
    and, where text may identify a patient, ``privacy_text()``."""

    def finish_setup(self, first_field: QWidget) -> None:
        self._first_field = first_field
        self._focused_once = False
        guard_wheel(self)
        for keys in (
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
        ):
            QShortcut(keys, self, self.accept)
        self._initial = self.snapshot()

    def keep_baseline_of(self, previous: EditorDialog) -> None:
        """After a refused save, the new dialog still counts the refused edits as
        changes, so closing it asks before they are lost."""
        self._initial = previous._initial

    # -- for subclasses ----------------------------------------------------------

    def snapshot(self) -> object:
        raise NotImplementedError

    def validate(self) -> bool:
        """Shows the first problem and returns False when the form cannot be saved."""
        return True

    def privacy_text(self) -> str:
        return ""

    def error_line(self) -> QLabel:
        """A bold line, hidden until ``refuse`` says in it why the form cannot be saved."""
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.hide()
        return label

    def refuse(self, label: QLabel, text: str, field: QWidget | None = None) -> bool:
        """Says in ``label`` why the form cannot be saved and moves focus to the field
        to fix; returns False, for ``validate()`` to return."""
        label.setText(text)
        label.show()
        if field is not None:
            field.setFocus()
        return False

    # -- behaviour ---------------------------------------------------------------

    def has_changes(self) -> bool:
        return self.snapshot() != self._initial

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            self._first_field.setFocus(Qt.FocusReason.OtherFocusReason)
            # After the window's own activation, which may select the field's text.
            QTimer.singleShot(0, self._place_cursor)

    def _place_cursor(self) -> None:
        field = self._first_field
        if isinstance(field, QAbstractSpinBox):
            field.selectAll()  # typing a number replaces the old one
        elif isinstance(field, QLineEdit) and field.hasSelectedText():
            field.deselect()  # typing adds to a title being edited, never replaces it
            field.end(False)

    def _commit_open_editors(self) -> None:
        # A table cell still being typed in (e.g. an action's due date) is committed
        # by taking focus from its editor, as a click on Save would.
        for view in self.findChildren(QAbstractItemView):
            if view.state() == QAbstractItemView.State.EditingState:
                view.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        self._commit_open_editors()
        if not self.validate():
            return
        warning = describe_hints(find_identifiers(self.privacy_text()))
        if warning and not ask_save_anyway(self, warning):
            return
        super().accept()

    def reject(self) -> None:
        # Esc, Cancel and the close button all come here.
        if self.isVisible() and self.has_changes():
            choice = ask_save_discard(self)
            if choice == SAVE:
                self.accept()
                return
            if choice == KEEP_EDITING:
                return
        super().reject()
