"""Goals achieved per cycle: a stacked bar per cycle, met (solid), partly met
(hatched) and not met (open), each with its count; the current cycle's achieved
goals last."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QPainter, QPen

from planner.domain.cycle_counts import CycleCount
from planner.domain.cycles import period_text
from planner.ui.widgets.charts.chart_widget import ChartWidget, rect
from planner.ui.widgets.charts.geometry import Box
from planner.ui.widgets.charts.outcome_layout import OutcomeLayout, outcome_layout
from planner.ui.widgets.charts.words import cycle_name, tr


def kind_words(kind: str, n: int) -> str:
    return {
        "met": tr("%d met"),
        "partly_met": tr("%d partly met"),
        "not_met": tr("%d not met"),
    }[kind] % n


def count_words(count: CycleCount) -> str:
    """ "2025–26 (1 Apr 2025 to 31 Mar 2026): 5 met, 2 partly met, 1 not met"."""
    if count.current:
        achieved = (
            tr("1 goal achieved so far")
            if count.met == 1
            else tr("%d goals achieved so far") % count.met
        )
        return f"{cycle_name(count)}: {achieved}"
    kinds = ", ".join(kind_words(k, getattr(count, k)) for k in ("met", "partly_met", "not_met"))
    return f"{cycle_name(count)} ({period_text(count.start, count.end)}): {kinds}"


class OutcomeChart(ChartWidget):
    def __init__(self, parent=None):
        super().__init__(tr("Goals achieved per cycle"), parent)
        self.counts: list[CycleCount] = []
        self.setFixedHeight(190)

    def sizeHint(self) -> QSize:
        return QSize(360, self.height())

    def set_counts(self, counts: list[CycleCount]) -> None:
        """Shows ``counts``, oldest first, the current cycle last."""
        self.counts = list(counts)
        closed = [c for c in counts if not c.current]
        if not closed and not any(c.total for c in counts):
            self.message = tr(
                "No goals achieved yet in this cycle. When you start a new cycle, each "
                "cycle's goals met, partly met and not met are counted here."
            )
        else:
            self.message = ""
        # A message needs only a few lines, not the room of the bars.
        self.setFixedHeight(84 if self.message else 190)
        self.set_description(self.describe())
        self.data_changed()

    def lines(self) -> list[str]:
        """Each cycle's figures in words, oldest first."""
        lines = [count_words(c) for c in self.counts]
        if self.counts and not any(not c.current for c in self.counts):
            lines.append(tr("Earlier cycles show here once you start a new cycle."))
        return lines

    def describe(self) -> str:
        return "; ".join(self.lines()) + "." if self.counts else ""

    def caption(self) -> str:
        """The figures as text beside the chart, a cycle a line."""
        return "\n".join(self.lines())

    def layout_in(self, box: Box) -> OutcomeLayout:
        metrics = self.fontMetrics()
        return outcome_layout(
            self.counts,
            # The legend above, and room for the tallest bar's total.
            box.inset(top=2 * metrics.height() + 6),
            axis_width=metrics.horizontalAdvance("000") + 4,
            label_height=metrics.height(),
        )


    def fill(self, painter: QPainter, kind: str) -> None:
        """Solid, hatched or open: the three outcomes read apart in greyscale."""
        painter.setPen(QPen(self.ink(), 1))
        if kind == "met":
            painter.setBrush(QBrush(self.series()))
        elif kind == "partly_met":
            painter.setBrush(QBrush(self.ink(), Qt.BrushStyle.BDiagPattern))
        else:
            painter.setBrush(QBrush(self.paper()))

    def paint_count(self, painter: QPainter, segment) -> None:
        """A segment's count inside it; on the hatching, on a plain patch to be legible."""
        text = str(segment.count)
        area = rect(segment.box)
        if segment.kind == "partly_met":
            metrics = self.fontMetrics()
            width = metrics.horizontalAdvance(text) + 6
            patch = QRectF(0, 0, width, metrics.height())
            patch.moveCenter(area.center())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(self.paper()))
            painter.drawRect(patch)
        painter.setPen(self.paper() if segment.kind == "met" else self.ink())
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, text)

    def paint_chart(self, painter: QPainter, box: Box) -> None:
        laid = self.laid_out()
        plot = laid.plot
        metrics = self.fontMetrics()
        ink = self.ink()
        x = box.left
        for kind in ("met", "partly_met", "not_met"):
            self.fill(painter, kind)
            painter.drawRect(QRectF(x, box.top + 2, 12, 12))
            painter.setPen(ink)
            text = {"met": tr("Met or achieved"), "partly_met": tr("Partly met"),
                    "not_met": tr("Not met")}[kind]
            painter.drawText(QPointF(x + 17, box.top + metrics.ascent()), text)
            x += 17 + metrics.horizontalAdvance(text) + 16
        self.paint_gridlines(painter, plot, [(y, str(n)) for y, n in laid.gridlines])
        for bar in laid.bars:
            for segment in bar.segments:
                self.fill(painter, segment.kind)
                painter.drawRect(rect(segment.box))
                if segment.box.height >= metrics.height():
                    self.paint_count(painter, segment)
            # The total above the bar, so every figure is readable without the colours.
            top = bar.segments[-1].box.top if bar.segments else plot.bottom
            painter.setPen(ink)
            painter.drawText(
                QRectF(bar.box.left - 20, top - metrics.height() - 1, bar.box.width + 40,
                       metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                str(bar.count.total),
            )
            slot = plot.width / max(len(laid.bars), 1)
            centre = bar.box.left + bar.box.width / 2
            name = metrics.elidedText(cycle_name(bar.count), Qt.TextElideMode.ElideRight, int(slot))
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom + 4, slot, metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                name,
            )

    def tip_at(self, x: float, y: float) -> str:
        laid = self.laid_out()
        slot = laid.plot.width / max(len(laid.bars), 1)
        for bar in laid.bars:
            centre = bar.box.left + bar.box.width / 2
            if abs(centre - x) <= slot / 2 and laid.plot.top <= y <= laid.plot.bottom + 20:
                return count_words(bar.count)
        return ""
