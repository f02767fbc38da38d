"""A whole plan made with the keyboard alone, from an empty file to a PDF; then the
database and the PDF are read back."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QPlainTextEdit,
    QTableView,
)

from planner.app import create_window
from planner.store import PlanStore
from planner.ui.dialogs import questions

pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
MOUSE_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


class MouseWatch(QObject):
    """Counts every mouse press, release, double click or wheel the app receives."""

    def __init__(self):
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() in MOUSE_EVENTS:
            self.seen += 1
        return False


def focus():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    # After a dialog closes, the window gets focus back once it is active again.
    qtbot.waitUntil(lambda: focus() is not None)
    qtbot.keyClick(focus(), key, modifier)


def type_text(qtbot, text):
    qtbot.waitUntil(lambda: focus() is not None)
    qtbot.keyClicks(focus(), text)


def back_to(window, qtbot):
    # The offscreen platform does not give the window back its activation when a
    # dialog closes, as a window manager does; its focus widget is kept meanwhile.
    window.activateWindow()
    qtbot.waitUntil(lambda: focus() is not None and window.isAncestorOf(focus()))


def _editing_a_cell():
    widget = focus()
    while widget is not None and not isinstance(widget, QTableView):
        widget = widget.parentWidget()
    return widget is not None and focus() is not widget


def _add_action(qtbot, text, due):
    press(qtbot, Qt.Key.Key_N, ALT)  # Add actio&n: the text cell opens for typing
    qtbot.waitUntil(_editing_a_cell)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focus(), QTableView))
    press(qtbot, Qt.Key.Key_Right)
    type_text(qtbot, due[0])  # the first key opens the due date's editor
    type_text(qtbot, due[1:])
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focus(), QTableView))


def test_a_whole_plan_by_keyboard_alone(qtbot, tmp_path, modal, monkeypatch):
    path = tmp_path / "plan.db"
    out = tmp_path / "plan.pdf"
    # The system's file picker and the "open it now?" offer stand in for the OS.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(questions, "confirm", lambda *a, **k: False)  # "Open it now?"
    watch = MouseWatch()
    QApplication.instance().installEventFilter(watch)
    win = create_window(path)
    qtbot.addWidget(win)
    try:
        win.show()
        win.activateWindow()
        qtbot.waitUntil(lambda: focus() is win.pages["welcome"].fields["name"])

        # Welcome: the name, then Enter starts the plan.
        type_text(qtbot, "Ngozi Okafor")
        press(qtbot, Qt.Key.Key_Return)
        assert win.store.has_plan()
        assert focus() is win.nav  # keys still go somewhere once the welcome page is gone

        # New goal with two dated actions, saved with Ctrl+Enter.
        def new_goal(dialog):
            type_text(qtbot, "Lead the safety huddle twice a week")
            _add_action(qtbot, "Book the huddle slot", "31 Dec 2026")
            _add_action(qtbot, "Ask the team for feedback", "15/01/2027")
            press(qtbot, Qt.Key.Key_Return, CTRL)

        modal(new_goal)
        press(qtbot, Qt.Key.Key_N, CTRL)
        back_to(win, qtbot)

        # Log progress on that goal: the percent is where typing goes.
        def progress(dialog):
            type_text(qtbot, "40")
            press(qtbot, Qt.Key.Key_N, ALT)  # &Note
            type_text(qtbot, "Two huddles led.")
            press(qtbot, Qt.Key.Key_Return, CTRL)

        modal(progress)
        press(qtbot, Qt.Key.Key_L, CTRL)
        back_to(win, qtbot)

        # A reflection: title, then Tab to its first section.
        def reflection(dialog):
            type_text(qtbot, "First huddle")
            for _ in range(5):
                press(qtbot, Qt.Key.Key_Tab)
            assert isinstance(focus(), QPlainTextEdit)
            type_text(qtbot, "I spoke too fast; the team waited for me.")
            press(qtbot, Qt.Key.Key_Return, CTRL)

        modal(reflection)
        press(qtbot, Qt.Key.Key_R, CTRL)
        back_to(win, qtbot)

        # A self-assessment: Tab to the first level, Down picks level 1.
        def assessment(dialog):
            for _ in range(6):
                if isinstance(focus(), QComboBox):
                    break
                press(qtbot, Qt.Key.Key_Tab)
            assert focus() is dialog.ratings[0].level_combo
            press(qtbot, Qt.Key.Key_Down)
            press(qtbot, Qt.Key.Key_Return, CTRL)

        modal(assessment)
        press(qtbot, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
        back_to(win, qtbot)

        # Export PDF: Enter accepts the options.
        modal(lambda dialog: press(qtbot, Qt.Key.Key_Return))
        press(qtbot, Qt.Key.Key_P, CTRL)
        qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=60000)
        qtbot.waitUntil(win.export_pdf_action.isEnabled, timeout=60000)
    finally:
        QApplication.instance().removeEventFilter(watch)
        win.store.close()

    assert watch.seen == 0

    store = PlanStore.open(path)
    try:
        (goal,) = store.all_goals()
        assert goal.title == "Lead the safety huddle twice a week"
        assert [(a.text, a.due) for a in goal.actions] == [
            ("Book the huddle slot", dt.date(2026, 12, 31)),
            ("Ask the team for feedback", dt.date(2027, 1, 15)),
        ]
        assert [(e.date, e.percent, e.note) for e in goal.progress] == [
            (dt.date.today(), 40, "Two huddles led.")
        ]
        (reflection,) = store.reflections()
        assert reflection.title == "First huddle"
        assert reflection.sections["what"] == "I spoke too fast; the team waited for me."
        (day,) = store.assessment_dates()
        assert day == dt.date.today()
        assert [r.level for r in store.assessment_round(day)] == [1]
    finally:
        store.close()

    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    for expected in (
        "Ngozi Okafor",
        "Lead the safety huddle twice a week",
        "Book the huddle slot",
        "31 Dec 2026",
        "15 Jan 2027",
        "Two huddles led.",
        "First huddle",
    ):
        assert expected in text, expected
