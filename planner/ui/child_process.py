"""Runs the app's own command-line verbs in a process of their own, for the window's
whole-plan work: the PDF, plan files and the privacy check.

A 10,000-goal plan is about a million Python objects. Built inside the app, the work
competes with the window for the interpreter, and collecting those objects pauses every
thread; in a child process at a lower priority neither can hold up the window.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path

from planner.domain.export_privacy import EntryKey, FlaggedEntry, entry_from_dict

_PAGES = re.compile(r"Exported the development plan for .* \((\d+) pages?\) to ")
_CALENDAR = re.compile(r"Exported (.*) to ")
_RECORD_PAGES = re.compile(r"Exported the .* record for .* \((\d+) pages?\) to ")
_ERROR = "leadership-planner: error: "

# The child runs below the window's priority: on a busy two-core PC the window still
# answers first, and the work only takes a little longer.
_NICER = 5
_RUN_NICER = (
    f"import os; os.nice({_NICER}); from planner.app import main; raise SystemExit(main())"
)


class VerbError(Exception):
    """The verb failed; the message is its own, for the user."""


def _command() -> list[str]:
    # A frozen app is its own executable; otherwise Python runs the package.
    if getattr(sys, "frozen", False):
        return [sys.executable]
    if hasattr(os, "nice"):
        return [sys.executable, "-c", _RUN_NICER]
    return [sys.executable, "-m", "planner"]


def run_verb(*args: str) -> str:
    """Runs ``leadership-planner ARGS`` and waits for it (call it on a worker thread);
    returns what it printed.

    Raises:
        VerbError: the verb failed; its message says why.
    """
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(
        subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0
    )
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [*_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
        creationflags=flags,
        env=env,
    )
    if done.returncode == 0:
        return done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith(_ERROR)]
    raise VerbError(
        errors[-1][len(_ERROR) :] if errors else done.stderr.strip()[-500:] or "it stopped early"
    )


def export_pdf(
    db: Path,
    out: Path,
    *,
    include_private: bool,
    skills: Collection[str],
    leave_out: Collection[EntryKey],
    cycle: int | None = None,
) -> int | None:
    """``export-pdf`` on the plan at ``db`` (closed cycle ``cycle``, numbered from the
    oldest, or the current one); returns the page count when it says it."""
    args = ["export-pdf", "--db", str(db), "--out", str(out)]
    if cycle is not None:
        args += ["--cycle", str(cycle)]
    if include_private:
        args.append("--include-private")
    args += ["--skill", *sorted(skills)]  # none at all: reflections and reviews only
    for key in sorted(leave_out):
        args += ["--leave-out", f"{key.kind}:{key.id}"]
    found = _PAGES.search(run_verb(*args))
    return int(found.group(1)) if found else None


def export_plan_file(db: Path, out: Path) -> None:
    """``export-json``: the whole plan to a plan file, written safely."""
    run_verb("export-json", "--db", str(db), "--out", str(out))


def export_calendar(db: Path, out: Path) -> str:
    """``export-calendar``: the plan's dates to an .ics file; returns what it holds in
    words ("3 goal target dates, ...")."""
    found = _CALENDAR.search(run_verb("export-calendar", "--db", str(db), "--out", str(out)))
    return found.group(1) if found else ""


def export_revalidation(db: Path, out: Path, body: str, *, include_private: bool) -> int | None:
    """``export-revalidation``: the NMC or appraisal record as a PDF; returns its page
    count when the verb says it."""
    args = ["export-revalidation", "--db", str(db), "--out", str(out), "--body", body]
    if include_private:
        args.append("--include-private")
    found = _RECORD_PAGES.search(run_verb(*args))
    return int(found.group(1)) if found else None


def export_pdp_csv(db: Path, out: Path) -> None:
    """``export-pdp-csv``: this cycle's development plan as a CSV file."""
    run_verb("export-pdp-csv", "--db", str(db), "--out", str(out))


def privacy_check(db: Path) -> tuple[list[FlaggedEntry], int]:
    """``privacy --json``: the entries that may identify someone, and how many
    reflections are private."""
    data = json.loads(run_verb("privacy", "--db", str(db), "--json"))
    return [entry_from_dict(entry) for entry in data["entries"]], data["private_reflections"]
