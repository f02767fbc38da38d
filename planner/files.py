"""Writing a file safely: all of it, or none of it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Writes via a private (owner-only) temp file in the same folder, flushed to
    disk, then renamed over ``path``, so a failure never leaves a half-written file
    or destroys the old one. ``data`` may come in chunks (a big plan file).

    Raises:
        OSError: as the system reports it. A failure to create the temp file names
            the folder (``filename`` is ``path.parent``); a later one names the file
            or the temp file.
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
