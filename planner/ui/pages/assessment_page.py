"""Self-assessment over time: every round side by side, and the scale explained."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.ui.commands import DeleteAssessmentRound, SaveAssessmentRound
from planner.ui.dialogs.assessment_dialog import AssessmentDialog
from planner.ui.dialogs.questions import confirm
from planner.ui.document import ASSESSMENTS, CYCLES, FEEDBACK, PROFILE, TARGETS, PlanDocument
from planner.ui.editing import edit_until_saved
from planner.ui.models.assessments_model import AssessmentMatrixModel
from planner.ui.models.goals_model import format_date
from planner.ui.widgets.text import heading, plain_label

TOPICS = {ASSESSMENTS, FEEDBACK, PROFILE, TARGETS, CYCLES}


def latest_ratings(entries) -> dict:
    """Each skill's latest 360 rating and its date, from feedback entries (oldest
    first, as the store gives them)."""
    latest = {}
    for entry in entries:
        for skill, level in entry.ratings.items():
            latest[skill] = (level, entry.date)
    return latest


class AssessmentPage(QWidget):
    """The history table has one column per round; selecting a column picks the round
    that "Delete round" removes (the latest by default)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName(self.tr("Self-assessment"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Self-assessment"), parent=self))
        layout.addWidget(
            plain_label(
                self.tr(
                    "Rate yourself on every skill from time to time. Each round is kept, "
                    "so you can see how you have grown. Select a round's column to delete it."
                ),
                self,
            )
        )

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New self-assessment"), self)
        self.new_button.setAccessibleName(self.tr("New self-assessment"))
        self.delete_button = QPushButton(self.tr("Delete round"), self)
        self.delete_button.setAccessibleName(self.tr("Delete round"))
        self.targets_button = QPushButton(self.tr("Set targets…"), self)
        self.targets_button.setAccessibleName(self.tr("Set targets"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.targets_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.model = AssessmentMatrixModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Self-assessment history"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(self.fontMetrics().averageCharWidth() * 14)
        layout.addWidget(self.table)
        self.empty_note = plain_label(
            self.tr("No self-assessment yet. Start one to see where you are today."), self
        )
        layout.addWidget(self.empty_note)

        # 360 feedback beside the self-ratings: the latest rating of each skill.
        self.feedback_box = QGroupBox(self.tr("360 feedback"), self)
        self.feedback_form = QFormLayout(self.feedback_box)
        layout.addWidget(self.feedback_box)

        self.scale_box = QGroupBox(self.tr("The rating scale"), self)
        self.scale_form = QFormLayout(self.scale_box)
        layout.addWidget(self.scale_box)
        layout.addStretch(1)

        self.new_button.clicked.connect(self.new_round)
        self.delete_button.clicked.connect(self.delete_round)
        self.targets_button.clicked.connect(self.set_targets)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.setTabOrder(self.new_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.targets_button)
        self.setTabOrder(self.targets_button, self.table)
        self._load()
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        """Reloads from the store when ``topic`` is one this page shows."""
        if topic in TOPICS:
            self._load()

    def _load(self) -> None:
        keep = self.selected_date()
        framework = self.doc.framework
        self.model.set_rows(
            framework, self.doc.store.all_assessments(), self.doc.store.targets()
        )
        self._show_scale(framework)
        self._show_feedback(framework)
        self._fit_table_height()
        has_rounds = bool(self.model.dates)
        self.table.setVisible(has_rounds)
        self.empty_note.setVisible(not has_rounds)
        column = self.model.column_of(keep)
        if column < 0 and has_rounds:
            column = len(self.model.dates) - 1
        if column >= 0:
            self.select_date(self.model.date_at(column))
        self._update_buttons()

    def _fit_table_height(self) -> None:
        # As tall as its rows (nine skills at most), so the scale stays in view.
        table = self.table
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += table.verticalHeader().length()
        height += table.horizontalScrollBar().sizeHint().height()
        table.setMaximumHeight(height)

    def _show_scale(self, framework) -> None:
        while self.scale_form.rowCount():
            self.scale_form.removeRow(0)
        for number, level in enumerate(framework.scale, start=1):
            label = plain_label(f"{number} · {self.tr(level.label)}", self.scale_box)
            label.setWordWrap(False)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.scale_form.addRow(label, plain_label(self.tr(level.descriptor), self.scale_box))

    def _show_feedback(self, framework) -> None:
        while self.feedback_form.rowCount():
            self.feedback_form.removeRow(0)
        latest = latest_ratings(self.doc.store.feedback_entries())
        for skill in framework.skills:
            if skill.id not in latest:
                continue
            level, day = latest[skill.id]
            text = self.tr("360 feedback: %s (%d), %s") % (
                self.tr(framework.level_label(level)),
                level,
                format_date(day),
            )
            name = plain_label(skill.name, self.feedback_box)
            name.setWordWrap(False)
            self.feedback_form.addRow(name, plain_label(text, self.feedback_box))
        self.feedback_box.setVisible(bool(latest))

    def feedback_lines(self) -> dict[str, str]:
        """The 360 line shown for each skill's name, for reading back."""
        lines = {}
        for row in range(self.feedback_form.rowCount()):
            name = self.feedback_form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            text = self.feedback_form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            lines[name.text()] = text.text()
        return lines

    def selected_date(self):
        """The date of the selected round's column, or None."""
        columns = self.table.selectionModel().selectedColumns()
        if not columns:
            return None
        return self.model.date_at(columns[0].column())

    def select_date(self, date) -> None:
        column = self.model.column_of(date)
        if column < 0 or not self.model.rowCount():
            return
        self.table.selectionModel().select(
            self.model.index(0, column),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Columns,
        )
        self.table.setCurrentIndex(self.model.index(0, column))
        self.table.scrollTo(self.model.index(0, column))

    def _update_buttons(self) -> None:
        date = self.selected_date()
        self.delete_button.setEnabled(date is not None)
        self.delete_button.setToolTip(
            self.tr("Delete the self-assessment of %s") % format_date(date) if date else ""
        )

    def new_round(self) -> None:
        # A refused save (e.g. disk full) shows the same dialog again, still filled in.
        saved = edit_until_saved(
            self.doc,
            lambda previous: previous or AssessmentDialog(self.doc, self),
            lambda dialog: SaveAssessmentRound(self.doc, *dialog.round()),
        )
        if saved is not None:
            self.select_date(saved.date)

    def set_targets(self) -> None:
        from planner.ui.dialogs.targets_dialog import edit_targets

        edit_targets(self.doc, self)

    def delete_round(self) -> None:
        date = self.selected_date()
        if date is None:
            return
        question = self.tr("Delete the self-assessment of %s? You can undo this.") % format_date(
            date
        )
        if confirm(self, self.tr("Delete self-assessment?"), question):
            self.doc.execute(DeleteAssessmentRound(self.doc, date))
