"""Reviews with the line manager: read, record, edit and delete them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from planner.domain.models import Goal, Review
from planner.domain.review_actions import GoalTexts, follow_up
from planner.ui.commands import DeleteReview, SaveReview
from planner.ui.dialogs.questions import confirm
from planner.ui.document import GOALS, PROFILE, REVIEWS, PlanDocument
from planner.ui.models.goals_model import format_date
from planner.ui.models.reviews_model import (
    COL_DATE,
    COL_NOTES,
    COL_REVIEWER,
    REVIEW_ID_ROLE,
    ReviewFilterModel,
    ReviewTableModel,
)
from planner.ui.pages.record_list import PreviewWriter, RecordListPage
from planner.ui.widgets.agreed_actions import AgreedActionsPanel, became

# Goals change what became of a review's agreed actions.
TOPICS = {REVIEWS, PROFILE, GOALS}


class ReviewsPage(RecordListPage):
    """Beside the preview, the selected review's agreed actions, each with what
    became of it and a way to make it a goal or an action of one."""

    goal_requested = Signal(int)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(
            doc,
            title=self.tr("Reviews"),
            intro=self.tr(
                "Keep a note of each review with your manager: what you discussed and "
                "the actions you agreed."
            ),
            table_name=self.tr("Reviews"),
            search_hint=self.tr("Search reviews"),
            new_label=self.tr("New review"),
            source=ReviewTableModel(),
            proxy=ReviewFilterModel(),
            id_role=REVIEW_ID_ROLE,
            parent=parent,
        )
        self.preview.setAccessibleName(self.tr("Review preview"))
        self._goals: list[Goal] | None = None
        self._followed: tuple[Review, list] | None = None
        self._texts: GoalTexts | None = None
        self._stale = False
        self._agreed_row: tuple[int | None, int | None] = (None, None)
        self.agreed = AgreedActionsPanel()
        self.agreed.list.currentRowChanged.connect(self._agreed_row_changed)
        self.agreed.make_goal_requested.connect(self._make_goal)
        self.agreed.add_action_requested.connect(self._add_as_action)
        self.agreed.goal_requested.connect(self.goal_requested)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        # The preview moves into the right-hand side (leaving the splitter) with the
        # agreed actions below it.
        side_layout.addWidget(self.preview, 1)
        side_layout.addWidget(self.agreed, 1)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.load_rows()
        self.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
        self.resize_columns(COL_NOTES, {COL_REVIEWER: 24}, self.source.fixed_column_texts())
        self.finish_layout()
        self.setTabOrder(self.preview, self.agreed.list)
        self.setTabOrder(self.agreed.list, self.agreed.make_goal_button)
        self.setTabOrder(self.agreed.make_goal_button, self.agreed.add_action_button)
        self.setTabOrder(self.agreed.add_action_button, self.agreed.show_goal_button)
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        """Reloads from the store when ``topic`` is one this page shows; out of sight,
        when next shown (``reload_if_stale``): matching a review's lines reads every
        goal, which a plan kept for years should not pay at each progress logged."""
        if topic == GOALS:
            self._goals = None
        if topic not in TOPICS:
            return
        if topic == GOALS and self.isHidden():
            self._stale = True
        else:
            self.reload()

    def reload_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def _agreed_actions(self, review: Review):
        # Every goal (with its actions, not its history): lines are matched by words
        # across the plan, and a goal closed with a past cycle still counts. The
        # preview and the list ask in turn for the same review: worked out once.
        if self._goals is None:
            self._goals = self.doc.store.goal_outlines()
            self._texts = GoalTexts(self._goals)
            self._followed = None
        if self._followed is None or self._followed[0] != review:
            self._followed = (review, follow_up(review, self._goals, self._texts))
        return self._followed[1]

    def _selection_changed(self) -> None:
        super()._selection_changed()
        record = self.selected()
        if record is None:
            self.agreed.show_actions([])
            return
        # The same review shown again (after a change): the same line stays current.
        row = self._agreed_row[1] if self._agreed_row[0] == record.id else None
        self.agreed.show_actions(self._agreed_actions(record), row)
        self._agreed_row = (record.id, self.agreed.current_row())

    def _agreed_row_changed(self, row: int) -> None:
        record = self.selected()
        if record is not None and row >= 0:
            self._agreed_row = (record.id, row)

    def _make_goal(self, line: str) -> None:
        from planner.ui.review_follow_up import make_goal

        review = self.selected()
        if review is not None and make_goal(self, self.doc, review, line):
            self.agreed.list.setFocus()

    def _add_as_action(self, line: str) -> None:
        from planner.ui.review_follow_up import add_as_action

        review = self.selected()
        if review is not None and add_as_action(self, self.doc, review, line):
            self.agreed.list.setFocus()

    def load_rows(self) -> None:
        self.source.set_rows(self.doc.store.reviews())

    def write_preview(self, writer: PreviewWriter, record: Review) -> None:
        writer.title(self.tr("Review of %s") % format_date(record.date))
        if record.reviewer:
            writer.line(self.tr("With %s") % record.reviewer)
        if record.next_review:
            writer.line(self.tr("Next review planned for %s") % format_date(record.next_review))
        writer.section(self.tr("Notes"), record.notes)
        actions = self._agreed_actions(record)
        writer.section(
            self.tr("Agreed actions"),
            "\n".join(f"• {item.text}\n    → {became(item)}" for item in actions)
            if actions
            else self.tr("None recorded."),
        )

    def record_dialog(self, record):
        from planner.ui.dialogs.review_dialog import ReviewDialog

        return ReviewDialog(self.doc, record, parent=self)

    def record_from(self, dialog):
        return dialog.review()

    def save_command(self, new, old):
        return SaveReview(self.doc, new, old)

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        question = self.tr("Delete the review of %s? You can undo this.") % format_date(record.date)
        if confirm(self, self.tr("Delete review?"), question):
            self.doc.execute(DeleteReview(self.doc, record.id))
