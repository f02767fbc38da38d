"""Start-up order: arguments -> command-line verb, or paths -> store -> Qt -> window.

Qt is imported only on the GUI path so that command-line verbs start fast.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``leadership-planner``: a verb runs on the command line, no verb
    opens the app."""
    from planner import cli

    argv = sys.argv[1:] if argv is None else argv
    code = cli.run(argv)
    if code != -1:
        return code
    args = cli.parse_gui_args(argv)
    from planner.ui.launch import run_gui

    return run_gui(args.db, quit_after_startup=args.quit_after_startup)


def create_window(db_path):
    """The fully wired main window for the plan at ``db_path``, without running the
    event loop (used by ``main`` and by tests)."""
    from pathlib import Path

    from planner.store import PlanStore
    from planner.ui.launch import make_application
    from planner.ui.main_window import MainWindow

    make_application()
    return MainWindow(PlanStore.open(Path(db_path)))
