"""The overview's "Nudges" box: one line per reminder with Open, Snooze and Dismiss."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from planner.domain.nudges import (
    NO_INCLUSION_OBJECTIVE,
    NO_REFLECTION,
    NO_WELLBEING_GOAL,
    OLD_ASSESSMENT,
    OVERDUE_GOAL,
    REVIEW_DUE,
    SNOOZE_DAYS,
    STALE_GOAL,
    Nudge,
)
from planner.ui.models.goals_model import format_date
from planner.ui.widgets.text import plain_label

# A plan kept for years may earn hundreds of nudges; a few at a time stay readable,
# and the next shows as one is dealt with.
MOST_SHOWN = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("NudgeBox", text)


def nudge_message(nudge: Nudge, today) -> str:
    """The nudge in a short plain sentence."""
    if nudge.kind == REVIEW_DUE:
        if nudge.date < today:
            return _tr("Your review with your manager was planned for %s.") % format_date(
                nudge.date
            )
        return _tr("Your next review with your manager is on %s.") % format_date(nudge.date)
    if nudge.kind == OVERDUE_GOAL:
        return _tr("\u201c%s\u201d was due on %s and is still open.") % (
            nudge.title,
            format_date(nudge.date),
        )
    if nudge.kind == STALE_GOAL:
        return _tr("Nothing logged on \u201c%s\u201d since %s.") % (
            nudge.title,
            format_date(nudge.date),
        )
    if nudge.kind == OLD_ASSESSMENT:
        if nudge.date is None:
            return _tr("You have not rated your skills yet.")
        return _tr("Your last self-assessment was on %s: time to rate your skills again?") % (
            format_date(nudge.date)
        )
    if nudge.kind == NO_REFLECTION:
        return _tr("No reflection written this month yet.")
    if nudge.kind == NO_INCLUSION_OBJECTIVE:
        return _tr(
            "No equality, diversity and inclusion objective in this cycle yet: appraisal "
            "guidance asks for one."
        )
    if nudge.kind == NO_WELLBEING_GOAL:
        return _tr(
            "No wellbeing goal in this cycle yet: appraisal encourages a talk about your "
            "own wellbeing."
        )
    return ""


class NudgeBox(QGroupBox):
    """Lists nudges; hidden when there are none. It only asks: the page acts."""

    open_requested = Signal(object)
    snooze_requested = Signal(object)
    dismiss_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Nudges"), parent)
        self.setAccessibleName(self.tr("Nudges"))
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self.rows: list[tuple[QLabel, QPushButton, QPushButton, QPushButton]] = []
        self.more = plain_label()
        self.setVisible(False)

    def show_nudges(self, nudges: list[Nudge], today) -> None:
        self._clear()
        for row, nudge in enumerate(nudges[:MOST_SHOWN]):
            message = nudge_message(nudge, today)
            label = plain_label(message)
            # A missing mark has nothing to open: its button starts a goal with it.
            opens_new = nudge.opens == "new_goal"
            open_button = QPushButton(self.tr("New goal…") if opens_new else self.tr("Open"))
            snooze = QPushButton(self.tr("Snooze"))
            dismiss = QPushButton(self.tr("Dismiss"))
            if opens_new:
                open_button.setToolTip(
                    self.tr("Set a new goal with this mark; or mark a goal you have already")
                )
            open_button.setAccessibleName(
                (self.tr("New goal: %s") if opens_new else self.tr("Open: %s")) % message
            )
            snooze.setAccessibleName(self.tr("Snooze for %d days: %s") % (SNOOZE_DAYS, message))
            snooze.setToolTip(self.tr("Hide this for %d days") % SNOOZE_DAYS)
            dismiss.setAccessibleName(self.tr("Dismiss: %s") % message)
            dismiss.setToolTip(self.tr("Hide this for good"))
            open_button.clicked.connect(lambda _=False, n=nudge: self.open_requested.emit(n))
            snooze.clicked.connect(lambda _=False, n=nudge: self.snooze_requested.emit(n))
            dismiss.clicked.connect(lambda _=False, n=nudge: self.dismiss_requested.emit(n))
            for col, widget in enumerate((label, open_button, snooze, dismiss)):
                self._grid.addWidget(widget, row, col)
                # Shown now, not at the next event loop turn, so the focus can land here.
                widget.show()
            self.rows.append((label, open_button, snooze, dismiss))
        hidden = len(nudges) - len(self.rows)
        self.more = plain_label(self.tr("And %d more.") % hidden if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        self._grid.addWidget(self.more, len(self.rows), 0, 1, 4)
        self.setVisible(bool(nudges))

    def _clear(self) -> None:
        for widget in [w for widgets in self.rows for w in widgets] + [self.more]:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.rows = []

    def focus_row(self, row: int, column: int) -> None:
        """Puts the focus on the same button of the row now at ``row`` (or the last
        row), so a keyboard user who dealt with one nudge carries on with the next."""
        if self.rows:
            self.rows[min(row, len(self.rows) - 1)][column].setFocus()

    def messages(self) -> list[str]:
        return [label.text() for label, *_ in self.rows]
