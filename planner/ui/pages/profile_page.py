"""The plan owner's profile, saved field by field, with where the plan is kept."""

from __future__ import annotations

import copy
import datetime as dt
import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.learning import REGULATORS
from planner.domain.models import Profile
from planner.domain.validation import MAX_PROFILE_TEXT
from planner.paths import is_network_path
from planner.ui.commands import EditProfile
from planner.ui.document import PROFILE, PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.scroll_column import scrolling_column
from planner.ui.widgets.text import heading, plain_label

TEXT_FIELDS = (
    ("name", "&Name:", "Name", "Your name, as it should appear on your plan"),
    ("role", "&Role:", "Role", "e.g. Ward Sister (Band 6), Acute Medical Unit"),
    ("profession", "&Profession:", "Profession", "e.g. Registered Nurse (Adult)"),
    ("organisation", "&Organisation:", "Organisation", "e.g. your trust or practice"),
    ("manager", "&Line manager:", "Line manager", "Who you agree your plan with"),
    (
        "aspiration",
        "Role I am &aiming for:",
        "Role I am aiming for",
        "e.g. Ward Manager (Band 7)",
    ),
)


class ProfilePage(QWidget):
    """Each field is saved as one undoable edit when the user leaves it; there is
    no Save button to forget."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName(self.tr("Profile"))
        inner, layout = scrolling_column(self, 110)
        layout.addWidget(heading(self.tr("Profile"), parent=inner))
        layout.addWidget(
            plain_label(self.tr("Changes are saved as soon as you leave a field."), inner)
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit] = {}
        self.counters: dict[str, LengthCounter] = {}
        self.errors: dict[str, QLabel] = {}
        for attr, label_text, name, hint in TEXT_FIELDS:
            # No max length: Qt would cut a long paste silently; the counter tells instead.
            edit = QLineEdit(inner)
            edit.setAccessibleName(self.tr(name))
            edit.setPlaceholderText(self.tr(hint))
            edit.editingFinished.connect(self.save)
            self.fields[attr] = edit
            self.counters[attr] = LengthCounter(
                edit, MAX_PROFILE_TEXT, inner, show_from=MAX_PROFILE_TEXT - 100
            )
            self.errors[attr] = error = plain_label("", inner)
            font = error.font()
            font.setBold(True)
            error.setFont(font)
            error.hide()
            # One row: the counter and the problem take no room until they show.
            column = QVBoxLayout()
            column.setSpacing(2)
            for widget in (edit, self.counters[attr], error):
                column.addWidget(widget)
            label = QLabel(self.tr(label_text), inner)
            label.setBuddy(edit)
            form.addRow(label, column)
        self.name_error = self.errors["name"]
        # The plan's period is its current cycle (an appraisal year, say); a new cycle
        # is started from the Plan menu, which sets these dates anew.
        self.period_start = DateInput(self.tr("This cycle starts"), optional=True, parent=inner)
        self.period_end = DateInput(self.tr("This cycle ends"), optional=True, parent=inner)
        for text, widget in (
            (self.tr("This cycle &starts:"), self.period_start),
            (self.tr("This cycle &ends:"), self.period_end),
        ):
            widget.edit.setToolTip(
                self.tr(
                    "The dates of your plan's current cycle, such as your appraisal year "
                    "(Plan › Start a new cycle… closes it and starts the next). Type a date "
                    "such as 15/01/2027, 15 Jan 2027 or today. Alt+Down: calendar."
                )
            )
            label = QLabel(text, inner)
            label.setBuddy(widget.edit)
            form.addRow(label, widget)
            widget.edit.editingFinished.connect(self.save)
        self.period_error = plain_label("", inner)
        self.period_error.setFont(self.name_error.font())
        self.period_error.hide()
        form.addRow("", self.period_error)

        self.regulator_combo = QComboBox(inner)
        self.regulator_combo.setAccessibleName(self.tr("Regulator"))
        for key, name in REGULATORS.items():
            self.regulator_combo.addItem(self.tr(name), key)
        regulator_label = QLabel(self.tr("Re&gulator:"), inner)
        regulator_label.setBuddy(self.regulator_combo)
        form.addRow(regulator_label, self.regulator_combo)
        self.regulator_combo.activated.connect(lambda _i: self.save())
        self.revalidation_date = DateInput(
            self.tr("Revalidation date"), optional=True, parent=inner
        )
        self.revalidation_label = QLabel(inner)
        self.revalidation_label.setBuddy(self.revalidation_date.edit)
        form.addRow(self.revalidation_label, self.revalidation_date)
        self.revalidation_date.edit.editingFinished.connect(self.save)
        self.revalidation_error = plain_label("", inner)
        self.revalidation_error.setFont(self.name_error.font())
        self.revalidation_error.hide()
        form.addRow("", self.revalidation_error)
        layout.addLayout(form)

        self.framework_box = QGroupBox(self.tr("Framework in use"), inner)
        box_layout = QVBoxLayout(self.framework_box)
        self.framework_name = heading("", 3, self.framework_box)
        self.framework_description = plain_label("", self.framework_box)
        self.framework_description.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        box_layout.addWidget(self.framework_name)
        box_layout.addWidget(self.framework_description)
        layout.addWidget(self.framework_box)

        self.data_box = QGroupBox(self.tr("Where your plan is kept"), inner)
        data_layout = QVBoxLayout(self.data_box)
        self.data_path = plain_label("", self.data_box)
        self.data_path.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.data_path.setAccessibleName(self.tr("Data file"))
        self.data_path.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        data_layout.addWidget(self.data_path)
        self.network_warning = plain_label(
            self.tr(
                "This file is on a network drive, where the database can be damaged. "
                "Keep it on this computer's local drive."
            ),
            self.data_box,
        )
        data_layout.addWidget(self.network_warning)
        data_layout.addWidget(
            plain_label(
                self.tr(
                    "Your plan stays on this computer in this one file; nothing is sent "
                    "anywhere. Private reflections are left out of exports unless you "
                    "choose to include them."
                ),
                self.data_box,
            )
        )
        layout.addWidget(self.data_box)
        layout.addStretch(1)

        chain = [
            *self.fields.values(),
            self.period_start.edit,
            self.period_end.edit,
            self.regulator_combo,
            self.revalidation_date.edit,
            self.data_path,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self._load()
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        """Reloads from the store when the profile (or framework) changed."""
        if topic == PROFILE:
            self._load()

    def _load(self) -> None:
        profile = self.doc.profile or Profile(name="")
        for attr, edit in self.fields.items():
            value = getattr(profile, attr)
            if edit.text() != value:  # leaves the cursor alone when nothing changed
                edit.setText(value)
        self._set_date(self.period_start, profile.period_start)
        self._set_date(self.period_end, profile.period_end)
        index = self.regulator_combo.findData(profile.regulator)
        self.regulator_combo.setCurrentIndex(max(index, 0))
        self._set_date(self.revalidation_date, profile.revalidation_date)
        self._name_revalidation_date(profile.regulator)
        framework = self.doc.framework
        self.framework_name.setText(framework.name)
        self.framework_description.setText(framework.description)
        path = self.doc.store.path
        self.data_path.setText(
            str(path) if path else self.tr("Not saved to a file (a temporary plan).")
        )
        self.network_warning.setVisible(bool(path) and is_network_path(path))

    @staticmethod
    def _set_date(widget: DateInput, day: dt.date | None) -> None:
        if widget.date() != day or widget.problem():
            widget.set_date(day)

    def _name_revalidation_date(self, regulator: str) -> None:
        """The date's label in the regulator's own word; hidden when none applies."""
        words = {
            "nmc": self.tr("&Revalidation date:"),
            "gmc": self.tr("Next &appraisal date:"),
            "hcpc": self.tr("&Registration renewal date:"),
        }
        text = words.get(regulator, self.tr("&Revalidation or appraisal date:"))
        self.revalidation_label.setText(text)
        self.revalidation_date.edit.setAccessibleName(text.replace("&", "").rstrip(":"))
        shown = regulator != "none"
        self.revalidation_label.setVisible(shown)
        self.revalidation_date.setVisible(shown)

    def profile_from_fields(self, old: Profile) -> Profile:
        new = copy.deepcopy(old)
        for attr, edit in self.fields.items():
            setattr(new, attr, edit.text().strip())
        new.period_start = self.period_start.date()
        new.period_end = self.period_end.date()
        new.regulator = self.regulator_combo.currentData()
        new.revalidation_date = self.revalidation_date.date()
        return new

    def save(self) -> bool:
        """Saves the fields if they differ from the stored profile.

        Returns:
            True when a change was saved; False when there was nothing to save or the
            change was refused (its field is then put back and the reason shown).
        """
        old = self.doc.profile
        if old is None:
            return False
        new = self.profile_from_fields(old)
        for attr, counter in self.counters.items():
            error = self.errors[attr]
            if problem := counter.problem(self.fields[attr].accessibleName()):
                # Kept as typed, so it can be shortened; nothing is saved meanwhile.
                error.setText(self.tr("%s Nothing was saved.") % problem)
                error.show()
                return False
            error.hide()
        if not new.name:
            self.name_error.setText(self.tr("Your name is needed; it has been put back."))
            self.name_error.show()
            self.fields["name"].setText(old.name)
            return False
        self.name_error.hide()
        for widget in (self.period_start, self.period_end):
            if widget.problem():
                # Kept as typed, so it can be corrected; nothing is saved meanwhile.
                self.period_error.setText(widget.problem())
                self.period_error.show()
                return False
        if new.period_start and new.period_end and new.period_end < new.period_start:
            self.period_error.setText(
                self.tr("The plan period cannot end before it starts; the dates were put back.")
            )
            self.period_error.show()
            self._set_date(self.period_start, old.period_start)
            self._set_date(self.period_end, old.period_end)
            return False
        self.period_error.hide()
        if problem := self.revalidation_date.problem():
            self.revalidation_error.setText(problem)
            self.revalidation_error.show()
            return False
        self.revalidation_error.hide()
        self._name_revalidation_date(new.regulator)
        if new == old:
            return False
        return self.doc.execute(EditProfile(self.doc, old, new))
