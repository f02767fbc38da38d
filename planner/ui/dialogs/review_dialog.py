"""The editor for a review conversation with the line manager."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import Review
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.dialogs.privacy_notes import IdentifierWatch
from planner.ui.document import PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.screen_fit import resize_within_screen


class ReviewDialog(EditorDialog):
    """Records a new review or edits one; the caller saves ``review()`` as an
    undoable command after ``exec()`` accepts."""

    def __init__(
        self, doc: PlanDocument, review: Review | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = review
        self.setWindowTitle(self.tr("Edit review") if review else self.tr("New review"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Note what you discussed with your manager and the actions you agreed. "
                "Put each agreed action on its own line."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.date_edit = DateInput(self.tr("Date"), dt.date.today(), parent=self)
        self._add_row(form, self.tr("&Date:"), self.date_edit, self.tr("Date"))

        self.reviewer_edit = QLineEdit(self)
        self.reviewer_edit.setPlaceholderText(self.tr("Who you met, e.g. your line manager"))
        self._add_row(form, self.tr("&Reviewer:"), self.reviewer_edit, self.tr("Reviewer"))

        line = self.fontMetrics().lineSpacing()
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("What went well, what is harder, and what support you need")
        )
        self.notes_edit.setMinimumHeight(line * 8)
        self._add_row(form, self.tr("&Notes:"), self.notes_edit, self.tr("Notes"))

        self.actions_edit = QPlainTextEdit(self)
        self.actions_edit.setTabChangesFocus(True)
        self.actions_edit.setPlaceholderText(self.tr("One agreed action per line"))
        self.actions_edit.setMinimumHeight(line * 6)
        self._add_row(
            form, self.tr("&Agreed actions:"), self.actions_edit, self.tr("Agreed actions")
        )
        if review is not None and review.links:
            count = len(review.links)
            text = (
                self.tr(
                    "One of these lines became a goal or an action in your plan; it keeps "
                    "that link while its words stay the same."
                )
                if count == 1
                else self.tr(
                    "%d of these lines became goals or actions in your plan; each keeps "
                    "that link while its words stay the same."
                )
                % count
            )
            tracked = QLabel(text, self)
            tracked.setWordWrap(True)
            form.addRow("", tracked)

        self.next_review_edit = DateInput(self.tr("Next review"), optional=True, parent=self)
        self.next_review_edit.edit.setToolTip(
            self.tr(
                "When you plan to meet again, e.g. 15/01/2027. Leave it empty if no date "
                "was agreed. Alt+Down: calendar."
            )
        )
        self._add_row(form, self.tr("Ne&xt review:"), self.next_review_edit, self.tr("Next review"))
        layout.addLayout(form, 1)

        self.error_label = QLabel(self)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.watch = IdentifierWatch(
            lambda: "\n".join([self.notes_edit.toPlainText(), self.actions_edit.toPlainText()]),
            self,
        )
        layout.addWidget(self.watch.warning)
        self.notes_edit.textChanged.connect(self.watch.text_changed)
        self.actions_edit.textChanged.connect(self.watch.text_changed)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save review"))
        save.setAccessibleName(self.tr("Save review"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if review is not None:
            self.date_edit.set_date(review.date)
            self.reviewer_edit.setText(review.reviewer)
            self.notes_edit.setPlainText(review.notes)
            self.actions_edit.setPlainText(review.agreed_actions)
            self.next_review_edit.set_date(review.next_review)
        else:
            profile = doc.profile
            self.reviewer_edit.setText(profile.manager if profile else "")
        self.watch.check_now()
        self.finish_setup(self.notes_edit)
        resize_within_screen(self, 640, 560)

    def _add_row(self, form: QFormLayout, text: str, widget: QWidget, name: str) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        if not isinstance(widget, DateInput):
            widget.setAccessibleName(name)
        form.addRow(label, widget)

    def snapshot(self) -> object:
        return (self.review(), self.date_edit.text(), self.next_review_edit.text())

    def privacy_text(self) -> str:
        review = self.review()
        return "\n".join([review.notes, review.agreed_actions])

    def validate(self) -> bool:
        review = self.review()
        if problem := self.date_edit.problem():
            return self.refuse(self.error_label, self.tr("Date: %s") % problem, self.date_edit)
        if problem := self.next_review_edit.problem():
            text = self.tr("Next review: %s") % problem
            return self.refuse(self.error_label, text, self.next_review_edit)
        if review.next_review is not None and review.next_review < review.date:
            text = self.tr("The next review cannot be before this review (%s).") % format_date(
                review.date
            )
            return self.refuse(self.error_label, text, self.next_review_edit)
        if not (review.notes or review.agreed_actions):
            text = self.tr("Please add some notes or at least one agreed action.")
            return self.refuse(self.error_label, text, self.notes_edit)
        return True

    def review(self) -> Review:
        """The review as entered; it keeps the id of the one being edited."""
        actions = [
            line.strip() for line in self.actions_edit.toPlainText().splitlines() if line.strip()
        ]
        return Review(
            date=self.date_edit.date() or dt.date.today(),
            reviewer=self.reviewer_edit.text().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            agreed_actions="\n".join(actions),
            id=self._original.id if self._original else None,
            next_review=self.next_review_edit.date(),
            # What its lines became stays with them; a line whose words change is a
            # new line, and its old link is kept for an undo to find.
            links=self._original.links if self._original else (),
        )
