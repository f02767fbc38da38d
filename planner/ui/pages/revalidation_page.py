"""What the user's regulator asks for, counted from their records: done, still
needed, and what the app cannot check. It never says they have revalidated."""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import Plan, Profile
from planner.domain.revalidation import Requirement, RevalidationView, revalidation_view
from planner.ui.dialogs.privacy_notes import NoteFrame
from planner.ui.dialogs.questions import confirm
from planner.ui.document import (
    DISCUSSIONS,
    FEEDBACK,
    LEARNING,
    PROFILE,
    REFLECTIONS,
    REVIEWS,
    PlanDocument,
)
from planner.ui.editing import edit_until_saved
from planner.ui.models.goals_model import format_date
from planner.ui.models.learning_models import hours_text
from planner.ui.pages.catch_up import CatchUpWhenShown
from planner.ui.revalidation_commands import DeleteRecord, SaveRecord
from planner.ui.widgets.scroll_column import scrolling_column
from planner.ui.widgets.text import heading, plain_label

TOPICS = {DISCUSSIONS, FEEDBACK, LEARNING, PROFILE, REFLECTIONS, REVIEWS}
DISCUSSION_ROLE = Qt.ItemDataRole.UserRole + 1


def requirement_line(req: Requirement) -> str:
    """ "Participatory hours of CPD: 12 of 20 hours — 8 more needed" """
    unit = f" {req.unit}" if req.unit else ""
    counted = f"{req.label}: {hours_text(req.have)} of {hours_text(req.need)}{unit}"
    if req.met:
        return f"{counted} — done"
    return f"{counted} — {hours_text(req.missing)} more needed"


