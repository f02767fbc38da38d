"""Bugs become a dialog with a log, never a silent failure or a lost window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication


def install_excepthook() -> None:
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        from planner.failures import log_traceback, user_message

        message = user_message(exc)
        if message is None:
            where = log_traceback(exc)
            message = (
                "Something went wrong inside Leadership Planner. Your saved work is safe: "
                "every change is saved as you make it."
                + (f"\n\nDetails were written to {where}." if where else "")
            )
        if QApplication.instance() is not None:
            from planner.ui.dialogs.questions import tell

            tell(QApplication.activeWindow(), "Leadership Planner", message)
        else:
            previous(exc_type, exc, tb)

    sys.excepthook = hook
