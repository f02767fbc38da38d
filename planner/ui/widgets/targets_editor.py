"""A target level for each skill of the framework, one row per skill: the editing
part of the targets dialog, also used when a new cycle starts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from planner.domain.models import Framework
from planner.domain.targets import level_text


class TargetsEditor(QWidget):
    """Tab moves from skill to skill; the arrow keys change a skill's target.

    Args:
        framework: gives the rows (its skills) and the levels (its scale).
        targets: the target level of each skill that has one.
        latest: each skill's latest self-rating, shown beside its chooser.
        columns: skills side by side on a row; two keep nine dimensions on a
            laptop screen inside a longer form (with no headings or latest ratings).
    """

    changed = Signal()

    def __init__(
        self,
        framework: Framework,
        targets: dict[str, int],
        parent: QWidget | None = None,
        *,
        latest: dict[str, int] | None = None,
        columns: int = 1,
    ):
        super().__init__(parent)
        self.framework = framework
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(16)
        if columns > 1:
            latest = None
            grid.setContentsMargins(0, 0, 0, 0)
            for column in range(columns):
                grid.setColumnStretch(2 * column + 1, 1)
        else:
            grid.setContentsMargins(8, 8, 8, 8)
            grid.setColumnStretch(0, 1)
            headings = [framework.part_singular.capitalize(), self.tr("Target level")]
            if latest is not None:
                headings.append(self.tr("Latest self-rating"))
            for column, text in enumerate(headings):
                header = QLabel(text, self)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                grid.addWidget(header, 0, column)
        previous = None
        for i, skill in enumerate(framework.skills):
            combo = QComboBox(self)
            combo.addItem(self.tr("No target"), None)
            for number, level in enumerate(framework.scale, start=1):
                combo.addItem(f"{number} · {self.tr(level.label)}", number)
            combo.setCurrentIndex(max(combo.findData(targets.get(skill.id)), 0))
            combo.setAccessibleName(self.tr("Target for %s") % skill.name)
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            name = QLabel(skill.name, self)
            name.setWordWrap(True)
            name.setBuddy(combo)
            row, column = divmod(i, columns)
            row += 1  # below the headings, when there are any
            grid.addWidget(name, row, 2 * column)
            grid.addWidget(combo, row, 2 * column + 1)
            if latest is not None:
                shown = level_text(framework, latest.get(skill.id)) or self.tr("Not rated yet")
                grid.addWidget(QLabel(shown, self), row, 2)
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo
            self.combos[skill.id] = combo
        # Spare height goes below the rows, never between them.
        grid.setRowStretch(grid.rowCount(), 1)

    def targets(self) -> dict[str, int]:
        """The target chosen for each skill that has one, in the framework's order."""
        return {
            skill_id: combo.currentData()
            for skill_id, combo in self.combos.items()
            if combo.currentData() is not None
        }

    def first_field(self, skill_id: str | None = None) -> QComboBox:
        """The chooser to start in: ``skill_id``'s, else the first skill's."""
        return self.combos.get(skill_id) or next(iter(self.combos.values()))
