"""The goal editor: SMART prompts, dates, status, priority and the action checklist."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import (
    GOAL_PRIORITIES,
    GOAL_STATUSES,
    PRIORITY_LABELS,
    STATUS_LABELS,
    Goal,
)
from planner.domain.validation import MAX_ACTION_TEXT, MAX_TITLE, check_goal
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.dialogs.questions import confirm
from planner.ui.document import PlanDocument
from planner.ui.goal_status import ask_to_achieve_below_100
from planner.ui.models.actions_model import COL_DUE, COL_TEXT, ActionsModel
from planner.ui.widgets.counted_delegate import CountedTextDelegate
from planner.ui.widgets.date_delegate import DateDelegate
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.tables import fit_due_column


def _labelled(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


class GoalDialog(EditorDialog):
    """Creates or edits a goal; ``goal()`` gives the result after ``accept``."""

    def __init__(
        self,
        doc: PlanDocument,
        goal: Goal | None = None,
        *,
        skill: str | None = None,
        focus_skill: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = copy.deepcopy(goal) if goal else None
        editing = goal is not None and goal.id is not None
        self.setWindowTitle(self.tr("Edit goal") if editing else self.tr("New goal"))
        self.setMinimumWidth(640)

        self.skill_combo = _labelled(QComboBox(), self.tr("Skill"))
        for s in doc.framework.skills:
            self.skill_combo.addItem(s.name, s.id)
        self.example_combo = _labelled(QComboBox(), self.tr("Start from an example goal"))
        self.title_edit = _labelled(QLineEdit(), self.tr("Goal"))
        # No max length: Qt would cut a long paste silently; the counter tells instead.
        self.title_counter = LengthCounter(self.title_edit, MAX_TITLE)
        self.title_edit.setPlaceholderText(
            self.tr("Specific: what exactly will you do? e.g. Lead the safety huddle twice a week")
        )
        self.description_edit = _labelled(QPlainTextEdit(), self.tr("Details"))
        self.description_edit.setPlaceholderText(
            self.tr(
                "Achievable and relevant: why this matters for your role and your team, and "
                "why it is realistic now."
            )
        )
        self.measure_edit = _labelled(QPlainTextEdit(), self.tr("How will I know it is achieved?"))
        self.measure_edit.setPlaceholderText(
            self.tr(
                "Measurable: what will you or others see? e.g. Feedback from my manager after "
                "eight huddles"
            )
        )
        self.support_edit = _labelled(QPlainTextEdit(), self.tr("Support needed"))
        self.support_edit.setPlaceholderText(
            self.tr("Who or what will help: time, training, a mentor, your manager")
        )
        for edit in (self.description_edit, self.measure_edit, self.support_edit):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(72)
        self.target_edit = DateInput(self.tr("Target date"), optional=True)
        self.target_edit.edit.setToolTip(
            self.tr("Time-bound: when will it be done? e.g. 31/03/2027. Alt+Down: calendar.")
        )
        self.status_combo = _labelled(QComboBox(), self.tr("Status"))
        for status in GOAL_STATUSES:
            self.status_combo.addItem(self.tr(STATUS_LABELS[status]), status)
        self.deferred_edit = _labelled(QLineEdit(), self.tr("Why is it deferred?"))
        self.deferred_edit.setPlaceholderText(
            self.tr("In a few words, e.g. Winter pressures; agreed with my manager")
        )
        self.deferred_counter = LengthCounter(self.deferred_edit, MAX_TITLE)
        # Set when the person agreed to record 100% with marking the goal achieved.
        self.records_completion = False
        self.priority_combo = _labelled(QComboBox(), self.tr("Priority"))
        for priority in GOAL_PRIORITIES:
            self.priority_combo.addItem(self.tr(PRIORITY_LABELS[priority]), priority)
        self.inclusion_check = QCheckBox(self.tr("&Equality, diversity and inclusion objective"))
        self.inclusion_check.setToolTip(
            self.tr(
                "NHS appraisal guidance asks for one objective each year on equality, "
                "diversity and inclusion: for example fairer access for patients, or a team "
                "where everyone is heard."
            )
        )
        self.wellbeing_check = QCheckBox(self.tr("We&llbeing goal"))
        self.wellbeing_check.setToolTip(
            self.tr(
                "Appraisal encourages a conversation about your own wellbeing: a goal for "
                "rest, boundaries or support looks after the person doing the leading."
            )
        )

        self.actions_model = ActionsModel(editable=True, parent=self)
        self.actions_view = _labelled(QTableView(), self.tr("Actions"))
        self.actions_view.setModel(self.actions_model)
        self.due_delegate = DateDelegate(self.actions_view)
        self.actions_view.setItemDelegateForColumn(COL_DUE, self.due_delegate)
        # Shown beside the buttons while an action being typed nears its limit.
        self.action_counter = LengthCounter(
            None, MAX_ACTION_TEXT, show_from=MAX_ACTION_TEXT - 100
        )
        self.action_delegate = CountedTextDelegate(self.action_counter, self.actions_view)
        self.actions_view.setItemDelegateForColumn(COL_TEXT, self.action_delegate)
        self.actions_view.verticalHeader().hide()
        self.actions_view.horizontalHeader().setSectionResizeMode(
            COL_TEXT, QHeaderView.ResizeMode.Stretch
        )
        fit_due_column(self.actions_view, COL_DUE)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.actions_view.setTabKeyNavigation(False)
        self.actions_view.setMinimumHeight(110)
        self.add_action_button = _labelled(
            QPushButton(self.tr("Add actio&n")), self.tr("Add action")
        )
        self.remove_action_button = _labelled(
            QPushButton(self.tr("Re&move action")), self.tr("Remove action")
        )
        self.add_action_button.clicked.connect(self._add_action)
        self.remove_action_button.clicked.connect(self._remove_action)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problems"))
        self.error_label.setStyleSheet("color: palette(highlight); font-weight: 600;")
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Skill"), self.skill_combo)
        form.addRow(self.tr("E&xample"), self.example_combo)
        form.addRow(self.tr("&Goal"), self.title_edit)
        form.addRow("", self.title_counter)
        form.addRow(self.tr("&Details"), self.description_edit)
        form.addRow(self.tr("&Success measure"), self.measure_edit)
        form.addRow(self.tr("Su&pport needed"), self.support_edit)
        form.addRow(self.tr("&Target date"), self.target_edit)
        row = QHBoxLayout()
        row.addWidget(self.status_combo, 1)
        row.addWidget(QLabel(self.tr("P&riority")))
        row.itemAt(1).widget().setBuddy(self.priority_combo)
        row.addWidget(self.priority_combo, 1)
        form.addRow(self.tr("St&atus"), row)
        form.addRow(self.tr("&Why deferred"), self.deferred_edit)
        form.addRow("", self.deferred_counter)
        marks = QHBoxLayout()
        marks.addWidget(self.inclusion_check)
        marks.addWidget(self.wellbeing_check)
        marks.addStretch(1)
        form.addRow(self.tr("Counts as"), marks)
        self.deferred_row = (
            form.labelForField(self.deferred_edit),
            self.deferred_edit,
            self.deferred_counter,
        )
        for i in range(form.rowCount()):
            label = form.itemAt(i, QFormLayout.ItemRole.LabelRole)
            if label and isinstance(label.widget(), QLabel):
                field = form.itemAt(i, QFormLayout.ItemRole.FieldRole)
                if field and field.widget():
                    label.widget().setBuddy(field.widget())
                # A label is sized to its letters' advance; on X11 the last "e" of
                # "Target date" reaches a pixel past it and was cut off.
                label.widget().setMinimumWidth(label.widget().sizeHint().width() + 2)
        form.labelForField(self.target_edit).setBuddy(self.target_edit.edit)
        form.labelForField(row).setBuddy(self.status_combo)

        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_action_button)
        buttons_row.addWidget(self.remove_action_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.action_counter)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        actions_label = QLabel(self.tr("A&ctions (tick when done)"))
        actions_label.setBuddy(self.actions_view)
        layout.addWidget(actions_label)
        layout.addWidget(self.actions_view, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.skill_combo.currentIndexChanged.connect(self._fill_examples)
        self.example_combo.activated.connect(self._use_example)
        self.status_combo.currentIndexChanged.connect(self._show_deferred)
        self._load(goal, skill)
        self._show_deferred()
        self.finish_setup(self.skill_combo if focus_skill else self.title_edit)

    def _load(self, goal: Goal | None, skill: str | None) -> None:
        skill = (goal.skill if goal else None) or skill
        index = self.skill_combo.findData(skill) if skill else 0
        self.skill_combo.setCurrentIndex(max(index, 0))
        self._fill_examples()
        if goal is None:
            self.status_combo.setCurrentIndex(0)
            self.priority_combo.setCurrentIndex(self.priority_combo.findData("medium"))
            self.target_edit.set_date(None)
            return
        self.title_edit.setText(goal.title)
        self.description_edit.setPlainText(goal.description)
        self.measure_edit.setPlainText(goal.measure)
        self.support_edit.setPlainText(goal.support)
        self.target_edit.set_date(goal.target_date)
        self.status_combo.setCurrentIndex(self.status_combo.findData(goal.status))
        self.priority_combo.setCurrentIndex(self.priority_combo.findData(goal.priority))
        self.deferred_edit.setText(goal.deferred_reason)
        self.inclusion_check.setChecked(goal.inclusion_objective)
        self.wellbeing_check.setChecked(goal.wellbeing_goal)
        self.actions_model.set_rows(goal.actions)

    def _show_deferred(self) -> None:
        deferred = self.status_combo.currentData() == "deferred"
        for widget in self.deferred_row:
            widget.setVisible(deferred)

    def _current_percent(self) -> int:
        if self._original is None or self._original.id is None:
            return 0
        summary = self.doc.store.goal_summary(self._original.id)
        return summary.percent if summary else 0

    def _fill_examples(self) -> None:
        self.example_combo.clear()
        skill = self.doc.framework.skill(self.skill_combo.currentData())
        examples = skill.example_goals if skill else ()
        self.example_combo.addItem(
            self.tr("Choose an example to start from…") if examples else self.tr("No examples")
        )
        for text in examples:
            self.example_combo.addItem(text, text)
        self.example_combo.setEnabled(bool(examples))

    def _use_example(self, index: int) -> None:
        text = self.example_combo.itemData(index)
        if not text:
            return
        typed = self.title_edit.text().strip()
        if typed and typed != text and not confirm(
            self,
            self.tr("Replace your goal?"),
            self.tr("Replace the goal you typed with this example?\n\n%s") % text,
            yes=self.tr("&Replace"),
            no=self.tr("&Keep mine"),
        ):
            self.example_combo.setCurrentIndex(0)
            self.title_edit.setFocus()
            return
        # Typed in, not set: Ctrl+Z in the field brings back what was there.
        self.title_edit.selectAll()
        self.title_edit.insert(text)
        self.example_combo.setCurrentIndex(0)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_action(self) -> None:
        row = self.actions_model.add_action()
        index = self.actions_model.index(row, COL_TEXT)
        self.actions_view.setCurrentIndex(index)
        self.actions_view.edit(index)

    def _remove_action(self) -> None:
        index = self.actions_view.currentIndex()
        if index.isValid():
            self.actions_model.remove_action(index.row())

    def goal(self) -> Goal:
        """The goal as the form now describes it (keeps id, uid and history)."""
        goal = copy.deepcopy(self._original) if self._original else Goal(skill="", title="")
        goal.skill = self.skill_combo.currentData()
        goal.title = self.title_edit.text().strip()
        goal.description = self.description_edit.toPlainText().strip()
        goal.measure = self.measure_edit.toPlainText().strip()
        goal.support = self.support_edit.toPlainText().strip()
        goal.target_date = self.target_edit.date()
        goal.status = self.status_combo.currentData()
        goal.priority = self.priority_combo.currentData()
        goal.deferred_reason = self.deferred_edit.text().strip()
        goal.inclusion_objective = self.inclusion_check.isChecked()
        goal.wellbeing_goal = self.wellbeing_check.isChecked()
        goal.actions = self.actions_model.actions()
        return goal

    def snapshot(self) -> object:
        return (self.goal(), self.target_edit.text(), self.actions_model.problems())

    def privacy_text(self) -> str:
        goal = self.goal()
        texts = [goal.title, goal.description, goal.measure, goal.support, goal.deferred_reason]
        return "\n".join(texts + [a.text for a in goal.actions])

    def validate(self) -> bool:
        if problem := self.title_counter.problem(self.tr("The goal")):
            return self.refuse(self.error_label, problem, self.title_edit)
        if problem := self.target_edit.problem():
            text = self.tr("Target date: %s") % problem
            return self.refuse(self.error_label, text, self.target_edit)
        if problems := self.actions_model.problem_rows():
            row, text = problems[0]
            self.actions_view.setCurrentIndex(self.actions_model.index(row, COL_TEXT))
            return self.refuse(self.error_label, text, self.actions_view)
        status = self.status_combo.currentData()
        if status == "deferred" and not self.deferred_edit.text().strip():
            text = self.tr("Please say in a few words why the goal is deferred.")
            return self.refuse(self.error_label, text, self.deferred_edit)
        if problem := self.deferred_counter.problem(self.tr("The reason")):
            return self.refuse(self.error_label, problem, self.deferred_edit)
        problems = check_goal(self.goal(), {s.id for s in self.doc.framework.skills})
        if problems:
            # Show the problem, without the internal field path.
            text = problems[0].split(": ", 1)[-1].capitalize() + "."
            return self.refuse(self.error_label, text, self.title_edit)
        was_achieved = self._original is not None and self._original.status == "achieved"
        percent = self._current_percent()
        self.records_completion = False
        if status == "achieved" and not was_achieved and percent < 100:
            if not ask_to_achieve_below_100(self, percent):
                self.status_combo.setFocus()
                return False
            self.records_completion = True
        self.error_label.hide()
        return True
