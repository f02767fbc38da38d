"""A plan is personal: its files are the user's alone, and nothing leaves the PC."""

from __future__ import annotations

import ast
import datetime as dt
import socket
import stat
import sys
from pathlib import Path

import pytest

from planner import planfile
from planner.store import PlanStore
from planner.store.backup import backup_file
from planner.store.lock import PlanLock, lock_path
from planner.store.recovery import restore_from_backup

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
PACKAGE = Path(__file__).resolve().parents[2] / "planner"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_a_new_plan_and_its_folder_are_owner_only(tmp_path, sample_plan):
    path = tmp_path / "LeadershipPlanner" / "plan.db"
    store = PlanStore.open(path)
    store.replace_plan(sample_plan)
    store.close()
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700


@posix_only
def test_backups_exports_and_the_lock_file_are_owner_only(db_path, tmp_path, sample_plan):
    backup = backup_file(db_path, "manual")
    copy = backup_file(db_path, "manual", to=tmp_path / "elsewhere" / "copy.db")
    exported = tmp_path / "plan.json"
    exported.write_text("an older, world-readable export")
    exported.chmod(0o644)
    planfile.write(sample_plan, exported)
    with PlanLock(db_path).acquire():
        lock_mode = _mode(lock_path(db_path))

    assert _mode(backup) == _mode(copy) == _mode(exported) == lock_mode == 0o600
    assert _mode(backup.parent) == _mode(copy.parent) == 0o700


@posix_only
def test_a_loosened_backups_folder_is_tightened_again(db_path):
    folder = db_path.parent / "backups"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    backup_file(db_path, "manual")
    assert _mode(folder) == 0o700


@posix_only
def test_a_backup_to_the_users_own_folder_leaves_that_folder_alone(db_path, tmp_path):
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    usb.chmod(0o755)
    copy = backup_file(db_path, "manual", to=usb / "plan-copy.db")
    assert _mode(copy) == 0o600
    assert _mode(usb) == 0o755


@posix_only
def test_a_plan_restored_after_damage_is_owner_only(db_path):
    backup = backup_file(db_path, "manual")
    db_path.write_bytes(b"\x00" * 5000)
    restore_from_backup(db_path, backup, now=dt.datetime(2026, 6, 15))
    assert _mode(db_path) == 0o600


def test_the_suite_runs_with_the_network_blocked():
    with pytest.raises(RuntimeError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(RuntimeError, match="network access attempted"):
            sock.connect(("127.0.0.1", 9))
        with pytest.raises(RuntimeError, match="network access attempted"):
            sock.connect_ex(("127.0.0.1", 9))
    finally:
        sock.close()


NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "ftplib",
    "smtplib",
    "xmlrpc",
    "requests",
    "httpx",
    "aiohttp",
}


def test_no_module_of_the_app_imports_a_network_library():
    offenders = []
    for source in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.split(".")[0] in NETWORK_MODULES:
                    offenders.append(f"{source.relative_to(PACKAGE.parent)}: {name}")
    assert offenders == []
