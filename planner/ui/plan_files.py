"""File menu flows for plan files (export, import) and the sample plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner import planfile
from planner.failures import user_message
from planner.store import PlanStore, StoreError
from planner.ui.dialogs.questions import confirm, tell
from planner.ui.document import PlanDocument

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

FILTER = "Leadership plan (*.json);;All files (*)"


def _documents_dir() -> str:
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def export_plan_file(window: MainWindow) -> None:
    profile = window.doc.profile
    name = (profile.name if profile else "plan").replace(" ", "-")
    suggested = str(Path(_documents_dir()) / f"leadership-plan-{name}-{dt.date.today()}.json")
    path, _ = QFileDialog.getSaveFileName(
        window, window.tr("Export plan file"), suggested, window.tr(FILTER)
    )
    if not path:
        return
    try:
        planfile.write(window.store.load_plan(), Path(path))
    except (OSError, StoreError) as exc:
        QMessageBox.warning(window, window.tr("Plan file not saved"), user_message(exc) or str(exc))
        return
    window.statusBar().showMessage(window.tr("Plan saved to %s") % path, 8000)


def import_plan_file(window: MainWindow, path: str | None = None) -> bool:
    """Replaces the plan shown with a plan file, after checking it and asking.

    Returns:
        True when the plan was replaced.
    """
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, window.tr("Import plan file"), _documents_dir(), window.tr(FILTER)
        )
        if not path:
            return False
    try:
        plan = planfile.read(Path(path))
    except planfile.PlanFileError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            window.tr("Plan file not imported"),
            window.tr("This file cannot be imported; nothing was changed."),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setDetailedText("\n".join(exc.problems))
        box.exec()
        return False
    if window.store.has_plan() and not confirm(
        window,
        window.tr("Replace your plan?"),
        window.tr(
            "Replace your current plan with the plan of %s from this file?\n\n"
            "A backup of your current plan is taken first."
        )
        % plan.profile.name,
        yes=window.tr("&Replace"),
    ):
        return False
    if not window.doc.replace_plan(plan, backup_reason="import"):
        return False  # the document has said why
    window.rebuild_pages("overview")
    window.statusBar().showMessage(window.tr("Plan imported."), 8000)
    return True


def sample_path(window: MainWindow) -> Path | None:
    own = window.own_store.path
    return own.parent / "sample-plan.db" if own else None


def open_sample_plan(window: MainWindow) -> None:
    """Shows a fresh sample plan in a file of its own, never mixed with the user's."""
    from planner.demo import demo_plan

    path = sample_path(window)
    if window.store is not window.own_store:
        window.set_store(window.own_store)  # closes the sample shown, so it can be replaced
    try:
        if path is not None and path.exists():
            path.unlink()
        store = PlanStore.open(path)
    except (OSError, StoreError) as exc:
        tell(window, window.tr("Sample not opened"), user_message(exc) or str(exc))
        return
    sample = PlanDocument(store)
    sample.failed.connect(lambda message: tell(window, window.tr("Sample not opened"), message))
    if not sample.replace_plan(demo_plan()):
        store.close()
        return
    window.sample_store = store
    window.set_store(store)
