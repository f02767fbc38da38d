"""The editor of one learning activity (CPD): what, when, how long, with whom, and
what it served."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.learning import CPD_METHODS, MAX_HOURS, LearningActivity
from planner.domain.learning_rules import check_learning
from planner.domain.reflection_models import CODE_THEMES
from planner.domain.validation import MAX_TITLE
from planner.ui.dialogs.record_dialog import RecordDialog
from planner.ui.document import PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.models.learning_models import hours_text
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.screen_fit import resize_within_screen


def hours_box(name: str, suffix: str, parent: QWidget) -> QDoubleSpinBox:
    """Hours to the quarter hour and finer, up to the rules' limit."""
    box = QDoubleSpinBox(parent)
    box.setAccessibleName(name)
    box.setDecimals(2)
    box.setRange(0, MAX_HOURS)
    box.setSingleStep(0.5)
    box.setSuffix(suffix)
    return box


class LearningDialog(RecordDialog):
    """Logs a new learning activity or edits one; the caller saves ``activity()``
    as an undoable command."""

    def __init__(
        self,
        doc: PlanDocument,
        activity: LearningActivity | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = activity
        self.setWindowTitle(
            self.tr("Edit learning activity") if activity else self.tr("Log learning")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.topic_edit = QLineEdit(self)
        self.topic_edit.setPlaceholderText(
            self.tr("e.g. Mary Seacole programme: leading change, module 2")
        )
        self.add_row(form, self.tr("&Topic:"), self.topic_edit, self.tr("Topic"))
        self.topic_counter = LengthCounter(self.topic_edit, MAX_TITLE, self, show_from=200)
        form.addRow("", self.topic_counter)

        self.method_combo = QComboBox(self)
        for key, label in CPD_METHODS.items():
            self.method_combo.addItem(self.tr(label), key)
        self.add_row(form, self.tr("&Method:"), self.method_combo, self.tr("Method"))

        dates = QHBoxLayout()
        self.start_edit = DateInput(self.tr("Date"), dt.date.today(), parent=self)
        self.end_edit = DateInput(self.tr("Last day"), optional=True, parent=self)
        self.end_edit.edit.setToolTip(
            self.tr("For learning over several days; leave empty for one day.")
        )
        end_label = QLabel(self.tr("&Last day:"), self)
        end_label.setBuddy(self.end_edit.edit)
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(end_label)
        dates.addWidget(self.end_edit, 1)
        date_label = QLabel(self.tr("&Date:"), self)
        date_label.setBuddy(self.start_edit.edit)
        form.addRow(date_label, dates)

        hours = QHBoxLayout()
        self.hours_spin = hours_box(self.tr("Hours"), self.tr(" hours"), self)
        self.participatory_spin = hours_box(self.tr("Participatory hours"), self.tr(" hours"), self)
        self.participatory_spin.setToolTip(
            self.tr("The part spent learning with other professionals, in person or online.")
        )
        part_label = QLabel(self.tr("of which &participatory:"), self)
        part_label.setBuddy(self.participatory_spin)
        hours.addWidget(self.hours_spin)
        hours.addWidget(part_label)
        hours.addWidget(self.participatory_spin)
        hours.addStretch(1)
        hours_label = QLabel(self.tr("&Hours:"), self)
        hours_label.setBuddy(self.hours_spin)
        form.addRow(hours_label, hours)
        self.participatory_note = QLabel(
            self.tr(
                "Participatory: learning with other professionals, such as a workshop, "
                "an action learning set or coaching. Reading alone is not."
            ),
            self,
        )
        self.participatory_note.setWordWrap(True)
        form.addRow("", self.participatory_note)

        self.relevance_edit = self.text_box(
            self.tr("What it was about, and how it relates to your practice and your role"), 3
        )
        self.add_row(
            form,
            self.tr("How it &relates to your practice:"),
            self.relevance_edit,
            self.tr("How it relates to your practice"),
        )
        layout.addLayout(form)

        themes = activity.code_themes if activity else ()
        profile = doc.profile
        self.themes_box = QGroupBox(self.tr("Parts of the NMC Code it touches"), self)
        theme_row = QHBoxLayout(self.themes_box)
        self.theme_boxes: dict[str, QCheckBox] = {}
        for key, label in CODE_THEMES.items():
            box = QCheckBox(self.tr(label), self.themes_box)
            box.setAccessibleName(self.tr(label))
            box.setChecked(key in themes)
            theme_row.addWidget(box)
            self.theme_boxes[key] = box
        # Only nurses, midwives and nursing associates answer to the Code; themes
        # chosen before are kept whoever opens the record.
        self.themes_box.setVisible(
            bool(themes) or (profile is not None and profile.regulator == "nmc")
        )
        layout.addWidget(self.themes_box)

        layout.addLayout(
            self.link_lists(
                activity.skills if activity else (), activity.goals if activity else ()
            ),
            1,
        )

        evidence_form = QFormLayout()
        self.evidence_edit = QLineEdit(self)
        self.evidence_edit.setPlaceholderText(
            self.tr("e.g. certificate of attendance, kept in my portfolio")
        )
        self.add_row(
            evidence_form, self.tr("&Evidence held:"), self.evidence_edit, self.tr("Evidence held")
        )
        layout.addLayout(evidence_form)

        self.add_footer(
            layout,
            self.tr("Save learning"),
            [self.topic_edit, self.relevance_edit, self.evidence_edit],
        )

        if activity is not None:
            self.topic_edit.setText(activity.topic)
            self.method_combo.setCurrentIndex(max(self.method_combo.findData(activity.method), 0))
            self.start_edit.set_date(activity.start)
            self.end_edit.set_date(activity.end)
            self.hours_spin.setValue(activity.hours)
            self.participatory_spin.setValue(activity.participatory_hours)
            self.relevance_edit.setPlainText(activity.relevance)
            self.evidence_edit.setText(activity.evidence)
        self.tab_chain(
            self.topic_edit,
            self.method_combo,
            self.start_edit.edit,
            self.end_edit.edit,
            self.hours_spin,
            self.participatory_spin,
            self.relevance_edit,
            *self.theme_boxes.values(),
            self.skill_list,
            self.goal_list,
            self.evidence_edit,
        )
        self.watch.check_now()
        self.finish_setup(self.topic_edit)
        resize_within_screen(self, 760, 720)

    # -- results -------------------------------------------------------------------

    def snapshot(self) -> object:
        return (self.record(), self.start_edit.text(), self.end_edit.text())

    def privacy_text(self) -> str:
        return "\n".join(
            [self.topic_edit.text(), self.relevance_edit.toPlainText(), self.evidence_edit.text()]
        )

    def validate(self) -> bool:
        activity = self.record()
        error = self.error_label
        if not activity.topic:
            return self.refuse(
                error, self.tr("Please say what the learning was about."), self.topic_edit
            )
        if problem := self.topic_counter.problem(self.tr("The topic")):
            return self.refuse(error, problem, self.topic_edit)
        if problem := self.start_edit.problem():
            return self.refuse(error, self.tr("Date: %s") % problem, self.start_edit)
        if problem := self.end_edit.problem():
            return self.refuse(error, self.tr("Last day: %s") % problem, self.end_edit)
        if activity.end is not None and activity.end < activity.start:
            text = self.tr("The last day cannot be before the first (%s).") % format_date(
                activity.start
            )
            return self.refuse(error, text, self.end_edit)
        if activity.hours <= 0:
            text = self.tr("Please give the hours it took (more than 0).")
            return self.refuse(error, text, self.hours_spin)
        if activity.participatory_hours > activity.hours:
            text = self.tr(
                "Participatory hours (%s) cannot be more than the activity's hours (%s)."
            ) % (hours_text(activity.participatory_hours), hours_text(activity.hours))
            return self.refuse(error, text, self.participatory_spin)
        skills = {s.id for s in self.doc.framework.skills}
        problems = check_learning(activity, skills)
        if problems:
            # What the rules refuse that the fields above cannot say (a text too long).
            return self.refuse(error, self.rules_problem(problems), self.topic_edit)
        error.hide()
        return True

    def _hours(self, box: QDoubleSpinBox, attr: str) -> float:
        """The box's hours, or the activity's own when the box still shows them: a plan
        file may hold 0.333 hours, which the box shows as 0.33 and must not save so."""
        value = round(box.value(), 2)
        if self._original is not None:
            own = getattr(self._original, attr)
            if round(own, 2) == value:
                return own
        return value

    def record(self) -> LearningActivity:
        """The activity as entered; it keeps the id and uid of the one being edited."""
        start = self.start_edit.date() or dt.date.today()
        end = self.end_edit.date()
        original = self._original
        return LearningActivity(
            start=start,
            end=None if end == start else end,
            method=self.method_combo.currentData(),
            topic=self.topic_edit.text().strip(),
            relevance=self.relevance_edit.toPlainText().strip(),
            hours=self._hours(self.hours_spin, "hours"),
            participatory_hours=self._hours(self.participatory_spin, "participatory_hours"),
            code_themes=tuple(k for k, box in self.theme_boxes.items() if box.isChecked()),
            skills=self.skill_list.chosen(),
            goals=self.goal_list.chosen(),
            evidence=self.evidence_edit.text().strip(),
            uid=original.uid if original else "",
            id=original.id if original else None,
        )
