"""One skill: what it means, its goals (filterable), and the selected goal's detail."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.models import (
    GOAL_STATUSES,
    PRIORITY_LABELS,
    STATUS_LABELS,
    Skill,
    goal_marks,
)
from planner.domain.rating_history import rating_series
from planner.store.chart_facts import progress_points
from planner.ui.document import (
    ASSESSMENTS,
    CYCLES,
    FEEDBACK,
    GOALS,
    LEARNING,
    PROFILE,
    PROGRESS,
    TARGETS,
    PlanDocument,
)
from planner.ui.goal_records import served_goal_text
from planner.ui.goal_status import describe_progress
from planner.ui.models.actions_model import COL_DUE, COL_TEXT, ActionsModel
from planner.ui.models.goals_model import (
    COL_PROGRESS,
    COL_TARGET,
    GOAL_ID_ROLE,
    OVERDUE,
    GoalTableModel,
    format_date,
)
from planner.ui.models.progress_model import COL_NOTE, ProgressModel
from planner.ui.widgets.charts.progress_chart import ProgressChart
from planner.ui.widgets.charts.rating_chart import RatingChart
from planner.ui.widgets.progress_delegate import ProgressBarDelegate
from planner.ui.widgets.tables import fit_due_column, fit_goal_columns, list_table, rows_height
from planner.ui.widgets.text import bullet_html, heading, plain_label

# Goals kept in view on a small screen, whatever the splitter (a new plan has few).
GOAL_ROWS_SHOWN = 4


class SkillPage(QWidget):
    """Emits requests the main window turns into dialogs and commands."""

    new_goal_requested = Signal(str)
    example_goal_requested = Signal(str)
    edit_goal_requested = Signal(int)
    delete_goal_requested = Signal(int)
    log_progress_requested = Signal(int)
    action_toggled = Signal(int, str, bool)  # action id, text, done
    delete_progress_requested = Signal(int, object)  # goal id, ProgressEntry
    targets_requested = Signal(str)  # skill id

    def __init__(self, doc: PlanDocument, skill: Skill, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.skill = skill
        self.setAccessibleName(skill.name)

        self.title = heading(skill.name)
        self.description = plain_label(skill.description)
        self.behaviours_toggle = QToolButton()
        self.behaviours_toggle.setText(self.tr("What good looks like"))
        self.behaviours_toggle.setAccessibleName(self.tr("What good looks like"))
        self.behaviours_toggle.setCheckable(True)
        self.behaviours_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.behaviours_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.behaviours = QLabel(bullet_html(list(skill.behaviours)))
        self.behaviours.setWordWrap(True)
        self.behaviours.setVisible(False)
        self.behaviours_toggle.toggled.connect(self._toggle_behaviours)
        # Where the person stands: latest rating and target in words, and the chart.
        self.target_label = plain_label()
        self.target_label.setAccessibleName(self.tr("Latest self-rating and target"))
        self.targets_button = QPushButton(self.tr("Set targets…"))
        self.targets_button.setAccessibleName(self.tr("Set targets"))
        self.targets_button.clicked.connect(lambda: self.targets_requested.emit(self.skill.id))
        self.rating_chart = RatingChart(doc.framework)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter goals by title"))
        self.search.setAccessibleName(self.tr("Filter goals"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show status"))
        # Each choice shows how many goals it holds, kept up to date by _show_counts.
        self._filter_labels = [self.tr("All statuses"), self.tr("Overdue")]
        self._filter_labels += [self.tr(STATUS_LABELS[status]) for status in GOAL_STATUSES]
        for label, key in zip(self._filter_labels, [None, OVERDUE, *GOAL_STATUSES], strict=True):
            self.status_filter.addItem(label, key)
        self.status_label = QLabel(self.tr("&Show:"))
        self.status_label.setBuddy(self.status_filter)
        self.shown_label = plain_label()
        self.new_button = QPushButton(self.tr("New goal…"))
        self.new_button.setAccessibleName(self.tr("New goal for this skill"))
        self.example_button = QPushButton(self.tr("Start from an e&xample…"))
        self.example_button.setAccessibleName(self.tr("Start from an example goal"))
        self.example_button.setToolTip(
            self.tr("Choose one of the framework's example goals, with what good looks like")
        )

        self.model = GoalTableModel(self)
        self.table = list_table(self.tr("Goals"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TARGET, Qt.SortOrder.AscendingOrder)
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressBarDelegate(self.table))
        fit_goal_columns(self.table)
        self.empty_label = plain_label(
            self.tr(
                "No goals for this skill yet. Choose “New goal…” to set one; you can start "
                "from an example."
            )
        )

        self.search.textChanged.connect(lambda text: self._filter(self.model.set_text, text))
        self.status_filter.currentIndexChanged.connect(
            lambda _=0: self._filter(self.model.set_status, self.status_filter.currentData())
        )
        self.new_button.clicked.connect(lambda: self.new_goal_requested.emit(self.skill.id))
        self.example_button.clicked.connect(
            lambda: self.example_goal_requested.emit(self.skill.id)
        )
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.table.activated.connect(lambda _i: self._emit_for_current(self.edit_goal_requested))

        # Detail of the selected goal.
        self.detail_title = heading("", 2)
        self.detail_meta = plain_label()
        # The learning and feedback that served the goal (planner.ui.goal_records).
        self.detail_records = plain_label()
        self.detail_records.setAccessibleName(self.tr("Learning and feedback for this goal"))
        self.detail_smart = plain_label()
        self.detail_smart.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit goal…"))
        self.log_button = QPushButton(self.tr("Log progress…"))
        self.delete_button = QPushButton(self.tr("Delete goal"))
        for button in (self.edit_button, self.log_button, self.delete_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.edit_button.clicked.connect(lambda: self._emit_for_current(self.edit_goal_requested))
        self.log_button.clicked.connect(lambda: self._emit_for_current(self.log_progress_requested))
        self.delete_button.clicked.connect(
            lambda: self._emit_for_current(self.delete_goal_requested)
        )
        self.actions_model = ActionsModel(editable=False, parent=self)
        self.actions_model.toggled.connect(self._on_action_toggled)
        self.actions_view = list_table(self.tr("Actions"))
        self.actions_view.setModel(self.actions_model)
        self.actions_view.horizontalHeader().setSectionResizeMode(
            COL_TEXT, QHeaderView.ResizeMode.Stretch
        )
        fit_due_column(self.actions_view, COL_DUE)
        self.progress_model = ProgressModel(parent=self)
        self.progress_view = list_table(self.tr("Progress history"))
        self.progress_view.setModel(self.progress_model)
        self.progress_view.horizontalHeader().setSectionResizeMode(
            COL_NOTE, QHeaderView.ResizeMode.Stretch
        )
        self.progress_view.horizontalHeader().setStretchLastSection(True)
        self.history_label = QLabel(self.tr("Progress history"))
        # The history table below it holds every figure as text.
        self.progress_chart = ProgressChart()
        self.delete_entry_button = QPushButton(self.tr("Delete entry"))
        self.delete_entry_button.setAccessibleName(self.tr("Delete progress entry"))
        self.delete_entry_button.setEnabled(False)
        self.delete_entry_button.clicked.connect(self._request_delete_entry)
        self.progress_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.delete_entry_button.setEnabled(current.isValid())
        )
        self.progress_model.modelReset.connect(lambda: self.delete_entry_button.setEnabled(False))

        self._build_layout()
        self._stale = False
        self._ratings_stale = False
        doc.action_done.connect(self._on_action_done)
        self.reload_ratings()
        self.reload()

    def _build_layout(self) -> None:
        top = QVBoxLayout()
        head = QHBoxLayout()
        about = QVBoxLayout()
        about.addWidget(self.title)
        about.addWidget(self.description)
        standing = QHBoxLayout()
        standing.addWidget(self.target_label, 1)
        standing.addWidget(self.targets_button, 0, Qt.AlignmentFlag.AlignTop)
        about.addLayout(standing)
        about.addWidget(self.behaviours_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        about.addStretch(1)
        head.addLayout(about, 3)
        head.addWidget(self.rating_chart, 2)
        top.addLayout(head)
        top.addWidget(self.behaviours)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_label)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.shown_label, 1)
        filters.addWidget(self.example_button)
        filters.addWidget(self.new_button)
        top.addLayout(filters)

        goals = QWidget()
        goals_layout = QVBoxLayout(goals)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        goals_layout.addWidget(self.table)
        # However the splitter is dragged or the window sized, a few goals stay in view.
        self.table.setMinimumHeight(rows_height(self.table, GOAL_ROWS_SHOWN))
        goals_layout.addWidget(self.empty_label)

        self.detail = QGroupBox(self.tr("Selected goal"))
        detail_layout = QVBoxLayout(self.detail)
        head = QHBoxLayout()
        head.addWidget(self.detail_title, 1)
        head.addWidget(self.log_button)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        detail_layout.addLayout(head)
        detail_layout.addWidget(self.detail_meta)
        detail_layout.addWidget(self.detail_records)
        # The goal's text and actions beside its history, either side widened by dragging.
        self.detail_columns = QSplitter(Qt.Orientation.Horizontal)
        self.detail_columns.setChildrenCollapsible(False)
        left_side, right_side = QWidget(), QWidget()
        left = QVBoxLayout(left_side)
        left.setContentsMargins(0, 0, 0, 0)
        # "How I will know" and "Support needed" can run to pages: they scroll
        # rather than being cut off by the box.
        self.smart_scroll = QScrollArea()
        self.smart_scroll.setWidgetResizable(True)
        self.smart_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.smart_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.smart_scroll.setWidget(self.detail_smart)
        self.detail_smart.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.smart_scroll, 1)
        actions_label = QLabel(self.tr("Actions"))
        left.addWidget(actions_label)
        left.addWidget(self.actions_view, 1)
        self.actions_view.setMinimumHeight(rows_height(self.actions_view, 2))
        self.progress_view.setMinimumHeight(rows_height(self.progress_view, 3))
        right = QVBoxLayout(right_side)
        right.setContentsMargins(0, 0, 0, 0)
        history_head = QHBoxLayout()
        history_head.addWidget(self.history_label, 1)
        history_head.addWidget(self.delete_entry_button)
        right.addLayout(history_head)
        right.addWidget(self.progress_chart)
        right.addWidget(self.progress_view, 1)
        self.detail_columns.addWidget(left_side)
        self.detail_columns.addWidget(right_side)
        self.detail_columns.setStretchFactor(0, 1)
        self.detail_columns.setStretchFactor(1, 1)
        detail_layout.addWidget(self.detail_columns, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(goals)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _toggle_behaviours(self, shown: bool) -> None:
        self.behaviours.setVisible(shown)
        self.behaviours_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    # -- data ------------------------------------------------------------------

    def _request_delete_entry(self) -> None:
        goal_id = self.current_goal_id()
        index = self.progress_view.currentIndex()
        if goal_id is not None and index.isValid():
            self.delete_progress_requested.emit(goal_id, self.progress_model.entry_at(index.row()))

    def reload_ratings(self) -> None:
        """The skill's self-ratings over time and its target, in the chart and in words."""
        self._ratings_stale = False
        store = self.doc.store
        points = rating_series(store.all_assessments()).get(self.skill.id, [])
        self.rating_chart.set_data(self.skill.name, points, store.targets().get(self.skill.id))
        self.target_label.setText(self.rating_chart.summary())

    def _on_action_done(self, topics: frozenset[str], goals: frozenset[int] | None) -> None:
        if topics & {ASSESSMENTS, TARGETS, PROFILE, CYCLES}:
            if self.isHidden():
                self._ratings_stale = True
            else:
                self.reload_ratings()
        if topics & {LEARNING, FEEDBACK} and not self.isHidden():
            self._show_detail()
        if not topics & {GOALS, PROGRESS, PROFILE}:
            return
        if self.isHidden():
            # Out of sight, the page reloads when next shown (reload_if_stale), so
            # one change never reloads every skill's list at once.
            self._stale = True
        elif goals is not None and topics <= {GOALS, PROGRESS}:
            self._update_goals(goals)
        else:
            self.reload()

    def _update_goals(self, goal_ids: frozenset[int]) -> None:
        """Re-reads only the goals an action changed (logging progress on one goal
        of 3,000 costs one summary query, not 3,000)."""
        selected = self.current_goal_id()
        for goal_id in goal_ids:
            summary = self.doc.store.goal_summary(goal_id)
            if summary is not None and summary.skill != self.skill.id:
                summary = None
            self.model.put(goal_id, summary)
        self._show_counts()
        self._reselect(selected)

    def reload_if_stale(self) -> None:
        if self._ratings_stale:
            self.reload_ratings()
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        selected = self.current_goal_id()
        self.model.set_rows(self.doc.store.goal_summaries(self.skill.id))
        self._show_counts()
        self._reselect(selected)

    def _filter(self, apply, value) -> None:
        selected = self.current_goal_id()
        apply(value)
        self._show_counts()
        self._reselect(selected)

    def _show_counts(self) -> None:
        """The number of goals beside each status choice, and how many of them the
        filters leave in the list."""
        total = self.model.total()
        self.empty_label.setVisible(total == 0)
        self.table.setVisible(total > 0)
        counts = self.model.status_counts()
        for index, label in enumerate(self._filter_labels):
            count = counts.get(self.status_filter.itemData(index), 0)
            self.status_filter.setItemText(index, self.tr("%s (%d)") % (label, count))
        shown = self.model.rowCount()
        if shown == total:
            self.shown_label.clear()
        elif shown == 0:
            self.shown_label.setText(self.tr("No goals match the filter."))
        else:
            self.shown_label.setText(self.tr("Showing %d of %d goals") % (shown, total))

    def _reselect(self, goal_id: int | None) -> None:
        """Selects ``goal_id`` again after the list changed, else the first goal."""
        if goal_id is not None and self.select_goal(goal_id):
            return
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._show_detail()

    def current_goal_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.siblingAtColumn(0).data(GOAL_ID_ROLE)

    def select_goal(self, goal_id: int) -> bool:
        row = self.model.row_of(goal_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        selection = self.table.selectionModel()
        if selection.currentIndex().row() == row:
            # Already current (the list was reloaded under it): no signal would come.
            selection.select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_detail()
        else:
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(index)
        return True

    def _emit_for_current(self, signal) -> None:
        goal_id = self.current_goal_id()
        if goal_id is not None:
            signal.emit(goal_id)

    def _on_action_toggled(self, row: int, done: bool) -> None:
        action = self.actions_model.action_at(row)
        if action.id is not None:
            self.action_toggled.emit(action.id, action.text, done)

    def _show_detail(self) -> None:
        goal_id = self.current_goal_id()
        goal = self.doc.store.goal(goal_id, with_progress=False) if goal_id else None
        self.detail.setVisible(goal is not None)
        if goal is None:
            self.actions_model.set_rows([])
            self.progress_model.set_goal(None, None)
            return
        summary = self.model.row_at(self.model.row_of(goal_id))
        self.detail_title.setText(goal.title)
        self.detail_title.setAccessibleName(goal.title)
        target = (
            self.tr("target %s") % format_date(goal.target_date)
            if goal.target_date
            else self.tr("no target date")
        )
        done = sum(action.done for action in goal.actions)
        progress = describe_progress(goal.status, summary.percent, done, len(goal.actions))
        parts = [
            self.model.data(self.model.index(self.model.row_of(goal_id), 1)),
            self.tr("%s priority") % self.tr(PRIORITY_LABELS.get(goal.priority, goal.priority)),
            target,
        ]
        if goal.status == "deferred" and goal.deferred_reason:
            parts.append(self.tr("reason: %s") % goal.deferred_reason)
        parts += [self.tr(label) for label in goal_marks(goal)]
        self.detail_meta.setText(" · ".join([*parts, progress] if progress else parts))
        records = served_goal_text(self.doc.store, goal.uid)
        self.detail_records.setText(records)
        self.detail_records.setVisible(bool(records))
        parts = []
        if goal.description:
            parts.append(goal.description)
        if goal.measure:
            parts.append(self.tr("How I will know: %s") % goal.measure)
        if goal.support:
            parts.append(self.tr("Support needed: %s") % goal.support)
        self.detail_smart.setText("\n\n".join(parts))
        self.detail_smart.setVisible(bool(parts))
        self.actions_model.set_rows(goal.actions)
        self.progress_model.set_goal(self.doc.store, goal_id)
        self.progress_chart.set_entries(
            progress_points(self.doc.store, goal_id), goal.target_date
        )
        total = self.progress_model.total
        self.history_label.setText(
            self.tr("Progress history (1 entry)")
            if total == 1
            else self.tr("Progress history (%d entries)") % total
        )
