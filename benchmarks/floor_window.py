"""Start-up floor: import sqlite-utils, show an empty QMainWindow, exit after its first paint.

The app's own start-up is timed against this, so the ratio shows what the planner adds
to the stack it cannot avoid (Python, Qt, sqlite-utils), in the same environment.
"""

from __future__ import annotations

import sys

import sqlite_utils  # noqa: F401  (imported for its cost, as the app imports it)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _QuitAfterFirstPaint(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.resize(1280, 800)
    window.show()
    window.installEventFilter(_QuitAfterFirstPaint(window))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
