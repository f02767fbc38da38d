"""Exports and imports a big plan from the window, with a heartbeat on the GUI thread.

Run as ``python -m benchmarks.exports PLAN.db PLAN.json OUT_DIR``; prints one JSON
object. Each step (Export PDF, Export plan file, Import plan file) is timed from the
menu action's call to the window's ``task_finished`` signal, and a 5 ms heartbeat
timer records the longest the GUI thread went without answering meanwhile (the
same measure as ``interaction.py``).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def measure(db_path: Path, plan_file: Path, out_dir: Path) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from benchmarks.interaction import (
        _Heartbeat,
        _settle,
        _wait_for_overview_charts,
        _wait_for_paint,
        _wait_for_sqlite_utils,
    )
    from planner.app import create_window
    from planner.ui.dialogs import questions
    from planner.ui.dialogs.export_dialog import run_pdf_export
    from planner.ui.plan_files import export_plan_file, import_plan_file

    window = create_window(db_path)
    app = QApplication.instance()
    window.show()
    _wait_for_paint(app, window)
    _wait_for_sqlite_utils(app)
    _wait_for_overview_charts(app, window)
    # "Replace your plan?" is answered Yes, as the user importing would.
    questions.ask = lambda *args, **kwargs: "yes"
    finished: list = []
    window.task_finished.connect(lambda _name, result: finished.append(result))

    def step(start) -> dict:
        heartbeat = _Heartbeat()
        _settle(app)
        finished.clear()
        heartbeat.start()
        began = time.perf_counter()
        start()
        while not finished:
            app.processEvents()
            time.sleep(0.001)
        took = (time.perf_counter() - began) * 1000
        _settle(app)
        heartbeat.timer.stop()
        result = finished[0]
        if isinstance(result, BaseException):
            raise RuntimeError(f"{start} failed: {result}")
        return {"ms": took, "longest_block_ms": heartbeat.longest * 1000}

    results: dict = {}
    pdf = out_dir / "exports-heavy.pdf"
    results["export PDF"] = step(lambda: run_pdf_export(window, pdf, ask=False))
    results["pdf_pages"] = window.last_export[1]
    plan_out = out_dir / "exports-heavy.json"
    results["export plan file"] = step(lambda: export_plan_file(window, str(plan_out)))
    results["import plan file"] = step(lambda: import_plan_file(window, str(plan_file)))
    window.doc.undo_stack.blockSignals(True)
    window.store.close()
    return results


def main(argv: list[str]) -> int:
    """``python -m benchmarks.exports PLAN.db PLAN.json OUT_DIR`` (run.py sets the path)."""
    print(json.dumps(measure(Path(argv[0]), Path(argv[1]), Path(argv[2]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
