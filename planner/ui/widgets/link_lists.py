"""Checkable lists of the skills and goals a record served, and the 360 ratings
chooser: the pickers the learning and feedback editors share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from planner.domain.models import Framework, GoalSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckList(QListWidget):
    """Items ticked with Space or a click; ``chosen()`` gives the ticked ids in list
    order."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setUniformItemSizes(True)

    def set_items(self, items: list[tuple[str, str]], chosen: tuple[str, ...] = ()) -> None:
        """``items`` are (id, text); ids in ``chosen`` are ticked."""
        self.clear()
        for item_id, text in items:
            item = QListWidgetItem(text, self)
            item.setData(ID_ROLE, item_id)
            item.setToolTip(text)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked
            )
        if self.count():
            self.setCurrentRow(0)

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            self.item(i).data(ID_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, item_id: str, checked: bool = True) -> None:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == item_id:
                self.item(i).setCheckState(
                    Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                )


def skill_items(framework: Framework) -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in framework.skills]


def goal_items(
    goals: list[GoalSummary], kept: tuple[str, ...], missing_title: str
) -> list[tuple[str, str]]:
    """The current goals, then any goal the record names that is no longer among
    them (closed with an earlier cycle or deleted), so saving keeps the link."""
    items = [(g.uid, g.title) for g in goals]
    known = {g.uid for g in goals}
    items += [(uid, missing_title) for uid in kept if uid not in known]
    return items


class RatingsForm(QWidget):
    """One chooser per skill: "Not rated" or a level of the framework's scale."""

    def __init__(self, framework: Framework, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        for skill in framework.skills:
            combo = QComboBox(self)
            combo.setAccessibleName(self.tr("360 rating: %s") % skill.name)
            combo.addItem(self.tr("Not rated"), None)
            for number, level in enumerate(framework.scale, start=1):
                combo.addItem(f"{number} · {self.tr(level.label)}", number)
            label = QLabel(skill.name, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[skill.id] = combo

    def set_ratings(self, ratings: dict[str, int]) -> None:
        for skill, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(ratings.get(skill)), 0))

    def ratings(self) -> dict[str, int]:
        return {
            skill: combo.currentData()
            for skill, combo in self.combos.items()
            if combo.currentData() is not None
        }
