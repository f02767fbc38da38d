"""Plan cycles: the current one with its dates and targets, the way to start the next,
and each closed cycle's record (how every goal turned out), read only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.cycles import cycle_title, period_text
from planner.domain.dates import short_date
from planner.domain.models import OUTCOME_LABELS, STATUS_LABELS, Cycle, Goal
from planner.ui.document import CYCLES, GOALS, PROFILE, TARGETS, PlanDocument
from planner.ui.widgets.text import heading, plain_label

TOPICS = {CYCLES, GOALS, PROFILE, TARGETS}
COL_GOAL, COL_SKILL, COL_OUTCOME, COL_CARRIED, COL_NOTE = range(5)


class CyclesPage(QWidget):
    new_cycle_requested = Signal()
    export_requested = Signal(int)  # a closed cycle's number, 1 for the oldest

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setAccessibleName(self.tr("Plan cycles"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Plan cycles"), parent=self))
        layout.addWidget(
            plain_label(
                self.tr(
                    "A cycle is a span of your plan, such as an appraisal year. At its end, "
                    "record how each goal turned out, carry forward what goes on, and set "
                    "targets for the next."
                ),
                self,
            )
        )
        layout.addWidget(heading(self.tr("This cycle"), 2, self))
        self.current_label = plain_label("", self)
        layout.addWidget(self.current_label)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&Start a new cycle…"), self)
        self.new_button.setAccessibleName(self.tr("Start a new cycle"))
        self.new_button.clicked.connect(self.new_cycle_requested)
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(heading(self.tr("Closed cycles"), 2, self))
        self.empty_label = plain_label(
            self.tr(
                "No cycle has closed yet. When this one ends, choose Start a new cycle to "
                "record how your goals turned out."
            ),
            self,
        )
        layout.addWidget(self.empty_label)
        self.detail = QWidget(self)
        detail = self.detail
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        choose = QHBoxLayout()
        self.cycle_combo = QComboBox(detail)
        self.cycle_combo.setAccessibleName(self.tr("Closed cycle"))
        self.cycle_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cycle_combo.currentIndexChanged.connect(self._show_cycle)
        label = QLabel(self.tr("Closed &cycle:"), detail)
        label.setBuddy(self.cycle_combo)
        choose.addWidget(label)
        choose.addWidget(self.cycle_combo)
        self.export_button = QPushButton(self.tr("&Export this cycle as PDF…"), detail)
        self.export_button.setAccessibleName(self.tr("Export this cycle as PDF"))
        self.export_button.setToolTip(
            self.tr("A PDF of the closed cycle: its goals, how each turned out, and its targets")
        )
        self.export_button.clicked.connect(self._export)
        choose.addWidget(self.export_button)
        choose.addStretch(1)
        detail_layout.addLayout(choose)
        self.cycle_summary = plain_label("", detail)
        detail_layout.addWidget(self.cycle_summary)
        self.outcomes = QTableWidget(0, 5, detail)
        self.outcomes.setAccessibleName(self.tr("How each goal turned out"))
        self.outcomes.setHorizontalHeaderLabels(
            [
                self.tr("Goal"),
                doc.framework.part_singular.capitalize(),
                self.tr("Outcome"),
                self.tr("Carried forward"),
                self.tr("Why"),
            ]
        )
        self.outcomes.verticalHeader().hide()
        self.outcomes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcomes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outcomes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outcomes.setTabKeyNavigation(False)
        # One line a row, cut with …; the box below shows the chosen goal whole.
        self.outcomes.setWordWrap(False)
        header = self.outcomes.horizontalHeader()
        header.setSectionResizeMode(COL_GOAL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        # Widths from the few values these columns hold: ResizeToContents measures
        # up to 1,000 rows each time a cell is set, which made filling the list of a
        # cycle with thousands of goals take minutes.
        metrics = self.outcomes.fontMetrics()
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 24
        for col, values in (
            (COL_OUTCOME, OUTCOME_LABELS.values()),
            (COL_CARRIED, (self.tr("Yes"), self.tr("No"))),
        ):
            texts = (self.outcomes.horizontalHeaderItem(col).text(), *values)
            header.resizeSection(col, max(map(metrics.horizontalAdvance, texts)) + padding)
        # Long skill names wrap rather than take the goal's room.
        header.resizeSection(COL_SKILL, self.fontMetrics().averageCharWidth() * 22)
        self.outcomes.currentCellChanged.connect(lambda row, *_: self._show_goal(row))
        detail_layout.addWidget(self.outcomes, 2)
        self.goal_text = QPlainTextEdit(detail)
        self.goal_text.setReadOnly(True)
        self.goal_text.setAccessibleName(self.tr("The goal as it was when the cycle closed"))
        self.goal_text.setTabChangesFocus(True)
        detail_layout.addWidget(self.goal_text, 1)
        layout.addWidget(detail, 1)

        self._goals: dict[str, Goal] = {}
        self._cycle: Cycle | None = None
        self._cycles: list[tuple[int, Cycle]] = []
        self.reload()
        # Once per action, not per topic: a new cycle touches three of them, and a
        # closed cycle of thousands of goals takes a second to list.
        doc.action_done.connect(self._on_action_done)

    def _on_action_done(self, topics: frozenset[str], _goals) -> None:
        if topics & TOPICS:
            self.reload()

    def reload(self) -> None:
        store = self.doc.store
        profile = store.profile()
        period = period_text(profile.period_start, profile.period_end) if profile else ""
        total, achieved = store.goal_counts()
        targets = store.targets()
        framework = self.doc.framework
        lines = [
            self.tr("Dates: %s") % period,
            self.tr("%d goals, %d achieved") % (total, achieved),
        ]
        if targets:
            shown = "; ".join(
                f"{framework.skill(s).name}: {framework.level_label(level)} ({level})"
                for s, level in targets.items()
            )
            lines.append(self.tr("Targets: %s") % shown)
        else:
            lines.append(self.tr("No targets set for this cycle."))
        self.current_label.setText("\n".join(lines))

        wanted = self._cycle.uid if self._cycle else None
        # Newest first: the cycle just closed is the one wanted most.
        self._cycles = list(reversed(list(enumerate(store.cycles(), start=1))))
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        for number, cycle in self._cycles:
            self.cycle_combo.addItem(cycle_title(number, cycle))
        self.cycle_combo.blockSignals(False)
        self.empty_label.setVisible(not self._cycles)
        self.detail.setVisible(bool(self._cycles))
        if self._cycles:
            uids = [cycle.uid for _, cycle in self._cycles]
            self.cycle_combo.setCurrentIndex(uids.index(wanted) if wanted in uids else 0)
            self._show_cycle(self.cycle_combo.currentIndex())
        else:
            self._cycle = None

    def _show_cycle(self, index: int) -> None:
        if not 0 <= index < len(self._cycles):
            return
        cycle = self._cycles[index][1]
        self._cycle = cycle
        framework = self.doc.framework
        counts = {key: sum(o.outcome == key for o in cycle.outcomes) for key in OUTCOME_LABELS}
        carried = sum(o.carried_forward for o in cycle.outcomes)
        lines = [
            self.tr("Closed on %s.") % short_date(cycle.closed_on),
            self.tr("%d met, %d partly met, %d not met; %d carried forward.")
            % (counts["met"], counts["partly_met"], counts["not_met"], carried),
        ]
        if cycle.targets:
            lines.append(
                self.tr("Targets: %s")
                % "; ".join(
                    f"{self.doc.skill_name(s) or s}: {framework.level_label(level)} ({level})"
                    if framework.level_label(level)
                    else f"{self.doc.skill_name(s) or s}: level {level}"
                    for s, level in cycle.targets.items()
                )
            )
        self.cycle_summary.setText("\n".join(lines))
        self._goals = {g.uid: g for g in self.doc.store.goals_closed_in(cycle.id)}
        self.outcomes.setRowCount(len(cycle.outcomes))
        for row, outcome in enumerate(cycle.outcomes):
            values = (
                outcome.title,
                self.doc.skill_name(outcome.skill) or outcome.skill,
                OUTCOME_LABELS[outcome.outcome],
                self.tr("Yes") if outcome.carried_forward else self.tr("No"),
                outcome.note,
            )
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.outcomes.setItem(row, col, cell)
        if cycle.outcomes:
            self.outcomes.setCurrentCell(0, COL_GOAL)
            self._show_goal(0)
        else:
            self.goal_text.setPlainText("")

    def _show_goal(self, row: int) -> None:
        if self._cycle is None or row < 0 or row >= len(self._cycle.outcomes):
            self.goal_text.setPlainText("")
            return
        outcome = self._cycle.outcomes[row]
        goal = self._goals.get(outcome.goal)
        if goal is None:
            text = (
                self.tr("“%s” was carried forward: it is in your plan now.") % outcome.title
                if outcome.carried_forward
                else self.tr("“%s” is no longer in your plan.") % outcome.title
            )
            self.goal_text.setPlainText(text)
            return
        verdict = OUTCOME_LABELS[outcome.outcome] + (f": {outcome.note}" if outcome.note else "")
        self.goal_text.setPlainText(
            goal_text(goal, self.tr) + "\n\n" + self.tr("Outcome: %s") % verdict
        )

    def current_cycle(self) -> Cycle | None:
        return self._cycle

    def _export(self) -> None:
        index = self.cycle_combo.currentIndex()
        if 0 <= index < len(self._cycles):
            self.export_requested.emit(self._cycles[index][0])


def goal_text(goal: Goal, tr) -> str:
    """A closed goal as plain text: its fields, actions and progress, newest first."""
    parts = [goal.title, f"{STATUS_LABELS[goal.status]}, {goal.latest_percent}%"]
    for label, value in (
        (tr("About"), goal.description),
        (tr("How I will know"), goal.measure),
        (tr("Support"), goal.support),
    ):
        if value:
            parts.append(f"{label}: {value}")
    if goal.target_date:
        parts.append(tr("Target date: %s") % short_date(goal.target_date))
    if goal.actions:
        parts.append(tr("Actions:"))
        parts += [f"  [{'x' if a.done else ' '}] {a.text}" for a in goal.actions]
    if goal.progress:
        parts.append(tr("Progress:"))
        parts += [
            f"  {short_date(e.date)}: {e.percent}%" + (f", {e.note}" if e.note else "")
            for e in reversed(goal.progress)
        ]
    return "\n".join(parts)
