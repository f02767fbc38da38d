"""Starting the GUI: check the plan file, take the one-writer lock, open the window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.resources import as_file
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import APP_NAME
from planner.paths import resource
from planner.store import PlanStore, StoreError

if TYPE_CHECKING:
    from planner.store.recovery import StartupCheck


def app_icon() -> QIcon:
    """The application's icon, from the sizes ``scripts/make_icons.py`` renders."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        with as_file(resource("icons", f"leadership-planner-{size}.png")) as path:
            icon.addFile(str(path), QSize(size, size))
    return icon


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    QCoreApplication.setOrganizationName("LeadershipPlanner")
    QCoreApplication.setApplicationName(APP_NAME)
    from planner.ui.widgets.focus_style import install_focus_style

    install_focus_style(app)
    return app


def _fatal(message: str) -> int:
    from planner.ui.dialogs.questions import tell

    tell(None, APP_NAME, message, QMessageBox.Icon.Critical)
    return 1


def open_plan(
    db_path: Path, *, interactive: bool = True, check: Callable[[], StartupCheck] | None = None
) -> PlanStore | None:
    """Checks the file and opens it, offering a backup if it is damaged.

    Args:
        db_path: The plan file.
        interactive: Show one-time warnings (a plan on a network drive).
        check: Waits for a start-up check already running (see ``planner.app``);
            by default the check runs here.

    Returns:
        The store, or None when the user could not or chose not to go on (the
        reason has been shown).
    """
    from planner.store.recovery import DAMAGED, restore_from_backup, startup_check

    check = check() if check is not None else startup_check(db_path)
    if check.state == DAMAGED:
        if check.offer is None:
            _fatal(
                check.message + "\n\nNo good backup was found. The file has not been "
                "changed; ask for help before deleting anything."
            )
            return None
        taken = check.offer.taken_at.strftime("%d %b %Y at %H:%M")
        from planner.ui.dialogs.questions import confirm

        if not confirm(
            None,
            APP_NAME,
            f"{check.message}\n\nRestore the newest good backup, taken on {taken}? The "
            "damaged file is kept aside, not deleted.",
            yes=QCoreApplication.translate("launch", "&Restore the backup"),
        ):
            return None
        try:
            restore_from_backup(db_path, check.offer.path)
        except StoreError as exc:
            _fatal(str(exc))
            return None
    elif not check.can_open:
        _fatal(check.message)
        return None
    try:
        store = PlanStore.open(db_path)
    except StoreError as exc:
        _fatal(str(exc))
        return None
    if check.network_warning and interactive:
        from PySide6.QtCore import QSettings

        settings = QSettings()
        if not settings.value("warned/network", False, type=bool):
            from planner.ui.dialogs.questions import tell

            tell(None, APP_NAME, check.network_warning)
            settings.setValue("warned/network", True)
    return store


def run_gui(
    db_path: Path,
    *,
    quit_after_startup: bool = False,
    check: Callable[[], StartupCheck] | None = None,
) -> int:
    """Runs the app until the window closes; returns the exit code.

    ``check`` waits for the start-up check if it is already running (see
    ``open_plan``).
    """
    app = make_application()
    from planner.store.lock import PlanInUseError, PlanLock
    from planner.ui.crash import install_excepthook

    install_excepthook()
    lock = PlanLock(db_path)
    try:
        lock.acquire(timeout=0)
    except PlanInUseError as exc:
        return _fatal(str(exc))
    except StoreError as exc:
        return _fatal(str(exc))
    try:
        store = open_plan(db_path, check=check)
        if store is None:
            return 1
        from planner.ui.lifecycle import (
            after_first_paint,
            check_fully_when_shown,
            prepare_writes_when_shown,
            start_periodic_backups,
        )
        from planner.ui.main_window import MainWindow

        window = MainWindow(store)
        start_periodic_backups(window)
        if quit_after_startup:
            # Start-up timing ends at the first paint of the loaded window; what the
            # app does after it is not start-up.
            after_first_paint(window, QApplication.quit)
        else:
            prepare_writes_when_shown(window)
            check_fully_when_shown(window)
        window.show()
        code = app.exec()
        store.close()
        return code
    finally:
        lock.release()
