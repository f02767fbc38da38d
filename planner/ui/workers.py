"""Runs long work (PDF export, plan files) off the GUI thread; results come back as
signals, and a busy dialog shows meanwhile.

A task never uses the window's SQLite connection: it reads the plan through a
read-only connection of its own (``plan_reader``), or gets plain dataclasses.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from planner.failures import log_traceback, user_message

if TYPE_CHECKING:
    from planner.domain.models import Plan
    from planner.store import PlanStore


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits its signals, so delivery is queued
    and the callbacks run on the GUI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done, on_error):
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._finish_done)
        self.failed.connect(self._finish_failed)

    @Slot(object)
    def _finish_done(self, result) -> None:
        _running.discard(self)
        self._on_done(result)

    @Slot(object)
    def _finish_failed(self, exc) -> None:
        _running.discard(self)
        self._on_error(exc)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.func = func
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.func()
        except BaseException as exc:
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


# Keeps each relay alive until its task reports back.
_running: set[_Relay] = set()


def run_task(
    func: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    pool: QThreadPool | None = None,
) -> None:
    """Runs ``func`` on a pool thread; ``on_done(result)`` or ``on_error(exc)`` is
    then called on the GUI thread."""
    relay = _Relay(on_done, on_error)
    _running.add(relay)
    (pool or QThreadPool.globalInstance()).start(_Task(func, relay))


@contextlib.contextmanager
def holding_a_plan() -> Iterator[None]:
    """Builds a whole plan in memory (on a worker) without pausing the window.

    A 10,000-goal plan is about a million Python objects. Built with the cyclic
    garbage collector on, it sets off full collections that scan all of them while
    every thread waits (up to 100 ms each). The collector is paused while the plan is
    built, and what was built is then set aside from it (``gc.freeze``) until
    ``release_plan``. The window's own objects are set aside too, which only spares
    the collector some work.
    """
    gc.disable()
    try:
        yield
    except BaseException:
        gc.enable()  # nothing was built to set aside
        raise
    gc.freeze()
    gc.enable()


def release_plan(plan: Plan) -> None:
    """Frees a plan built under ``holding_a_plan`` a slice at a time (freeing it in
    one go would hold up the window as long as building it in one go), then hands
    the objects set aside back to the garbage collector."""
    for items in (plan.goals, plan.reflections, plan.assessments, plan.reviews):
        while items:
            del items[-200:]
    gc.unfreeze()


def plan_reader(store: PlanStore) -> Callable[[], Plan]:
    """A function that reads the whole plan on the thread that calls it, through a
    read-only connection it opens and closes itself.

    A plan held in memory (tests, a throwaway store) has no file for a second
    connection: it is read here, at once, and the function hands that back. Free what
    it returns with ``release_plan``.
    """
    from planner.store import PlanStore

    path = store.path
    if path is None:
        plan = store.load_plan()
        return lambda: plan

    def read() -> Plan:
        reader = PlanStore.open_readonly(path)
        try:
            with holding_a_plan():
                return reader.load_plan()
        finally:
            reader.close()

    return read


def busy_dialog(parent: QWidget, title: str, label: str) -> QProgressDialog:
    """A moving bar with ``label`` over ``parent`` while a task runs; it appears only
    if the task takes longer than a moment. Close it when the task reports back."""
    busy = QProgressDialog(label, "", 0, 0, parent)
    busy.setWindowTitle(title)
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(300)
    busy.setAutoClose(False)
    busy.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    busy.setAccessibleName(label)
    return busy


def show_failure(
    parent: QWidget, title: str, exc: BaseException, expected: tuple[type, ...] = ()
) -> None:
    """Tells the user a task failed: a fault of the environment (or one of
    ``expected``) in its own words; anything else is a bug, logged with its traceback."""
    message = user_message(exc)
    if message is None:
        message = str(exc)
        if not isinstance(exc, expected):
            log_traceback(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
