"""What every chart widget shares: colours from the palette, markers that differ by
shape, a message in place of an empty chart, tooltips and an accessible description."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from planner.ui.models.tooltip import plain_tooltip
from planner.ui.widgets.charts.geometry import Box

# Shapes that tell series apart without colour.
DOT, DIAMOND = "dot", "diamond"


class ChartWidget(QWidget):
    """Subclasses paint in ``paint_chart`` and answer ``tip_at``; while ``message`` is
    set it is shown instead (an empty chart says what would fill it)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.message = ""
        self._laid: tuple[tuple[int, int], object] | None = None

    # -- for subclasses ------------------------------------------------------------

    def layout_in(self, box: Box):
        """Where everything falls in ``box`` (a ``*_layout`` function's result)."""
        raise NotImplementedError

    def paint_chart(self, painter: QPainter, box: Box) -> None:
        raise NotImplementedError

    def data_changed(self) -> None:
        """Subclasses call this when given new data: the layout is worked out again
        at the next paint, and only then (a page may paint a chart several times)."""
        self._laid = None
        self.update()

    def laid_out(self):
        """The layout for the widget as sized now, kept until the size or data change."""
        size = (self.width(), self.height())
        if self._laid is None or self._laid[0] != size:
            self._laid = (size, self.layout_in(self.box()))
        return self._laid[1]

    def tip_at(self, x: float, y: float) -> str:
        return ""

    def set_description(self, text: str) -> None:
        """The chart's figures in words, for screen readers (and tests)."""
        self.setAccessibleDescription(text)

    # -- colours -------------------------------------------------------------------

    def ink(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def grid(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Mid)

    def series(self) -> QColor:
        # The highlight colour reads as a darker grey than the grid in greyscale.
        return self.palette().color(QPalette.ColorRole.Highlight)

    def paper(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Base)

    # -- painting ------------------------------------------------------------------

    def box(self) -> Box:
        return Box(0, 0, self.width(), self.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        if self.message:
            self.paint_message(painter, self.box(), self.message)
        else:
            self.paint_chart(painter, self.box())
        painter.end()

    def paint_message(self, painter: QPainter, box: Box, text: str) -> None:
        painter.setPen(QPen(self.grid(), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect(box.inset(1, 1, 1, 1)), 4, 4)
        painter.setPen(self.ink())
        painter.drawText(
            rect(box.inset(12, 8, 12, 8)),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            text,
        )

    def paint_gridlines(self, painter: QPainter, plot: Box, lines) -> None:
        """Dotted lines across ``plot`` at each (y, name), the name at the left, cut
        short to the room there."""
        metrics = self.fontMetrics()
        room = int(plot.left - 6)
        for y, text in lines:
            painter.setPen(QPen(self.grid(), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left, y), QPointF(plot.right, y))
            painter.setPen(self.ink())
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, room, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, room),
            )

    def marker(self, painter: QPainter, shape: str, x: float, y: float, size: float = 4) -> None:
        """A filled dot (a rating, an entry) or an open diamond (a target)."""
        if shape == DOT:
            painter.setPen(QPen(self.paper(), 1))
            painter.setBrush(QBrush(self.series()))
            painter.drawEllipse(QPointF(x, y), size, size)
        else:
            painter.setPen(QPen(self.ink(), 1.5))
            painter.setBrush(QBrush(self.paper()))
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x, y - size - 1),
                        QPointF(x + size + 1, y),
                        QPointF(x, y + size + 1),
                        QPointF(x - size - 1, y),
                    ]
                )
            )

    def target_pen(self) -> QPen:
        pen = QPen(self.ink(), 1.5, Qt.PenStyle.DashLine)
        pen.setDashPattern([5, 3])
        return pen

    # -- hover ---------------------------------------------------------------------

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            tip = "" if self.message else self.tip_at(pos.x(), pos.y())
            if tip:
                QToolTip.showText(event.globalPos(), plain_tooltip(tip), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())


def rect(box: Box) -> QRectF:
    return QRectF(box.left, box.top, box.width, box.height)
