"""Writing a file safely: all of it, or none of it, and never over a database."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from planner.leftovers import recorded, temp_name
from planner.oslock import open_no_follow
from planner.paths import is_backup_path

_SQLITE_HEADER = b"SQLite format 3\x00"
# Files SQLite and the app keep beside a database while it is in use.
_COMPANIONS = ("-journal", "-wal", "-shm", ".lock")


class TargetError(OSError):
    """A file cannot be written where the user asked; ``str()`` is the message."""

    def __init__(self, code: int, path: Path):
        super().__init__(code, os.strerror(code), str(path))
        self.path = Path(path)


class MissingFolderError(TargetError, FileNotFoundError):
    """The folder chosen for a new file does not exist."""

    def __init__(self, folder: Path):
        super().__init__(errno.ENOENT, folder)

    def __str__(self) -> str:
        return f"The folder {self.path} does not exist. Choose another place to save."


class UnsafeTargetError(TargetError):
    """The chosen file is a database (a plan, a backup) or belongs to one; an export
    must never replace it."""

    def __init__(self, path: Path):
        super().__init__(errno.EEXIST, path)

    def __str__(self) -> str:
        return (
            f"{self.path.name} is a database (perhaps your plan or one of its backups), so "
            "nothing was written; choose another file name."
        )


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file: the same path spelt another way, a
    symbolic link, or a hard link (where the system has them)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def is_sqlite_file(path: Path) -> bool:
    """True when ``path`` (following links) is a SQLite database file."""
    try:
        with open(path, "rb") as f:
            return f.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def refuse_database_target(path: Path) -> None:
    """Raises ``UnsafeTargetError`` when writing ``path`` would replace a SQLite
    database, or a journal or lock file kept beside one.

    The file's contents decide, not its name, so a plan or backup under any name
    (or reached through a link) is safe from a slip in an export's file name.
    """
    path = Path(path)
    if is_sqlite_file(path) or is_backup_path(path):
        raise UnsafeTargetError(path)
    for suffix in _COMPANIONS:
        if path.name.endswith(suffix) and is_sqlite_file(
            path.with_name(path.name.removesuffix(suffix))
        ):
            raise UnsafeTargetError(path)


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Writes via a private (owner-only) temp file in the same folder, flushed to
    disk, then renamed over ``path``, so a failure never leaves a half-written file
    or destroys the old one. ``data`` may come in chunks (a big plan file).

    Raises:
        MissingFolderError: the folder does not exist.
        UnsafeTargetError: ``path`` is a database or belongs to one.
        OSError: as the system reports it. A failure to create the temp file names
            the folder (``filename`` is ``path.parent``); a later one names the file
            or the temp file.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not path.parent.is_dir():
        raise MissingFolderError(path.parent)
    refuse_database_target(path)
    tmp = temp_name(path, ".tmp")
    with recorded(tmp):
        try:
            fd = open_no_follow(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except OSError as exc:
            # Name the folder the user chose, not the temporary file inside it.
            raise type(exc)(exc.errno, exc.strerror, str(path.parent)) from None
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in [data] if isinstance(data, bytes) else data:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
