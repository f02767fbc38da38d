"""Date fields that may be left empty ("No date"), as target and due dates often are."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

DISPLAY_FORMAT = "d MMM yyyy"


def date_edit(day: dt.date | None = None, parent: QWidget | None = None) -> QDateEdit:
    """A QDateEdit with a calendar popup showing dates as clinicians write them."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setDate(QDate(day or dt.date.today()))
    return edit


class OptionalDateEdit(QWidget):
    """A date with a tick box to switch it on; off means "no date"."""

    def __init__(self, label: str, day: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Set"), self)
        self.check.setAccessibleName(self.tr("Set %s") % label.lower())
        self.edit = date_edit(day, self)
        self.edit.setAccessibleName(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.set_date(day)
        self.setFocusProxy(self.check)

    def set_date(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day))

    def date(self) -> dt.date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None
