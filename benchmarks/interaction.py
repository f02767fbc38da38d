"""Times the clicks a clinician makes on a big plan, in one offscreen app process.

Run as ``python benchmarks/interaction.py PLAN.db``; prints one JSON object. Each step
is timed from the call to the moment the event queue is empty again (so painting is
included), and a 5 ms heartbeat timer records the longest the GUI thread went without
answering.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

HEARTBEAT_MS = 5


class _Heartbeat:
    """Notes the longest gap between ticks of a 5 ms timer (a blocked GUI thread)."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0
        self.timer.start()


def _settle(app) -> None:
    """Runs the event loop until nothing is pending (layouts, paints, deferred work)."""
    from PySide6.QtCore import QEventLoop

    for _ in range(3):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        app.sendPostedEvents()
    app.processEvents()


def _timed(app, step) -> float:
    start = time.perf_counter()
    step()
    _settle(app)
    return (time.perf_counter() - start) * 1000


def _wait_for_paint(app, window) -> None:
    """Processes events until ``window`` has painted once (as ``--quit-after-startup``)."""
    from PySide6.QtCore import QEvent, QObject

    painted = []

    class _Seen(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(True)
            return False

    seen = _Seen(window)
    window.installEventFilter(seen)
    deadline = time.perf_counter() + 30
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    window.removeEventFilter(seen)


def _wait_for_sqlite_utils(app) -> None:
    """Processes events until sqlite-utils has been imported (by the window's thread)."""
    deadline = time.perf_counter() + 30
    while not hasattr(sys.modules.get("sqlite_utils"), "Database"):
        if time.perf_counter() > deadline:
            raise RuntimeError("sqlite-utils was not loaded after the first paint")
        app.processEvents()
        time.sleep(0.001)


def _wait_for_overview_charts(app, window) -> None:
    """Processes events until the overview has drawn its charts of change, which it
    builds once the import above has finished (a user's first click comes later)."""
    overview = window.pages.get("overview")
    if overview is None or not hasattr(overview, "change"):
        return
    deadline = time.perf_counter() + 30
    while overview.change is None:
        if time.perf_counter() > deadline:
            raise RuntimeError("the overview's charts were not drawn after the first paint")
        app.processEvents()
        time.sleep(0.001)


def _count_calls(cls, name: str, counter: dict) -> None:
    """Wraps ``cls.name`` to count calls (how many times the whole plan is read)."""
    original = getattr(cls, name)

    def counted(self, *args, **kwargs):
        counter[name] = counter.get(name, 0) + 1
        return original(self, *args, **kwargs)

    setattr(cls, name, counted)


def measure(db_path: Path) -> dict:
    """Opens the plan at ``db_path`` in a window and times the benchmark's clicks.

    Returns:
        Step timings in milliseconds, the longest GUI-thread block, how many progress
        rows the open goal's history fetched, and whether reportlab was imported.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from planner.store import PlanStore

    whole_plan_reads: dict[str, int] = {}
    for name in ("load_plan", "all_goals"):
        _count_calls(PlanStore, name, whole_plan_reads)

    from PySide6.QtWidgets import QApplication

    from planner.app import create_window
    from planner.domain.models import ProgressEntry
    from planner.ui.commands import LogProgress

    results: dict = {}
    start = time.perf_counter()
    window = create_window(db_path)
    app = QApplication.instance()
    window.show()
    _wait_for_paint(app, window)
    results["open_window_ms"] = (time.perf_counter() - start) * 1000
    store = window.store
    # The goal with the longest history sits in the skill with most goals (plans.py).
    # Found before the heartbeat starts: these reads are the benchmark's, not the app's.
    long_id, long_entries = store.db.execute(
        "SELECT goal_id, COUNT(*) FROM progress_entries GROUP BY goal_id "
        "ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()
    long_goal = store.goal_summary(long_id)
    skill = long_goal.skill
    results["skill_goals"] = len(store.goal_summaries(skill))
    heartbeat = _Heartbeat()
    heartbeat.start()
    # Once on screen the window imports sqlite-utils (for the first save) on another
    # thread, then the overview draws its charts: timed until both are done, with the
    # heartbeat noting how long the GUI thread went unanswered meanwhile. The clicks
    # below start after them, as a user's first click would.
    results["sqlite_utils_before_paint"] = "sqlite_utils" in sys.modules
    results["background_load_ms"] = _timed(app, lambda: _wait_for_sqlite_utils(app))
    results["overview_charts_ms"] = _timed(app, lambda: _wait_for_overview_charts(app, window))
    _settle(app)
    results["background_load_longest_block_ms"] = heartbeat.longest * 1000
    heartbeat.start()
    steps: dict[str, float] = {}
    steps["open skill page"] = _timed(app, lambda: window.show_page(f"skill:{skill}"))
    page = window.current_skill_page()

    from benchmarks.plans import FILTER_WORD

    steps["type a filter"] = _timed(app, lambda: page.search.setText(FILTER_WORD))
    results["filtered_goals"] = page.table.model().rowCount()
    results["long_goal_entries"] = long_entries
    steps["open goal"] = _timed(app, lambda: page.select_goal(long_goal.id))
    if page.current_goal_id() != long_goal.id:
        raise RuntimeError("the goal with the longest history is not shown by the filter")
    results["progress_rows_fetched"] = page.progress_model.rowCount()
    results["progress_rows_total"] = page.progress_model.total

    def log_progress() -> None:
        entry = ProgressEntry(dt.date.today(), 77, "Ran the huddle; two concerns escalated.")
        window.doc.execute(LogProgress(window.doc, long_goal.id, entry))

    steps["log progress"] = _timed(app, log_progress)
    steps["undo"] = _timed(app, window.doc.undo_stack.undo)
    results["steps_ms"] = steps
    _settle(app)
    results["longest_block_ms"] = max(heartbeat.longest * 1000, *steps.values())
    heartbeat.start()

    # The rest of the sidebar, so that "reportlab not loaded" covers every page.
    others: dict[str, float] = {}
    for key in window.page_keys():
        if key not in window.pages:
            others[key] = _timed(app, lambda k=key: window.show_page(k))
    results["other_pages_ms"] = others
    _settle(app)
    heartbeat.timer.stop()
    results["longest_block_other_pages_ms"] = max(
        heartbeat.longest * 1000, *(others.values() or [0])
    )
    results["reportlab_loaded"] = "reportlab" in sys.modules
    results["whole_plan_reads"] = whole_plan_reads
    # Not window.close(): its closing backup would copy the whole plan once per run.
    # The undo stack is silenced first: destroyed after the window's actions at exit,
    # it would still tell them its undo text.
    window.doc.undo_stack.blockSignals(True)
    window.store.close()
    return results


def main(argv: list[str]) -> int:
    """``python -m benchmarks.interaction PLAN.db`` (run.py sets the path)."""
    print(json.dumps(measure(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
