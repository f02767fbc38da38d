"""A focus ring every keyboard user can see, on whatever style the system gives.

Fusion draws no focus on combo boxes or check boxes, and draws item focus only after
a Tab press; a clinician typing into the wrong field then changes a value unseen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QTextEdit,
)

RING_WIDTH = 2


def _ring(painter: QPainter, rect, option, *, on_selection: bool = False) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # On a selected row the highlight colour would vanish into the selection. (A
    # focused combo box also calls itself selected, but draws no selection.)
    selected = on_selection and option.state & QStyle.StateFlag.State_Selected
    palette = option.palette
    pen = QPen((palette.highlightedText() if selected else palette.highlight()).color(), RING_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), 3, 3)
    painter.restore()


def _is(value, *members) -> bool:
    # Qt hands the element over as a plain int from some painting paths and as an
    # enum member from others; compare their numbers.
    number = getattr(value, "value", value)
    return any(number == member.value for member in members)


class FocusRingStyle(QProxyStyle):
    """The base style, plus a highlight-coloured ring around the focused control."""

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if _is(
            control,
            QStyle.ComplexControl.CC_ComboBox,
            QStyle.ComplexControl.CC_SpinBox,
            QStyle.ComplexControl.CC_Slider,
        ) and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option.rect, option)

    def drawControl(self, element, option, painter, widget=None) -> None:
        super().drawControl(element, option, painter, widget)
        if not option.state & QStyle.StateFlag.State_HasFocus:
            return
        # A table or list shows focus on its frame too (a selected row alone looks
        # the same whether or not keys go to it), and so does a box of text.
        if _is(element, QStyle.ControlElement.CE_PushButton) or (
            _is(element, QStyle.ControlElement.CE_ShapedFrame)
            and isinstance(widget, (QAbstractItemView, QPlainTextEdit, QTextEdit))
        ):
            _ring(painter, option.rect, option)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        if _is(element, QStyle.PrimitiveElement.PE_FrameFocusRect):
            _ring(painter, option.rect, option, on_selection=True)
            return
        super().drawPrimitive(element, option, painter, widget)


def install_focus_style(app: QApplication) -> None:
    """Wraps the application's style once (again after a style change)."""
    if not isinstance(app.style(), FocusRingStyle):
        app.setStyle(FocusRingStyle(app.style().name()))
