"""File menu flows for plan files (export, import) and the sample plan."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner import planfile
from planner.failures import user_message
from planner.store import PlanStore, StoreError
from planner.ui import child_process
from planner.ui.dialogs.questions import confirm, tell
from planner.ui.workers import busy_dialog, run_task, show_failure

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

FILTER = "Leadership plan (*.json);;All files (*)"
# A development plan PDF carries its plan (import-json reads it), so one received from
# a colleague or manager can be imported as it is.
IMPORT_FILTER = (
    "Leadership plan or development plan PDF (*.json *.pdf);;Leadership plan (*.json);;"
    "Development plan PDF (*.pdf);;All files (*)"
)
CALENDAR_FILTER = "Calendar (*.ics);;All files (*)"


def _documents_dir() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _save_path(window: MainWindow, title: str, stem: str, suffix: str, filters: str) -> str:
    """The file chosen in a save dialog that starts in Documents with a dated name, or
    "" when the user cancelled."""
    profile = window.doc.profile
    name = (profile.name if profile else "plan").replace(" ", "-")
    suggested = str(Path(_documents_dir()) / f"{stem}-{name}-{dt.date.today()}{suffix}")
    path, _ = QFileDialog.getSaveFileName(window, title, suggested, filters)
    return path


def _export(window: MainWindow, action, task: str, titles: tuple[str, str, str], work, done):
    """Runs ``work(store)`` on a worker thread with a busy bar and ``action`` greyed;
    then ``done(result)`` on the GUI thread, or a message saying why it failed. The
    window emits ``task_finished(task, ...)`` with ``done``'s result or the exception.

    Args:
        titles: the busy bar's title and text, and the title of a failure message.
    """
    title, busy_text, failed_title = titles
    store = window.store
    action.setEnabled(False)
    busy = busy_dialog(window, title, busy_text)

    def finish(result) -> None:
        busy.close()
        action.setEnabled(window.has_plan())
        window.task_finished.emit(task, result)

    def succeeded(result) -> None:
        finish(done(result))

    def failed(exc: BaseException) -> None:
        finish(exc)
        # The command's own message says why; it logged any bug itself.
        show_failure(window, failed_title, exc, expected=(child_process.VerbError,))

    run_task(lambda: work(store), succeeded, failed)


def export_plan_file(window: MainWindow, path: str | None = None) -> None:
    """Saves the whole plan as a plan file, by the ``export-json`` command in a process
    of its own."""
    if path is None:
        path = _save_path(
            window, window.tr("Export plan file"), "leadership-plan", ".json", window.tr(FILTER)
        )
        if not path:
            return
    # A plan held in memory has no file for the command: small, read here on its thread.
    in_memory = window.store.load_plan() if window.store.path is None else None

    def work(store) -> None:
        if in_memory is None:
            child_process.export_plan_file(store.path, Path(path))
        else:
            planfile.write(in_memory, Path(path))

    def done(_result) -> Path:
        window.statusBar().showMessage(window.tr("Plan saved to %s") % path, 8000)
        return Path(path)

    _export(
        window,
        window.export_plan_action,
        "plan-export",
        (
            window.tr("Export plan file"),
            window.tr("Saving your plan…"),
            window.tr("Plan file not saved"),
        ),
        work,
        done,
    )


def export_calendar(window: MainWindow, path: str | None = None) -> None:
    """Saves the target dates, actions due and next review as an .ics file, by the
    ``export-calendar`` command in a process of its own; says where and what it holds.
    """
    if path is None:
        path = _save_path(
            window,
            window.tr("Export calendar"),
            "leadership-plan-dates",
            ".ics",
            window.tr(CALENDAR_FILTER),
        )
        if not path:
            return
    in_memory = window.store.load_plan() if window.store.path is None else None

    def work(store) -> str:
        if in_memory is None:
            return child_process.export_calendar(store.path, Path(path))
        from planner.ics import describe, write_calendar

        return describe(write_calendar(in_memory, Path(path)))

    def done(held: str) -> Path:
        window.statusBar().showMessage(window.tr("Calendar saved to %s") % path, 8000)
        text = window.tr("Your calendar is saved as %s.") % path
        if held:
            text += "\n\n" + window.tr("It holds %s.") % held
        text += "\n\n" + window.tr(
            "To add the dates to Outlook, open the file, or in Outlook choose File, then "
            "Open & Export, then Import/Export. Exporting again later updates the same "
            "entries. Each entry shows only a goal's title."
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            window.tr("Calendar saved"),
            text,
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the path and titles are not markup
        box.open()
        return Path(path)

    _export(
        window,
        window.export_calendar_action,
        "calendar-export",
        (
            window.tr("Export calendar"),
            window.tr("Saving your dates…"),
            window.tr("Calendar not saved"),
        ),
        work,
        done,
    )


def import_plan_file(window: MainWindow, path: str | None = None) -> None:
    """Replaces the plan shown with a plan file, after checking it and asking.

    The ``import-json`` command reads and checks the file into a new plan database of
    its own, in a process of its own; once the user agrees, that database is restored
    over the plan (a backup of the plan is taken first) on a worker thread. The window
    emits ``task_finished("plan-import", ...)`` with the file's path once the plan is
    replaced, None when nothing was changed, or the exception.
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import plan file"), _documents_dir(), window.tr(IMPORT_FILTER)
        )
        if not path:
            return
    store = window.store
    if store.path is None:
        _import_in_memory(window, Path(path))
        return
    staging = _Staging(store.path)
    window.import_plan_action.setEnabled(False)
    busy = busy_dialog(window, window.tr("Import plan file"), window.tr("Checking the plan file…"))

    def finish(result) -> None:
        def removed(_unused=None) -> None:
            window.import_plan_action.setEnabled(True)
            window.task_finished.emit("plan-import", result)

        # Deleting a staging copy of a large plan takes the file system a while.
        run_task(staging.remove, removed, removed)

    def read_failed(exc: BaseException) -> None:
        busy.close()
        finish(exc)
        if isinstance(exc, child_process.VerbError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                window.tr("Plan file not imported"),
                window.tr("This file cannot be imported; nothing was changed."),
                QMessageBox.StandardButton.Ok,
                window,
            )
            # The command's message names the file and says nothing changed, as the box
            # does already: the details are what is wrong with it.
            box.setDetailedText(str(exc).partition("nothing was changed: ")[2] or str(exc))
            box.open()
            return
        show_failure(window, window.tr("Plan file not imported"), exc)

    def checked(name: str) -> None:
        busy.close()
        if store.has_plan() and not _may_replace(window, name, backed_up=True):
            finish(None)
            return
        if store.refusal:  # the plan failed its check: nothing may be written to it
            finish(StoreError(store.refusal))
            show_failure(window, window.tr("Plan file not imported"), StoreError(store.refusal))
            return
        writing = busy_dialog(window, window.tr("Import plan file"), window.tr("Importing…"))

        def write_failed(exc: BaseException) -> None:
            writing.close()
            finish(exc)
            show_failure(window, window.tr("Plan file not imported"), exc)

        def written(_result) -> None:
            writing.close()
            # Written through another connection: the window's store still counts the
            # change, so that closing the app takes a backup.
            store.changes += 1
            window.doc.plan_replaced()
            window.rebuild_pages("overview")
            window.setWindowTitle(window.plan_title())
            window.statusBar().showMessage(window.tr("Plan imported."), 8000)
            finish(Path(path))

        run_task(staging.put_in_place, written, write_failed)

    run_task(lambda: staging.read(Path(path)), checked, read_failed)


