"""Keeps the mouse wheel from changing a value the user is not working on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QSlider, QWidget


class WheelGuard(QObject):
    """Passes the wheel on to the scroll area unless the control has focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            # Ignored and filtered: Qt offers it to the parents, which scroll.
            event.ignore()
            return True
        return False


def guard_wheel(root: QWidget) -> None:
    """Guards every combo box, spin box and slider under ``root``; they take focus
    by click or Tab only, never by the wheel."""
    guard = WheelGuard(root)
    for kind in (QComboBox, QAbstractSpinBox, QSlider):
        for widget in root.findChildren(kind):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(guard)
