"""Keeping the work safe while the window is open: periodic and closing backups."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from planner.store import StoreError

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

CHECK_EVERY_MS = 5 * 60 * 1000


def start_periodic_backups(window: MainWindow) -> QTimer:
    """Checks every few minutes; a backup is taken at most every 30 minutes and only
    when something changed (the store's rule)."""
    window.last_backup_at = None
    timer = QTimer(window)
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(lambda: _backup(window, closing=False))
    timer.start()
    return timer


def _backup(window: MainWindow, *, closing: bool) -> None:
    from planner.store.backup import backup_if_changed

    store = window.own_store
    now = dt.datetime.now()
    try:
        if backup_if_changed(store, getattr(window, "last_backup_at", None), now, closing=closing):
            window.last_backup_at = now
    except StoreError as exc:
        # A failed backup must never lose the plan itself; say so and carry on.
        window.statusBar().showMessage(window.tr("Backup not taken: %s") % exc, 10000)


def backup_on_close(window: MainWindow) -> None:
    _backup(window, closing=True)
