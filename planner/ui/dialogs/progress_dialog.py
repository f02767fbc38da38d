"""Log progress on a goal: the date (today by default), how far, and a note."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSlider,
    QSpinBox,
    QWidget,
)

from planner.domain.models import ProgressEntry
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput


class ProgressDialog(EditorDialog):
    """``entry()`` and ``goal_id()`` give the result after ``accept``."""

    def __init__(
        self, doc: PlanDocument, goal_id: int | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log progress"))
        self.setMinimumWidth(520)
        self.goal_combo = QComboBox()
        self.goal_combo.setAccessibleName(self.tr("Goal"))
        for skill in doc.framework.skills:
            for goal in doc.store.goal_summaries(skill.id):
                if goal.status != "achieved" or goal.id == goal_id:
                    self.goal_combo.addItem(f"{goal.title}  ({skill.name})", goal.id)
        if goal_id is not None:
            self.goal_combo.setCurrentIndex(max(self.goal_combo.findData(goal_id), 0))
        self.date_edit = DateInput(self.tr("Date"), dt.date.today())
        self.percent_spin = QSpinBox()
        self.percent_spin.setRange(0, 100)
        self.percent_spin.setSuffix("%")
        self.percent_spin.setAccessibleName(self.tr("Progress percent"))
        self.percent_slider = QSlider(Qt.Orientation.Horizontal)
        self.percent_slider.setRange(0, 100)
        self.percent_slider.setSingleStep(5)
        self.percent_slider.setPageStep(10)
        self.percent_slider.setAccessibleName(self.tr("Progress slider"))
        self.percent_slider.valueChanged.connect(self.percent_spin.setValue)
        self.percent_spin.valueChanged.connect(self.percent_slider.setValue)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(self.tr("What have you done? What did you notice?"))
        self.goal_combo.currentIndexChanged.connect(lambda _=0: self._start_from_latest(doc))
        self._start_from_latest(doc)

        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent_spin)
        percent_row.addWidget(self.percent_slider, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("&Goal"), self.goal_combo)
        form.addRow(self.tr("&Date"), self.date_edit)
        form.addRow(self.tr("&Progress"), percent_row)
        form.labelForField(percent_row).setBuddy(self.percent_spin)
        form.addRow(self.tr("&Note"), self.note_edit)
        if self.goal_combo.count() == 0:
            none = QLabel(self.tr("There are no open goals yet. Add a goal first."))
            form.addRow(none)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            self.goal_combo.count() > 0
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("font-weight: 600;")
        self.error_label.hide()
        form.addRow(self.error_label)
        form.addRow(self.buttons)
        # The first thing to type is how far the goal has come; the goal it is for is
        # shown just above. A combo box taking the first keys would change the goal.
        self.finish_setup(self.percent_spin)

    def _start_from_latest(self, doc: PlanDocument) -> None:
        goal_id = self.goal_combo.currentData()
        summary = doc.store.goal_summary(goal_id) if goal_id is not None else None
        self.percent_spin.setValue(summary.percent if summary else 0)

    def goal_id(self) -> int | None:
        return self.goal_combo.currentData()

    def snapshot(self) -> object:
        return (self.goal_id(), self.entry(), self.date_edit.text())

    def privacy_text(self) -> str:
        return self.note_edit.toPlainText()

    def validate(self) -> bool:
        problem = self.date_edit.problem()
        if problem:
            return self.refuse(self.error_label, self.tr("Date: %s") % problem, self.date_edit)
        return self.goal_id() is not None

    def entry(self) -> ProgressEntry:
        return ProgressEntry(
            date=self.date_edit.date() or dt.date.today(),
            percent=self.percent_spin.value(),
            note=self.note_edit.toPlainText().strip(),
        )
