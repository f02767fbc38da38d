"""Operating-system file locks that the OS drops when their holder dies, and opening
a file for writing without following a symbolic link planted at its name."""

from __future__ import annotations

import os
import sys

# Refuses to open through a symbolic link where the system can say so (not Windows,
# where creating one needs rights an ordinary NHS account does not have).
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# Windows opens files in text mode unless told otherwise, turning "\n" in a PDF into
# "\r\n"; everything opened here is written as bytes.
_BINARY = getattr(os, "O_BINARY", 0)

if sys.platform == "win32":
    import msvcrt

    def try_lock(fd: int) -> bool:
        """Takes an exclusive lock on the open file ``fd`` without waiting."""
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def try_lock(fd: int) -> bool:
        """Takes an exclusive lock on the open file ``fd`` without waiting."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def open_no_follow(path: os.PathLike[str] | str, flags: int, mode: int = 0o600) -> int:
    """``os.open`` that refuses a symbolic link at ``path`` (``OSError`` ELOOP).

    Where the system has no ``O_NOFOLLOW`` the name is checked just before opening.
    """
    if not NOFOLLOW and os.path.islink(path):
        import errno

        raise OSError(errno.ELOOP, "Is a symbolic link", str(path))
    return os.open(path, flags | NOFOLLOW | _BINARY, mode)
