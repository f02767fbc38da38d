"""The reflection editor: a structured reflection in the writer's chosen model."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import Reflection
from planner.domain.reflection_models import (
    CODE_THEMES,
    DEFAULT_REFLECTION_MODEL,
    REFLECTION_MODELS,
    carry_sections,
)
from planner.domain.validation import MAX_TITLE
from planner.ui.dialogs.editor_dialog import EditorDialog
from planner.ui.dialogs.privacy_notes import IdentifierWatch, anonymise_reminder
from planner.ui.dialogs.questions import confirm
from planner.ui.document import PlanDocument
from planner.ui.widgets.date_input import DateInput
from planner.ui.widgets.length_counter import LengthCounter
from planner.ui.widgets.screen_fit import resize_within_screen

# Full names in the chooser; Rolfe first as the default of GMC/AoMRC guidance.
MODEL_CHOICES = (
    ("rolfe", "Rolfe: What? / So what? / Now what?"),
    ("gibbs", "Gibbs' reflective cycle (six stages)"),
    ("nmc", "NMC reflective account (for revalidation)"),
    ("medical", "Medical appraisal reflection (AoMRC)"),
)
# The regulators' forms: text written in another model is carried into them.
REGULATOR_MODELS = ("nmc", "medical")


class ReflectionDialog(EditorDialog):
    """Writes a new reflection or edits one; nothing is saved here: the caller
    records ``reflection()`` as an undoable command after ``exec()`` accepts."""

    def __init__(
        self,
        doc: PlanDocument,
        reflection: Reflection | None = None,
        *,
        skill: str | None = None,
        goal_uid: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self._original = reflection
        self.setWindowTitle(self.tr("Edit reflection") if reflection else self.tr("New reflection"))
        self.section_edits: dict[str, QPlainTextEdit] = {}
        self._model_id = reflection.model if reflection else DEFAULT_REFLECTION_MODEL
        if self._model_id not in REFLECTION_MODELS:
            self._model_id = DEFAULT_REFLECTION_MODEL
        self._build()

        if reflection is not None:
            self.title_edit.setText(reflection.title)
            self.date_edit.set_date(reflection.date)
            skill, goal_uid = reflection.skill, reflection.goal
            self.private_box.setChecked(reflection.private)
            for key in reflection.themes:
                if key in self.theme_boxes:
                    self.theme_boxes[key].setChecked(True)
        if goal_uid and not skill:
            skill = next((g.skill for g in doc.store.goal_summaries() if g.uid == goal_uid), None)
        self._select_data(self.skill_combo, skill)
        self._fill_goals(goal_uid)
        self._select_data(self.model_combo, self._model_id)
        self._build_sections(dict(reflection.sections) if reflection else {})
        self.themes_box.setVisible(self._model_id == "nmc")
        self.model_combo.currentIndexChanged.connect(self._model_chosen)
        self.skill_combo.currentIndexChanged.connect(lambda _i: self._fill_goals(self.goal_uid()))
        self.goal_combo.currentIndexChanged.connect(self._goal_chosen)
        self.title_edit.textChanged.connect(self._title_changed)
        self.watch.check_now()
        self.finish_setup(self.title_edit)
        resize_within_screen(self, 760, 700)

    # -- building ---------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("A few words to find it again later"))
        self._add_field(grid, 0, 0, self.tr("&Title:"), self.title_edit, self.tr("Title"), span=3)
        self.title_counter = LengthCounter(self.title_edit, MAX_TITLE, self)
        grid.addWidget(self.title_counter, 1, 3)

        self.title_error = QLabel(self)
        self.title_error.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_error.font()
        font.setBold(True)
        self.title_error.setFont(font)
        self.title_error.hide()
        grid.addWidget(self.title_error, 1, 1, 1, 2)

        self.date_edit = DateInput(self.tr("Date"), dt.date.today(), parent=self)
        self._add_field(grid, 2, 0, self.tr("&Date:"), self.date_edit, self.tr("Date"))

        self.model_combo = QComboBox(self)
        for model_id, name in MODEL_CHOICES:
            self.model_combo.addItem(self.tr(name), model_id)
        self._add_field(grid, 2, 2, self.tr("&Model:"), self.model_combo, self.tr("Model"))

        self.skill_combo = QComboBox(self)
        self.skill_combo.addItem(self.tr("No skill"), None)
        for skill in self.doc.framework.skills:
            self.skill_combo.addItem(skill.name, skill.id)
        self._add_field(grid, 3, 0, self.tr("&Skill:"), self.skill_combo, self.tr("Skill"))

        self.goal_combo = QComboBox(self)
        # Goal titles can be long; the combo must not push the dialog wider.
        self.goal_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.goal_combo.setMinimumContentsLength(20)
        self._add_field(grid, 3, 2, self.tr("&Goal:"), self.goal_combo, self.tr("Goal"))
        layout.addLayout(grid)

        self.reminder = anonymise_reminder(self)
        layout.addWidget(self.reminder)
        self.watch = IdentifierWatch(self.text_to_check, self)
        layout.addWidget(self.watch.warning)

        self.sections_area = QScrollArea(self)
        self.sections_area.setWidgetResizable(True)
        self.sections_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.sections_area.setAccessibleName(self.tr("Reflection sections"))
        self._sections_widget = QWidget()
        self._sections_layout = QVBoxLayout(self._sections_widget)
        self._sections_layout.setContentsMargins(0, 0, 0, 0)
        self.sections_area.setWidget(self._sections_widget)
        layout.addWidget(self.sections_area, 1)

        self.themes_box = QGroupBox(self.tr("Themes of the NMC Code it relates to"), self)
        self.themes_box.setAccessibleName(self.tr("Themes of the NMC Code"))
        themes_row = QHBoxLayout(self.themes_box)
        self.theme_boxes: dict[str, QCheckBox] = {}
        for key, label in CODE_THEMES.items():
            box = QCheckBox(self.tr(label), self.themes_box)
            box.setAccessibleName(self.tr(label))
            themes_row.addWidget(box)
            box.toggled.connect(lambda _on: self.themes_error.hide())
            self.theme_boxes[key] = box
        layout.addWidget(self.themes_box)
        # Said beside the themes, not at the title: that is where the fix is.
        self.themes_error = QLabel(self)
        self.themes_error.setTextFormat(Qt.TextFormat.PlainText)
        self.themes_error.setWordWrap(True)
        self.themes_error.setFont(self.title_error.font())
        self.themes_error.hide()
        layout.addWidget(self.themes_error)

        self.private_box = QCheckBox(self.tr("Private — leave out of exports"), self)
        self.private_box.setAccessibleName(self.tr("Private — leave out of exports"))
        layout.addWidget(self.private_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save reflection"))
        save.setAccessibleName(self.tr("Save reflection"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _add_field(self, grid, row, col, text, widget, name, span=1) -> None:
        label = QLabel(text, self)
        label.setBuddy(widget)
        if not isinstance(widget, DateInput):
            widget.setAccessibleName(name)
        grid.addWidget(label, row, col)
        grid.addWidget(widget, row, col + 1, 1, span)

    def _build_sections(self, texts: dict[str, str]) -> None:
        """Replaces the section editors with those of the current model, filled from
        ``texts`` by key."""
        while self._sections_layout.count():
            item = self._sections_layout.takeAt(0)
            if item.widget() is not None:
                # Hidden at once: deletion waits for the event loop.
                item.widget().hide()
                item.widget().deleteLater()
        self.section_edits = {}
        line = self.fontMetrics().lineSpacing()
        for section in REFLECTION_MODELS[self._model_id].sections:
            edit = QPlainTextEdit(self._sections_widget)
            edit.setPlaceholderText(self.tr(section.prompt))
            edit.setAccessibleName(self.tr(section.title))
            edit.setAccessibleDescription(self.tr(section.prompt))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(line * 4)
            edit.setPlainText(texts.get(section.key, ""))
            edit.textChanged.connect(self.watch.text_changed)
            label = QLabel(self.tr(section.title), self._sections_widget)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            label.setBuddy(edit)
            self._sections_layout.addWidget(label)
            self._sections_layout.addWidget(edit, 1)
            self.section_edits[section.key] = edit
        self._fix_tab_order()

    def _fix_tab_order(self) -> None:
        chain = [
            self.title_edit,
            self.date_edit,
            self.model_combo,
            self.skill_combo,
            self.goal_combo,
            *self.section_edits.values(),
            *self.theme_boxes.values(),
            self.private_box,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # -- reacting ---------------------------------------------------------------

    @staticmethod
    def _select_data(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _fill_goals(self, keep_uid: str | None) -> None:
        skill = self.skill_combo.currentData()
        goals = self.doc.store.goal_summaries(skill) if skill else self.doc.store.goal_summaries()
        self.goal_combo.blockSignals(True)
        self.goal_combo.clear()
        self.goal_combo.addItem(self.tr("No goal"), None)
        if keep_uid and all(g.uid != keep_uid for g in goals):
            # A goal closed with an earlier cycle is not in the working plan; the link
            # stays, shown as such, so editing the reflection keeps it.
            gid = self.doc.store.goal_id_for_uid(keep_uid)
            closed = self.doc.store.goal_summary(gid) if gid is not None else None
            if closed is not None and skill in (None, closed.skill):
                goals = [*goals, closed._replace(title=self.tr("%s (closed cycle)") % closed.title)]
        for goal in goals:
            self.goal_combo.addItem(goal.title, goal.uid)
            self.goal_combo.setItemData(
                self.goal_combo.count() - 1, goal.title, Qt.ItemDataRole.ToolTipRole
            )
        self._select_data(self.goal_combo, keep_uid)
        self.goal_combo.blockSignals(False)

    def _goal_chosen(self, _index: int) -> None:
        # Picking a goal with no skill chosen implies the goal's skill.
        uid = self.goal_uid()
        if uid and self.skill_combo.currentData() is None:
            skill = next((g.skill for g in self.doc.store.goal_summaries() if g.uid == uid), None)
            if skill:
                self._select_data(self.skill_combo, skill)  # refills goals, keeping uid

    def _model_chosen(self, _index: int) -> None:
        new_id = self.model_combo.currentData()
        if new_id == self._model_id:
            return
        texts = self.section_texts()
        if new_id in REGULATOR_MODELS:
            # Turned into a regulator's form, every word is carried over to edit.
            self._model_id, old_id = new_id, self._model_id
            self._build_sections(carry_sections(texts, old_id, new_id))
            self.themes_box.setVisible(new_id == "nmc")
            self.themes_error.hide()
            self.watch.check_now()
            return
        shared = set(REFLECTION_MODELS[new_id].keys())
        lost = [key for key, text in texts.items() if text.strip() and key not in shared]
        if lost and not confirm(
            self,
            self.tr("Change reflection model?"),
            self.tr(
                "The new model has different sections, so the text you have written "
                "in this one will be cleared. Change the model anyway?"
            ),
            yes=self.tr("&Change model"),
            no=self.tr("&Keep this model"),
        ):
            self.model_combo.blockSignals(True)
            self._select_data(self.model_combo, self._model_id)
            self.model_combo.blockSignals(False)
            return
        self._model_id = new_id
        self._build_sections({k: v for k, v in texts.items() if k in shared})
        self.themes_box.setVisible(new_id == "nmc")
        self.themes_error.hide()
        self.watch.check_now()

    def _title_changed(self, text: str) -> None:
        self.watch.text_changed()
        if text.strip():
            self.title_error.hide()

    # -- results ----------------------------------------------------------------

    def section_texts(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.section_edits.items()}

    def text_to_check(self) -> str:
        return "\n".join([self.title_edit.text(), *self.section_texts().values()])

    def goal_uid(self) -> str | None:
        return self.goal_combo.currentData()

    def model_id(self) -> str:
        return self._model_id

    def snapshot(self) -> object:
        return (self.reflection(), self.date_edit.text())

    def privacy_text(self) -> str:
        return self.text_to_check()

    def validate(self) -> bool:
        if not self.title_edit.text().strip():
            text = self.tr("Please give the reflection a title.")
            return self.refuse(self.title_error, text, self.title_edit)
        if problem := self.title_counter.problem(self.tr("The title")):
            return self.refuse(self.title_error, problem, self.title_edit)
        if problem := self.date_edit.problem():
            return self.refuse(self.title_error, self.tr("Date: %s") % problem, self.date_edit)
        if self._model_id == "nmc" and not self.themes():
            text = self.tr(
                "An NMC reflective account needs at least one theme of the Code: tick the "
                "ones it relates to."
            )
            return self.refuse(self.themes_error, text, next(iter(self.theme_boxes.values())))
        return True

    def themes(self) -> tuple[str, ...]:
        """The Code's themes ticked; only an NMC reflective account has them."""
        if self._model_id != "nmc":
            return ()
        return tuple(key for key, box in self.theme_boxes.items() if box.isChecked())

    def reflection(self) -> Reflection:
        """The reflection as written; it keeps the id of the one being edited."""
        date: dt.date = self.date_edit.date() or dt.date.today()
        return Reflection(
            date=date,
            title=self.title_edit.text().strip(),
            model=self._model_id,
            # Only sections with text are kept, so an untouched section is no change.
            sections={
                key: text.rstrip() for key, text in self.section_texts().items() if text.strip()
            },
            skill=self.skill_combo.currentData(),
            goal=self.goal_uid(),
            private=self.private_box.isChecked(),
            id=self._original.id if self._original else None,
            themes=self.themes(),
        )
