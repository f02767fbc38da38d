"""File menu flows for plan files (export, import) and the sample plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner import planfile
from planner.failures import user_message
from planner.store import PlanStore, StoreError
from planner.ui import child_process
from planner.ui.dialogs.questions import confirm, tell
from planner.ui.workers import (
    busy_dialog,
    holding_a_plan,
    release_plan,
    run_task,
    show_failure,
)

if TYPE_CHECKING:
    from planner.domain.models import Plan
    from planner.ui.main_window import MainWindow

FILTER = "Leadership plan (*.json);;All files (*)"


def _documents_dir() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def export_plan_file(window: MainWindow, path: str | None = None) -> None:
    """Saves the whole plan as a plan file, by the ``export-json`` command in a process
    of its own."""
    if path is None:
        profile = window.doc.profile
        name = (profile.name if profile else "plan").replace(" ", "-")
        suggested = str(Path(_documents_dir()) / f"leadership-plan-{name}-{dt.date.today()}.json")
        path, _ = QFileDialog.getSaveFileName(
            window, window.tr("Export plan file"), suggested, window.tr(FILTER)
        )
        if not path:
            return
    store = window.store
    # A plan held in memory has no file for the command: small, read here on its thread.
    in_memory = store.load_plan() if store.path is None else None
    window.export_plan_action.setEnabled(False)
    busy = busy_dialog(window, window.tr("Export plan file"), window.tr("Saving your plan…"))

    def work() -> None:
        if in_memory is None:
            child_process.export_plan_file(store.path, Path(path))
        else:
            planfile.write(in_memory, Path(path))

    def finish(result) -> None:
        busy.close()
        window.export_plan_action.setEnabled(window.has_plan())
        window.task_finished.emit("plan-export", result)

    def done(_result) -> None:
        finish(Path(path))
        window.statusBar().showMessage(window.tr("Plan saved to %s") % path, 8000)

    def failed(exc: BaseException) -> None:
        finish(exc)
        show_failure(window, window.tr("Plan file not saved"), exc)

    run_task(work, done, failed)


def import_plan_file(window: MainWindow, path: str | None = None) -> None:
    """Replaces the plan shown with a plan file, after checking it and asking.

    The file is read and checked, and the plan written, on worker threads; the window
    emits ``task_finished("plan-import", ...)`` with the file's path once the plan is
    replaced, None when nothing was changed, or the exception.
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import plan file"), _documents_dir(), window.tr(FILTER)
        )
        if not path:
            return
    window.import_plan_action.setEnabled(False)
    busy = busy_dialog(window, window.tr("Import plan file"), window.tr("Checking the plan file…"))

    def finish(result) -> None:
        window.import_plan_action.setEnabled(True)
        window.task_finished.emit("plan-import", result)

    def read_failed(exc: BaseException) -> None:
        busy.close()
        finish(exc)
        if isinstance(exc, planfile.PlanFileError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                window.tr("Plan file not imported"),
                window.tr("This file cannot be imported; nothing was changed."),
                QMessageBox.StandardButton.Ok,
                window,
            )
            box.setDetailedText("\n".join(exc.problems))
            box.open()
            return
        show_failure(window, window.tr("Plan file not imported"), exc)

    def checked(plan: Plan) -> None:
        busy.close()
        store = window.store
        if store.has_plan() and not confirm(
            window,
            window.tr("Replace your plan?"),
            window.tr(
                "Replace your current plan with the plan of %s from this file?\n\n"
                "A backup of your current plan is taken first."
            )
            % plan.profile.name,
            yes=window.tr("&Replace"),
        ):
            run_task(lambda: release_plan(plan), finish, finish)
            return
        writing = busy_dialog(window, window.tr("Import plan file"), window.tr("Importing…"))

        def write_failed(exc: BaseException) -> None:
            writing.close()
            finish(exc)
            show_failure(window, window.tr("Plan file not imported"), exc)

        def written(_result) -> None:
            writing.close()
            if store.path is not None:
                # Written through another connection: the window's store still counts
                # the change, so that closing the app takes a backup.
                store.changes += 1
            window.doc.undo_stack.clear()
            window.doc.notify("profile")
            window.rebuild_pages("overview")
            window.statusBar().showMessage(window.tr("Plan imported."), 8000)
            finish(Path(path))

        run_task(replacer(store, plan), written, write_failed)

    def read() -> Plan:
        with holding_a_plan():
            return planfile.read(Path(path))

    run_task(read, checked, read_failed)


def replacer(store: PlanStore, plan: Plan):
    """A function that backs up the plan in ``store`` and replaces it with ``plan``,
    through a connection of its own, on the thread that calls it.

    A plan held in memory has no file for a second connection, so it is replaced here
    and now (tests and throwaway plans only).
    """

    from planner.plan_service import replace_plan

    def replace(target: PlanStore) -> None:
        try:
            if store.refusal:
                raise StoreError(store.refusal)  # the plan failed its check
            replace_plan(target, plan)
        finally:
            release_plan(plan)

    if store.path is None:
        replace(store)
        return lambda: None

    def on_worker() -> None:
        target = PlanStore.open(store.path)
        try:
            replace(target)
        finally:
            target.close()

    return on_worker


def open_sample_plan(window: MainWindow) -> None:
    """Shows a fresh sample plan in a file of its own, never mixed with the user's."""
    from planner.plan_service import open_sample

    if window.store is not window.own_store:
        window.set_store(window.own_store)  # closes the sample shown, so it can be replaced
    try:
        store = open_sample(window.own_store.path)
    except (OSError, StoreError) as exc:
        tell(window, window.tr("Sample not opened"), user_message(exc) or str(exc))
        return
    window.sample_store = store
    window.set_store(store)
