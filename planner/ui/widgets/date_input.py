"""The one date field of the app: typed as people write dates, confirmed in words.

A single line of text (one Tab stop, nothing that changes on arrow keys or the
wheel), a calendar opened by Alt+Down, F4 or its button, and a line beside it that
says which date was understood, or why the text is not a date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.dates import DateTextError, describe_date, parse_date, short_date

MAX_DATE_TEXT = 40


class CalendarPopup(QFrame):
    """A month calendar that closes on a choice or on Esc."""

    chosen = Signal(object)  # dt.date

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.calendar.activated.connect(self._choose)
        self.calendar.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)

    def _choose(self, day: QDate) -> None:
        self.close()
        self.chosen.emit(day.toPython())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateInput(QWidget):
    """A date typed as text; ``date()`` is what it understood.

    Args:
        name: the accessible name, e.g. "Target date".
        day: the date shown at first (None: empty).
        optional: whether empty text is allowed and means "no date".
        compact: puts the confirming line under the text, for table cells.
    """

    date_changed = Signal(object)  # dt.date | None, each time the reading changes

    def __init__(
        self,
        name: str,
        day: dt.date | None = None,
        *,
        optional: bool = False,
        compact: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.optional = optional
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(name)
        self.edit.setMaxLength(MAX_DATE_TEXT)
        # Short enough to show whole; "No date" beside it says what empty means.
        self.edit.setPlaceholderText(self.tr("e.g. 15/01/2027"))
        self.edit.setToolTip(
            self.tr("Type a date such as 15/01/2027, 15 Jan 2027 or today. Alt+Down: calendar.")
        )
        self.edit.installEventFilter(self)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(self.tr("Choose %s from a calendar") % name.lower())
        self.button.setToolTip(self.tr("Calendar (Alt+Down)"))
        # The text is the one Tab stop; the calendar opens from it by keyboard.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.meaning = QLabel(self)
        self.meaning.setTextFormat(Qt.TextFormat.PlainText)
        self.meaning.setAccessibleName(self.tr("%s understood as") % name)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(2)
        layout.addWidget(self.edit, 0, 0)
        layout.addWidget(self.button, 0, 1)
        if compact:
            layout.addWidget(self.meaning, 1, 0, 1, 2)
            self.setAutoFillBackground(True)
        else:
            layout.setHorizontalSpacing(6)
            layout.addWidget(self.meaning, 0, 2)
            layout.setColumnStretch(2, 1)
            sample = self.edit.fontMetrics().horizontalAdvance("00 Sept 0000 ")
            self.edit.setMinimumWidth(sample + 12)
        self.setFocusProxy(self.edit)
        self.popup: CalendarPopup | None = None
        self._date: dt.date | None = None
        self._problem = ""
        self.edit.textChanged.connect(self._read)
        self.edit.editingFinished.connect(self._tidy)
        self.set_date(day)

    # -- value -------------------------------------------------------------------

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(short_date(day))
        self._read()

    def date(self) -> dt.date | None:
        """The date understood (the last good one while the text is not a date)."""
        return self._date

    def text(self) -> str:
        return self.edit.text()

    def problem(self) -> str:
        """Why the text cannot be saved, or "" when it can."""
        return self._problem

    def _read(self) -> None:
        before = (self._date, self._problem)
        try:
            day = parse_date(self.edit.text())
        except DateTextError as exc:
            self._problem = str(exc)
        else:
            if day is None and not self.optional:
                self._problem = self.tr("Please enter a date, e.g. 15/01/2027 or today.")
            else:
                self._problem = ""
                self._date = day
        self._show_meaning()
        if (self._date, self._problem) != before:
            self.date_changed.emit(self._date)

    def _show_meaning(self) -> None:
        if self._problem:
            text = self._problem
        elif self._date is None:
            text = self.tr("No date")
        else:
            text = describe_date(self._date)
        self.meaning.setText(text)
        font = self.meaning.font()
        font.setBold(bool(self._problem))
        self.meaning.setFont(font)
        self.edit.setAccessibleDescription(text)

    def _tidy(self) -> None:
        # Once the person moves on, show the text in the app's own form, so what is
        # saved and what is shown agree; text that is not a date stays as typed.
        if not self._problem and self.edit.text() != short_date(self._date):
            self.edit.setText(short_date(self._date))

    # -- calendar ----------------------------------------------------------------

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.chosen.connect(self._chosen)
        start = self._date or dt.date.today()
        self.popup.calendar.setSelectedDate(QDate(start))
        self.popup.adjustSize()
        self.popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.popup.show()
        self.popup.calendar.setFocus()

    def _chosen(self, day: dt.date) -> None:
        self.edit.selectAll()
        self.edit.insert(short_date(day))  # undoable, unlike setText
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A dialog collected by Python is torn down child by child: its line edit can
        # still send events here after this object's Python side (``edit``) is gone.
        if watched is getattr(self, "edit", None) and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier
            ):
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

