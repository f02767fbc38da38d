"""The open plan as the GUI sees it: the store, the undo stack and change signals.

Pages never write to the store themselves; they build a command and ``execute`` it
here, so every edit is undoable, saved at once, and announced to every page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.domain.models import Framework, Plan, Profile
from planner.domain.validation import ValidationError
from planner.store import PlanStore, StoreError

# Topics a change can touch; pages listen for the ones they show.
GOALS, PROGRESS, REFLECTIONS, REVIEWS, ASSESSMENTS, PROFILE, CYCLES = (
    "goals",
    "progress",
    "reflections",
    "reviews",
    "assessments",
    "profile",
    "cycles",
)
# The current cycle's target levels.
TARGETS = "targets"
# The revalidation records (learning activities, feedback, reflective discussions).
LEARNING, FEEDBACK, DISCUSSIONS = ("learning", "feedback", "discussions")


class PlanDocument(QObject):
    """Owns the store for the window's lifetime."""

    changed = Signal(str)
    # Once per action, after ``changed`` for each of its topics: the topics and the
    # ids of the goals the action changed (None: any goal may have changed), both as
    # frozensets, for pages whose reload is costly (3,000 goals on a skill page).
    action_done = Signal(object, object)
    failed = Signal(str)

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._framework: Framework | None = None
        # A command the store refused while the stack was undoing or redoing it, and
        # the index the stack must go back to (QUndoStack moves on regardless).
        self._refused: tuple[StoreCommand, int, str] | None = None
        self.undo_stack.indexChanged.connect(self._put_back_refused)

    @property
    def framework(self) -> Framework:
        if self._framework is None:
            self._framework = self.store.framework()
        return self._framework

    @property
    def profile(self) -> Profile | None:
        return self.store.profile()

    def skill_name(self, skill_id: str | None) -> str:
        skill = self.framework.skill(skill_id) if skill_id else None
        return skill.name if skill else ""

    def execute(self, command: StoreCommand) -> bool:
        """Applies ``command`` now and puts it on the undo stack.

        Returns:
            False (and emits ``failed`` with the message) when the store refused it;
            nothing is pushed then, so the stack never holds an action that did not
            happen.
        """
        try:
            command.apply()
        except (StoreError, ValidationError) as exc:
            self.failed.emit(str(exc))
            return False
        command.applied_once = True
        self.undo_stack.push(command)
        self.notify(*command.topics, goals=command.goal_ids)
        return True

    def attempt(self, work: Callable[[], object]) -> bool:
        """Runs a write that is not undoable (starting or replacing the plan).

        Returns:
            False (and emits ``failed`` with a plain message) when it was refused by
            the store, a check or the file system; bugs still raise.
        """
        from planner.failures import user_message

        try:
            work()
        except Exception as exc:
            message = user_message(exc)
            if message is None:
                raise
            self.failed.emit(message)
            return False
        return True

    def start_plan(self, profile: Profile, framework: Framework) -> bool:
        """The first-run step; a refused profile (e.g. a name too long) is a message."""
        if not self.attempt(lambda: self.store.start_plan(profile, framework)):
            return False
        self.undo_stack.clear()
        self.notify(PROFILE)
        return True

    def replace_plan(self, plan: Plan, *, backup_reason: str | None = None) -> bool:
        """Swaps the whole plan (an import, the sample), after a backup of the plan
        being replaced when ``backup_reason`` is given; it cannot be undone."""

        def work() -> None:
            if backup_reason and self.store.has_plan():
                from planner.store.backup import backup_before

                backup_before(self.store, backup_reason)
            self.store.replace_plan(plan)

        if not self.attempt(work):
            return False
        self.undo_stack.clear()
        self.notify(PROFILE, GOALS, PROGRESS, REFLECTIONS, REVIEWS, ASSESSMENTS, TARGETS)
        self.notify(LEARNING, FEEDBACK, DISCUSSIONS)
        return True

    def undo(self) -> None:
        """Undoes the last action; a refusal leaves the stack and the plan as they were."""
        self.undo_stack.undo()

    def redo(self) -> None:
        """Redoes the next action; a refusal leaves the stack and the plan as they were."""
        self.undo_stack.redo()

    def refused(self, command: StoreCommand, undoing: bool, exc: Exception) -> None:
        """Called by a command whose undo or redo the store refused (locked, disk
        full, read-only): the stack is put back once it has moved, and the user told."""
        what = (
            QCoreApplication.translate("document", "Not undone, your plan is as it was: %s")
            if undoing
            else QCoreApplication.translate("document", "Not redone, your plan is as it was: %s")
        )
        self._refused = (command, self.undo_stack.index(), what % " ".join(str(exc).split()))

    def _put_back_refused(self, index: int) -> None:
        if self._refused is None:
            return
        command, before, message = self._refused
        self._refused = None
        if index != before:
            # Moving back makes the stack call the command's opposite step; it must
            # not run, since the refused step never happened.
            command.skip_next_step = True
            self.undo_stack.setIndex(before)
        self.failed.emit(message)

    def plan_replaced(self) -> None:
        """The whole plan was replaced behind the store (an import): forgets what was
        cached and what can be undone. The window rebuilds its pages after this, so no
        page is told to reload only to be thrown away."""
        self._framework = None
        self.undo_stack.clear()

    def notify(self, *topics: str, goals: tuple[int, ...] | None = None) -> None:
        if PROFILE in topics:
            self._framework = None
        for topic in topics:
            self.changed.emit(topic)
        self.action_done.emit(frozenset(topics), None if goals is None else frozenset(goals))


class StoreCommand(QUndoCommand):
    """One user action on the store, with what is needed to take it back.

    Subclasses implement ``apply`` and ``revert`` against ``self.doc.store``; they
    never touch widgets, so they can be tested with a bare QUndoStack.
    """

    topics: tuple[str, ...] = ()
    # The goals the command changes, when it knows them: lets a page update those
    # rows instead of reloading its whole list. None means any goal may change.
    goal_ids: tuple[int, ...] | None = None

    def __init__(self, doc: PlanDocument, text: str):
        super().__init__(text)
        self.doc = doc
        # Set when the stack is about to call redo() or undo() for a step that has
        # already happened (execute) or must not happen (a refused step put back).
        self.skip_next_step = False

    @property
    def applied_once(self) -> bool:
        return self.skip_next_step

    @applied_once.setter
    def applied_once(self, value: bool) -> None:
        self.skip_next_step = value

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        # QUndoStack.push() calls redo(); the first time, execute() has already
        # applied the change (so a refusal could be reported before pushing).
        self._run(self.apply, undoing=False)

    def undo(self) -> None:
        self._run(self.revert, undoing=True)

    def _run(self, step, *, undoing: bool) -> None:
        if self.skip_next_step:
            self.skip_next_step = False
            return
        try:
            step()
        except (StoreError, ValidationError) as exc:
            self.doc.refused(self, undoing, exc)
            return
        self.doc.notify(*self.topics, goals=self.goal_ids)