def _may_replace(window: MainWindow, name: str, *, backed_up: bool) -> bool:
    question = window.tr("Replace your current plan with the plan of %s from this file?") % name
    if backed_up:
        question += "\n\n" + window.tr("A backup of your current plan is taken first.")
    return confirm(window, window.tr("Replace your plan?"), question, yes=window.tr("&Replace"))


class _Staging:
    """The plan file read into a new plan database beside the plan, until it is put
    in place or given up; recorded, so a killed app's copy is removed at the next start.
    """

    def __init__(self, plan: Path):
        from planner.leftovers import recorded, temp_name

        self.plan = plan
        self.path = temp_name(plan, ".import.db")
        self._files = [self.path, Path(f"{self.path}-journal"), Path(f"{self.path}.lock")]
        self._record = contextlib.ExitStack()
        self._record.enter_context(recorded(*self._files))

    def read(self, source: Path) -> str:
        """Runs ``import-json`` into the new database; returns the plan's name."""
        child_process.run_verb("import-json", str(source), "--db", str(self.path))
        copy = PlanStore.open_readonly(self.path)
        try:
            profile = copy.profile()
        finally:
            copy.close()
        return profile.name if profile else ""

    def put_in_place(self) -> None:
        """Backs the plan up, then copies the new database over it in one transaction
        (the window holds the plan's lock)."""
        from planner.store.recovery import restore_backup

        restore_backup(self.path, self.plan, reason="import")

    def remove(self) -> None:
        for file in self._files:
            with contextlib.suppress(OSError):
                file.unlink()
        self._record.close()


def _import_in_memory(window: MainWindow, path: Path) -> None:
    """A plan held in memory (tests, a throwaway store) is small and has no file for
    the command: read, asked and replaced here."""
    from planner.plan_service import replace_plan

    try:
        plan = planfile.read(path)
        if window.store.has_plan() and not _may_replace(
            window, plan.profile.name, backed_up=False
        ):
            window.task_finished.emit("plan-import", None)
            return
        replace_plan(window.store, plan)
    except (planfile.PlanFileError, StoreError) as exc:
        window.task_finished.emit("plan-import", exc)
        show_failure(window, window.tr("Plan file not imported"), exc)
        return
    window.doc.undo_stack.clear()
    window.doc.notify("profile")
    window.rebuild_pages("overview")
    window.task_finished.emit("plan-import", path)


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
