"""Start-up order: arguments -> command-line verb, or paths -> store -> Qt -> window.

Qt is imported only on the GUI path so that command-line verbs start fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``leadership-planner``: a verb runs on the command line, no verb
    opens the app."""
    from planner import cli
    from planner.leftovers import clean_up

    # Before parsing: --help, --version and a mistyped command print too.
    _attach_console_when_frozen()
    args = cli.parse(sys.argv[1:] if argv is None else argv)
    # What a killed export, backup or restore left behind goes before anything else.
    clean_up()
    if args.verb is not None:
        return cli.dispatch(args)
    check = _check_in_background(args.db)
    from planner.ui.launch import run_gui

    return run_gui(args.db, quit_after_startup=args.quit_after_startup, check=check)


def _attach_console_when_frozen() -> None:
    """Lets the Windows app's command-line verbs print.

    The bundled ``leadership-planner.exe`` is a windowed program (no console flashes
    up when a clinician opens it), so Windows gives it no standard output. Run from a
    command prompt, it attaches to that prompt's console instead; opened from the Start
    menu there is no console to attach to, and nothing changes.
    """
    if sys.platform != "win32" or not getattr(sys, "frozen", False) or sys.stdout is not None:
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
        sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115


def _check_in_background(db_path):
    """Starts the plan file's start-up check on a thread and returns a function that
    waits for its result.

    SQLite's quick check reads the whole file (40 ms for a 60 MB plan) and lets go of
    the GIL while it reads, so it runs alongside the import of Qt and the window's
    code instead of before them.
    """
    import threading

    from planner.store.recovery import startup_check

    outcome = {}

    def work() -> None:
        try:
            outcome["check"] = startup_check(db_path)
        except BaseException as exc:  # handed to the caller, who reports it
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="plan-check", daemon=True)
    thread.start()

    def result():
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["check"]

    return result


def create_window(db_path):
    """The fully wired main window for the plan at ``db_path``, without running the
    event loop (used by ``main`` and by tests)."""
    from pathlib import Path

    from planner.store import PlanStore
    from planner.ui.launch import make_application
    from planner.ui.lifecycle import prepare_writes_when_shown
    from planner.ui.main_window import MainWindow

    make_application()
    window = MainWindow(PlanStore.open(Path(db_path)))
    prepare_writes_when_shown(window)
    return window
