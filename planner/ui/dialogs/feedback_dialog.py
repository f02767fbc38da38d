"""The editor of one piece of practice-related feedback, with 360 ratings per skill
when the feedback gave them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.domain.learning import FEEDBACK_SOURCES, FeedbackEntry
from planner.domain.learning_rules import check_feedback
from planner.domain.validation import MAX_TITLE
from planner.ui.dialogs.privacy_notes import name_no_one_reminder
from planner.ui.dialogs.record_dialog import RecordDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.link_lists import RatingsForm
from planner.ui.widgets.screen_fit import resize_within_screen


class FeedbackDialog(RecordDialog):
    """Records feedback or edits it; the caller saves ``entry()`` as an undoable
    command."""

    def __init__(
        self,
        doc: PlanDocument,
        entry: FeedbackEntry | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = entry
        self.setWindowTitle(self.tr("Edit feedback") if entry else self.tr("Record feedback"))
        layout = QVBoxLayout(self)
        layout.addWidget(name_no_one_reminder(self))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.date_edit = DateInput(self.tr("Date"), dt.date.today(), parent=self)
        self.add_row(form, self.tr("&Date:"), self.date_edit)
        self.source_combo = QComboBox(self)
        for key, label in FEEDBACK_SOURCES.items():
            self.source_combo.addItem(self.tr(label), key)
        self.add_row(form, self.tr("&From:"), self.source_combo, self.tr("From"))
        self.role_edit = QLineEdit(self)
        self.role_edit.setPlaceholderText(self.tr("Their role, e.g. Band 7 sister on nights"))
        self.add_row(form, self.tr("Their &role:"), self.role_edit, self.tr("Their role"))
        self.role_counter = LengthCounter(self.role_edit, MAX_TITLE, self, show_from=200)
        form.addRow("", self.role_counter)
        self.summary_edit = self.text_box(self.tr("What the feedback said, in your words"), 4)
        self.add_row(form, self.tr("What it &said:"), self.summary_edit, self.tr("What it said"))
        self.response_edit = self.text_box(self.tr("What you did with it, or will do"), 3)
        self.add_row(
            form,
            self.tr("What you &did with it:"),
            self.response_edit,
            self.tr("What you did with it"),
        )
        layout.addLayout(form)
        layout.addLayout(
            self.link_lists(entry.skills if entry else (), entry.goals if entry else ()), 1
        )

        self.ratings_box = QGroupBox(self.tr("360 feedback ratings (optional)"), self)
        self.ratings_box.setCheckable(True)
        self.ratings_box.setAccessibleName(self.tr("360 feedback ratings"))
        box_layout = QVBoxLayout(self.ratings_box)
        self.ratings = RatingsForm(doc.framework)
        area = QScrollArea(self.ratings_box)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(self.ratings)
        # Every skill's chooser in view for a short framework; a long one scrolls.
        area.setMinimumHeight(
            min(self.ratings.sizeHint().height(), self.fontMetrics().lineSpacing() * 10)
        )
        box_layout.addWidget(area)
        # Folded away until asked for: most feedback is a conversation, not a 360.
        self.ratings_box.toggled.connect(area.setVisible)
        layout.addWidget(self.ratings_box)

        self.add_footer(
            layout,
            self.tr("Save feedback"),
            [self.role_edit, self.summary_edit, self.response_edit],
        )

        if entry is not None:
            self.date_edit.set_date(entry.date)
            self.source_combo.setCurrentIndex(max(self.source_combo.findData(entry.source), 0))
            self.role_edit.setText(entry.source_role)
            self.summary_edit.setPlainText(entry.summary)
            self.response_edit.setPlainText(entry.response)
            self.ratings.set_ratings(entry.ratings)
        self.ratings_box.setChecked(bool(entry and entry.ratings))
        area.setVisible(self.ratings_box.isChecked())
        self.tab_chain(
            self.date_edit.edit,
            self.source_combo,
            self.role_edit,
            self.summary_edit,
            self.response_edit,
            self.skill_list,
            self.goal_list,
            self.ratings_box,
            *self.ratings.combos.values(),
        )
        self.watch.check_now()
        self.finish_setup(self.summary_edit)
        resize_within_screen(self, 760, 720)

    def snapshot(self) -> object:
        return (self.record(), self.date_edit.text())

    def privacy_text(self) -> str:
        return "\n".join(
            [
                self.role_edit.text(),
                self.summary_edit.toPlainText(),
                self.response_edit.toPlainText(),
            ]
        )

    def validate(self) -> bool:
        entry = self.record()
        error = self.error_label
        if problem := self.date_edit.problem():
            return self.refuse(error, self.tr("Date: %s") % problem, self.date_edit)
        if not entry.summary:
            text = self.tr("Please write what the feedback said, in your words.")
            return self.refuse(error, text, self.summary_edit)
        if problem := self.role_counter.problem(self.tr("Their role")):
            return self.refuse(error, problem, self.role_edit)
        if self.ratings_box.isChecked() and not entry.ratings:
            text = self.tr("Choose a 360 rating for at least one skill, or untick the ratings.")
            return self.refuse(error, text, next(iter(self.ratings.combos.values()), None))
        framework = self.doc.framework
        problems = check_feedback(entry, {s.id for s in framework.skills}, len(framework.scale))
        if problems:
            return self.refuse(error, self.rules_problem(problems), self.summary_edit)
        error.hide()
        return True

    def record(self) -> FeedbackEntry:
        """The feedback as entered; it keeps the id and uid of the one being edited."""
        original = self._original
        return FeedbackEntry(
            date=self.date_edit.date() or dt.date.today(),
            source=self.source_combo.currentData(),
            source_role=self.role_edit.text().strip(),
            summary=self.summary_edit.toPlainText().strip(),
            response=self.response_edit.toPlainText().strip(),
            skills=self.skill_list.chosen(),
            goals=self.goal_list.chosen(),
            ratings=self.ratings.ratings() if self.ratings_box.isChecked() else {},
            uid=original.uid if original else "",
            id=original.id if original else None,
        )
