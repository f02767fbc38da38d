"""The export dialog's list of entries that may identify someone: kind, title and date
(never the text), each to fix or to leave out of this PDF."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.export_privacy import EntryKey, FlaggedEntry
from planner.ui.models.goals_model import format_date
from planner.ui.widgets.text import plain_label

_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
VISIBLE_ROWS = 5


class FlaggedEntriesList(QWidget):
    """One row per flagged entry; its tick box means "leave out of this PDF"."""

    fix_requested = Signal(object)  # the FlaggedEntry to open in its editor

    def __init__(self, entries: list[FlaggedEntry], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = plain_label()
        self.summary.setAccessibleName(self.tr("Entries that may identify someone"))
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Entries that may identify someone"))
        self.tree.setHeaderLabels(
            [
                self.tr("Leave out"),
                self.tr("Entry"),
                self.tr("Title"),
                self.tr("Date"),
                self.tr("May contain"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows tall enough for the tick box and a little air, so boxes never touch.
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        row_height = max(self.fontMetrics().height(), indicator) + 8
        for entry in entries:
            item = QTreeWidgetItem(
                ["", entry.kind_label, entry.title, format_date(entry.date), ", ".join(entry.found)]
            )
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setSizeHint(0, QSize(0, row_height))
            item.setData(0, _ENTRY_ROLE, entry)
            item.setData(
                0,
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("Leave %s out of this PDF") % entry.kind_label.lower(),
            )
            item.setToolTip(2, entry.title)
            self.tree.addTopLevelItem(item)
        rows = max(1, min(VISIBLE_ROWS, len(entries)))
        row_height = self.tree.sizeHintForRow(0) if entries else self.fontMetrics().height() + 8
        self.tree.setMinimumHeight(self.tree.header().sizeHint().height() + rows * row_height + 6)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _column: self._fix(item))
        self.tree.itemChanged.connect(lambda *_: self._update_summary())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("Open to fix…"))
        self.fix_button.setAccessibleName(self.tr("Open the entry to fix it"))
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(lambda: self._fix(self.tree.currentItem()))
        buttons.addWidget(self.fix_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_summary()

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def entries_shown(self) -> list[FlaggedEntry]:
        return [item.data(0, _ENTRY_ROLE) for item in self._items() if not item.isHidden()]

    def show_for(self, include_private: bool, skills: Collection[str]) -> None:
        """Lists only the entries an export with these options would print."""
        for item in self._items():
            entry: FlaggedEntry = item.data(0, _ENTRY_ROLE)
            item.setHidden(not entry.in_export(include_private, skills))
        self._update_summary()

    def left_out(self) -> set[EntryKey]:
        """The entries shown and ticked to be left out of this PDF."""
        return {
            item.data(0, _ENTRY_ROLE).key
            for item in self._items()
            if not item.isHidden() and item.checkState(0) == Qt.CheckState.Checked
        }

    def set_left_out(self, entry: FlaggedEntry, leave_out: bool) -> None:
        for item in self._items():
            if item.data(0, _ENTRY_ROLE) == entry:
                item.setCheckState(
                    0, Qt.CheckState.Checked if leave_out else Qt.CheckState.Unchecked
                )

    def _update_summary(self) -> None:
        shown = len(self.entries_shown())
        left_out = len(self.left_out())
        self.tree.setVisible(shown > 0)
        self.fix_button.setVisible(shown > 0)
        if not shown:
            self.summary.setText(
                self.tr("No entry in this PDF looks as if it identifies a patient or colleague.")
            )
            return
        text = (
            self.tr("1 entry may identify a patient or colleague.")
            if shown == 1
            else self.tr("%d entries may identify a patient or colleague.") % shown
        )
        text += " " + self.tr(
            "Open each to fix it, or tick it to leave it out of this PDF. "
            "The text itself is not shown here."
        )
        if left_out:
            text += " " + self.tr("Leaving out: %d.") % left_out
        self.summary.setText(text)

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        self.fix_button.setEnabled(current is not None and not current.isHidden())

    def _fix(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and not item.isHidden():
            self.fix_requested.emit(item.data(0, _ENTRY_ROLE))
