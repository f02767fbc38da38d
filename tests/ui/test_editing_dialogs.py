"""Every editor behaves the same: typing goes where a person expects as it opens, Esc
asks before throwing work away, Ctrl+Enter saves, the wheel and stray keys change
nothing, and focus can be seen."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QSpinBox

from planner.ui.dialogs.assessment_dialog import AssessmentDialog
from planner.ui.dialogs.goal_dialog import GoalDialog
from planner.ui.dialogs.progress_dialog import ProgressDialog
from planner.ui.dialogs.reflection_dialog import ReflectionDialog
from planner.ui.dialogs.review_dialog import ReviewDialog
from planner.ui.document import PlanDocument
from planner.ui.launch import make_application

pytestmark = pytest.mark.gui


@pytest.fixture
def doc(store):
    make_application()  # the app's own style, with its focus ring
    return PlanDocument(store)


def opened(qtbot, dialog):
    """Shows ``dialog`` as the app does and returns the widget that has focus."""
    # Closed without its question at the end of the test, whatever was typed.
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is not None
        and dialog.isAncestorOf(QApplication.focusWidget())
    )
    return QApplication.focusWidget()


def _goal(doc, skill="situational-awareness"):
    summary = next(g for g in doc.store.goal_summaries() if g.skill == skill)
    return doc.store.goal(summary.id, with_progress=False)


EDITORS = {
    "new goal": lambda doc: GoalDialog(doc, skill="learn-to-follow"),
    "edit goal": lambda doc: GoalDialog(doc, doc.store.goal(doc.store.goal_summaries()[0].id)),
    "progress": lambda doc: ProgressDialog(doc, doc.store.goal_summaries()[0].id),
    "reflection": lambda doc: ReflectionDialog(doc),
    "assessment": lambda doc: AssessmentDialog(doc),
    "review": lambda doc: ReviewDialog(doc),
}


# -- where typing goes ------------------------------------------------------------


def test_typing_as_new_goal_opens_writes_the_title_and_leaves_the_skill(qtbot, doc):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "Develop my delegation")
    assert dialog.title_edit.text() == "Develop my delegation"
    assert dialog.skill_combo.currentData() == "learn-to-follow"


def test_typing_as_edit_goal_opens_never_moves_the_goal_to_another_skill(qtbot, doc):
    goal = next(
        doc.store.goal(g.id, with_progress=False)
        for g in doc.store.goal_summaries()
        if g.skill == "empower-and-resolve"
    )
    dialog = GoalDialog(doc, goal)
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, " (D and L)")
    qtbot.keyClick(focused, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    saved = dialog.goal()
    assert saved.skill == "empower-and-resolve"
    assert saved.title == goal.title + " (D and L)"


def test_typing_a_number_as_log_progress_opens_sets_the_percent(qtbot, doc):
    goal_id = doc.store.goal_summaries()[0].id
    dialog = ProgressDialog(doc, goal_id)
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "85")
    assert dialog.percent_spin.value() == 85
    assert dialog.goal_id() == goal_id


def test_log_progress_with_no_goal_chosen_still_never_takes_keys_into_the_goal(qtbot, doc):
    dialog = ProgressDialog(doc)
    goal_id = dialog.goal_id()
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "Delegate 40")
    assert dialog.goal_id() == goal_id
    assert focused is dialog.percent_spin


def test_typing_as_self_assessment_opens_changes_no_rating(qtbot, doc):
    dialog = AssessmentDialog(doc)
    levels = [r.level_combo.currentIndex() for r in dialog.ratings]
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "Nothing much")
    assert [r.level_combo.currentIndex() for r in dialog.ratings] == levels
    assert dialog.date_edit.problem()  # the stray text shows up where it went
    assert dialog.date_edit.text() != "" and not dialog.isHidden()


@pytest.mark.parametrize("name", ["reflection", "review"])
def test_journal_editors_open_in_their_first_text_field(qtbot, doc, name):
    dialog = EDITORS[name](doc)
    focused = opened(qtbot, dialog)
    assert focused is (dialog.title_edit if name == "reflection" else dialog.notes_edit)


# -- Esc, Cancel, the close button, Ctrl+Enter -------------------------------------


@pytest.mark.parametrize("name", list(EDITORS))
def test_esc_with_changes_asks_and_keep_editing_keeps_the_text(qtbot, doc, questions, name):
    dialog = EDITORS[name](doc)
    focused = opened(qtbot, dialog)
    if isinstance(focused, QSpinBox):
        qtbot.keyClicks(focused, "7")
    elif isinstance(focused, QLineEdit) and name == "assessment":
        qtbot.keyClicks(focused, "tomorrow")
    else:
        qtbot.keyClicks(focused, "Half a thought")
    typed = dialog.snapshot()
    questions.answer("keep")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.snapshot() == typed
    assert questions.asked == ["You have changed things here. Save them before closing?"]
    questions.answer("discard")
    dialog.close()  # the window's close button
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


@pytest.mark.parametrize("name", list(EDITORS))
def test_esc_on_an_untouched_editor_closes_without_asking(qtbot, doc, questions, name):
    dialog = EDITORS[name](doc)
    focused = opened(qtbot, dialog)
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert questions.asked == []


def test_save_in_the_close_question_saves(qtbot, doc, questions):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "Shadow the matron for a day")
    questions.answer("save")
    qtbot.keyClick(focused, Qt.Key.Key_Escape)
    assert dialog.result() == GoalDialog.DialogCode.Accepted
    assert dialog.goal().title == "Shadow the matron for a day"


def test_ctrl_enter_saves_from_a_multi_line_field(qtbot, doc):
    dialog = ReviewDialog(doc)
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "Agreed to lead the audit.")
    qtbot.keyClick(focused, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == ReviewDialog.DialogCode.Accepted
    assert dialog.review().notes == "Agreed to lead the audit."


# -- the wheel and focus -----------------------------------------------------------


def _wheel(widget, steps=-1):
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_combo_or_spin_box_changes_nothing(qtbot, doc):
    dialog = GoalDialog(doc, _goal(doc))
    opened(qtbot, dialog)
    for combo in (dialog.skill_combo, dialog.status_combo, dialog.priority_combo):
        before = combo.currentIndex()
        _wheel(combo)
        assert combo.currentIndex() == before
    progress = ProgressDialog(doc, doc.store.goal_summaries()[0].id)
    opened(qtbot, progress)
    progress.note_edit.setFocus()
    before = progress.percent_spin.value()
    _wheel(progress.percent_spin, 1)
    _wheel(progress.percent_slider, 1)
    assert progress.percent_spin.value() == before


def test_a_focused_combo_box_shows_a_focus_ring(qtbot, doc):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    opened(qtbot, dialog)
    combo: QComboBox = dialog.skill_combo
    plain = combo.grab().toImage()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    ringed = combo.grab().toImage()
    assert plain != ringed
    highlight = combo.palette().highlight().color()

    def near_highlight(image):
        size = range(image.width()), range(image.height())
        colours = (image.pixelColor(x, y) for x in size[0] for y in size[1])
        return sum(
            abs(c.red() - highlight.red()) + abs(c.green() - highlight.green())
            + abs(c.blue() - highlight.blue()) < 60
            for c in colours
        )

    # A ring all round: at least the combo's width in highlight-coloured pixels more.
    assert near_highlight(ringed) - near_highlight(plain) > combo.width()


# -- examples ----------------------------------------------------------------------


def _choose_example(qtbot, dialog, row=1):
    combo = dialog.example_combo
    combo.setFocus()
    for _ in range(row):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    combo.activated.emit(combo.currentIndex())  # what Enter in its list does
    return combo.itemData(row)


def test_an_example_fills_an_empty_title(qtbot, doc, questions):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    opened(qtbot, dialog)
    example = _choose_example(qtbot, dialog)
    assert dialog.title_edit.text() == example
    assert questions.asked == []


def test_an_example_asks_before_replacing_a_typed_title_and_ctrl_z_brings_it_back(
    qtbot, doc, questions
):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    focused = opened(qtbot, dialog)
    qtbot.keyClicks(focused, "My own words")
    questions.answer("no")
    _choose_example(qtbot, dialog)
    assert dialog.title_edit.text() == "My own words"
    assert "Replace the goal you typed" in questions.asked[0]
    questions.answer("yes")
    example = _choose_example(qtbot, dialog)
    assert dialog.title_edit.text() == example
    assert QApplication.focusWidget() is dialog.title_edit
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.title_edit.text() == "My own words"


# -- limits ------------------------------------------------------------------------


def test_a_pasted_long_title_is_kept_whole_counted_and_blocks_save(qtbot, doc):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    focused = opened(qtbot, dialog)
    QApplication.clipboard().setText("x" * 301)
    qtbot.keySequence(focused, "Ctrl+V")
    assert len(dialog.title_edit.text()) == 301
    assert "1 too many" in dialog.title_counter.text()
    qtbot.keyClick(focused, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert "longer than 300" in dialog.error_label.text()
    qtbot.keyClick(focused, Qt.Key.Key_Backspace)
    assert dialog.title_counter.text() == "300 / 300 characters"


def _focus():
    return QApplication.focusWidget()


def _paste(qtbot, text):
    QApplication.clipboard().setText(text)
    qtbot.keySequence(_focus(), "Ctrl+V")


def test_a_long_action_is_counted_as_typed_kept_whole_and_saved_only_once_short(
    window, qtbot, modal
):
    ctrl = Qt.KeyboardModifier.ControlModifier
    seen = {}

    def new_goal(dialog):
        qtbot.keyClicks(_focus(), "Lead the huddle")
        qtbot.keyClick(_focus(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Add actio&n
        qtbot.waitUntil(lambda: dialog.actions_view.isAncestorOf(_focus()))
        counter = dialog.action_counter
        _paste(qtbot, "a" * 2899)
        seen["quiet far from the limit"] = counter.isVisible()
        qtbot.keyClicks(_focus(), "b")  # typing nears the limit: the count shows
        seen["near"] = (counter.isVisible(), counter.text())
        _paste(qtbot, "c" * 101)
        seen["over"] = (len(_focus().text()), counter.text())
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, ctrl)
        seen["refused"] = (dialog.isVisible(), dialog.error_label.text())
        seen["focus"] = (_focus() is dialog.actions_view, dialog.actions_view.currentIndex().row())
        qtbot.keyClick(_focus(), Qt.Key.Key_F2)  # edit the action again
        qtbot.keyClick(_focus(), Qt.Key.Key_End)
        qtbot.keyClick(_focus(), Qt.Key.Key_Backspace)
        seen["fixed"] = counter.text()
        qtbot.keyClick(_focus(), Qt.Key.Key_Return)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, ctrl)

    before = {g.id for g in window.store.goal_summaries()}
    modal(new_goal)
    qtbot.keyClick(window, Qt.Key.Key_N, ctrl)
    assert seen["quiet far from the limit"] is False
    assert seen["near"] == (True, "2900 / 3000 characters")
    assert seen["over"] == (3001, "3001 / 3000 characters: 1 too many")  # nothing cut off
    assert seen["refused"] == (True, "Action 1 is longer than 3000 characters; please shorten it.")
    assert seen["focus"] == (True, 0)
    assert seen["fixed"] == "3000 / 3000 characters"
    (new_id,) = {g.id for g in window.store.goal_summaries()} - before
    (action,) = window.store.goal(new_id, with_progress=False).actions
    assert action.text == "a" * 2899 + "b" + "c" * 100


def test_the_deferred_reason_shows_its_count_in_the_dialog_and_a_long_paste_blocks_save(
    qtbot, doc
):
    dialog = GoalDialog(doc, skill="learn-to-follow")
    opened(qtbot, dialog)
    qtbot.keyClicks(_focus(), "Lead the huddle")
    dialog.status_combo.setFocus()
    qtbot.keyClicks(dialog.status_combo, "Def")
    counter = dialog.deferred_counter
    assert counter.isVisible() and counter.window() is dialog
    dialog.deferred_edit.setFocus()
    _paste(qtbot, "w" * 301)
    assert counter.text() == "301 / 300 characters: 1 too many"
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert "longer than 300" in dialog.error_label.text()
    assert len(dialog.deferred_edit.text()) == 301


def test_self_assessment_is_dated_today(qtbot, doc):
    dialog = AssessmentDialog(doc)
    opened(qtbot, dialog)
    assert dialog.date() == dt.date.today()
    assert dialog.date_edit.meaning.text().endswith(str(dt.date.today().year))


# -- privacy at save ----------------------------------------------------------------

NHS_NUMBER = "943 476 5919"


@pytest.mark.parametrize("name", ["new goal", "progress", "review", "reflection"])
def test_saving_text_with_an_nhs_number_asks_once_edit_or_save_anyway(
    qtbot, doc, questions, name
):
    dialog = EDITORS[name](doc)
    opened(qtbot, dialog)
    attribute = {"progress": "note_edit", "review": "notes_edit"}.get(name, "title_edit")
    field = getattr(dialog, attribute)
    field.setFocus()
    qtbot.keyClicks(field, f"Bed 4, NHS {NHS_NUMBER}")
    questions.answer("edit")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    assert len(questions.asked) == 1 and "NHS number" in questions.asked[0]
    assert NHS_NUMBER not in questions.asked[0]  # the warning never repeats the text
    questions.answer("save")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(questions.asked) == 2
