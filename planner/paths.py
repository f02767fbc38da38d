"""Every file location the app uses, in one place, with one override (``--db``).

Kept free of Qt so the command line can find the database without importing it.
"""

from __future__ import annotations

import os
import re
import sys
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

DB_FILENAME = "plan.db"


def _app_dir_name() -> str:
    # The name earlier versions used on each platform, so an upgrade finds the plan.
    return "LeadershipPlanner" if sys.platform in ("win32", "darwin") else "leadership-planner"


def local_data_dir() -> Path:
    """The per-user *local* (never roaming) data folder for the app.

    On Windows this is ``%LOCALAPPDATA%``: NHS profiles often redirect the roaming
    folder to a network share, where SQLite's locking is unreliable.
    """
    if sys.platform == "darwin":
        # Newer platformdirs releases follow XDG_DATA_HOME on macOS too, so the folder
        # would move with the library's version and an upgrade would lose sight of the
        # plan: a Mac app keeps it where Mac apps do.
        return Path.home() / "Library" / "Application Support" / _app_dir_name()
    from platformdirs import user_data_path

    return user_data_path(_app_dir_name(), appauthor=False, roaming=False)


def default_db_path() -> Path:
    """Where the plan lives unless ``--db`` says otherwise."""
    return local_data_dir() / DB_FILENAME


def resolve_db_path(override: str | os.PathLike[str] | None) -> Path:
    """The ``--db`` override when given, otherwise the default location."""
    if override:
        return Path(override).expanduser()
    return default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Backups sit beside the database so they move with it."""
    return db_path.parent / "backups"


# PLAN-FILE-NAME-YYYYmmdd-HHMMSS-ffffff-REASON.db, as store/backup.py names them.
_BACKUP_NAME = re.compile(r"^.+-\d{8}-\d{6}-\d{6}-[a-z0-9-]+\.db$")


def is_backup_path(path: Path) -> bool:
    """True when ``path`` (links resolved) is named as a plan's backup in a
    ``backups`` folder, whatever the file holds now (a damaged backup included)."""
    real = Path(path).resolve()
    return real.parent.name == "backups" and bool(_BACKUP_NAME.match(real.name))


class NotInstalledError(RuntimeError):
    """The package runs from a source folder that was never installed."""


def resource(*parts: str) -> Traversable:
    """A file or folder of the app's data (``resources/`` in the repository).

    Read through ``importlib.resources``: the same call finds it in an editable install,
    a wheel, a ``--user`` or ``--target`` install and a frozen bundle.

    Raises:
        NotInstalledError: run from a checkout without ``pip install -e .``, where
            ``resources/`` is not yet the package ``planner.resources``.
    """
    try:
        found = files("planner.resources")
    except ModuleNotFoundError:
        raise NotInstalledError(
            "Leadership Planner is not installed: run 'pip install -e .' in its folder first."
        ) from None
    # One part at a time: Python 3.11's reader for a frozen bundle takes one name per call.
    for part in parts:
        found = found.joinpath(part)
    return found


def is_network_path(path: Path) -> bool:
    """True when ``path`` looks like it sits on a network share (UNC or mapped drive).

    SQLite's file locking is unsafe on network filesystems, so the app warns.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        try:
            import ctypes

            drive = os.path.splitdrive(os.path.abspath(text))[0]
            if drive:
                DRIVE_REMOTE = 4
                return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        except (AttributeError, OSError):
            return False
    else:
        try:
            with open("/proc/mounts", encoding="utf-8") as mounts:
                best = ("", "")
                resolved = str(Path(text).resolve())
                for line in mounts:
                    fields = line.split()
                    if (
                        len(fields) >= 3
                        and resolved.startswith(fields[1])
                        and len(fields[1]) > len(best[0])
                    ):
                        best = (fields[1], fields[2])
                return best[1] in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs"}
        except OSError:
            return False
    return False
