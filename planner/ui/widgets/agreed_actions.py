"""The agreed actions of a review, each with what became of it, and the buttons that
make an untracked one into a goal or an action of a goal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.review_actions import AgreedAction

_STATE_WORDS = {"done": "done", "open": "not done yet", "deferred": "deferred"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("AgreedActions", text)


def became(item: AgreedAction) -> str:
    """What became of an agreed action, in a short plain sentence."""
    if item.lost:
        return _tr("Made into a goal that has since been deleted")
    if item.goal is None:
        return _tr("Not yet a goal or an action")
    state = _tr(_STATE_WORDS[item.state])
    if item.linked:
        text = (
            _tr("Became an action of: %s (%s)")
            if item.action is not None
            else _tr("Became goal: %s (%s)")
        )
    else:
        text = (
            _tr("Same words as an action of: %s (%s)")
            if item.action is not None
            else _tr("Same words as goal: %s (%s)")
        )
    return text % (item.goal.title, state)


class AgreedActionsPanel(QGroupBox):
    """Lists ``AgreedAction``s; it only asks (by line), the page acts."""

    make_goal_requested = Signal(str)
    add_action_requested = Signal(str)
    goal_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(_tr("What became of the agreed actions"), parent)
        self.setAccessibleName(self.title())
        self.items: list[AgreedAction] = []
        # Each line over what became of it, wrapped to the width: no sideways scrolling.
        self.list = QListWidget(self)
        self.list.setAccessibleName(_tr("Agreed actions"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.make_goal_button = QPushButton(_tr("&Make it a goal…"), self)
        self.add_action_button = QPushButton(_tr("Add it to a goal as an &action…"), self)
        self.show_goal_button = QPushButton(_tr("Sho&w the goal"), self)
        for button in (self.make_goal_button, self.add_action_button, self.show_goal_button):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_goal_button)
        buttons.addWidget(self.add_action_button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_goal_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.list.itemActivated.connect(lambda *_: self._activate())
        self.make_goal_button.clicked.connect(lambda: self._ask(self.make_goal_requested))
        self.add_action_button.clicked.connect(lambda: self._ask(self.add_action_requested))
        self.show_goal_button.clicked.connect(self._show_goal)

    def show_actions(self, items: list[AgreedAction], keep_row: int | None = None) -> None:
        """Shows ``items``, keeping the row at ``keep_row`` current when there is one."""
        self.items = list(items)
        self.list.clear()
        for item in self.items:
            self.list.addItem(QListWidgetItem(f"{item.text}\n→ {became(item)}"))
        if self.items:
            self.list.setCurrentRow(min(keep_row or 0, len(self.items) - 1))
        self.setVisible(bool(self.items))
        self._enable()

    def current(self) -> AgreedAction | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def current_row(self) -> int | None:
        row = self.list.currentRow()
        return row if row >= 0 else None

    def shown_texts(self) -> list[str]:
        """Each row as the list shows it: the line, then what became of it."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _enable(self) -> None:
        item = self.current()
        untracked = item is not None and item.goal is None
        self.make_goal_button.setEnabled(untracked)
        self.add_action_button.setEnabled(untracked)
        self.show_goal_button.setEnabled(item is not None and item.goal is not None)

    def _ask(self, signal) -> None:
        item = self.current()
        if item is not None and item.goal is None:
            signal.emit(item.text)

    def _show_goal(self) -> None:
        item = self.current()
        if item is not None and item.goal is not None and item.goal.id is not None:
            self.goal_requested.emit(item.goal.id)

    def _activate(self) -> None:
        """Enter on a line: the goal it became, or the goal editor for a new one."""
        item = self.current()
        if item is None:
            return
        if item.goal is None:
            self._ask(self.make_goal_requested)
        else:
            self._show_goal()
