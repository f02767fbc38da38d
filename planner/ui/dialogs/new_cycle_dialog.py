"""Start a new cycle: how each goal turned out, which go on, the new dates and targets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.cycles import (
    MAX_OUTCOME_NOTE,
    RollChoice,
    RollOver,
    default_new_period,
    period_text,
)
from planner.domain.models import GOAL_OUTCOMES, OUTCOME_LABELS, STATUS_LABELS, GoalSummary
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.screen_fit import resize_within_screen
from planner.ui.widgets.targets_editor import TargetsEditor

COL_GOAL, COL_STATUS, COL_OUTCOME, COL_CARRY, COL_NOTE = range(5)
GOAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2


def suggested_outcome(goal: GoalSummary) -> str:
    """A starting suggestion from the goal's latest progress, for the user to confirm."""
    if goal.percent >= 100:
        return "met"
    return "partly_met" if goal.percent > 0 else "not_met"


class OutcomeDelegate(QStyledItemDelegate):
    """Edits the outcome column with a list of the three outcomes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index) -> QWidget:
        combo = QComboBox(parent)
        for key in GOAL_OUTCOMES:
            combo.addItem(OUTCOME_LABELS[key], key)
        combo.setAccessibleName(self.tr("Outcome"))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(OUTCOME_ROLE))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        key = editor.currentData()
        model.setData(index, key, OUTCOME_ROLE)
        model.setData(index, OUTCOME_LABELS[key], Qt.ItemDataRole.DisplayRole)


class NewCycleDialog(EditorDialog):
    """Collects a ``RollOver``; the caller executes it as one undoable command."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None, today=None):
        super().__init__(parent)
        self.doc = doc
        self.today = today or dt.date.today()
        framework = doc.framework
        profile = doc.profile
        self.setWindowTitle(self.tr("Start a new cycle"))
        layout = QVBoxLayout(self)

        intro = QLabel(
            self.tr(
                "Closing this cycle records how each goal turned out. Goals you carry "
                "forward stay in your plan for the new cycle; the others are kept with "
                "the closed cycle, where you can read them and export them as a PDF. "
                "You can undo this with Edit › Undo."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        old = QFormLayout()
        old_end = (profile.period_end if profile else None) or self.today
        self.old_start_edit = DateInput(
            self.tr("Closing cycle started"), profile.period_start if profile else None,
            optional=True, parent=self,
        )
        self.old_end_edit = DateInput(self.tr("Closing cycle ends"), old_end, parent=self)
        old_row = QHBoxLayout()
        old_row.addWidget(self.old_start_edit)
        to = QLabel(self.tr("to"), self)
        old_row.addWidget(to)
        old_row.addWidget(self.old_end_edit)
        old_row.addStretch(1)
        old_label = QLabel(self.tr("The cycle you are &closing:"), self)
        old_label.setBuddy(self.old_start_edit)
        old.addRow(old_label, old_row)
        layout.addLayout(old)

        goals = doc.store.goal_summaries()
        self.achieved = [g for g in goals if g.status == "achieved"]
        self.open_goals = [g for g in goals if g.status != "achieved"]
        heading = QLabel(
            self.tr("&How did each goal turn out? (%d not yet achieved)") % len(self.open_goals),
            self,
        )
        layout.addWidget(heading)
        self.table = self._goal_table(framework)
        heading.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        help_text = self.tr(
            "Change an outcome or write why with F2 or by typing; Space ticks or unticks "
            "Carry forward. Outcomes are suggested from each goal's progress."
        )
        if len(self.achieved) == 1:
            help_text += " " + self.tr("The achieved goal is closed as met.")
        elif self.achieved:
            help_text += " " + self.tr("The %d achieved goals are closed as met.") % len(
                self.achieved
            )
        hint = QLabel(help_text, self)
        hint.setWordWrap(True)
        layout.addWidget(hint)

        new = QFormLayout()
        start, end = default_new_period(old_end)
        self.new_start_edit = DateInput(self.tr("New cycle starts"), start, parent=self)
        self.new_end_edit = DateInput(self.tr("New cycle ends"), end, parent=self)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_start_edit)
        new_row.addWidget(QLabel(self.tr("to"), self))
        new_row.addWidget(self.new_end_edit)
        new_row.addStretch(1)
        new_label = QLabel(self.tr("The &new cycle:"), self)
        new_label.setBuddy(self.new_start_edit)
        new.addRow(new_label, new_row)
        layout.addLayout(new)

        targets_label = QLabel(
            self.tr("&Targets for the new cycle (the level you aim to reach on each %s):")
            % framework.part_singular,
            self,
        )
        targets_label.setWordWrap(True)
        layout.addWidget(targets_label)
        self.targets = TargetsEditor(framework, doc.store.targets(), self, columns=2)
        targets_label.setBuddy(self.targets.first_field())
        layout.addWidget(self.targets)

        self.error_label = self.error_line()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Close cycle and start the new one"))
        save.setAccessibleName(save.text())
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.finish_setup(self.table if self.open_goals else self.old_end_edit)
        resize_within_screen(self, 900, 680)

    def _goal_table(self, framework) -> QTableWidget:
        table = QTableWidget(len(self.open_goals), 5, self)
        table.setAccessibleName(self.tr("Goals and how they turned out"))
        table.setHorizontalHeaderLabels(
            [
                self.tr("Goal"),
                self.tr("Status"),
                self.tr("Outcome"),
                self.tr("Carry forward"),
                self.tr("Why, in a line"),
            ]
        )
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setTabKeyNavigation(False)
        table.setItemDelegateForColumn(COL_OUTCOME, OutcomeDelegate(table))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, goal in enumerate(self.open_goals):
            skill = framework.skill(goal.skill)
            title = QTableWidgetItem(goal.title)
            title.setFlags(fixed)
            title.setData(GOAL_ID_ROLE, goal.id)
            title.setToolTip(f"{goal.title}\n{skill.name if skill else goal.skill}")
            table.setItem(row, COL_GOAL, title)
            status = QTableWidgetItem(f"{STATUS_LABELS[goal.status]}, {goal.percent}%")
            status.setFlags(fixed)
            table.setItem(row, COL_STATUS, status)
            key = suggested_outcome(goal)
            outcome = QTableWidgetItem(OUTCOME_LABELS[key])
            outcome.setData(OUTCOME_ROLE, key)
            outcome.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, COL_OUTCOME, outcome)
            carry = QTableWidgetItem(self.tr("Carry forward"))
            carry.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
            # Work still open goes on by default; a deferred goal was put aside.
            carry.setCheckState(
                Qt.CheckState.Unchecked if goal.status == "deferred" else Qt.CheckState.Checked
            )
            table.setItem(row, COL_CARRY, carry)
            note = QTableWidgetItem("")
            note.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, COL_NOTE, note)
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_STATUS, COL_OUTCOME, COL_CARRY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        if self.open_goals:
            table.setCurrentCell(0, COL_OUTCOME)
        return table

    def _date_edits(self) -> tuple[DateInput, ...]:
        return (self.old_start_edit, self.old_end_edit, self.new_start_edit, self.new_end_edit)

    # -- EditorDialog ------------------------------------------------------------

    def snapshot(self) -> object:
        rows = tuple(
            (
                self.table.item(r, COL_OUTCOME).data(OUTCOME_ROLE),
                self.table.item(r, COL_CARRY).checkState() == Qt.CheckState.Checked,
                self.table.item(r, COL_NOTE).text(),
            )
            for r in range(self.table.rowCount())
        )
        dates = tuple(e.text() for e in self._date_edits())
        return rows, dates, tuple(sorted(self.targets.targets().items()))

    def privacy_text(self) -> str:
        return "\n".join(
            self.table.item(r, COL_NOTE).text() for r in range(self.table.rowCount())
        )

    def validate(self) -> bool:
        for edit in self._date_edits():
            if problem := edit.problem():
                return self.refuse(
                    self.error_label, f"{edit.edit.accessibleName()}: {problem}", edit
                )
        old_start, old_end = self.old_start_edit.date(), self.old_end_edit.date()
        new_start, new_end = self.new_start_edit.date(), self.new_end_edit.date()
        if old_start and old_start > old_end:
            return self.refuse(
                self.error_label,
                self.tr("The cycle you are closing ends before it starts."),
                self.old_end_edit,
            )
        if new_start <= old_end:
            return self.refuse(
                self.error_label,
                self.tr("The new cycle must start after the old one ends (%s).")
                % period_text(None, old_end).removeprefix("until "),
                self.new_start_edit,
            )
        if new_end < new_start:
            return self.refuse(
                self.error_label, self.tr("The new cycle ends before it starts."), self.new_end_edit
            )
        for r in range(self.table.rowCount()):
            if len(self.table.item(r, COL_NOTE).text()) > MAX_OUTCOME_NOTE:
                self.table.setCurrentCell(r, COL_NOTE)
                return self.refuse(
                    self.error_label,
                    self.tr("The note for “%s” is longer than %d characters; please shorten it.")
                    % (self.table.item(r, COL_GOAL).text(), MAX_OUTCOME_NOTE),
                    self.table,
                )
        return True

    def roll_over(self) -> RollOver:
        choices = tuple(
            RollChoice(
                goal_id=self.table.item(r, COL_GOAL).data(GOAL_ID_ROLE),
                outcome=self.table.item(r, COL_OUTCOME).data(OUTCOME_ROLE),
                note=self.table.item(r, COL_NOTE).text().strip(),
                carry=self.table.item(r, COL_CARRY).checkState() == Qt.CheckState.Checked,
            )
            for r in range(self.table.rowCount())
        )
        return RollOver(
            old_start=self.old_start_edit.date(),
            old_end=self.old_end_edit.date(),
            new_start=self.new_start_edit.date(),
            new_end=self.new_end_edit.date(),
            choices=choices,
            targets=self.targets.targets(),
        )
