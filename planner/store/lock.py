"""One writer at a time: an operating-system lock on ``plan.db.lock`` beside the plan.

The app holds the lock for as long as it has the plan open; command-line verbs that
write wait briefly for it. The OS drops the lock when its holder exits, even after a
crash or a forced log-off, so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from planner.oslock import open_no_follow, try_lock, unlock
from planner.paths import local_data_dir
from planner.store.errors import StoreError, describe_sqlite_error

IN_USE_MESSAGE = "The plan is open in Leadership Planner on this PC. Close it first."
COMMAND_MESSAGE = (
    "A leadership-planner command is working on this plan. Wait for it to finish, "
    "then try again."
)

# Who holds the lock, written into the lock file so a refusal can say who to wait for.
APP, COMMAND = "app", "command"

# How long a command-line write waits for the app to let go of the plan.
CLI_LOCK_WAIT_SECONDS = 2.0
_POLL_SECONDS = 0.05


class PlanInUseError(StoreError):
    """Another Leadership Planner (window or command) has the plan open for writing."""


def lock_path(db_path: Path) -> Path:
    """The lock file of the plan at ``db_path``, named for the plan's real file: the
    same plan reached through a symbolic link or another spelling shares one lock."""
    return Path(f"{Path(db_path).resolve()}.lock")


def _holder(fd: int) -> str:
    """The holder written in the lock file, or "" when it cannot be read (Windows
    keeps a locked byte unreadable to others)."""
    try:
        text = os.pread(fd, 64, 0).decode("ascii", "replace") if hasattr(os, "pread") else ""
    except OSError:
        return ""
    fields = text.split()
    return fields[1] if len(fields) > 1 else ""


def identity_lock_path(db_path: Path) -> Path | None:
    """A lock file named for the plan file itself (its disk and file number), shared
    by every hard link to it; ``None`` for a plan not yet made, or where the system
    gives no file numbers."""
    try:
        info = os.stat(db_path)
    except OSError:
        return None
    if not info.st_ino:
        return None
    return local_data_dir() / "locks" / f"{info.st_dev:x}-{info.st_ino:x}.lock"


class PlanLock:
    """The exclusive right to write the plan at ``db_path``.

    Use as ``with PlanLock(path).acquire(timeout=2):`` or keep it and call
    ``release()``. Two ``PlanLock`` objects on one plan exclude each other even in one
    process.
    """

    def __init__(self, db_path: Path, holder: str = APP):
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.holder = holder
        self._fds: list[int] = []

    @property
    def held(self) -> bool:
        return bool(self._fds)

    def acquire(self, timeout: float = 0) -> PlanLock:
        """Takes the lock, waiting up to ``timeout`` seconds for another holder.

        Returns:
            This lock, so that ``acquire`` can open a ``with`` block.

        Raises:
            PlanInUseError: someone else still holds it after ``timeout``.
            StoreError: the lock file cannot be created (read-only folder).
        """
        if self._fds:
            return self
        deadline = time.monotonic() + timeout
        try:
            self._fds.append(self._take(self.path, deadline))
            # The same file under another name (a hard link) has another lock file
            # beside it; a second lock named for the file itself covers that.
            identity = identity_lock_path(self.db_path)
            if identity is not None:
                self._fds.append(self._take(identity, deadline))
        except BaseException:
            self.release()
            raise
        return self

    def _take(self, path: Path, deadline: float) -> int:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Never through a link planted at the lock's name: it would be truncated.
            fd = open_no_follow(path, os.O_RDWR | os.O_CREAT)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError(
                    f"{path.name} is a link, not the plan's lock file; nothing was "
                    "changed. Remove it, then try again."
                ) from None
            raise StoreError(
                describe_sqlite_error(
                    exc, path.parent, outcome="so the plan cannot be opened for changes"
                )
            ) from None
        while not try_lock(fd):
            if time.monotonic() >= deadline:
                message = COMMAND_MESSAGE if _holder(fd) == COMMAND else IN_USE_MESSAGE
                os.close(fd)
                raise PlanInUseError(message)
            time.sleep(_POLL_SECONDS)
        # Who holds it, for a refusal to name; the OS lock alone decides.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {self.holder}\n".encode())
        return fd

    def release(self) -> None:
        """Lets go of the lock (the files stay: deleting one would race a new holder)."""
        fds, self._fds = self._fds, []
        for fd in reversed(fds):
            try:
                with contextlib.suppress(OSError):
                    unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> PlanLock:
        return self.acquire()

    def __exit__(self, *exc_info: object) -> None:
        self.release()
