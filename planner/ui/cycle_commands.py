"""Closing a plan cycle and starting the next, as one undoable step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from planner.domain.cycles import RollOver
from planner.ui.document import (
    ASSESSMENTS,
    CYCLES,
    GOALS,
    PROFILE,
    PROGRESS,
    TARGETS,
    PlanDocument,
    StoreCommand,
)


class StartCycle(StoreCommand):
    """Closes the current cycle as ``roll`` decides. A backup of the plan is taken
    first, the first time only: undo takes the step back without one."""

    # The new cycle's targets replace the old ones: pages showing targets reload.
    topics = (GOALS, PROGRESS, PROFILE, CYCLES, ASSESSMENTS, TARGETS)

    def __init__(self, doc: PlanDocument, roll: RollOver, today: dt.date | None = None):
        super().__init__(doc, QCoreApplication.translate("commands", "Start a new cycle"))
        self.roll = roll
        self.today = today or dt.date.today()
        profile = doc.store.profile()
        self.old_period = (profile.period_start, profile.period_end) if profile else (None, None)
        self.cycle_id: int | None = None
        self._backed_up = False

    def apply(self) -> None:
        if not self._backed_up:
            from planner.store.backup import backup_before

            backup_before(self.doc.store, "new-cycle")
            self._backed_up = True
        self.cycle_id = self.doc.store.roll_over(self.roll, self.today).id

    def revert(self) -> None:
        self.doc.store.undo_roll_over(self.cycle_id, self.old_period)
