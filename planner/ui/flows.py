"""What the window's actions do: open a dialog, then execute one undoable command.

Kept apart from the window's layout code; every function takes the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from planner.domain.models import Goal
from planner.ui import commands
from planner.ui.dialogs.goal_dialog import GoalDialog
from planner.ui.dialogs.progress_dialog import ProgressDialog
from planner.ui.dialogs.questions import confirm
from planner.ui.editing import edit_until_saved
from planner.ui.goal_status import (
    ACHIEVED,
    SetGoalStatus,
    Together,
    ask_to_mark_achieved,
    completion_entry,
)

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def new_goal(window: MainWindow, skill: str | None = None, draft: Goal | None = None) -> None:
    """The goal editor for a new goal of ``skill`` (or the skill page shown), filled
    from ``draft`` when given (an example, a nudge's mark)."""
    if skill is None:
        page = window.current_skill_page()
        skill = page.skill.id if page else None

    def make_dialog(previous):
        start = previous.goal() if previous else draft
        return GoalDialog(window.doc, start, skill=skill, parent=window)

    def make_command(dialog):
        goal = dialog.goal()
        if dialog.records_completion:
            goal.progress.append(completion_entry())
        return commands.AddGoal(window.doc, goal)

    saved = edit_until_saved(window.doc, make_dialog, make_command)
    if saved is not None:
        window.show_goal(saved.goal.id)


def goal_from_example(window: MainWindow, skill_id: str) -> None:
    """*Start from an example…*: choose one of the framework's example goals for the
    skill, then the goal editor opens filled from it."""
    from planner.ui.dialogs.example_goal_dialog import ExampleGoalDialog

    skill = window.doc.framework.skill(skill_id)
    if skill is None:
        return
    chooser = ExampleGoalDialog(skill, window)
    try:
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        draft = chooser.goal()
    finally:
        chooser.deleteLater()
    new_goal(window, skill_id, draft)


def goal_with_mark(window: MainWindow, mark: str) -> None:
    """A nudge's *New goal…*: the goal editor with the cycle's missing mark ticked."""
    draft = Goal(
        skill="",
        title="",
        inclusion_objective=mark == "inclusion_objective",
        wellbeing_goal=mark == "wellbeing_goal",
    )
    new_goal(window, None, draft)


def edit_goal(window: MainWindow, goal_id: int) -> None:
    old = window.store.goal(goal_id, with_progress=False)
    if old is None:
        return

    def make_dialog(previous):
        return GoalDialog(window.doc, previous.goal() if previous else old, parent=window)

    def make_command(dialog):
        edit = commands.EditGoal(window.doc, old, dialog.goal())
        if not dialog.records_completion:
            return edit
        done = commands.LogProgress(window.doc, goal_id, completion_entry())
        return Together(window.doc, edit.text(), [edit, done])

    if edit_until_saved(window.doc, make_dialog, make_command):
        window.show_goal(goal_id)


def delete_goal(window: MainWindow, goal_id: int) -> None:
    summary = window.store.goal_summary(goal_id)
    if summary is None:
        return
    count = window.store.progress_count(goal_id)
    entries = (
        window.tr("1 progress entry") if count == 1 else window.tr("%d progress entries") % count
    )
    text = window.tr(
        "Delete the goal “%s” with its actions and %s?\n\nYou can undo this with Edit › Undo."
    ) % (summary.title, entries)
    if confirm(window, window.tr("Delete goal"), text):
        window.doc.execute(commands.DeleteGoal(window.doc, goal_id, summary.title))


def log_progress(window: MainWindow, goal_id: int | None = None) -> None:
    if goal_id is None:
        page = window.current_skill_page()
        goal_id = page.current_goal_id() if page else None
    dialog = ProgressDialog(window.doc, goal_id, parent=window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.goal_id() is None:
        return
    target, entry = dialog.goal_id(), dialog.entry()
    command = commands.LogProgress(window.doc, target, entry)
    summary = window.store.goal_summary(target)
    offer = entry.percent == 100 and summary is not None and summary.status != ACHIEVED
    if offer and ask_to_mark_achieved(window, summary.title):
        achieved = SetGoalStatus(window.doc, target, ACHIEVED)
        command = Together(window.doc, command.text(), [command, achieved])
    if window.doc.execute(command):
        window.statusBar().showMessage(window.tr("Progress saved."), 4000)


def delete_progress(window: MainWindow, goal_id: int, entry) -> None:
    from planner.ui.models.goals_model import format_date

    text = window.tr("Delete the progress entry of %s (%d%%)?\n\nYou can undo this.") % (
        format_date(entry.date),
        entry.percent,
    )
    if confirm(window, window.tr("Delete progress entry"), text):
        window.doc.execute(commands.DeleteProgress(window.doc, goal_id, entry))


def toggle_action(window: MainWindow, action_id: int, text: str, done: bool) -> None:
    window.doc.execute(commands.SetActionDone(window.doc, action_id, text, done))


def new_reflection(window: MainWindow) -> None:
    from planner.ui.dialogs.reflection_dialog import ReflectionDialog

    page = window.current_skill_page()
    skill = page.skill.id if page else None
    goal_id = page.current_goal_id() if page else None
    goal_uid = window.store.goal_summary(goal_id).uid if goal_id else None

    def make_dialog(previous):
        if previous is not None:
            return ReflectionDialog(window.doc, previous.reflection(), parent=window)
        return ReflectionDialog(window.doc, skill=skill, goal_uid=goal_uid, parent=window)

    if edit_until_saved(
        window.doc, make_dialog, lambda d: commands.SaveReflection(window.doc, d.reflection())
    ):
        window.show_page("reflections")


def new_review(window: MainWindow) -> None:
    from planner.ui.dialogs.review_dialog import ReviewDialog

    def make_dialog(previous):
        draft = previous.review() if previous else None
        return ReviewDialog(window.doc, draft, parent=window)

    if edit_until_saved(
        window.doc, make_dialog, lambda d: commands.SaveReview(window.doc, d.review())
    ):
        window.show_page("reviews")


def self_assessment(window: MainWindow) -> None:
    from planner.ui.dialogs.assessment_dialog import AssessmentDialog

    # A refused save (e.g. disk full) shows the same dialog again, still filled in.
    if edit_until_saved(
        window.doc,
        lambda previous: previous or AssessmentDialog(window.doc, parent=window),
        lambda dialog: commands.SaveAssessmentRound(window.doc, *dialog.round()),
    ):
        window.statusBar().showMessage(window.tr("Self-assessment saved."), 4000)


def set_targets(window: MainWindow, skill: str | None = None) -> None:
    """The targets dialog, opened on the skill page's own skill when there is one."""
    from planner.ui.dialogs.targets_dialog import edit_targets

    if skill is None:
        page = window.current_skill_page()
        skill = page.skill.id if page else None
    if edit_targets(window.doc, window, skill):
        window.statusBar().showMessage(window.tr("Targets saved."), 4000)


def export_pdf(window: MainWindow, cycle: int | None = None) -> None:
    from planner.ui.dialogs.export_dialog import run_pdf_export

    if window.export_pdf_action.isEnabled():  # not while another export runs
        run_pdf_export(window, cycle=cycle)


def export_plan_file(window: MainWindow) -> None:
    from planner.ui.plan_files import export_plan_file as run

    run(window)


def export_calendar(window: MainWindow) -> None:
    from planner.ui.plan_files import export_calendar as run

    run(window)


def export_revalidation(window: MainWindow) -> None:
    from planner.ui.revalidation_files import export_revalidation as run

    run(window)


def export_pdp_csv(window: MainWindow) -> None:
    from planner.ui.revalidation_files import export_pdp_csv as run

    run(window)


def import_plan_file(window: MainWindow) -> None:
    from planner.ui.plan_files import import_plan_file as run

    run(window)


def open_sample(window: MainWindow) -> None:
    from planner.ui.plan_files import open_sample_plan

    open_sample_plan(window)


def about(window: MainWindow) -> None:
    from planner.ui.dialogs.about_dialog import AboutDialog

    AboutDialog(window.store.path, window).exec()


def where_is_my_data(window: MainWindow) -> None:
    from planner.ui.dialogs.questions import tell

    path = window.store.path
    tell(
        window,
        window.tr("Where is my data?"),
        window.tr(
            "Your plan is saved as you work, in one file on this PC:\n%s\n\nBackups are kept in "
            "the “backups” folder beside it. To move to another PC, use File › Export plan "
            "file… and import it there."
        )
        % (path or window.tr("(in memory)")),
        QMessageBox.Icon.Information,
    )


def nudge_kinds(window: MainWindow) -> None:
    """Lets the person turn kinds of nudge off or on; the overview follows at once."""
    from planner.ui.dialogs.nudges_dialog import NudgesDialog
    from planner.ui.nudge_settings import load_choices, save_choices

    choices = load_choices(window.store.path)
    dialog = NudgesDialog(choices.off, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    choices.off = dialog.kinds_off()
    save_choices(window.store.path, choices)
    overview = window.pages.get("overview")
    if overview is not None:
        overview.reload_nudges()


def find_in_plan(window: MainWindow) -> None:
    from planner.ui.dialogs.find_dialog import FindDialog

    dialog = window.findChild(FindDialog)
    if dialog is not None and dialog.doc is not window.doc:  # another plan is shown now
        dialog.deleteLater()
        dialog = None
    if dialog is None:
        dialog = FindDialog(window.doc, window)
        dialog.hit_chosen.connect(lambda hit: open_search_hit(window, hit))
    dialog.start()


def open_search_hit(window: MainWindow, hit) -> None:
    """Shows the goal, reflection or review a search result belongs to, selected."""
    from planner.store.search import GOAL, REFLECTION

    if hit.opens == GOAL:
        window.show_goal(hit.opens_id)
        page = window.current_skill_page()
    else:
        key = "reflections" if hit.opens == REFLECTION else "reviews"
        page = window.show_record(key, hit.opens_id)
    if page is not None:
        page.table.setFocus()


def start_new_cycle(window: MainWindow) -> None:
    from planner.ui.cycle_commands import StartCycle
    from planner.ui.dialogs.new_cycle_dialog import NewCycleDialog

    saved = edit_until_saved(
        window.doc,
        lambda previous: previous or NewCycleDialog(window.doc, parent=window),
        lambda dialog: StartCycle(window.doc, dialog.roll_over()),
    )
    if saved is None:
        return
    window.show_page("cycles")
    window.statusBar().showMessage(window.tr("A new cycle has started."), 6000)
    question = window.tr(
        "Your new cycle has started. Rate yourself now, so that you can see how far you "
        "come in this cycle?"
    )
    title = window.tr("Rate yourself for the new cycle")
    if confirm(window, title, question, window.tr("&Rate myself now"), window.tr("&Later")):
        self_assessment(window)
