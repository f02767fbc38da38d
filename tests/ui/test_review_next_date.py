"""The next review date in the review editor and on the reviews page, typed as a
person types it; every test then reads the database itself."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.ui.models.goals_model import format_date
from planner.ui.models.reviews_model import COL_NEXT

pytestmark = pytest.mark.gui


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _save(qtbot):
    _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _uk(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _next_review_of(db_path, notes: str):
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT next_review FROM reviews WHERE notes = ?", [notes]).fetchall()
    conn.close()
    return rows


def _to_next_review(qtbot, dialog):
    # The editor opens in Notes; the next review follows the agreed actions.
    assert QApplication.focusWidget() is dialog.notes_edit
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.next_review_edit.edit


def test_a_new_review_keeps_the_next_review_date_typed_into_it(window, db_path, qtbot, modal):
    planned = dt.date.today() + dt.timedelta(days=45)

    def record(dialog):
        _type(qtbot, "Rota agreed with the matron.")
        _to_next_review(qtbot, dialog)
        _type(qtbot, _uk(planned))
        _save(qtbot)

    modal(record)
    window.new_review_action.trigger()

    assert _next_review_of(db_path, "Rota agreed with the matron.") == [(planned.isoformat(),)]
    assert window.current_page_key() == "reviews"  # the app shows the reviews after saving
    page = window.pages["reviews"]
    saved = next(r for r in window.store.reviews() if r.notes == "Rota agreed with the matron.")
    assert page.select_id(saved.id)
    shown = format_date(planned)  # e.g. 15 Jan 2027
    assert f"Next review planned for {shown}" in page.preview.toPlainText()
    row = page.source.row_of(saved.id)
    assert page.source.index(row, COL_NEXT).data() == shown
    others = [page.source.index(r, COL_NEXT).data() for r in range(page.source.rowCount())]
    assert others.count("Not set") == 0  # the demo's review has its next date too


def test_a_next_review_before_the_review_is_refused_with_a_message(window, db_path, qtbot, modal):
    today = dt.date.today()
    seen = {}

    def record(dialog):
        _type(qtbot, "Audit plan discussed.")
        _to_next_review(qtbot, dialog)
        _type(qtbot, _uk(today - dt.timedelta(days=3)))
        _save(qtbot)
        seen["visible"] = dialog.isVisible()
        seen["message"] = dialog.error_label.text()
        seen["focus"] = QApplication.focusWidget() is dialog.next_review_edit.edit
        # Cleared: no date agreed, which is allowed.
        _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _press(qtbot, Qt.Key.Key_Delete)
        _save(qtbot)

    modal(record)
    window.new_review_action.trigger()

    assert seen["visible"] and seen["focus"]
    assert seen["message"] == (
        f"The next review cannot be before this review ({format_date(today)})."
    )
    assert _next_review_of(db_path, "Audit plan discussed.") == [(None,)]


def test_changing_only_the_next_review_asks_before_closing_and_saves_on_ctrl_enter(
    window, db_path, qtbot, modal, questions
):
    review = window.store.reviews()[-1]
    planned = review.date + dt.timedelta(days=100)
    window.show_page("reviews")
    page = window.pages["reviews"]
    assert page.select_id(review.id)

    def edit(dialog):
        _to_next_review(qtbot, dialog)
        _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        _type(qtbot, _uk(planned))
        questions.answer("keep")
        _press(qtbot, Qt.Key.Key_Escape)
        assert dialog.isVisible()
        _save(qtbot)

    modal(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)

    assert questions.asked == ["You have changed things here. Save them before closing?"]
    assert _next_review_of(db_path, review.notes) == [(planned.isoformat(),)]
    window.undo_action.trigger()
    assert _next_review_of(db_path, review.notes) == [(review.next_review.isoformat(),)]
