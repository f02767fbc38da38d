"""GUI test helpers: a real main window over a file database, and a way to answer
modal dialogs by filling their real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

import planner.ui.dialogs.questions
from planner.app import create_window


@pytest.fixture(autouse=True)
def _opens_on_the_overview():
    """Every test's window starts on the overview: Qt keeps one settings file for the
    whole run, and a window closed on another page by an earlier test is remembered.
    """
    from planner import APP_NAME
    from planner.ui.main_window import PAGE_SETTING

    settings = QSettings("LeadershipPlanner", APP_NAME)
    # Nudge kinds turned off by one test would hide them from the next.
    for key in (PAGE_SETTING, "nudges"):
        settings.remove(key)
    yield
    for key in (PAGE_SETTING, "nudges"):
        settings.remove(key)


@pytest.fixture
def window_over(qtbot):
    """``window_over(path)``: a shown main window over the plan at ``path``; its store is
    closed after the test."""
    opened = []

    def open_window(path, size=None):
        win = create_window(path)
        qtbot.addWidget(win)
        if size is not None:
            win.resize(*size)
        win.show()
        opened.append(win)
        return win

    yield open_window
    for win in opened:
        win.store.close()


@pytest.fixture
def window(window_over, db_path):
    """The main window over the demo plan (a file database)."""
    return window_over(db_path, (1280, 800))


@pytest.fixture
def answer_dialog(monkeypatch):
    """``answer_dialog(DialogClass, fill)``: the next exec() calls ``fill(dialog)`` on
    the real dialog, then presses its OK/Save button (so its own validation runs)."""

    def install(dialog_cls, fill, *, accept=True):
        def exec_(self):
            fill(self)
            if accept:
                self.accept()
            else:
                self.reject()
            return self.result()

        monkeypatch.setattr(dialog_cls, "exec", exec_)

    return install


@pytest.fixture
def modal(qtbot):
    """``modal(act)``: once the next modal dialog is open with its focus placed,
    runs ``act(dialog)`` inside its event loop; acts drive it by keyboard. A dialog
    still open after ``act`` is closed, so a failing test never hangs."""
    failures = []
    # A test that installs an act for a dialog which never comes must not leave it
    # polling: the next test's first dialog would be acted on by it.
    live = [True]

    def install(act):
        def poll():
            if not live[0]:
                return
            dialog = QApplication.activeModalWidget()
            focus = QApplication.focusWidget()
            if dialog is None or focus is None or not dialog.isAncestorOf(focus):
                QTimer.singleShot(10, poll)
                return
            try:
                act(dialog)
            except BaseException as exc:  # reported after the dialog is closed
                failures.append(exc)
            if dialog.isVisible() and QApplication.activeModalWidget() is dialog:
                dialog.done(0)

        QTimer.singleShot(0, poll)

    yield install
    live[0] = False
    if failures:
        raise failures[0]


class Questions:
    """The app's questions, answered in turn by key (``"yes"``, ``"discard"``...);
    with no answer left, the first button (Yes, Save...) is chosen."""

    def __init__(self):
        self.asked: list[str] = []
        self.answers: list[str] = []

    def answer(self, *keys: str) -> None:
        self.answers.extend(keys)

    def __call__(self, parent, title, text, choices, **kwargs):
        self.asked.append(text)
        keys = [key for key, _label, _role in choices]
        answer = self.answers.pop(0) if self.answers else keys[0]
        assert answer in keys, f"{answer!r} is not one of {keys} for {title!r}"
        return answer


@pytest.fixture
def questions(monkeypatch):
    """Scripted answers to every question the app asks (see ``Questions``)."""
    asked = Questions()
    monkeypatch.setattr(planner.ui.dialogs.questions, "ask", asked)
    return asked


@pytest.fixture
def confirm(questions):
    """Answers every confirmation question with Yes; returns the questions asked."""
    return questions.asked


@pytest.fixture
def save_as(monkeypatch):
    """Answers the save dialog with a file; records where it started and its filter."""
    asked = {}

    def answer(path):
        def get_save_file_name(parent, caption, start, filters):
            asked.update(caption=caption, start=start, filters=filters)
            return str(path), filters.split(";;")[0]

        monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
        return asked

    return answer


__all__ = ["QDialog"]
