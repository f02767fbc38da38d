"""Starting the app: damaged files, the one-writer rule, and timed start-up."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from planner.store import PlanStore
from planner.store.backup import backup_file
from planner.store.lock import PlanLock
from planner.ui import launch

pytestmark = pytest.mark.gui


def _damage(path):
    data = bytearray(path.read_bytes())
    # Overwrite the middle of the file: pages of tables, not the header.
    start = len(data) // 3
    data[start : start + 8192] = b"\xde\xad\xbe\xef" * 2048
    path.write_bytes(bytes(data))


def _run_app_process(args: list[str], tmp_path) -> subprocess.CompletedProcess:
    """Runs Python with ``args`` offscreen, settings kept in ``tmp_path``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    return subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_damaged_plan_offers_newest_backup_and_keeps_the_damaged_file(
    qtbot, db_path, monkeypatch, questions
):
    backup_file(db_path, "manual")
    _damage(db_path)
    asked = questions.asked
    store = launch.open_plan(db_path)
    # One question, the offer of the backup: no message that the plan cannot be opened.
    assert len(asked) == 1 and "backup" in asked[0] and "kept aside" in asked[0]
    assert store is not None
    assert store.profile().name == "Siân Okafor"
    assert len(store.goal_summaries()) == 10
    store.close()
    aside = [p for p in db_path.parent.iterdir() if ".damaged" in p.name]
    assert len(aside) == 1


def test_damaged_plan_declined_leaves_everything_as_it_was(qtbot, db_path, questions):
    backup_file(db_path, "manual")
    _damage(db_path)
    damaged = db_path.read_bytes()
    questions.answer("no")
    assert launch.open_plan(db_path) is None
    assert db_path.read_bytes() == damaged


def test_newer_schema_is_refused_with_a_message(qtbot, db_path, questions):
    store = PlanStore.open(db_path)
    store.db.execute("PRAGMA user_version = 99")
    store.close()
    shown = questions.asked
    assert launch.open_plan(db_path) is None
    assert shown and "newer version" in shown[0]


def test_second_copy_of_the_app_is_refused(qtbot, db_path, questions):
    shown = questions.asked
    with PlanLock(db_path).acquire():
        assert launch.run_gui(db_path) == 1
    assert shown and "open in Leadership Planner" in shown[0]


def test_quit_after_startup_paints_the_plan_and_exits_zero(db_path, tmp_path):
    result = _run_app_process(
        ["-m", "planner", "--db", str(db_path), "--quit-after-startup"], tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_starting_the_window_does_not_load_reportlab_or_pypdf(db_path, tmp_path):
    code = (
        "import sys; from planner.app import create_window; w = create_window(sys.argv[1]); "
        "w.show(); assert 'reportlab' not in sys.modules, 'reportlab loaded'; "
        "assert 'pypdf' not in sys.modules, 'pypdf loaded'"
    )
    result = _run_app_process(["-c", code, str(db_path)], tmp_path)
    assert result.returncode == 0, result.stderr


def test_the_window_paints_before_loading_sqlite_utils_and_loads_it_after_for_the_first_save(
    db_path, tmp_path
):
    code = (
        "import sys, datetime as dt\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from planner.app import create_window\n"
        "from planner.domain.models import ProgressEntry\n"
        "from planner.ui import commands\n"
        "from planner.ui.lifecycle import after_first_paint\n"
        "w = create_window(sys.argv[1])\n"
        "seen = []\n"
        "after_first_paint(w, lambda: seen.append('sqlite_utils' in sys.modules))\n"
        "w.show()\n"
        "app = QApplication.instance()\n"
        "while not seen: app.processEvents()\n"
        "import time\n"
        "deadline = time.monotonic() + 20\n"
        "def loaded(): return hasattr(sys.modules.get('sqlite_utils'), 'Database')\n"
        "while not loaded() and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.002)\n"
        "print('at first paint:', seen[0])\n"
        "print('soon after:', loaded())\n"
        "gid = w.store.goal_summaries()[0].id\n"
        "entry = ProgressEntry(dt.date.today(), 55, 'after start-up')\n"
        "w.doc.execute(commands.LogProgress(w.doc, gid, entry))\n"
        "notes = [n for (n,) in w.store.db.execute('SELECT note FROM progress_entries')]\n"
        "print('saved:', 'after start-up' in notes)\n"
        "w.doc.undo_stack.blockSignals(True)\n"
    )
    result = _run_app_process(["-c", code, str(db_path)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "at first paint: False",
        "soon after: True",
        "saved: True",
    ]


def test_closing_with_undo_history_prints_no_error(db_path, tmp_path):
    code = (
        "import sys, datetime as dt\n"
        "from planner.app import create_window\n"
        "from planner.ui import commands\n"
        "from planner.domain.models import ProgressEntry\n"
        "w = create_window(sys.argv[1]); w.show()\n"
        "gid = w.store.goal_summaries()[0].id\n"
        "w.doc.execute(commands.LogProgress(w.doc, gid, ProgressEntry(dt.date.today(), 50)))\n"
        "w.close()\n"
    )
    result = _run_app_process(["-c", code, str(db_path)], tmp_path)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr and "already deleted" not in result.stderr


def test_a_long_session_of_clicks_does_not_crash_the_app(db_path, tmp_path):
    # Each click runs dozens of Qt calls from Python; a binding that mishandles the
    # reference to None in them (PySide6 6.12 on Python 3.11) aborts the process
    # within a thousand clicks. Three thousand goal selections and page changes here.
    code = (
        "import sys\n"
        "from planner.app import create_window\n"
        "w = create_window(sys.argv[1]); w.show()\n"
        "keys = w.page_keys()\n"
        "skill = w.store.framework().skills[0].id\n"
        "ids = [g.id for g in w.store.goal_summaries(skill)]\n"
        "for i in range(3000):\n"
        "    if i % 100 == 0:\n"
        "        w.show_page(keys[(i // 100) % len(keys)])\n"
        "    w.show_page('skill:' + skill)\n"
        "    w.current_skill_page().select_goal(ids[i % len(ids)])\n"
        "print('clicks done')\n"
        "w.doc.undo_stack.blockSignals(True)\n"
    )
    result = _run_app_process(["-c", code, str(db_path)], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "clicks done"
