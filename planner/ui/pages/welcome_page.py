"""First run: who you are, the role you are aiming for, and the framework to use."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import Framework, Profile
from planner.domain.validation import MAX_PROFILE_TEXT
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.text import heading, plain_label


class WelcomePage(QWidget):
    """Emits ``start_requested(profile, framework)`` or ``sample_requested``."""

    start_requested = Signal(object, object)
    sample_requested = Signal()

    def __init__(self, frameworks: list[Framework], parent: QWidget | None = None):
        super().__init__(parent)
        self.frameworks = frameworks
        self.setAccessibleName(self.tr("Welcome"))
        intro = plain_label(
            self.tr(
                "Leadership Planner helps you set goals for each leadership skill, rate yourself "
                "over time, log progress, reflect, and share a development plan with your "
                "manager. Everything stays on this PC.\n\nTell us a little about you to start. "
                "Only your name is needed; you can change all of this later."
            )
        )
        self.fields: dict[str, QLineEdit] = {}
        self.counters: dict[str, LengthCounter] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label, hint in (
            ("name", self.tr("Your &name"), self.tr("e.g. Siân Okafor")),
            ("role", self.tr("Current &role"), self.tr("e.g. Ward Sister (Band 6)")),
            ("profession", self.tr("&Profession"), self.tr("e.g. Registered Nurse (Adult)")),
            ("organisation", self.tr("&Organisation"), self.tr("e.g. your trust or practice")),
            ("manager", self.tr("Line &manager"), self.tr("Who you review your plan with")),
            (
                "aspiration",
                self.tr("Role you are &aiming for"),
                self.tr("e.g. Ward Manager (Band 7)"),
            ),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", ""))
            self.fields[key] = edit
            form.addRow(label, edit)
            counter = LengthCounter(edit, MAX_PROFILE_TEXT, show_from=MAX_PROFILE_TEXT - 100)
            self.counters[key] = counter
            form.addRow("", counter)
        self.framework_combo = QComboBox()
        self.framework_combo.setAccessibleName(self.tr("Skill framework"))
        for framework in frameworks:
            self.framework_combo.addItem(framework.name, framework.id)
        form.addRow(self.tr("Skill &framework"), self.framework_combo)
        self.framework_description = plain_label()
        form.addRow("", self.framework_description)
        self.framework_combo.currentIndexChanged.connect(self._describe_framework)
        self._describe_framework()

        self.error_label = QLabel()
        self.error_label.setAccessibleName(self.tr("Problems"))
        self.error_label.setStyleSheet("font-weight: 600;")
        self.error_label.hide()
        self.start_button = QPushButton(self.tr("Start my plan"))
        self.start_button.setAccessibleName(self.tr("Start my plan"))
        self.start_button.setDefault(True)
        self.sample_button = QPushButton(self.tr("Explore a sample plan first"))
        self.sample_button.setAccessibleName(self.tr("Explore a sample plan first"))
        self.start_button.clicked.connect(self._start)
        self.sample_button.clicked.connect(self.sample_requested)
        for edit in self.fields.values():
            edit.returnPressed.connect(self._start)

        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        column = QVBoxLayout()
        column.addWidget(heading(self.tr("Welcome to Leadership Planner")))
        column.addWidget(intro)
        column.addSpacing(12)
        column.addLayout(form)
        column.addWidget(self.error_label)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(720)
        outer = QHBoxLayout(self)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        self.fields["name"].setFocus()

    def _describe_framework(self) -> None:
        framework = (
            self.frameworks[self.framework_combo.currentIndex()] if self.frameworks else None
        )
        self.framework_description.setText(framework.description if framework else "")

    def _start(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        if not values["name"]:
            self.error_label.setText(self.tr("Please enter your name to start."))
            self.error_label.show()
            self.fields["name"].setFocus()
            return
        for key, counter in self.counters.items():
            if problem := counter.problem(self.fields[key].accessibleName()):
                self.error_label.setText(problem)
                self.error_label.show()
                self.fields[key].setFocus()
                return
        framework = self.frameworks[self.framework_combo.currentIndex()]
        self.start_requested.emit(Profile(**values), framework)
