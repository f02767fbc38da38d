"""*Add it to a goal as an action…*: an agreed action of a review put on a goal's
checklist, with the goal chosen and the action's words ready to adjust."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import GoalAction
from planner.domain.validation import MAX_ACTION_TEXT
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.text import plain_label


class AddToGoalDialog(EditorDialog):
    """``goal_id()`` and ``action()`` give the result after ``accept``."""

    def __init__(self, doc: PlanDocument, line: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to a goal as an action"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(self.tr("Put this agreed action on the checklist of one of your goals."))
        )
        self.goal_combo = QComboBox()
        self.goal_combo.setAccessibleName(self.tr("Goal"))
        for skill in doc.framework.skills:
            for goal in doc.store.goal_summaries(skill.id):
                self.goal_combo.addItem(f"{goal.title}  ({skill.name})", goal.id)
        self.text_edit = QLineEdit(line)
        self.text_edit.setAccessibleName(self.tr("Action"))
        self.counter = LengthCounter(self.text_edit, MAX_ACTION_TEXT)
        self.due_edit = DateInput(self.tr("Due date"), optional=True)
        form = QFormLayout()
        for text, field in (
            (self.tr("&Goal"), self.goal_combo),
            (self.tr("&Action"), self.text_edit),
            ("", self.counter),
            (self.tr("&Due by"), self.due_edit),
        ):
            label = QLabel(text)
            label.setBuddy(field.edit if isinstance(field, DateInput) else field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("font-weight: 600;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Add action"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finish_setup(self.goal_combo)

    def goal_id(self) -> int | None:
        return self.goal_combo.currentData()

    def action(self) -> GoalAction:
        return GoalAction(text=self.text_edit.text().strip(), due=self.due_edit.date())

    def snapshot(self) -> object:
        return (self.goal_id(), self.text_edit.text(), self.due_edit.text())

    def privacy_text(self) -> str:
        return self.text_edit.text()

    def validate(self) -> bool:
        if self.goal_id() is None:
            text = self.tr("There is no goal to add it to yet: make it a goal instead.")
            return self.refuse(self.error_label, text, self.goal_combo)
        if not self.text_edit.text().strip():
            return self.refuse(self.error_label, self.tr("Please say what the action is."),
                               self.text_edit)
        if problem := self.counter.problem(self.tr("The action")):
            return self.refuse(self.error_label, problem, self.text_edit)
        if problem := self.due_edit.problem():
            return self.refuse(self.error_label, self.tr("Due by: %s") % problem, self.due_edit)
        return True
