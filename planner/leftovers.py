"""Temporary files of work in progress (exports, backups, restores), recorded while
they exist so that the next start removes those a killed process left behind.

Each piece of work keeps a small record in ``unfinished/`` under the app's data folder,
locked for as long as the work runs. A record nobody holds belongs to work that
died: the files it names, and only those, are removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from planner.oslock import open_no_follow, try_lock, unlock
from planner.paths import local_data_dir


def records_dir() -> Path:
    return local_data_dir() / "unfinished"


def temp_name(target: Path, suffix: str) -> Path:
    """A hidden name beside ``target`` that nothing else uses:
    ``.NAME.RANDOM<suffix>``."""
    target = Path(target)
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{suffix}")


@contextlib.contextmanager
def recorded(*paths: Path) -> Iterator[None]:
    """Records ``paths`` (files about to be made) until the block ends.

    The block removes or renames its files itself; if the process is killed inside
    it, the next ``clean_up`` removes whichever of them still exist. A record that
    cannot be written (read-only profile) does not stop the work.
    """
    record = records_dir() / f"{secrets.token_hex(8)}.txt"
    fd = None
    with contextlib.suppress(OSError):
        record.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = open_no_follow(record, os.O_RDWR | os.O_CREAT | os.O_EXCL)
        if not try_lock(fd):  # pragma: no cover - a fresh random name
            os.close(fd)
            fd = None
        else:
            text = "".join(f"{Path(p).absolute()}\n" for p in paths)
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
    try:
        yield
    finally:
        if fd is not None:
            with contextlib.suppress(OSError):
                unlock(fd)
            os.close(fd)
            # Closed first: Windows will not delete a file that is still open. A
            # cleaner taking the record in between finds its files already gone.
            with contextlib.suppress(OSError):
                os.unlink(record)


def clean_up() -> list[Path]:
    """Removes what interrupted work left behind; returns the files removed.

    Only files named in a record whose work is no longer running, and only regular
    files (never a link someone put at that name), are touched.
    """
    removed: list[Path] = []
    try:
        records = sorted(records_dir().glob("*.txt"))
    except OSError:
        return removed
    for record in records:
        try:
            fd = open_no_follow(record, os.O_RDWR)
        except OSError:
            continue
        try:
            if not try_lock(fd):
                continue  # the work is still running (another window or command)
            raw = b""
            while chunk := os.read(fd, 65536):
                raw += chunk
        finally:
            os.close(fd)
        for line in raw.decode("utf-8", "replace").splitlines():
            if line.strip():
                removed += _remove_file(Path(line))
        with contextlib.suppress(OSError):
            os.unlink(record)
    return removed


def _remove_file(path: Path) -> list[Path]:
    removed = []
    # SQLite's journal of a file being written is part of the same unfinished work.
    for candidate in (path, Path(f"{path}-journal")):
        try:
            if not stat.S_ISREG(os.lstat(candidate).st_mode):
                continue
            os.unlink(candidate)
        except OSError:
            continue
        removed.append(candidate)
    return removed
