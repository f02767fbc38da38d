"""The app runs its start-up check of the plan file on a thread while Qt loads."""

from __future__ import annotations

import threading

import pytest

from planner import app
from planner.store import recovery


def _damage(path):
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start : start + 8192] = b"\xde\xad\xbe\xef" * 2048
    path.write_bytes(bytes(data))


def test_the_background_check_finds_what_the_direct_check_finds(db_path, tmp_path):
    assert app._check_in_background(db_path)() == recovery.startup_check(db_path)
    missing = tmp_path / "new.db"
    assert app._check_in_background(missing)().state == recovery.MISSING
    _damage(db_path)
    found = app._check_in_background(db_path)()
    assert found.state == recovery.DAMAGED
    assert found == recovery.startup_check(db_path)


def test_the_check_runs_on_another_thread_and_its_errors_reach_the_caller(db_path, monkeypatch):
    threads = []

    def failing_check(path):
        threads.append(threading.current_thread())
        raise PermissionError("the plan folder cannot be read")

    monkeypatch.setattr(recovery, "startup_check", failing_check)
    wait = app._check_in_background(db_path)
    with pytest.raises(PermissionError, match="cannot be read"):
        wait()
    assert threads and threads[0] is not threading.main_thread()
