"""The editor of the NMC reflective discussion: who with (name and NMC PIN) and when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QLineEdit, QVBoxLayout, QWidget

from planner.domain.learning import ReflectiveDiscussion
from planner.domain.learning_rules import check_discussion
from planner.ui.dialogs.record_dialog import RecordDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.screen_fit import resize_within_screen
from planner.ui.widgets.text import plain_label


class DiscussionDialog(RecordDialog):
    """Records the discussion or edits it; the caller saves ``record()``."""

    def __init__(
        self,
        doc: PlanDocument,
        discussion: ReflectiveDiscussion | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = discussion
        self.setWindowTitle(
            self.tr("Edit reflective discussion")
            if discussion
            else self.tr("Record reflective discussion")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "The discussion of your five reflective accounts with another NMC "
                    "registrant. Their name and PIN go on your revalidation form."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.date_edit = DateInput(self.tr("Date of the discussion"), dt.date.today(), parent=self)
        self.add_row(form, self.tr("&Date:"), self.date_edit)
        self.name_edit = QLineEdit(self)
        self.add_row(
            form, self.tr("Their &name:"), self.name_edit, self.tr("The other registrant's name")
        )
        self.pin_edit = QLineEdit(self)
        self.pin_edit.setPlaceholderText(self.tr("e.g. 12A3456B"))
        self.add_row(form, self.tr("Their NMC &PIN:"), self.pin_edit, self.tr("Their NMC PIN"))
        self.note_edit = self.text_box(self.tr("Anything to remember (optional)"), 3)
        self.add_row(form, self.tr("N&ote:"), self.note_edit, self.tr("Note"))
        layout.addLayout(form)
        self.add_footer(layout, self.tr("Save discussion"), [self.note_edit])
        if discussion is not None:
            self.date_edit.set_date(discussion.date)
            self.name_edit.setText(discussion.partner_name)
            self.pin_edit.setText(discussion.partner_pin)
            self.note_edit.setPlainText(discussion.note)
        self.finish_setup(self.name_edit)
        resize_within_screen(self, 520, 320)

    def snapshot(self) -> object:
        return (self.record(), self.date_edit.text())

    def privacy_text(self) -> str:
        return self.note_edit.toPlainText()

    def validate(self) -> bool:
        record = self.record()
        error = self.error_label
        if problem := self.date_edit.problem():
            return self.refuse(error, self.tr("Date: %s") % problem, self.date_edit)
        if not record.partner_name:
            text = self.tr("Please give the name of the registrant you talked with.")
            return self.refuse(error, text, self.name_edit)
        if not record.partner_pin:
            text = self.tr("Please give their NMC PIN; it goes on your revalidation form.")
            return self.refuse(error, text, self.pin_edit)
        if problems := check_discussion(record):
            return self.refuse(error, self.rules_problem(problems), self.name_edit)
        error.hide()
        return True

    def record(self) -> ReflectiveDiscussion:
        return ReflectiveDiscussion(
            date=self.date_edit.date() or dt.date.today(),
            partner_name=self.name_edit.text().strip(),
            partner_pin=self.pin_edit.text().strip(),
            note=self.note_edit.toPlainText().strip(),
            id=self._original.id if self._original else None,
        )
