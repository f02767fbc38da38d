"""The learning log (CPD): find, read, log, edit and delete learning activities."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from planner.domain.learning import CPD_METHODS, LearningActivity, total_hours
from planner.domain.reflection_models import CODE_THEMES
from planner.ui.dialogs.questions import confirm
from planner.ui.document import GOALS, LEARNING, PROFILE, PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.models.learning_models import (
    RECORD_ID_ROLE,
    LearningTableModel,
    SortedRecordsFilter,
    hours_text,
)
from planner.ui.pages.catch_up import CatchUpWhenShown
from planner.ui.pages.record_list import PreviewWriter, RecordListPage
from planner.ui.revalidation_commands import DeleteRecord, SaveRecord
from planner.ui.widgets.text import plain_label

TOPICS = frozenset({LEARNING, GOALS, PROFILE})


def write_links(page: RecordListPage, writer: PreviewWriter, skills, goals) -> None:
    """The skills and goals a record served, by name, in the preview."""
    if skills:
        names = [page.doc.skill_name(s) or s for s in skills]
        writer.line(page.tr("Skills: %s") % ", ".join(names))
    if goals:
        titles = {g.uid: g.title for g in page.doc.store.goal_summaries()}
        shown = [titles.get(uid, page.tr("a goal no longer open")) for uid in goals]
        writer.line(page.tr("Goals: %s") % "; ".join(shown))


class RecordsPage(RecordListPage, CatchUpWhenShown):
    """A list of one kind of revalidation record, saved and deleted by the shared
    commands; subclasses give the editor and the preview."""

    topics: frozenset[str] = frozenset()

    def refresh(self, topic: str) -> None:
        if topic in self.topics:
            self.refresh_now_or_later()

    def record_from(self, dialog):
        return dialog.record()

    def save_command(self, new, old):
        return SaveRecord(self.doc, new, old)

    def delete_question(self, record) -> str:
        raise NotImplementedError

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        if confirm(self, self.tr("Delete?"), self.delete_question(record)):
            self.doc.execute(DeleteRecord(self.doc, record))


class LearningPage(RecordsPage):
    topics = TOPICS

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(
            doc,
            title=self.tr("Learning (CPD)"),
            intro=self.tr(
                "Log what you did to learn: courses, shadowing, coaching, action learning "
                "sets, reading. Participatory hours are those spent learning with other "
                "professionals."
            ),
            table_name=self.tr("Learning activities"),
            search_hint=self.tr("Search learning"),
            new_label=self.tr("Log learning"),
            source=LearningTableModel(),
            proxy=SortedRecordsFilter(),
            id_role=RECORD_ID_ROLE,
            parent=parent,
        )
        self.preview.setAccessibleName(self.tr("Learning activity preview"))
        self.totals = plain_label("", self)
        self.totals.setAccessibleName(self.tr("Total hours"))
        self.layout().addWidget(self.totals)
        self.load_rows()
        model = self.source
        self.table.sortByColumn(model.COL_DATE, Qt.SortOrder.DescendingOrder)
        self.resize_columns(
            model.COL_TOPIC,
            {model.COL_METHOD: 20},
            {
                model.COL_DATE: model.dates_texts(),
                model.COL_HOURS: ["100.25"],
                model.COL_PARTICIPATORY: ["100.25"],
            },
        )
        self.finish_layout()
        doc.changed.connect(self.refresh)

    def load_rows(self) -> None:
        activities = self.doc.store.learning_activities()
        self.source.set_rows(activities)
        hours = total_hours(a.hours for a in activities)
        participatory = total_hours(a.participatory_hours for a in activities)
        self.totals.setText(
            self.tr("All learning logged: %s hours, of which %s participatory.")
            % (hours_text(hours), hours_text(participatory))
        )

    def write_preview(self, writer: PreviewWriter, record: LearningActivity) -> None:
        writer.title(record.topic)
        when = format_date(record.start)
        if record.end and record.end != record.start:
            when = f"{when} – {format_date(record.end)}"
        method = self.tr(CPD_METHODS.get(record.method, record.method))
        writer.line(f"{when} · {method}")
        writer.line(
            self.tr("%s hours, of which %s participatory")
            % (hours_text(record.hours), hours_text(record.participatory_hours))
        )
        if record.code_themes:
            themes = [self.tr(CODE_THEMES.get(t, t)) for t in record.code_themes]
            writer.line(self.tr("NMC Code: %s") % ", ".join(themes))
        write_links(self, writer, record.skills, record.goals)
        writer.section(self.tr("How it relates to my practice"), record.relevance)
        if record.evidence:
            writer.section(self.tr("Evidence held"), record.evidence)

    def record_dialog(self, record):
        from planner.ui.dialogs.learning_dialog import LearningDialog

        return LearningDialog(self.doc, record, parent=self)

    def delete_question(self, record: LearningActivity) -> str:
        return self.tr("Delete the learning activity “%s”? You can undo this.") % record.topic
