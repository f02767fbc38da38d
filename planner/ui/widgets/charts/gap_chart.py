"""The gap list: one row per skill, its latest level (a dot) and its target (a
diamond) on the scale, the largest gap first."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen

from planner.domain.models import Framework
from planner.domain.targets import NO_TARGET, NOT_RATED, REACHED, SkillGap, level_text
from planner.ui.widgets.charts.chart_widget import DIAMOND, DOT, ChartWidget
from planner.ui.widgets.charts.gap_layout import GapLayout, gap_layout
from planner.ui.widgets.charts.geometry import Box
from planner.ui.widgets.charts.words import levels_to_go, tr

ROW = 26


class GapChart(ChartWidget):
    def __init__(self, framework: Framework, parent=None):
        super().__init__(tr("Gaps between your latest rating and your target"), parent)
        self.framework = framework
        self.gaps: list[SkillGap] = []

    def set_gaps(self, gaps: list[SkillGap]) -> None:
        """Shows ``gaps`` in the order given (``planner.domain.targets.gap_list``)."""
        self.gaps = list(gaps)
        parts = self.framework.part_plural
        if not any(g.target for g in gaps):
            self.message = tr(
                "No targets set yet. Set a target level for your %s to see the largest "
                "gaps first."
            ) % parts
        else:
            self.message = ""
        self.setFixedHeight(self._height())
        self.set_description(self.describe())
        self.data_changed()

    def _height(self) -> int:
        if self.message:
            return 64
        return ROW * len(self.gaps) + 2 * self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        return QSize(480, self._height())

    # -- words ---------------------------------------------------------------------

    def standing(self, gap: SkillGap) -> str:
        """A few words on where the skill stands against its target."""
        if gap.standing == NO_TARGET:
            return tr("No target")
        if gap.standing == NOT_RATED:
            return tr("Not rated yet")
        if gap.standing == REACHED:
            return tr("Target reached")
        return levels_to_go(gap.gap)

    def row_words(self, gap: SkillGap) -> str:
        """ "Leading with care: latest Proficient (3), target Strong (4), 1 level to go"."""
        framework = self.framework
        parts = []
        if gap.latest:
            parts.append(tr("latest %s") % level_text(framework, gap.latest))
        if gap.target:
            parts.append(tr("target %s") % level_text(framework, gap.target))
        parts.append(self.standing(gap).lower())
        return f"{gap.name}: " + ", ".join(parts)

    def describe(self) -> str:
        if self.message:
            return self.message
        return "; ".join(self.row_words(g) for g in self.gaps) + "."

    # -- geometry and painting -----------------------------------------------------

    def layout_in(self, box: Box) -> GapLayout:
        metrics = self.fontMetrics()
        widest_note = max(
            metrics.horizontalAdvance(text)
            for text in (levels_to_go(len(self.framework.scale)), tr("Target reached"),
                         tr("Not rated yet"))
        )
        return gap_layout(
            self.gaps,
            len(self.framework.scale),
            box.inset(top=metrics.height() + 4),
            name_width=min(
                max((metrics.horizontalAdvance(g.name) for g in self.gaps), default=0),
                box.width * 0.45,
            ),
            note_width=widest_note + 4,
            row_height=ROW,
        )


    def paint_chart(self, painter: QPainter, box: Box) -> None:
        laid = self.laid_out()
        metrics = self.fontMetrics()
        ink = self.ink()
        track = laid.track
        # The key, above the rows: shapes, not colours, tell the two apart.
        painter.setPen(ink)
        x = box.left
        top = box.top + metrics.height() / 2
        for shape, text in ((DOT, tr("latest self-rating")), (DIAMOND, tr("target"))):
            self.marker(painter, shape, x + 5, top)
            painter.setPen(ink)
            painter.drawText(QPointF(x + 14, box.top + metrics.ascent()), text)
            x += 14 + metrics.horizontalAdvance(text) + 18
        for x, level in laid.ticks:
            painter.setPen(QPen(self.grid(), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, track.top), QPointF(x, track.bottom))
            painter.setPen(ink)
            painter.drawText(
                QRectF(x - 20, track.bottom + 2, 40, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(level),
            )
        for row in laid.rows:
            middle = row.box.top + row.box.height / 2
            painter.setPen(ink)
            name = metrics.elidedText(
                row.gap.name, Qt.TextElideMode.ElideRight, int(track.left - row.box.left - 10)
            )
            painter.drawText(
                QRectF(row.box.left, row.box.top, track.left - row.box.left - 10, row.box.height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                name,
            )
            painter.setPen(QPen(self.grid(), 1))
            painter.drawLine(QPointF(track.left, middle), QPointF(track.right, middle))
            if row.latest_x is not None and row.target_x is not None and row.gap.gap:
                # The gap itself: a thick bar from where the person is to the target.
                bar = QPen(self.series(), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
                painter.setPen(bar)
                painter.drawLine(QPointF(row.latest_x, middle), QPointF(row.target_x, middle))
            if row.target_x is not None:
                self.marker(painter, DIAMOND, row.target_x, middle, 5)
            if row.latest_x is not None:
                self.marker(painter, DOT, row.latest_x, middle, 4.5)
            painter.setPen(ink)
            painter.drawText(
                QRectF(track.right + 10, row.box.top, row.box.right - track.right - 10,
                       row.box.height),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.standing(row.gap),
            )

    def tip_at(self, x: float, y: float) -> str:
        for row in self.laid_out().rows:
            if row.box.top <= y < row.box.bottom:
                return self.row_words(row.gap)
        return ""
