"""The self-assessment form: one rating per skill of the framework, on one date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import IMPORTANCE_LABELS, SelfAssessment, Skill
from planner.domain.targets import level_text
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.screen_fit import resize_within_screen


class SkillRating(QGroupBox):
    """Level, importance and note for one skill."""

    def __init__(
        self, skill: Skill, scale, parent: QWidget | None = None, target: str = ""
    ):
        super().__init__(skill.name, parent)
        if target:  # the level being aimed for, beside the name
            self.setTitle(self.tr("%s · target %s") % (skill.name, target))
        self.skill = skill
        self._scale = scale
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.level_combo = QComboBox(self)
        self.level_combo.addItem(self.tr("Not rated"), None)
        for number, level in enumerate(scale, start=1):
            self.level_combo.addItem(f"{number} · {self.tr(level.label)}", number)
        self.level_combo.setAccessibleName(self.tr("%s: level") % skill.name)
        level_label = QLabel(self.tr("Level:"), self)
        level_label.setBuddy(self.level_combo)
        grid.addWidget(level_label, 0, 0)
        grid.addWidget(self.level_combo, 0, 1)

        self.importance_combo = QComboBox(self)
        self.importance_combo.addItem(self.tr("Not set"), None)
        for number, label in IMPORTANCE_LABELS.items():
            self.importance_combo.addItem(f"{number} · {self.tr(label)}", number)
        self.importance_combo.setAccessibleName(self.tr("%s: importance to role") % skill.name)
        importance_label = QLabel(self.tr("Importance to role:"), self)
        importance_label.setBuddy(self.importance_combo)
        grid.addWidget(importance_label, 0, 2)
        grid.addWidget(self.importance_combo, 0, 3)

        self.descriptor = QLabel(self)
        self.descriptor.setTextFormat(Qt.TextFormat.PlainText)
        self.descriptor.setWordWrap(True)
        font = self.descriptor.font()
        font.setItalic(True)
        self.descriptor.setFont(font)
        grid.addWidget(self.descriptor, 1, 1, 1, 3)

        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Optional: why this level, or an example"))
        self.note_edit.setAccessibleName(self.tr("%s: note") % skill.name)
        note_label = QLabel(self.tr("Note:"), self)
        note_label.setBuddy(self.note_edit)
        grid.addWidget(note_label, 2, 0)
        grid.addWidget(self.note_edit, 2, 1, 1, 3)

        self.level_combo.currentIndexChanged.connect(self._show_descriptor)
        self._show_descriptor()

    def _show_descriptor(self) -> None:
        level = self.level_combo.currentData()
        if level is None:
            self.descriptor.setText(self.tr("Choose the level that fits you best today."))
        else:
            self.descriptor.setText(self.tr(self._scale[level - 1].descriptor))
        self.descriptor.setAccessibleName(self.descriptor.text())

    def set_rating(self, rating: SelfAssessment | None, *, with_note: bool = True) -> None:
        self.level_combo.setCurrentIndex(
            max(self.level_combo.findData(rating.level), 0) if rating else 0
        )
        importance = rating.importance if rating else None
        self.importance_combo.setCurrentIndex(max(self.importance_combo.findData(importance), 0))
        # A note belongs to its round; a new round starts with a blank one.
        self.note_edit.setText(rating.note if rating and with_note else "")

    def rating(self, date: dt.date) -> SelfAssessment | None:
        level = self.level_combo.currentData()
        if level is None:
            return None
        return SelfAssessment(
            skill=self.skill.id,
            date=date,
            level=level,
            importance=self.importance_combo.currentData(),
            note=self.note_edit.text().strip(),
        )


class AssessmentDialog(EditorDialog):
    """A new round of self-assessment, prefilled from the latest one so only what
    has changed needs touching; the caller saves ``round()`` as one command."""

    def __init__(
        self, doc: PlanDocument, parent: QWidget | None = None, date: dt.date | None = None
    ):
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("New self-assessment"))
        # The framework's own word for what is rated: "skill", "dimension", "domain".
        part, parts = doc.framework.part_singular, doc.framework.part_plural
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Rate yourself on each %s as you are now. It is for your own development, "
                "so be honest; you can compare rounds later. Skip any %s you cannot rate yet."
            )
            % (part, part),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.date_edit = DateInput(self.tr("Date"), date or dt.date.today(), parent=self)
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.date_edit)
        row.addWidget(date_label)
        row.addWidget(self.date_edit)
        self.replace_note = QLabel(
            self.tr("A self-assessment of this date already exists; saving replaces it."), self
        )
        self.replace_note.setWordWrap(True)
        row.addWidget(self.replace_note)
        row.addStretch(1)
        layout.addLayout(row)

        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setAccessibleName(self.tr("%s to rate") % parts.capitalize())
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        self.ratings: list[SkillRating] = []
        targets = doc.store.targets()
        for skill in doc.framework.skills:
            target = level_text(doc.framework, targets.get(skill.id))
            rating = SkillRating(skill, doc.framework.scale, inner, target)
            inner_layout.addWidget(rating)
            self.ratings.append(rating)
        inner_layout.addStretch(1)
        area.setWidget(inner)
        layout.addWidget(area, 1)

        self.error_label = QLabel(self)
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save self-assessment"))
        save.setAccessibleName(self.tr("Save self-assessment"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._prefill(date)
        self.date_edit.date_changed.connect(self._date_changed)
        self._date_changed()
        # The top field, whose typing shows in words; never a rating, where a stray
        # letter would pick another level.
        self.finish_setup(self.date_edit)
        resize_within_screen(self, 820, 700)

    def _prefill(self, date: dt.date | None) -> None:
        dates = self.doc.store.assessment_dates()
        source = date if date in dates else (dates[-1] if dates else None)
        by_skill = {r.skill: r for r in self.doc.store.assessment_round(source)} if source else {}
        for rating in self.ratings:
            rating.set_rating(by_skill.get(rating.skill.id), with_note=source == date)

    def _date_changed(self) -> None:
        self.replace_note.setVisible(self.date() in self.doc.store.assessment_dates())

    def date(self) -> dt.date:
        return self.date_edit.date() or dt.date.today()

    def snapshot(self) -> object:
        return (self.round(), self.date_edit.text())

    def privacy_text(self) -> str:
        return "\n".join(rating.note_edit.text() for rating in self.ratings)

    def validate(self) -> bool:
        if problem := self.date_edit.problem():
            return self.refuse(self.error_label, self.tr("Date: %s") % problem, self.date_edit)
        if not self.round()[1]:
            text = self.tr("Please rate at least one %s.") % self.doc.framework.part_singular
            return self.refuse(self.error_label, text)
        return True

    def round(self) -> tuple[dt.date, list[SelfAssessment]]:
        """The date and the ratings of every skill given a level."""
        date = self.date()
        ratings = [r.rating(date) for r in self.ratings]
        return date, [r for r in ratings if r is not None]
