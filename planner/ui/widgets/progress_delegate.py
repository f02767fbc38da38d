"""Draws a goal's percent as a progress bar in table cells, in the system style."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionProgressBar

from planner.ui.models.goals_model import PERCENT_ROLE


class ProgressBarDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        percent = index.data(PERCENT_ROLE)
        if percent is None:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        # The figure sits beside the bar in one colour: drawn on the bar, styles paint
        # it half in one colour and half in another where the fill ends.
        text = f"{percent}%"
        text_width = option.fontMetrics.horizontalAdvance("100%") + 6
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 4, -4 - text_width, -4)
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = int(percent)
        bar.textVisible = False
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.palette = option.palette
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(
            option.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        label = QRect(
            option.rect.right() - text_width - 2,
            option.rect.top(),
            text_width,
            option.rect.height(),
        )
        painter.drawText(
            label, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
        )
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(
            max(hint.width(), option.fontMetrics.horizontalAdvance("100%") + 60), hint.height()
        )
