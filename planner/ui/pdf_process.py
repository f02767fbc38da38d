"""Builds the PDF in a process of its own (the ``export-pdf`` command), so that laying
out a long plan never competes with the window for Python's interpreter."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

from planner.domain.export_privacy import EntryKey

_PAGES = re.compile(r"Exported a (\d+)-page")
_ERROR = "leadership-planner: error: "


class PdfProcessError(Exception):
    """The export command failed; the message is its own, for the user."""


# The export runs at a lower priority than the window, so that on a busy two-core PC
# the window still answers first; the export only takes a little longer.
_NICER = 5
_RUN_NICER = (
    f"import os; os.nice({_NICER}); from planner.app import main; raise SystemExit(main())"
)


def _command() -> list[str]:
    # An installed, frozen app is its own executable; otherwise Python runs the package.
    if getattr(sys, "frozen", False):
        return [sys.executable]
    if hasattr(os, "nice"):
        return [sys.executable, "-c", _RUN_NICER]
    return [sys.executable, "-m", "planner"]


def export_pdf_in_process(
    db: Path,
    out: Path,
    *,
    include_private: bool,
    skills: Collection[str] | None,
    leave_out: Collection[EntryKey],
) -> int | None:
    """Runs ``export-pdf`` on the plan at ``db`` and waits for it; returns the page count
    (None when the command did not say it). ``skills`` must not be empty (``None``: all).

    Raises:
        PdfProcessError: the command failed; its message says why.
    """
    argv = [*_command(), "export-pdf", "--db", str(db), "--out", str(out)]
    if include_private:
        argv.append("--include-private")
    if skills is not None:
        argv += ["--skill", *sorted(skills)]
    for key in sorted(leave_out):
        argv += ["--leave-out", f"{key.kind}:{key.id}"]
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(
        subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0
    )
    # The command prints names (Łukasz, Adébáyọ̀) to pipes that would otherwise take the
    # system's legacy encoding on Windows.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        check=False,
        creationflags=flags,
    )
    if done.returncode == 0:
        # A windowed build may give the command no output to read: the PDF is there all
        # the same, its page count unknown.
        found = _PAGES.search(done.stdout or "")
        return int(found.group(1)) if found else None
    errors = [line for line in (done.stderr or "").splitlines() if line.startswith(_ERROR)]
    raise PdfProcessError(
        errors[-1][len(_ERROR) :] if errors else (done.stderr or "").strip()[-500:]
        or "no PDF was made"
    )
