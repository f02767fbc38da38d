"""Table cells edited with the app's one date field (action due dates)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QWidget

from planner.ui.widgets.date_input import DateInput


def _still_editing(editor: QWidget) -> bool:
    # A view leaves its editing state before it moves focus out of a closing editor.
    view = editor.parentWidget()
    while view is not None and not isinstance(view, QAbstractItemView):
        view = view.parentWidget()
    return view is not None and view.state() == QAbstractItemView.State.EditingState


class DateDelegate(QStyledItemDelegate):
    """Edits an optional date cell; text that is not a date is handed to the model
    as typed (so nothing is lost) and the model reports it."""

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        name = str(index.model().headerData(index.column(), Qt.Orientation.Horizontal) or "")
        editor = DateInput(name or self.tr("Date"), optional=True, compact=True, parent=parent)
        editor.edit.installEventFilter(self)
        return editor

    def setEditorData(self, editor: DateInput, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(value, str):
            editor.edit.setText(value)
        else:
            editor.set_date(value)

    def setModelData(self, editor: DateInput, model, index: QModelIndex) -> None:
        model.setData(index, editor.text() if editor.problem() else editor.date())

    def updateEditorGeometry(self, editor: DateInput, option, index: QModelIndex) -> None:
        # The cell is narrow: the editor grows leftwards and downwards over its
        # neighbours so the confirming line can be read while typing.
        rect = option.rect
        hint = editor.sizeHint()
        width = max(rect.width(), hint.width(), 260)
        height = max(rect.height(), hint.height())
        editor.setGeometry(rect.right() - width + 1, rect.top(), width, height)

    def eventFilter(self, watched, event) -> bool:
        # Keys and focus arrive at the editor's text, not at the editor itself: hand
        # them to the base handling as the editor's (Tab and Enter commit, Esc undoes).
        if isinstance(watched, DateInput):
            if event.type() == QEvent.Type.KeyPress:
                return False  # already handled when it reached the text
            return super().eventFilter(watched, event)
        editor = watched.parent()
        if not isinstance(editor, DateInput) or event.type() not in (
            QEvent.Type.KeyPress,
            QEvent.Type.FocusOut,
        ):
            return False
        if not _still_editing(editor):
            return False  # the view is closing it; its text losing focus is no news
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and editor.problem()
        ):
            return True  # not a date: keep editing, its message is showing
        return super().eventFilter(editor, event)
