"""The reflective journal: find, read, write, edit and delete reflections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from planner.domain.models import Reflection
from planner.domain.reflection_models import CODE_THEMES, REFLECTION_MODELS, carry_sections
from planner.ui.commands import DeleteReflection, SaveReflection
from planner.ui.dialogs.questions import confirm
from planner.ui.document import GOALS, PROFILE, REFLECTIONS, PlanDocument
from planner.ui.editing import edit_until_saved
from planner.ui.models.goals_model import format_date
from planner.ui.models.reflections_model import (
    COL_DATE,
    COL_SKILL,
    COL_TITLE,
    REFLECTION_ID_ROLE,
    ReflectionTableModel,
)
from planner.ui.pages.record_list import PreviewWriter, RecordListPage

TOPICS = {REFLECTIONS, GOALS, PROFILE}
# regulator: (the model its reflections take, the action's label)
CONVERSIONS = {
    "nmc": ("nmc", "Turn into NMC reflective account…"),
    "gmc": ("medical", "Turn into medical appraisal reflection…"),
}


class ReflectionsPage(RecordListPage):
    """Reloads itself when reflections, goals (titles in the preview) or the profile
    (the framework's skill names) change."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(
            doc,
            title=self.tr("Reflections"),
            intro=self.tr(
                "Write down what happened, why it matters and what you will do next. "
                "Private reflections stay out of exports."
            ),
            table_name=self.tr("Reflections"),
            search_hint=self.tr("Search reflections"),
            new_label=self.tr("New reflection"),
            source=ReflectionTableModel(doc.store),
            id_role=REFLECTION_ID_ROLE,
            parent=parent,
        )
        self.preview.setAccessibleName(self.tr("Reflection preview"))
        self.show_private = QCheckBox(self.tr("Show private"), self)
        self.show_private.setAccessibleName(self.tr("Show private"))
        self.show_private.setChecked(True)
        self.show_private.toggled.connect(self._show_private_toggled)
        # Newest first, set before the rows arrive: only the newest page is read.
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.load_rows()
        self.resize_columns(COL_TITLE, {COL_SKILL: 22}, self.source.fixed_column_texts())
        # The regulator's form a reflection can be turned into, by the profile.
        self.convert_button = self._button("")
        self.toolbar.addWidget(self.convert_button)
        self.convert_button.clicked.connect(self.turn_into_form)
        self.finish_layout(self.show_private)
        self.setTabOrder(self.delete_button, self.convert_button)
        self.setTabOrder(self.convert_button, self.table)
        self._name_convert_button()
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        """Reloads from the store when ``topic`` is one this page shows."""
        if topic == PROFILE:
            self._name_convert_button()
        if topic in TOPICS:
            self.reload()

    def conversion_target(self) -> str | None:
        """The regulator's reflection model for this user: the NMC's reflective
        account for nurses and midwives, the appraisal reflection for doctors."""
        return CONVERSIONS.get(self._regulator(), (None, ""))[0]

    def _name_convert_button(self) -> None:
        # Hidden for other users, it keeps a name for assistive technology.
        target, label = CONVERSIONS.get(self._regulator(), (None, CONVERSIONS["nmc"][1]))
        self.convert_button.setText(self.tr(label))
        self.convert_button.setAccessibleName(self.tr(label).rstrip("…"))
        self.convert_button.setVisible(target is not None)
        self._selection_changed()

    def _regulator(self) -> str:
        profile = self.doc.profile
        return profile.regulator if profile else ""

    def _selection_changed(self) -> None:
        super()._selection_changed()
        if hasattr(self, "convert_button"):
            record = self.selected_row()
            target = self.conversion_target()
            self.convert_button.setEnabled(record is not None and record.model != target)

    def selected_row(self):
        """The selected reflection's list row (no section text), or None."""
        row = self.source.row_of(self.selected_id())
        return self.source.row_at(row) if row >= 0 else None

    def turn_into_form(self) -> None:
        """Writes a new reflection in the regulator's model from the selected one,
        its text carried over, and opens it to edit; the original stays as it was."""
        source = self.selected()
        target = self.conversion_target()
        if source is None or target is None:
            return
        draft = Reflection(
            date=source.date,
            title=source.title,
            model=target,
            sections=carry_sections(source.sections, source.model, target),
            skill=source.skill,
            goal=source.goal,
            private=source.private,
        )
        saved = edit_until_saved(
            self.doc,
            lambda previous: self._converted_dialog(previous.reflection() if previous else draft),
            lambda dialog: SaveReflection(self.doc, dialog.reflection()),
        )
        if saved is not None:
            self.select_id(saved.new.id)

    def _converted_dialog(self, draft: Reflection):
        dialog = self.record_dialog(draft)
        dialog.setWindowTitle(self.tr("New %s") % self.tr(REFLECTION_MODELS[draft.model].name))
        return dialog

    def load_rows(self) -> None:
        self.source.load({s.id: s.name for s in self.doc.framework.skills})

    def select_id(self, record_id: int | None) -> bool:
        if record_id is not None and self.source.row_of(record_id) < 0:
            self.source.load_rest()  # it may be older than the rows read so far
        return super().select_id(record_id)

    def _show_private_toggled(self, show: bool) -> None:
        self.refilter(lambda: self.source.set_show_private(show))

    def selected(self) -> Reflection | None:
        """The selected reflection with its sections, read from the store (the list
        holds no section text)."""
        reflection_id = self.selected_id()
        return None if reflection_id is None else self.doc.store.reflection(reflection_id)

    def write_preview(self, writer: PreviewWriter, record: Reflection) -> None:
        writer.title(record.title)
        details = [format_date(record.date)]
        if record.skill:
            details.append(self.doc.skill_name(record.skill))
        if record.private:
            details.append(self.tr("Private"))
        writer.line(" · ".join(details))
        goal_title = self.doc.store.reflection_goal_title(record.id) if record.goal else None
        if goal_title:
            writer.line(self.tr("Goal: %s") % goal_title)
        if record.themes:
            themes = [self.tr(CODE_THEMES.get(t, t)) for t in record.themes]
            writer.line(self.tr("Themes of the NMC Code: %s") % ", ".join(themes))
        model = REFLECTION_MODELS.get(record.model)
        if model is None:
            for key, text in record.sections.items():
                writer.section(key, text)
            return
        for section in model.sections:
            writer.section(self.tr(section.title), record.sections.get(section.key, ""))

    def record_dialog(self, record):
        from planner.ui.dialogs.reflection_dialog import ReflectionDialog

        return ReflectionDialog(self.doc, record, parent=self)

    def record_from(self, dialog):
        return dialog.reflection()

    def save_command(self, new, old):
        return SaveReflection(self.doc, new, old)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        question = self.tr("Delete the reflection “%s”? You can undo this.") % record.title
        if confirm(self, self.tr("Delete reflection?"), question):
            self.doc.execute(DeleteReflection(self.doc, record.id, record.title))
