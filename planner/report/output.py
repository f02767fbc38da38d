"""Writing the finished PDF safely: a private temp file in the target folder, renamed
over the target, with each way that can fail turned into a message saying what to do.

Kept free of reportlab so the app can catch ``ExportError`` before any export runs.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from planner.files import TargetError, write_atomically


class ExportError(Exception):
    """The PDF could not be written; ``str()`` is a short message saying what to do."""


def write_pdf(data: bytes, out: Path) -> None:
    """Writes ``data`` to ``out`` atomically, owner-only (0600) on POSIX.

    Raises:
        ExportError: the target is a folder, is not writable, is open in another
            program, or the disk is full. The previous file, if any, is left intact.
    """
    out = Path(out)
    if out.is_dir():
        raise ExportError(f"{out} is a folder. Choose a file name ending in .pdf.")
    folder = out.parent
    try:
        write_atomically(out, data)
    except TargetError as exc:
        raise ExportError(str(exc)) from None
    except OSError as exc:
        # Only a failure to create the temp file names the folder: anything later
        # happened while writing or replacing the file.
        replacing = exc.filename != str(folder)
        raise ExportError(_describe(exc, out, replacing=replacing)) from exc


def _describe(exc: OSError, out: Path, *, replacing: bool) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (
            "The disk is full, so the PDF was not saved. Free some space or choose "
            "another drive, then export again."
        )
    if isinstance(exc, IsADirectoryError):
        return f"{out} is a folder. Choose a file name ending in .pdf."
    if isinstance(exc, PermissionError):
        if replacing and sys.platform == "win32":
            # Windows refuses to replace a file another program holds open.
            return (
                f"{out.name} is open in another program (perhaps a PDF reader). "
                "Close it and export again, or save under a different name."
            )
        return (
            f"You do not have permission to save in {out.parent}. Choose another folder, "
            "such as Documents."
        )
    return f"The PDF could not be saved to {out} ({exc.strerror or exc}). Try another folder."
