"""Export PDF: check the plan, choose what to include, pick a file, build it off the
GUI thread. Entries that may identify someone are listed to fix or leave out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner.domain.export_privacy import EntryKey, FlaggedEntry
from planner.ui import child_process
from planner.ui.dialogs import questions
from planner.ui.widgets.flagged_entries import FlaggedEntriesList
from planner.ui.widgets.screen_fit import resize_within_screen
from planner.ui.workers import busy_dialog, run_task, show_failure

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


class ExportOptionsDialog(QDialog):
    """What goes into the PDF: skills, private reflections, and entries that may
    identify someone (each to fix first or to leave out)."""

    def __init__(
        self,
        skills: list[tuple[str, str]],
        private_count: int,
        parent: QWidget | None = None,
        flagged: list[FlaggedEntry] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        self.fix_entry: FlaggedEntry | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your development plan as a PDF to share with your manager. The PDF also "
                "carries what it shows as a plan file (plan.json), which Leadership Planner "
                "can import."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        group = QGroupBox(self.tr("Skills to include"))
        group_layout = QVBoxLayout(group)
        self.skill_boxes: dict[str, QCheckBox] = {}
        for skill_id, name in skills:
            box = QCheckBox(name)
            box.setChecked(True)
            box.setAccessibleName(name)
            box.toggled.connect(self._options_changed)
            self.skill_boxes[skill_id] = box
            group_layout.addWidget(box)
        layout.addWidget(group)
        self.private_box = QCheckBox(self.tr("Include my private reflections (%d)") % private_count)
        self.private_box.setAccessibleName(self.tr("Include private reflections"))
        self.private_box.setEnabled(private_count > 0)
        self.private_box.toggled.connect(self._options_changed)
        layout.addWidget(self.private_box)
        note = QLabel(
            self.tr(
                "Private reflections are left out unless you tick this. Check that nothing in "
                "the plan identifies a patient or colleague."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        privacy = QGroupBox(self.tr("Patient and colleague details"))
        privacy_layout = QVBoxLayout(privacy)
        self.flagged = FlaggedEntriesList(flagged or [], privacy)
        self.flagged.fix_requested.connect(self._fix)
        privacy_layout.addWidget(self.flagged)
        layout.addWidget(privacy, 1)
        if self.flagged.entries_shown():
            # Room for the titles of the entries listed, within the screen.
            wide = self.fontMetrics().averageCharWidth() * 110
            resize_within_screen(self, wide, self.sizeHint().height())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._options_changed()

    def skills(self) -> set[str]:
        return {sid for sid, box in self.skill_boxes.items() if box.isChecked()}

    def include_private(self) -> bool:
        return self.private_box.isChecked()

    def left_out(self) -> set[EntryKey]:
        """Entries the user chose to leave out of this PDF."""
        return self.flagged.left_out()

    def _options_changed(self) -> None:
        self.flagged.show_for(self.include_private(), self.skills())

    def _fix(self, entry: FlaggedEntry) -> None:
        # The editor opens once this dialog has closed, over the window.
        self.fix_entry = entry
        self.reject()


def open_entry(window: MainWindow, entry: FlaggedEntry) -> None:
    """Shows ``entry`` where it is kept, in its editor when it has one."""
    from planner.domain import export_privacy as kinds
    from planner.ui import flows

    if entry.kind == kinds.GOAL:
        window.show_goal(entry.id)
        flows.edit_goal(window, entry.id)
    elif entry.kind == kinds.PROGRESS and entry.goal_id is not None:
        # A progress entry has no editor of its own: its goal is shown with its history,
        # where the entry can be deleted and logged again.
        window.show_goal(entry.goal_id)
        page = window.current_skill_page()
        if page is not None:
            page.progress_view.setFocus()
    elif entry.kind == kinds.ASSESSMENT:
        window.show_page("assessments")
    else:
        key = "reflections" if entry.kind == kinds.REFLECTION else "reviews"
        page = window.show_record(key, entry.id)
        if page is not None:
            page.edit_selected()


def _suggested_path(window: MainWindow, cycle: int | None = None) -> str:
    profile = window.doc.profile
    name = (profile.name if profile else "plan").replace(" ", "-")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    which = f"cycle-{cycle}" if cycle is not None else str(dt.date.today())
    return str(Path(folder) / f"development-plan-{name}-{which}.pdf")


def run_pdf_export(
    window: MainWindow, out: Path | None = None, *, ask: bool = True, cycle: int | None = None
) -> None:
    """The whole Export PDF flow. ``out`` and ``ask=False`` skip the dialogs (tests);
    ``cycle`` prints closed cycle ``cycle`` (numbered from the oldest) instead of the
    current one.

    The plan is checked by the ``privacy`` command, the options are asked, then the PDF
    is built by the ``export-pdf`` command, each in a process of its own; the window
    answers throughout, with a busy bar over it.
    """
    from planner.domain.export_privacy import flagged_entries

    store = window.store
    framework = window.doc.framework
    window.export_pdf_action.setEnabled(False)
    window.last_export = None
    busy = busy_dialog(window, window.tr("Export PDF"), window.tr("Checking your plan…"))

    # A plan held in memory (tests, a throwaway store) has no file for the command: it
    # is small, and read here, on the thread its connection belongs to.
    in_memory = store.load_plan() if store.path is None else None

    def check() -> tuple[list[FlaggedEntry], int]:
        if in_memory is None:
            return child_process.privacy_check(store.path)
        private = sum(1 for r in in_memory.reflections if r.private)
        return flagged_entries(in_memory), private

    def checked(result: tuple[list[FlaggedEntry], int]) -> None:
        busy.close()
        flagged, private_count = result
        skills = {s.id for s in framework.skills}
        include_private, left_out = False, set()
        target = out
        if ask:
            options = ExportOptionsDialog(
                [(s.id, s.name) for s in framework.skills], private_count, window, flagged
            )
            accepted = options.exec() == QDialog.DialogCode.Accepted
            if options.fix_entry is not None:
                stop()
                window.statusBar().showMessage(
                    window.tr("Choose Export PDF again once the entry is fixed."), 15000
                )
                open_entry(window, options.fix_entry)
                return
            if not accepted:
                stop()
                return
            skills, include_private = options.skills(), options.include_private()
            left_out = options.left_out()
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                window,
                window.tr("Export PDF"),
                _suggested_path(window, cycle),
                window.tr("PDF document (*.pdf)"),
            )
            if not chosen:
                stop()
                return
            target = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        build(target, skills, include_private, left_out)

    def build(target: Path, skills, include_private, left_out) -> None:
        building = busy_dialog(window, window.tr("Export PDF"), window.tr("Preparing your PDF…"))
        options = {
            "include_private": include_private,
            "skills": skills,
            "leave_out": left_out,
            "cycle": cycle,
        }

        def work() -> int | None:
            if in_memory is None:
                return child_process.export_pdf(store.path, target, **options)
            from planner.report import export_pdf

            return export_pdf(in_memory, target, **options)

        def done(pages: int | None) -> None:
            building.close()
            stop((target, pages))
            window.statusBar().showMessage(window.tr("PDF saved to %s") % target, 8000)
            if ask:
                saved = (
                    window.tr("Your plan was saved as a %d-page PDF:") % pages
                    if pages
                    else window.tr("Your plan was saved as a PDF:")
                )
                if questions.confirm(
                    window,
                    window.tr("PDF saved"),
                    f"{saved}\n{target}\n\n" + window.tr("Open it now?"),
                    yes=window.tr("&Open it"),
                    no=window.tr("&Not now"),
                ):
                    QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        def build_failed(exc: BaseException) -> None:
            building.close()
            failed(exc)

        run_task(work, done, build_failed)

    def stop(result=None) -> None:
        window.export_pdf_action.setEnabled(window.has_plan())
        window.last_export = result
        window.task_finished.emit("pdf", result)

    def failed(exc: BaseException) -> None:
        from planner.report import ExportError

        stop(exc)
        show_failure(
            window, window.tr("PDF not saved"), exc, (ExportError, child_process.VerbError)
        )

    def check_failed(exc: BaseException) -> None:
        busy.close()
        failed(exc)

    run_task(check, checked, check_failed)
