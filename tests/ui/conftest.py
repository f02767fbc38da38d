"""GUI test helpers: a real main window over a file database, and a way to answer
modal dialogs by filling their real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from planner.app import create_window


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
def confirm(monkeypatch):
    """Answers every confirmation question with Yes; returns the questions asked."""
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


__all__ = ["QDialog"]
