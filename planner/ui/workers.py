"""Runs long work (PDF export) off the GUI thread; results come back as signals.

Read from SQLite on the GUI thread and hand plain dataclasses to the task, so the
worker never shares the connection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


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
