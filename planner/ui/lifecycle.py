"""The window's life around the user's work: what runs once it is on screen, and
periodic and closing backups."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from planner.store import StoreError

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

CHECK_EVERY_MS = 5 * 60 * 1000


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], object]):
        super().__init__(widget)
        self._work = work

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so that the paint finishes first.
            QTimer.singleShot(0, self._work)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, work: Callable[[], object]) -> None:
    """Runs ``work`` once, straight after ``widget`` first paints."""
    widget.installEventFilter(_AfterFirstPaint(widget, work))


# The thread that imports the write path once the window is on screen.
PREPARE_THREAD = "prepare-writes"
# How often work waiting for that thread looks again.
WAIT_POLL_MS = 10


def after_background_import(context: QObject, work: Callable[[], object]) -> None:
    """Runs ``work`` once the write path's background import has finished, looking
    first a moment from now (so a start-up that quits at its first paint never runs
    it). That import holds Python's lock for most of its run: drawing done meanwhile
    would take several times as long and hold the window up."""

    def look() -> None:
        if any(t.name == PREPARE_THREAD and t.is_alive() for t in threading.enumerate()):
            QTimer.singleShot(WAIT_POLL_MS, context, look)
        else:
            work()

    QTimer.singleShot(WAIT_POLL_MS, context, look)


def prepare_writes_when_shown(window: MainWindow) -> None:
    """Imports what the first save needs on a background thread once the window is on
    screen, so that neither the first paint nor the first save waits for it, and the
    window answers clicks meanwhile (see ``PlanStore.prepare_writes``)."""
    after_first_paint(window, lambda: _prepare_in_background(window.own_store))


def _prepare_in_background(store) -> threading.Thread:
    def work() -> None:
        # A fault here is met again, and reported, by the first save.
        with contextlib.suppress(Exception):
            store.prepare_writes()

    # Not a daemon: an app closed at once still lets the import finish cleanly.
    thread = threading.Thread(target=work, name=PREPARE_THREAD)
    thread.start()
    return thread


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
        # A failed backup loses nothing: every change is already in the plan file.
        message = window.tr("Your plan is saved. %s") % exc
        if closing:
            # The status bar of a closing window is never seen.
            _plain_box(window, message, title=window.tr("Backup not taken"))
        else:
            window.statusBar().showMessage(message, 10000)


def backup_on_close(window: MainWindow) -> None:
    _backup(window, closing=True)


def check_fully_when_shown(window: MainWindow) -> None:
    """Runs the full integrity check, the slow part of the start-up check, on a
    worker thread once the window is on screen.

    Should the plan fail it, nothing more is saved to it or backed up, and the user
    is offered the newest good backup at once.
    """
    from planner.store.health import check_database
    from planner.ui.workers import run_task

    path = window.own_store.path
    if path is None:
        return

    def start() -> None:
        # A fault here is not the plan's: the quick check passed, and the next start
        # checks again.
        run_task(lambda: check_database(path), lambda report: _after_full_check(window, report),
                 lambda exc: None)

    after_first_paint(window, start)


def _after_full_check(window: MainWindow, report) -> None:
    from planner.store.backup import newest_good_backup

    store = window.own_store
    if report.ok or report.unavailable or store.path != report.path:
        return
    name, summary = store.path.name, report.summary().rstrip(".")
    message = window.tr(
        "The plan file %s is damaged (%s), so nothing more will be saved to it."
    ) % (name, summary)
    store.refuse_writes(
        window.tr(
            "Nothing was saved: the plan file %s is damaged (%s). Close Leadership Planner "
            "and open it again to restore a backup."
        )
        % (name, summary)
    )
    offer = newest_good_backup(store.path)
    if offer is None:
        _plain_box(
            window,
            window.tr("%s No good backup was found; ask for help before deleting anything.")
            % message,
        )
        return
    taken = offer.taken_at.strftime("%d %b %Y at %H:%M")
    question = window.tr(
        "%s Restore the newest good backup, taken on %s? The damaged file is kept aside."
    ) % (message, taken)
    if _plain_box(window, question, ask=True):
        _restore_now(window, offer.path)


def _restore_now(window: MainWindow, backup) -> None:
    from planner.store import PlanStore
    from planner.store.recovery import restore_from_backup

    path = window.own_store.path
    shown_own = window.store is window.own_store
    window.own_store.close()
    try:
        restore_from_backup(path, backup)
        store = PlanStore.open(path)
    except StoreError as exc:
        _plain_box(window, str(exc))
        return
    window.own_store = store
    if shown_own:
        window.set_store(store)
    window.statusBar().showMessage(window.tr("The backup was restored."), 8000)


def _plain_box(
    window: MainWindow, text: str, *, ask: bool = False, title: str | None = None
) -> bool:
    """A warning (or a Yes/Cancel question) whose text is shown as written."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or window.tr("Leadership Planner"),
        text,
        (buttons.Yes | buttons.Cancel) if ask else buttons.Ok,
        window,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    if ask:
        box.setDefaultButton(buttons.Cancel)
    return box.exec() == buttons.Yes
