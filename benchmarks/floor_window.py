"""Start-up floor: import sqlite-utils, show an empty QMainWindow, exit after its first paint.

The app's own start-up is timed against this, so the ratio shows what the planner adds
to the stack it cannot avoid (Python, Qt, sqlite-utils). ``--without-numpy`` imports
sqlite-utils the way the app does, without its optional numpy support.
"""

from __future__ import annotations

import sys

if "--without-numpy" in sys.argv:
    # As the app's store does: sqlite-utils then skips its optional numpy support.
    sys.modules["numpy"] = None
    sys.modules["pandas"] = None
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
