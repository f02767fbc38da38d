"""The overview's "How you are changing": the gap list, goals achieved per cycle, and a
small chart of self-assessment over time for every skill."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from planner.domain.cycle_counts import CycleCount
from planner.domain.models import Framework
from planner.domain.targets import gap_list
from planner.ui.widgets.charts.gap_chart import GapChart
from planner.ui.widgets.charts.outcome_chart import OutcomeChart
from planner.ui.widgets.charts.rating_chart import RatingChart
from planner.ui.widgets.text import heading, plain_label

# Small charts of self-assessment over time, this many to a row.
TREND_COLUMNS = 3


class ChangeSection(QWidget):
    targets_requested = Signal()

    def __init__(self, framework: Framework, parent: QWidget | None = None):
        super().__init__(parent)
        self.framework = framework
        self.targets_button = QPushButton(self.tr("Set targets…"))
        self.targets_button.setAccessibleName(self.tr("Set targets"))
        self.targets_button.clicked.connect(self.targets_requested)
        self.gap_chart = GapChart(framework)
        self.outcome_chart = OutcomeChart()
        self.outcome_caption = plain_label()
        self.trend_charts = {
            skill.id: RatingChart(framework, compact=True) for skill in framework.skills
        }

        section = QVBoxLayout(self)
        section.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(heading(self.tr("How you are changing"), 2), 1)
        head.addWidget(self.targets_button)
        section.addLayout(head)
        columns = QHBoxLayout()
        gaps = QVBoxLayout()
        gaps.addWidget(heading(self.tr("Largest gap to your target first"), 3))
        gaps.addWidget(self.gap_chart)
        gaps.addStretch(1)
        outcomes = QVBoxLayout()
        outcomes.addWidget(heading(self.tr("Goals achieved per cycle"), 3))
        outcomes.addWidget(self.outcome_chart)
        outcomes.addWidget(self.outcome_caption)
        outcomes.addStretch(1)
        columns.addLayout(gaps, 3)
        columns.addSpacing(16)
        columns.addLayout(outcomes, 2)
        section.addLayout(columns)
        section.addWidget(heading(self.tr("Self-assessment over time"), 3))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for i, chart in enumerate(self.trend_charts.values()):
            grid.addWidget(chart, i // TREND_COLUMNS, i % TREND_COLUMNS)
        section.addLayout(grid)
        section.addSpacing(8)

    def show_plan(
        self,
        series: dict[str, list[tuple[dt.date, int]]],
        latest: dict[str, int],
        targets: dict[str, int],
        counts: list[CycleCount],
    ) -> None:
        """Fills every chart: each skill's ratings over time and latest level, the
        targets, and the goals counted per cycle."""
        self.gap_chart.set_gaps(gap_list(self.framework, latest, targets))
        self.outcome_chart.set_counts(counts)
        self.outcome_caption.setText(self.outcome_chart.caption())
        # An empty chart's message already says it all.
        self.outcome_caption.setVisible(not self.outcome_chart.message)
        for skill in self.framework.skills:
            chart = self.trend_charts.get(skill.id)
            if chart is not None:
                chart.set_data(skill.name, series.get(skill.id, []), targets.get(skill.id))
