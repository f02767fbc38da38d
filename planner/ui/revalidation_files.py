"""File menu flows for the revalidation exports: the NMC or appraisal record as a PDF
and the development plan as CSV, each written by its command in a process of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from planner.domain.revalidation import counted_period
from planner.ui import child_process
from planner.ui.dialogs.questions import ask
from planner.ui.plan_files import _export, _save_path

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

PDF_FILTER = "PDF (*.pdf);;All files (*)"
CSV_FILTER = "CSV for Excel or an appraisal toolkit (*.csv);;All files (*)"
CANCEL = "cancel"


def _choose_body(window: MainWindow) -> str:
    """The profile's regulator decides; for anyone else the user chooses, or cancels."""
    profile = window.doc.profile
    regulator = profile.regulator if profile else ""
    if regulator in ("nmc", "gmc"):
        return regulator
    return ask(
        window,
        window.tr("Export for revalidation"),
        window.tr("Which record do you want? Set your regulator in your profile to skip this."),
        [
            ("nmc", window.tr("&NMC revalidation"), QMessageBox.ButtonRole.AcceptRole),
            ("gmc", window.tr("&GMC appraisal"), QMessageBox.ButtonRole.AcceptRole),
            (CANCEL, window.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole),
        ],
        default="nmc",
        escape=CANCEL,
    )


def _include_private(window: MainWindow, body: str) -> bool | None:
    """Whether to print private reflections: asked only when there are some this record
    would print, leaving them out by default, as the development plan does. None: the
    user cancelled."""
    profile = window.doc.profile
    if profile is None:
        return False
    # Only those in the period the record counts: it prints no others.
    start, end = counted_period(profile, body, dt.date.today())
    private = sum(
        1
        for r in window.store.reflection_rows()
        if r.private and start <= r.date <= end and (body != "nmc" or r.model == "nmc")
    )
    if not private:
        return False
    answer = ask(
        window,
        window.tr("Private reflections"),
        window.tr(
            "1 reflection this record would print is marked private. Include it in this "
            "copy? Whoever you share the copy with will read it."
        )
        if private == 1
        else window.tr(
            "%d reflections this record would print are marked private. Include them in "
            "this copy? Whoever you share the copy with will read them."
        )
        % private,
        [
            ("out", window.tr("&Leave out"), QMessageBox.ButtonRole.AcceptRole),
            ("in", window.tr("&Include"), QMessageBox.ButtonRole.AcceptRole),
            (CANCEL, window.tr("&Cancel"), QMessageBox.ButtonRole.RejectRole),
        ],
        default="out",
        escape=CANCEL,
    )
    return None if answer == CANCEL else answer == "in"


def export_revalidation(window: MainWindow, path: str | None = None) -> None:
    """Saves the NMC revalidation record or the appraisal record as a PDF, chosen by
    the profile's regulator, by the ``export-revalidation`` command."""
    body = _choose_body(window)
    if body == CANCEL:
        return
    include_private = _include_private(window, body)
    if include_private is None:
        return
    if path is None:
        stem = "nmc-revalidation" if body == "nmc" else "appraisal-record"
        path = _save_path(
            window, window.tr("Export for revalidation"), stem, ".pdf", window.tr(PDF_FILTER)
        )
        if not path:
            return

    def run_verb(db: Path, out: Path) -> None:
        child_process.export_revalidation(db, out, body, include_private=include_private)

    def write_here(plan, out: Path) -> None:
        from planner.report.revalidation import export_revalidation as export

        export(plan, out, body, include_private=include_private)

    _save(
        window,
        Path(path),
        window.export_revalidation_action,
        "revalidation-export",
        (
            window.tr("Export for revalidation"),
            window.tr("Saving your record…"),
            window.tr("Record not saved"),
        ),
        (run_verb, write_here),
        window.tr("Record saved to %s"),
    )


def export_pdp_csv(window: MainWindow, path: str | None = None) -> None:
    """Saves this cycle's development plan as CSV, by the ``export-pdp-csv`` command."""
    if path is None:
        path = _save_path(
            window,
            window.tr("Export development plan as CSV"),
            "development-plan",
            ".csv",
            window.tr(CSV_FILTER),
        )
        if not path:
            return
    from planner.pdp_csv import write_pdp_csv

    _save(
        window,
        Path(path),
        window.export_pdp_csv_action,
        "pdp-csv-export",
        (
            window.tr("Export development plan as CSV"),
            window.tr("Saving your development plan…"),
            window.tr("Development plan not saved"),
        ),
        (child_process.export_pdp_csv, write_pdp_csv),
        window.tr("Development plan saved to %s"),
    )


def _save(window: MainWindow, path: Path, action, task: str, titles, writers, saved: str) -> None:
    """Writes ``path`` on a worker thread with the busy bar, by the command in a process
    of its own (``writers[0](db, path)``), or here for a plan held in memory, which has
    no file for a command (``writers[1](plan, path)``); says where in the status bar."""
    run_verb, write_here = writers
    in_memory = window.store.load_plan() if window.store.path is None else None

    def work(store) -> None:
        if in_memory is None:
            run_verb(store.path, path)
        else:
            write_here(in_memory, path)

    def done(_result) -> Path:
        window.statusBar().showMessage(saved % path, 8000)
        return path

    _export(window, action, task, titles, work, done)
