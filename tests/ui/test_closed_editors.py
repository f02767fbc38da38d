"""An editor closed after saving or cancelling is deleted with Qt, not left as a child
of the window for Python's collector: a dialog caught in a reference cycle was once
freed twice (by the collector, and by Qt with the window), crashing a later test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from planner.ui.dialogs.review_dialog import ReviewDialog

pytestmark = pytest.mark.gui


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_saved_and_a_cancelled_review_editor_leave_no_dialog_behind(window, qtbot, modal):
    def save(_dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "Rota agreed.")
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )

    modal(save)
    window.new_review_action.trigger()
    _deleted_later()
    assert window.findChildren(ReviewDialog) == []

    modal(lambda _dialog: qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape))
    window.new_review_action.trigger()
    _deleted_later()
    assert window.findChildren(ReviewDialog) == []
    assert any(r.notes == "Rota agreed." for r in window.store.reviews())
