"""The overview: where the person stands on every skill and what is coming up."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.domain.cycle_counts import cycle_counts
from planner.domain.nudges import NO_INCLUSION_OBJECTIVE, find_nudges
from planner.domain.rating_history import latest_levels, rating_series
from planner.domain.targets import level_text
from planner.store.nudges import nudge_facts
from planner.ui.document import (
    ASSESSMENTS,
    CYCLES,
    GOALS,
    PROFILE,
    PROGRESS,
    REFLECTIONS,
    REVIEWS,
    TARGETS,
    PlanDocument,
)
from planner.ui.lifecycle import after_background_import, after_first_paint
from planner.ui.models.goals_model import COL_PROGRESS as GOAL_COL_PROGRESS
from planner.ui.models.goals_model import GOAL_ID_ROLE, PagedGoalTableModel, format_date
from planner.ui.models.recent_model import COL_GOAL as RECENT_COL_GOAL
from planner.ui.models.recent_model import COL_NOTE as RECENT_COL_NOTE
from planner.ui.models.recent_model import RecentProgressModel
from planner.ui.models.skills_model import (
    COL_PROGRESS,
    COL_SKILL,
    SKILL_ID_ROLE,
    SkillRow,
    SkillSummaryModel,
)
from planner.ui.nudge_settings import load_choices, save_choices
from planner.ui.widgets.nudge_box import NudgeBox
from planner.ui.widgets.progress_delegate import ProgressBarDelegate
from planner.ui.widgets.tables import fit_goal_columns, list_table
from planner.ui.widgets.text import heading, plain_label

if TYPE_CHECKING:
    from planner.ui.widgets.change_section import ChangeSection

UPCOMING_DAYS = 30
RECENT_ROWS = 5


class OverviewPage(QWidget):
    skill_requested = Signal(str)
    goal_requested = Signal(int)
    assessment_requested = Signal()
    page_requested = Signal(str)
    targets_requested = Signal()
    # A new goal carrying a mark ("inclusion_objective", "wellbeing_goal").
    marked_goal_requested = Signal(str)
    # The day the page judges by; tests fix it.
    clock = staticmethod(dt.date.today)

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName(self.tr("Overview"))
        self.greeting = heading("")
        self.summary = plain_label()
        self.status_line = plain_label()

        self.skills_model = SkillSummaryModel(self)
        self.skills_table = list_table(self.tr("Skills summary"))
        self.skills_table.setModel(self.skills_model)
        self.skills_table.setItemDelegateForColumn(
            COL_PROGRESS, ProgressBarDelegate(self.skills_table)
        )
        header = self.skills_table.horizontalHeader()
        header.setSectionResizeMode(COL_SKILL, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(120)
        self.skills_table.activated.connect(
            lambda index: self.skill_requested.emit(index.siblingAtColumn(0).data(SKILL_ID_ROLE))
        )

        self.upcoming_model = PagedGoalTableModel(self)
        self.upcoming_table = list_table(self.tr("Overdue and due soon"))
        self.upcoming_table.setModel(self.upcoming_model)
        self.upcoming_table.setItemDelegateForColumn(
            GOAL_COL_PROGRESS, ProgressBarDelegate(self.upcoming_table)
        )
        fit_goal_columns(self.upcoming_table)
        self.upcoming_table.activated.connect(
            lambda index: self.goal_requested.emit(index.siblingAtColumn(0).data(GOAL_ID_ROLE))
        )
        self.upcoming_empty = plain_label(self.tr("Nothing is overdue or due in the next 30 days."))

        self.recent_model = RecentProgressModel(self)
        self.recent_table = list_table(self.tr("Latest progress"))
        self.recent_table.setModel(self.recent_model)
        recent_header = self.recent_table.horizontalHeader()
        recent_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        recent_header.setSectionResizeMode(RECENT_COL_GOAL, QHeaderView.ResizeMode.Stretch)
        recent_header.setSectionResizeMode(RECENT_COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.recent_table.activated.connect(
            lambda index: self.goal_requested.emit(index.siblingAtColumn(0).data(GOAL_ID_ROLE))
        )
        self.recent_heading = heading(self.tr("Latest progress"), 2)

        self.nudge_box = NudgeBox()
        self.nudge_box.open_requested.connect(self._open_nudge)
        self.nudge_box.snooze_requested.connect(
            lambda nudge: self._choose(nudge, lambda c, today: c.snooze(nudge, today), 2)
        )
        self.nudge_box.dismiss_requested.connect(
            lambda nudge: self._choose(nudge, lambda c, _today: c.dismiss(nudge), 3)
        )

        self.assess_button = QPushButton(self.tr("Rate my skills now…"))
        self.assess_button.setAccessibleName(self.tr("Rate my skills now"))
        self.assess_button.clicked.connect(self.assessment_requested)

        # The charts of change are built just after the page first paints: their
        # imports and first drawing would otherwise add to the start-up time.
        self.change: ChangeSection | None = None
        self._change_facts: tuple | None = None
        self._change_slot = QVBoxLayout()
        # The greeting always paints with the page (the page itself is covered whole).
        after_first_paint(
            self.greeting, lambda: after_background_import(self, self._import_change_section)
        )

        # On a short screen (1366x768 with a taskbar, or 1080p at 150%) the page scrolls
        # rather than laying its tables over one another.
        self.content = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(self.content)
        layout.addWidget(self.greeting)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.nudge_box)
        skills_head = QHBoxLayout()
        skills_head.addWidget(heading(self.tr("Your skills"), 2), 1)
        skills_head.addWidget(self.assess_button)
        layout.addLayout(skills_head)
        layout.addWidget(self.skills_table, 2)
        layout.addLayout(self._change_slot)
        layout.addWidget(heading(self.tr("Overdue and due in the next 30 days"), 2))
        layout.addWidget(self.upcoming_table)
        layout.addWidget(self.upcoming_empty)
        layout.addWidget(self.recent_heading)
        layout.addWidget(self.recent_table)
        layout.addSpacing(8)
        layout.addWidget(self.status_line)
        layout.addStretch(1)
        self._stale = False
        doc.action_done.connect(self._on_action_done)
        self.reload()

    def _on_action_done(self, topics: frozenset[str], _goals) -> None:
        if topics & {GOALS, PROGRESS, PROFILE, ASSESSMENTS, REVIEWS, REFLECTIONS, TARGETS, CYCLES}:
            # Out of sight, the page catches up when next shown (reload_if_stale).
            if self.isHidden():
                self._stale = True
            else:
                self.reload()

    def reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        store = self.doc.store
        profile = self.doc.profile
        framework = self.doc.framework
        today = self.clock()
        first_name = profile.name.split()[0] if profile and profile.name.split() else ""
        self.greeting.setText(
            self.tr("Your plan at a glance, %s") % first_name
            if first_name
            else self.tr("Your plan at a glance")
        )
        if profile:
            towards = (
                self.tr("%s, working towards %s") % (profile.role, profile.aspiration)
                if profile.role and profile.aspiration
                else profile.role
            )
            self.summary.setText(
                (towards + "\n" if towards else "") + self.tr("Framework: %s") % framework.name
            )

        ratings = store.all_assessments()
        dates = sorted({a.date for a in ratings})
        latest = {a.skill: a.level for a in ratings if a.date == dates[-1]} if dates else {}
        previous = (
            {a.skill: a.level for a in ratings if a.date == dates[-2]} if len(dates) > 1 else {}
        )
        targets = store.targets()
        stats = store.skill_stats()
        self.skills_model.set_rows(
            [
                SkillRow(
                    skill.id,
                    skill.name,
                    level_text(framework, latest.get(skill.id)),
                    level_text(framework, previous.get(skill.id)),
                    stats.get(skill.id, (0, 0, 0.0))[1],
                    stats.get(skill.id, (0, 0, 0.0))[0],
                    stats.get(skill.id, (0, 0, 0.0))[2],
                    level_text(framework, targets.get(skill.id)),
                )
                for skill in framework.skills
            ]
        )
        self._show_change(ratings, targets, sum(s[1] for s in stats.values()))
        due_by = today + dt.timedelta(days=UPCOMING_DAYS)
        # A plan kept for years can hold thousands of overdue goals: fetch by the page.
        self.upcoming_model.load(
            lambda limit, offset: store.open_goals_due_by(due_by, limit=limit, offset=offset)
        )
        upcoming = self.upcoming_model.rowCount() > 0
        self.upcoming_table.setVisible(upcoming)
        self.upcoming_empty.setVisible(not upcoming)

        recent = store.recent_progress(RECENT_ROWS)
        self.recent_model.set_rows(recent)
        self.recent_heading.setVisible(bool(recent))
        self.recent_table.setVisible(bool(recent))

        reviews = store.reviews()
        parts = []
        parts.append(
            self.tr("Last self-assessment: %s") % format_date(dates[-1])
            if dates
            else self.tr("No self-assessment yet: rate your skills to see where you stand.")
        )
        parts.append(
            self.tr("Last review with your manager: %s") % format_date(reviews[-1].date)
            if reviews
            else self.tr("No review with your manager recorded yet.")
        )
        self.status_line.setText("\n".join(parts))
        self.reload_nudges()
        _fit_height(self.skills_table, self.skills_model.rowCount(), 12)
        _fit_height(self.upcoming_table, self.upcoming_model.rowCount(), 8)
        _fit_height(self.recent_table, self.recent_model.rowCount(), RECENT_ROWS)

    def _show_change(self, ratings, targets: dict[str, int], achieved_now: int) -> None:
        series = rating_series(ratings)
        profile = self.doc.profile
        period = (profile.period_start, profile.period_end) if profile else (None, None)
        counts = cycle_counts(self.doc.store.cycles(), achieved_now, period)
        self._change_facts = (series, latest_levels(series), targets, counts)
        if self.change is not None:
            self.change.show_plan(*self._change_facts)

    def _import_change_section(self) -> None:
        """Loads the chart code now and builds the charts at the next turn of the event
        loop: two short pauses of the window rather than one long one."""
        import planner.ui.widgets.change_section  # noqa: F401

        QTimer.singleShot(0, self, self.change_section)

    def change_section(self) -> ChangeSection:
        """The charts of change, built now if the page has not painted yet."""
        if self.change is None:
            from planner.ui.widgets.change_section import ChangeSection

            self.change = ChangeSection(self.doc.framework)
            self.change.targets_requested.connect(self.targets_requested)
            self._change_slot.addWidget(self.change)
            self.change.show()  # added to a page on screen, it would show a moment later
            if self._change_facts is not None:
                self.change.show_plan(*self._change_facts)
        return self.change

    def reload_nudges(self) -> None:
        """Works the nudges out again and shows those not snoozed, dismissed or off."""
        today = self.clock()
        choices = load_choices(self.doc.store.path)
        found = find_nudges(nudge_facts(self.doc.store, today), today)
        self.nudge_box.show_nudges(choices.shown(found, today), today)

    def _open_nudge(self, nudge) -> None:
        if nudge.goal_id is not None:
            self.goal_requested.emit(nudge.goal_id)
        elif nudge.opens == "new_goal":
            inclusion = nudge.kind == NO_INCLUSION_OBJECTIVE
            self.marked_goal_requested.emit(
                "inclusion_objective" if inclusion else "wellbeing_goal"
            )
        else:
            self.page_requested.emit(nudge.opens)

    def _choose(self, nudge, change, column: int) -> None:
        """Snoozes or dismisses ``nudge`` for this plan, then moves the focus to the
        same button of the nudge that takes its place."""
        today = self.clock()
        row = next(
            (i for i, widgets in enumerate(self.nudge_box.rows) if widgets[column].hasFocus()), 0
        )
        choices = load_choices(self.doc.store.path)
        change(choices, today)
        choices.forget_ended(today)
        save_choices(self.doc.store.path, choices)
        self.reload_nudges()
        if self.nudge_box.rows:
            self.nudge_box.focus_row(row, column)
        else:
            self.assess_button.setFocus()


def _fit_height(table, rows: int, most: int) -> None:
    """Sizes a short table to its rows (up to ``most``) so the page has no empty box."""
    shown = min(max(rows, 1), most)
    height = (
        table.horizontalHeader().sizeHint().height()
        + table.verticalHeader().defaultSectionSize() * shown
        + 2 * table.frameWidth()
    )
    table.setFixedHeight(height)
