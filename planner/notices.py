"""The third-party parts Leadership Planner ships with and their licences, for
*Help › About* and ``THIRD_PARTY_NOTICES.md`` (a test keeps the two in step)."""

from __future__ import annotations

from typing import NamedTuple


class Component(NamedTuple):
    name: str
    licence: str
    role: str


COMPONENTS: tuple[Component, ...] = (
    Component("Qt 6 and PySide6 (with shiboken6)", "LGPL-3.0", "the windows, dialogs and widgets"),
    Component("Python", "PSF-2.0", "the language the app is written in"),
    Component("SQLite", "Public domain", "the plan file"),
    Component("sqlite-utils", "Apache-2.0", "writing and migrating the plan file"),
    Component("click", "BSD-3-Clause", "used by sqlite-utils"),
    Component("click-default-group", "BSD-3-Clause", "used by sqlite-utils"),
    Component("sqlite-fts4", "Apache-2.0", "used by sqlite-utils"),
    Component("tabulate", "MIT", "used by sqlite-utils"),
    Component(
        "python-dateutil", "Apache-2.0 OR BSD-3-Clause", "used by sqlite-utils and icalendar"
    ),
    Component("six", "MIT", "used by python-dateutil before version 4"),
    Component("tzdata", "Apache-2.0", "used by icalendar, and by python-dateutil from version 4"),
    Component("pluggy", "MIT", "used by sqlite-utils"),
    Component("ReportLab (with rl_accel)", "BSD-3-Clause", "the PDF development plan"),
    Component("Pillow", "MIT-CMU", "used by ReportLab"),
    Component("charset-normalizer", "MIT", "used by ReportLab from version 4.4"),
    Component("chardet", "LGPL-2.1", "used by ReportLab before version 4.4"),
    Component("pypdf", "BSD-3-Clause", "the plan carried inside the PDF, and reading it back"),
    Component("platformdirs", "MIT", "finding the local application data folder"),
    Component("icalendar", "BSD-2-Clause", "the calendar (.ics) export"),
    Component(
        "typing-extensions", "PSF-2.0", "used by icalendar from version 7.1, before Python 3.13"
    ),
    Component("DejaVu Sans fonts", "Bitstream Vera and public domain", "the text of the PDF"),
)
