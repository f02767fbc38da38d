"""One writer at a time: an operating-system lock on ``plan.db.lock`` beside the plan.

The app holds the lock for as long as it has the plan open; command-line verbs that
write wait briefly for it. The OS drops the lock when its holder exits, even after a
crash or a forced log-off, so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from planner.store.errors import StoreError, describe_sqlite_error

IN_USE_MESSAGE = "The plan is open in Leadership Planner on this PC. Close it first."

# How long a command-line write waits for the app to let go of the plan.
CLI_LOCK_WAIT_SECONDS = 2.0
_POLL_SECONDS = 0.05


class PlanInUseError(StoreError):
    """Another Leadership Planner (window or command) has the plan open for writing."""


def lock_path(db_path: Path) -> Path:
    return Path(f"{db_path}.lock")


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class PlanLock:
    """The exclusive right to write the plan at ``db_path``.

    Use as ``with PlanLock(path).acquire(timeout=2):`` or keep it and call
    ``release()``. Two ``PlanLock`` objects on one plan exclude each other even in one
    process.
    """

    def __init__(self, db_path: Path):
        self.path = lock_path(Path(db_path))
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0) -> PlanLock:
        """Takes the lock, waiting up to ``timeout`` seconds for another holder.

        Returns:
            This lock, so that ``acquire`` can open a ``with`` block.

        Raises:
            PlanInUseError: someone else still holds it after ``timeout``.
            StoreError: the lock file cannot be created (read-only folder).
        """
        if self._fd is not None:
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(describe_sqlite_error(exc, self.path.parent)) from None
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise PlanInUseError(IN_USE_MESSAGE)
            time.sleep(_POLL_SECONDS)
        self._fd = fd
        # The holder's process id, for whoever looks at the file; the OS lock decides.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        return self

    def release(self) -> None:
        """Lets go of the lock (the file stays: deleting it would race a new holder)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            with contextlib.suppress(OSError):
                _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> PlanLock:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()
