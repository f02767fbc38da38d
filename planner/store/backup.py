"""Copies of the plan database made with SQLite's online backup API.

Never a raw file copy: the backup API gives a consistent snapshot even while the
database is open.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planner.paths import backups_dir

if TYPE_CHECKING:
    from planner.store.plan_store import PlanStore


def backup_to(conn: sqlite3.Connection, dest: Path) -> Path:
    """Writes a consistent copy of ``conn``'s database to ``dest`` (owner-only)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = dest.with_name(dest.name + ".partial")
    target = sqlite3.connect(str(tmp))
    try:
        conn.backup(target)
    finally:
        target.close()
    if sys.platform != "win32":
        os.chmod(tmp, 0o600)
    os.replace(tmp, dest)
    return dest


def backup_name(reason: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now()
    return f"plan-{when.strftime('%Y%m%d-%H%M%S-%f')}-{reason}.db"


def backup_before(store: PlanStore, reason: str) -> Path | None:
    """Backs up an on-disk store into its ``backups/`` folder before a risky step."""
    if store.path is None:
        return None
    return backup_to(store.db.conn, backups_dir(store.path) / backup_name(reason))
