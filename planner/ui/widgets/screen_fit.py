"""Sizes that keep a window, its frame included, on the screen's free area: above a
taskbar on a 1366x768 laptop, or on a 1080p screen at 150 % (1280x720 to lay out)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

# The frame is only known once a window is shown; until then allow for a typical one.
TYPICAL_FRAME = QSize(16, 40)


def free_area(widget: QWidget) -> QRect | None:
    """The screen's area left free by taskbars and panels, or None with no screen."""
    # Not widget.screen(): PySide6 then keeps the screen's wrapper with the widget, and
    # a dialog collected later can take the screen down with it (a crash in the next
    # window made). Asking the application leaves the screen to Qt.
    window = widget.window()
    screen = QApplication.screenAt(window.geometry().center()) or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def frame_allowance(widget: QWidget) -> QSize:
    """What the window manager's frame adds to the widget's own size."""
    if not widget.isVisible():
        return TYPICAL_FRAME
    frame = widget.frameGeometry()
    return QSize(
        max(frame.width() - widget.width(), 0), max(frame.height() - widget.height(), 0)
    )


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resizes a window to the size it would like, or to the screen's free area if that
    is smaller, so its buttons are never under a taskbar or off the screen."""
    free = free_area(widget)
    if free is not None:
        extra = frame_allowance(widget)
        width = min(width, free.width() - extra.width())
        height = min(height, free.height() - extra.height())
    widget.resize(width, height)
