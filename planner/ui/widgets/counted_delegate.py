"""Table cells typed as one line of text, counted by a counter beside the table: a
cell is too small to hold one, and Qt's own editor would cut a long paste silently."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QWidget

from planner.ui.widgets.length_counter import LengthCounter


class CountedTextDelegate(QStyledItemDelegate):
    """Each editor it opens is followed by ``counter`` while it is open."""

    def __init__(self, counter: LengthCounter, parent: QWidget | None = None):
        super().__init__(parent)
        self.counter = counter

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            self.counter.follow(editor)
        return editor