class RevalidationPage(QWidget, CatchUpWhenShown):
    """Reads the records it counts each time one of them changes."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.today = dt.date.today  # replaced in tests
        self.setAccessibleName(self.tr("Revalidation"))
        inner, layout = scrolling_column(self, 120)
        self.title = heading("", parent=inner)
        layout.addWidget(self.title)
        self.period = plain_label("", inner)
        layout.addWidget(self.period)
        layout.addWidget(
            plain_label(
                self.tr(
                    "This counts what you have recorded here. It is not a confirmation: "
                    "the app sends nothing to your regulator and cannot tell you that you "
                    "have revalidated."
                ),
                inner,
            )
        )
        self.notice = NoteFrame(QStyle.StandardPixmap.SP_MessageBoxInformation, "", inner)
        self.notice.setAccessibleName(self.tr("Notice"))
        layout.addWidget(self.notice)

        self.counts_box = QGroupBox(self.tr("What your records show"), inner)
        self.counts_grid = QGridLayout(self.counts_box)
        self.counts_grid.setColumnStretch(1, 1)
        layout.addWidget(self.counts_box)
        self.count_labels: list[QLabel] = []

        self.discussion_box = QGroupBox(self.tr("Reflective discussion"), inner)
        box = QVBoxLayout(self.discussion_box)
        box.addWidget(
            plain_label(
                self.tr(
                    "Record the discussion of your reflective accounts with another NMC "
                    "registrant: their name, their NMC PIN and the date."
                ),
                self.discussion_box,
            )
        )
        self.discussion_list = QListWidget(self.discussion_box)
        self.discussion_list.setAccessibleName(self.tr("Reflective discussions"))
        self.discussion_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        box.addWidget(self.discussion_list)
        self.no_discussion = plain_label(self.tr("None recorded yet."), self.discussion_box)
        box.addWidget(self.no_discussion)
        buttons = QHBoxLayout()
        self.record_button = QPushButton(self.tr("Record discussion…"), self.discussion_box)
        self.edit_button = QPushButton(self.tr("Edit"), self.discussion_box)
        self.delete_button = QPushButton(self.tr("Delete"), self.discussion_box)
        for button in (self.record_button, self.edit_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(self.discussion_box)

        self.outside_box = QGroupBox(self.tr("Outside the app"), inner)
        outside = QVBoxLayout(self.outside_box)
        outside.addWidget(
            plain_label(
                self.tr("The app cannot check these; keep them with your regulator's forms:"),
                self.outside_box,
            )
        )
        self.outside_label = plain_label("", self.outside_box)
        self.outside_label.setAccessibleName(self.tr("What the app cannot check"))
        outside.addWidget(self.outside_label)
        layout.addWidget(self.outside_box)
        layout.addStretch(1)

        self.record_button.clicked.connect(lambda: self._edit(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.discussion_list.itemActivated.connect(lambda _item: self._edit_selected())
        self.discussion_list.currentRowChanged.connect(lambda _row: self._update_buttons())
        chain = [self.discussion_list, self.record_button, self.edit_button, self.delete_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self.view: RevalidationView | None = None
        self.reload()
        doc.changed.connect(self.refresh)

    def refresh(self, topic: str) -> None:
        if topic in TOPICS:
            self.refresh_now_or_later()

    def _plan(self) -> Plan:
        """The records the counts need; reflections as list rows (their date and
        model), so a long journal's text is never read for a count."""
        store = self.doc.store
        return Plan(
            profile=self.doc.profile or Profile(name=""),
            framework=self.doc.framework,
            reflections=store.reflection_rows(),  # type: ignore[arg-type]
            reviews=store.reviews(),
            learning=store.learning_activities(),
            feedback=store.feedback_entries(),
            discussions=store.discussions(),
        )

    def reload(self) -> None:
        plan = self._plan()
        self.view = view = revalidation_view(plan, self.today())
        if view is None:
            self.title.setText(self.tr("Revalidation"))
            self.period.setText(self.tr("Choose your regulator in your profile to see this."))
            for widget in (self.notice, self.counts_box, self.discussion_box, self.outside_box):
                widget.hide()
            return
        self.title.setText(self.tr(view.title))
        self.title.setAccessibleName(self.tr(view.title))
        self.period.setText(
            self.tr("Counting from %s to %s.") % (format_date(view.start), format_date(view.end))
        )
        self.notice.label.setText(self.tr(view.notice))
        self.notice.setVisible(bool(view.notice))
        self._show_counts(view)
        self.outside_label.setText("\n".join(f"• {self.tr(item)}" for item in view.outside_the_app))
        self.outside_box.setVisible(bool(view.outside_the_app))
        self.discussion_box.setVisible(view.regulator == "nmc")
        self.counts_box.show()
        self._show_discussions(plan)

    def _show_counts(self, view: RevalidationView) -> None:
        for label in self.count_labels:
            self.counts_grid.removeWidget(label)
            label.deleteLater()
        self.count_labels = []
        bold = self.font()
        bold.setBold(True)
        for row, req in enumerate(view.requirements):
            status = plain_label(self.tr("Done") if req.met else self.tr("Still needed"))
            status.setFont(bold)
            status.setWordWrap(False)
            text = requirement_line(req)
            if req.note:
                text += f"\n{self.tr(req.note)}"
            line = plain_label(text)
            line.setAccessibleName(text)
            self.counts_grid.addWidget(status, row, 0, Qt.AlignmentFlag.AlignTop)
            self.counts_grid.addWidget(line, row, 1)
            self.count_labels += [status, line]

    def count_lines(self) -> list[str]:
        """The requirement lines as shown, for reading back."""
        return [label.text() for label in self.count_labels[1::2]]

    def _show_discussions(self, plan: Plan) -> None:
        keep = self._selected()
        self.discussion_list.clear()
        for discussion in plan.discussions:
            item = QListWidgetItem(
                self.tr("%s with %s (NMC PIN %s)")
                % (format_date(discussion.date), discussion.partner_name, discussion.partner_pin),
                self.discussion_list,
            )
            item.setData(DISCUSSION_ROLE, discussion)
            if keep is not None and discussion.id == keep.id:
                self.discussion_list.setCurrentItem(item)
        self.discussion_list.setVisible(bool(plan.discussions))
        self.no_discussion.setVisible(not plan.discussions)
        self._update_buttons()

    def _selected(self):
        item = self.discussion_list.currentItem()
        return item.data(DISCUSSION_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _edit(self, old) -> None:
        from planner.ui.dialogs.discussion_dialog import DiscussionDialog

        def command(dialog):
            new = dialog.record()
            return SaveRecord(self.doc, new, old) if new != old else None

        edit_until_saved(
            self.doc,
            lambda previous: DiscussionDialog(
                self.doc, previous.record() if previous else old, parent=self
            ),
            command,
        )

    def _edit_selected(self) -> None:
        old = self._selected()
        if old is not None:
            self._edit(old)

    def _delete_selected(self) -> None:
        old = self._selected()
        if old is None:
            return
        question = self.tr("Delete the reflective discussion with %s? You can undo this.") % (
            old.partner_name
        )
        if confirm(self, self.tr("Delete reflective discussion?"), question):
            self.doc.execute(DeleteRecord(self.doc, old))
