"""*Edit › Nudges…*: one checkbox per kind of nudge, to turn the kinds off or on."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from planner.domain.nudges import (
    KINDS,
    NO_INCLUSION_OBJECTIVE,
    NO_REFLECTION,
    NO_WELLBEING_GOAL,
    OLD_ASSESSMENT,
    OVERDUE_GOAL,
    REVIEW_DUE,
    STALE_GOAL,
)
from planner.ui.widgets.text import plain_label


class NudgesDialog(QDialog):
    """Shows a checkbox per kind, ticked when the kind is on."""

    def __init__(self, off: set[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nudges"))
        labels = {
            REVIEW_DUE: self.tr("My next review is within a week, or has passed"),
            OVERDUE_GOAL: self.tr("A goal is past its target date and still open"),
            STALE_GOAL: self.tr("A goal in progress has had nothing logged for 2 weeks"),
            OLD_ASSESSMENT: self.tr("My last self-assessment is over half the plan period old"),
            NO_REFLECTION: self.tr("I have written no reflection this month"),
            NO_INCLUSION_OBJECTIVE: self.tr(
                "No goal of this cycle is my equality, diversity and inclusion objective"
            ),
            NO_WELLBEING_GOAL: self.tr("No goal of this cycle is a wellbeing goal"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Show a nudge on the overview when:")))
        self.boxes: dict[str, QCheckBox] = {}
        for kind in KINDS:
            box = QCheckBox(labels[kind])
            box.setChecked(kind not in off)
            layout.addWidget(box)
            self.boxes[kind] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.boxes[KINDS[0]].setFocus()

    def kinds_off(self) -> set[str]:
        return {kind for kind, box in self.boxes.items() if not box.isChecked()}
