"""Reflections, reviews, self-assessment and profile pages, driven through their real
widgets; every test then checks what the database holds."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner.domain.models import Reflection
from planner.ui.commands import SaveReflection
from planner.ui.dialogs.assessment_dialog import AssessmentDialog
from planner.ui.dialogs.discussion_dialog import DiscussionDialog
from planner.ui.dialogs.feedback_dialog import FeedbackDialog
from planner.ui.dialogs.learning_dialog import LearningDialog
from planner.ui.dialogs.reflection_dialog import ReflectionDialog
from planner.ui.dialogs.review_dialog import ReviewDialog
from planner.ui.document import PlanDocument
from planner.ui.models.reflections_model import COL_TITLE, ReflectionTableModel
from planner.ui.pages.assessment_page import AssessmentPage
from planner.ui.pages.feedback_page import FeedbackPage
from planner.ui.pages.learning_page import LearningPage
from planner.ui.pages.profile_page import ProfilePage
from planner.ui.pages.reflections_page import ReflectionsPage
from planner.ui.pages.revalidation_page import RevalidationPage
from planner.ui.pages.reviews_page import ReviewsPage

pytestmark = pytest.mark.gui

VALID_NHS_NUMBER = "943 476 5919"


@pytest.fixture
def doc(store):
    return PlanDocument(store)


@pytest.fixture
def reflections_page(qtbot, doc):
    page = ReflectionsPage(doc)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def _select(page, title: str) -> Reflection:
    for reflection in page.doc.store.reflections():
        if reflection.title == title:
            assert page.select_id(reflection.id)
            return reflection
    raise AssertionError(title)


# -- reflections -----------------------------------------------------------------------


def test_writing_a_private_reflection_keeps_it_out_of_the_shareable_list(
    qtbot, doc, reflections_page, answer_dialog
):
    def fill(dialog: ReflectionDialog):
        qtbot.keyClicks(dialog.title_edit, "Night shift handover")
        dialog.date_edit.set_date(dt.date(2026, 6, 10))
        dialog.skill_combo.setCurrentIndex(dialog.skill_combo.findData("learn-to-follow"))
        qtbot.keyClicks(dialog.section_edits["what"], "I took handover from the day team.")
        qtbot.keyClicks(dialog.section_edits["now_what"], "Ask for questions first.")
        dialog.private_box.click()

    answer_dialog(ReflectionDialog, fill)
    qtbot.mouseClick(reflections_page.new_button, Qt.MouseButton.LeftButton)

    saved = [r for r in doc.store.reflections() if r.title == "Night shift handover"]
    assert len(saved) == 1
    reflection = saved[0]
    assert reflection.private is True
    assert reflection.date == dt.date(2026, 6, 10)
    assert reflection.skill == "learn-to-follow"
    assert reflection.model == "rolfe"
    assert reflection.sections["what"] == "I took handover from the day team."
    shareable = doc.store.reflections(include_private=False)
    assert reflection.id not in {r.id for r in shareable}
    # The page shows and selects it, and hides it when private ones are filtered out.
    assert reflections_page.selected().id == reflection.id
    assert "Ask for questions first." in reflections_page.preview.toPlainText()
    before = reflections_page.table.model().rowCount()
    reflections_page.show_private.click()
    assert reflections_page.table.model().rowCount() == before - len(
        [r for r in doc.store.reflections() if r.private]
    )
    shown = reflections_page.selected()
    assert shown is None or not shown.private
    assert "Ask for questions first." not in reflections_page.preview.toPlainText()


def test_identifier_warning_appears_for_an_nhs_number_and_save_asks_once(qtbot, doc, questions):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    warning = dialog.watch.warning
    assert not warning.isVisible()
    qtbot.keyClicks(dialog.title_edit, "Sepsis recognition")
    qtbot.keyClicks(dialog.section_edits["what"], f"Patient {VALID_NHS_NUMBER} deteriorated.")
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    assert "NHS number" in warning.label.text()
    # Save asks once: Edit keeps the dialog open, Save anyway saves.
    questions.answer("edit", "save")
    dialog.accept()
    assert dialog.isVisible() and len(questions.asked) == 1
    assert "NHS number" in questions.asked[0] and VALID_NHS_NUMBER not in questions.asked[0]
    dialog.accept()
    assert dialog.result() == ReflectionDialog.DialogCode.Accepted
    assert len(questions.asked) == 2


def test_no_identifier_warning_for_plain_text(qtbot, doc):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title_edit, "A calm night")
    qtbot.keyClicks(dialog.section_edits["what"], "Bay 3 was settled; 12 beds, 4 staff.")
    qtbot.wait(450)  # longer than the pause the check waits for
    assert not dialog.watch.warning.isVisible()
    assert dialog.watch.check_now() == ""
    dialog.done(0)  # closes without the discard question


def test_a_reflection_needs_a_title(qtbot, doc):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.section_edits["what"], "Something happened.")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.result() != ReflectionDialog.DialogCode.Accepted
    assert dialog.title_error.isVisible()
    assert "title" in dialog.title_error.text()
    dialog.done(0)  # closes without the discard question


def test_switching_model_asks_before_clearing_text(qtbot, doc, questions):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.section_edits["so_what"], "It mattered.")
    questions.answer("no", "yes")
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("gibbs"))
    assert dialog.model_id() == "rolfe"
    assert dialog.section_edits["so_what"].toPlainText() == "It mattered."
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("gibbs"))
    assert dialog.model_id() == "gibbs"
    assert list(dialog.section_edits) == [
        "description",
        "feelings",
        "evaluation",
        "analysis",
        "conclusion",
        "action_plan",
    ]
    assert dialog.section_edits["feelings"].placeholderText() == (
        "What were you thinking and feeling?"
    )


def test_editing_a_reflection_with_enter_then_undo_and_redo(
    qtbot, doc, reflections_page, answer_dialog
):
    original = _select(reflections_page, "The break-time disagreement")
    seen = []

    def fill(dialog: ReflectionDialog):
        seen.append(dialog.title_edit.text())
        dialog.title_edit.setText("The break-time agreement")
        dialog.section_edits["now_what"].setPlainText("Review the rota with both of them.")

    answer_dialog(ReflectionDialog, fill)
    reflections_page.table.setFocus()
    qtbot.keyClick(reflections_page.table, Qt.Key.Key_Return)

    assert seen == ["The break-time disagreement"]
    edited = doc.store.reflection(original.id)
    assert edited.title == "The break-time agreement"
    assert edited.sections["now_what"] == "Review the rota with both of them."
    assert edited.sections["what"] == original.sections["what"]
    doc.undo_stack.undo()
    assert doc.store.reflection(original.id) == original
    doc.undo_stack.redo()
    assert doc.store.reflection(original.id).title == "The break-time agreement"
    assert reflections_page.selected().id == original.id  # selection survives the reloads


def test_deleting_a_reflection_asks_first_and_can_be_undone(
    qtbot, doc, reflections_page, questions
):
    original = _select(reflections_page, "The break-time disagreement")
    questions.answer("no")
    qtbot.mouseClick(reflections_page.delete_button, Qt.MouseButton.LeftButton)
    assert doc.store.reflection(original.id) == original

    qtbot.mouseClick(reflections_page.delete_button, Qt.MouseButton.LeftButton)
    assert "The break-time disagreement" in questions.asked[1]
    assert doc.store.reflection(original.id) is None
    assert reflections_page.source.row_of(original.id) == -1
    doc.undo_stack.undo()
    assert doc.store.reflection(original.id) == original
    assert reflections_page.source.row_of(original.id) >= 0
    doc.undo_stack.redo()
    assert doc.store.reflection(original.id) is None


def test_confirmation_shows_user_text_literally(qtbot, doc, reflections_page):
    doc.execute(SaveReflection(doc, Reflection(dt.date(2026, 6, 1), "<b>Bold</b> & co")))
    _select(reflections_page, "<b>Bold</b> & co")
    boxes = []

    def answer_box():
        box = QApplication.activeModalWidget()
        boxes.append((box.textFormat(), box.text()))
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer_box)
    qtbot.mouseClick(reflections_page.delete_button, Qt.MouseButton.LeftButton)
    assert boxes and boxes[0][0] == Qt.TextFormat.PlainText
    assert "“<b>Bold</b> & co”" in boxes[0][1]
    assert doc.store.reflections()  # Esc answered No: nothing deleted


def test_search_narrows_the_reflections_table(qtbot, reflections_page):
    qtbot.keyClicks(reflections_page.search, "break-time")
    assert reflections_page.table.model().rowCount() == 1
    qtbot.keyClicks(reflections_page.search, "zebra")
    assert reflections_page.table.model().rowCount() == 0
    assert reflections_page.preview.toPlainText() == "Select an entry to read it here."


def test_search_reads_the_sections_and_the_preview_names_the_linked_goal(
    qtbot, doc, reflections_page
):
    goal = doc.store.goal_summaries()[0]
    doc.execute(
        SaveReflection(
            doc,
            Reflection(
                dt.date(2026, 6, 2),
                "Bed meeting",
                sections={"what": "The flow coordinator asked for two beds."},
                goal=goal.uid,
            ),
        )
    )
    qtbot.keyClicks(reflections_page.search, "COORDINATOR beds")
    table = reflections_page.table
    assert table.model().rowCount() == 1
    table.selectRow(0)
    preview = reflections_page.preview.toPlainText()
    assert "The flow coordinator asked for two beds." in preview
    assert f"Goal: {goal.title}" in preview
    reflections_page.search.clear()
    assert table.model().rowCount() == len(doc.store.reflections())
    assert reflections_page.selected().title == "Bed meeting"  # still selected


def test_clicking_a_header_sorts_and_keeps_the_selection(qtbot, doc, reflections_page):
    table = reflections_page.table
    model = table.model()

    def titles() -> list[str]:
        return [model.index(row, COL_TITLE).data() for row in range(model.rowCount())]

    newest = max(doc.store.reflections(), key=lambda r: (r.date, r.id))
    assert titles()[0] == newest.title  # newest first when the page opens
    chosen = _select(reflections_page, "The break-time disagreement")
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(COL_TITLE) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = titles()
    assert first in (sorted(first, key=str.casefold), sorted(first, key=str.casefold)[::-1])
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert titles() == first[::-1]
    assert reflections_page.selected().id == chosen.id


def test_page_keeps_its_selection_when_another_reflection_is_added(doc, reflections_page):
    original = _select(reflections_page, "The break-time disagreement")
    doc.execute(SaveReflection(doc, Reflection(dt.date(2026, 6, 1), "Another one")))
    assert reflections_page.selected().id == original.id


# -- reviews -----------------------------------------------------------------------------


def test_recording_a_review_saves_it_and_undo_removes_it(qtbot, doc, answer_dialog):
    page = ReviewsPage(doc)
    qtbot.addWidget(page)
    before = len(doc.store.reviews())
    seen = []

    def fill(dialog: ReviewDialog):
        seen.append(dialog.reviewer_edit.text())
        dialog.date_edit.set_date(dt.date(2026, 6, 12))
        qtbot.keyClicks(dialog.notes_edit, "Huddles are working well.")
        dialog.actions_edit.setPlainText("Book the study day\n\n  Shadow two shifts  \n")

    answer_dialog(ReviewDialog, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    assert seen == ["Grace Mensah, Matron"]  # the line manager from the profile
    reviews = doc.store.reviews()
    assert len(reviews) == before + 1
    review = next(r for r in reviews if r.date == dt.date(2026, 6, 12))
    assert review.notes == "Huddles are working well."
    assert review.agreed_actions == "Book the study day\nShadow two shifts"
    assert page.selected().id == review.id
    assert "• Shadow two shifts" in page.preview.toPlainText()
    doc.undo_stack.undo()
    assert len(doc.store.reviews()) == before


def test_an_empty_review_is_refused_with_a_message(qtbot, doc):
    dialog = ReviewDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() != ReviewDialog.DialogCode.Accepted
    assert dialog.error_label.isVisible()


def test_deleting_a_review_asks_first(qtbot, doc, confirm):
    page = ReviewsPage(doc)
    qtbot.addWidget(page)
    review = doc.store.reviews()[0]
    assert page.select_id(review.id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert len(confirm) == 1
    assert doc.store.review(review.id) is None
    doc.undo_stack.undo()
    assert doc.store.review(review.id) == review


# -- self-assessment --------------------------------------------------------------------


def test_recording_a_self_assessment_round_shows_it_in_the_history(qtbot, doc, answer_dialog):
    page = AssessmentPage(doc)
    qtbot.addWidget(page)
    rounds_before = page.model.columnCount()
    day = dt.date(2026, 6, 14)
    skills = [s.id for s in doc.framework.skills]

    def fill(dialog: AssessmentDialog):
        # Prefilled from the latest round.
        assert [r.level_combo.currentData() for r in dialog.ratings] == [3, 3, 2]
        dialog.date_edit.set_date(day)
        first = dialog.ratings[0]
        first.level_combo.setCurrentIndex(first.level_combo.findData(4))
        assert first.descriptor.text() == doc.framework.scale[3].descriptor
        first.importance_combo.setCurrentIndex(first.importance_combo.findData(5))
        qtbot.keyClicks(first.note_edit, "Led three huddles.")
        dialog.ratings[2].level_combo.setCurrentIndex(0)  # not rated this time

    answer_dialog(AssessmentDialog, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)

    saved = {r.skill: r for r in doc.store.assessment_round(day)}
    assert set(saved) == set(skills[:2])
    assert (saved[skills[0]].level, saved[skills[0]].importance) == (4, 5)
    assert saved[skills[0]].note == "Led three huddles."
    assert saved[skills[1]].note == ""  # notes belong to their round
    assert page.model.columnCount() == rounds_before + 1
    column = page.model.column_of(day)
    assert page.model.data(page.model.index(0, column)) == doc.framework.level_label(4)
    assert page.selected_date() == day
    doc.undo_stack.undo()
    assert doc.store.assessment_round(day) == []
    assert page.model.columnCount() == rounds_before


def test_a_round_with_no_ratings_is_refused(qtbot, doc):
    dialog = AssessmentDialog(doc)
    qtbot.addWidget(dialog)
    for rating in dialog.ratings:
        rating.level_combo.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() != AssessmentDialog.DialogCode.Accepted
    assert not dialog.error_label.isHidden()


def test_deleting_a_round_asks_and_undo_restores_it(qtbot, doc, confirm):
    page = AssessmentPage(doc)
    qtbot.addWidget(page)
    latest = doc.store.assessment_dates()[-1]
    kept = doc.store.assessment_round(latest)
    assert page.selected_date() == latest  # the latest round is chosen by default
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert confirm and doc.store.assessment_round(latest) == []
    doc.undo_stack.undo()
    restored = doc.store.assessment_round(latest)
    assert [(r.skill, r.level, r.importance) for r in restored] == [
        (r.skill, r.level, r.importance) for r in kept
    ]


# -- profile -----------------------------------------------------------------------------


@pytest.fixture
def profile_page(qtbot, doc):
    page = ProfilePage(doc)
    qtbot.addWidget(page)
    page.show()
    return page


def test_profile_change_is_saved_when_leaving_the_field_and_can_be_undone(qtbot, doc, profile_page):
    role = profile_page.fields["role"]
    role.setFocus()
    role.selectAll()
    qtbot.keyClicks(role, "Ward Manager (Band 7)")
    qtbot.keyClick(role, Qt.Key.Key_Return)
    assert doc.store.profile().role == "Ward Manager (Band 7)"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.store.profile().role == "Ward Sister (Band 6), Acute Medical Unit"
    assert role.text() == "Ward Sister (Band 6), Acute Medical Unit"


def test_an_empty_name_is_refused_and_put_back(qtbot, doc, profile_page):
    name = profile_page.fields["name"]
    name.setFocus()
    name.clear()
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert doc.store.profile().name == "Siân Okafor"
    assert name.text() == "Siân Okafor"
    assert profile_page.name_error.isVisible()
    assert doc.undo_stack.count() == 0


def test_plan_period_can_be_cleared_but_not_reversed(qtbot, doc, profile_page):
    end = profile_page.period_end.edit
    end.setFocus()
    end.selectAll()
    qtbot.keyClick(end, Qt.Key.Key_Delete)
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert doc.store.profile().period_end is None
    qtbot.keyClicks(end, "1/1/2020")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert doc.store.profile().period_end != dt.date(2020, 1, 1)
    assert profile_page.period_error.isVisible()


def test_plan_period_text_that_is_not_a_date_is_kept_and_not_saved(qtbot, doc, profile_page):
    before = doc.store.profile().period_end
    end = profile_page.period_end.edit
    end.setFocus()
    end.selectAll()
    qtbot.keyClicks(end, "31/02/2027")
    qtbot.keyClick(end, Qt.Key.Key_Return)
    assert doc.store.profile().period_end == before
    assert "no day 31" in profile_page.period_error.text()
    assert end.text() == "31/02/2027"


@pytest.mark.parametrize("attr", ["name", "role", "aspiration"])
def test_a_long_profile_field_is_counted_as_typed_kept_whole_and_saved_once_short(
    qtbot, doc, profile_page, attr
):
    before = getattr(doc.store.profile(), attr)
    edit = profile_page.fields[attr]
    counter = profile_page.counters[attr]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText("x" * 2899)
    qtbot.keySequence(QApplication.focusWidget(), "Ctrl+V")
    assert not counter.isVisible()  # far from the limit, no count in the way
    qtbot.keyClicks(QApplication.focusWidget(), "y")
    assert counter.isVisible() and counter.text() == "2900 / 3000 characters"
    QApplication.clipboard().setText("z" * 101)
    qtbot.keySequence(QApplication.focusWidget(), "Ctrl+V")
    assert len(edit.text()) == 3001  # a paste over the limit is kept whole, and told
    assert counter.text() == "3001 / 3000 characters: 1 too many"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert getattr(doc.store.profile(), attr) == before
    assert doc.undo_stack.count() == 0
    error = profile_page.errors[attr]
    assert error.isVisible() and "longer than 3000 characters" in error.text()
    assert len(edit.text()) == 3001  # not put back: it can be shortened
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert counter.text() == "3000 / 3000 characters"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert getattr(doc.store.profile(), attr) == "x" * 2899 + "y" + "z" * 100
    assert not error.isVisible()


def test_profile_page_shows_framework_and_where_the_data_lives(profile_page, doc):
    assert profile_page.framework_name.text() == doc.framework.name
    assert "temporary" in profile_page.data_path.text()


# -- accessibility -----------------------------------------------------------------------


def _controls_without_names(root):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QCalendarWidget,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    def inside_compound(widget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            # Parts Qt builds inside a control (clear buttons, headers) share its name.
            compound = QAbstractSpinBox | QCalendarWidget | QComboBox | QLineEdit
            if isinstance(parent, compound | QAbstractItemView):
                return True
            parent = parent.parentWidget()
        return False

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )
    return [
        w
        for kind in kinds
        for w in root.findChildren(kind)
        if not w.accessibleName() and not inside_compound(w)
    ]


@pytest.mark.parametrize(
    "make",
    [
        ReflectionsPage,
        ReviewsPage,
        AssessmentPage,
        ProfilePage,
        ReflectionDialog,
        ReviewDialog,
        AssessmentDialog,
        LearningPage,
        FeedbackPage,
        RevalidationPage,
        LearningDialog,
        FeedbackDialog,
        DiscussionDialog,
    ],
)
def test_every_control_has_an_accessible_name(qtbot, doc, make):
    widget = make(doc)
    qtbot.addWidget(widget)
    assert [type(w).__name__ for w in _controls_without_names(widget)] == []


def _tab_chain(root, start, count):
    from PySide6.QtWidgets import QAbstractSpinBox

    chain, widget = [], start
    while len(chain) < count:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while isinstance(widget.parentWidget(), QAbstractSpinBox) or not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(root)
            and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
    return chain


def test_reflection_editor_tab_order_follows_the_layout(qtbot, doc):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("gibbs"))
    expected = [
        dialog.title_edit,
        dialog.date_edit.edit,  # one Tab stop for the whole date
        dialog.model_combo,
        dialog.skill_combo,
        dialog.goal_combo,
        *dialog.section_edits.values(),
        dialog.private_box,
    ]
    assert _tab_chain(dialog, dialog.title_edit, len(expected)) == expected


def test_journal_page_tab_order_follows_the_layout(qtbot, reflections_page):
    page = reflections_page
    page.table.selectRow(0)  # so Edit and Delete are enabled
    expected = [
        page.search,
        page.show_private,
        page.new_button,
        page.edit_button,
        page.delete_button,
        page.table,
        page.preview,
    ]
    assert _tab_chain(page, page.search, len(expected)) == expected


def test_cancelling_a_written_reflection_asks_before_discarding(qtbot, doc, questions):
    dialog = ReflectionDialog(doc)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.section_edits["what"], "Half a thought")
    questions.answer("keep", "discard")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog.section_edits["what"].toPlainText() == "Half a thought"
    dialog.reject()
    assert not dialog.isVisible() and not questions.answers


def test_cancelling_an_untouched_editor_closes_at_once(qtbot, doc, questions):
    reflection = doc.store.reflections()[0]
    for dialog in (ReflectionDialog(doc, reflection), ReviewDialog(doc, doc.store.reviews()[0])):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.reject()
        assert not dialog.isVisible()
    assert questions.asked == []


def test_delete_key_in_the_table_deletes_after_confirming(qtbot, doc, reflections_page, confirm):
    original = _select(reflections_page, "The break-time disagreement")
    reflections_page.table.setFocus()
    qtbot.keyClick(reflections_page.table, Qt.Key.Key_Delete)
    assert len(confirm) == 1
    assert doc.store.reflection(original.id) is None


def test_selecting_an_entry_older_than_the_rows_read_reads_the_rest(qtbot, doc, monkeypatch):
    monkeypatch.setattr(ReflectionTableModel, "PAGE", 2)
    page = ReflectionsPage(doc)
    qtbot.addWidget(page)
    assert not page.source.complete()
    oldest = doc.store.reflection_rows()[0]
    assert page.select_id(oldest.id)
    assert page.selected().id == oldest.id and page.source.complete()


def test_a_partly_read_list_keeps_its_selection_when_sorted_or_filtered(qtbot, doc, monkeypatch):
    monkeypatch.setattr(ReflectionTableModel, "PAGE", 2)
    page = ReflectionsPage(doc)
    qtbot.addWidget(page)
    newest = doc.store.reflection_rows(newest_first=True)[0]
    assert page.select_id(newest.id) and not page.source.complete()
    page.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert page.source.complete()
    assert page.table.model().rowCount() == len(doc.store.reflection_rows())
    assert page.selected().id == newest.id
    page.show_private.click()
    assert page.selected() is None or page.selected().id == newest.id


def test_a_refused_save_brings_the_reflection_back_as_typed(
    qtbot, doc, reflections_page, monkeypatch
):
    store = doc.store
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    failures = []
    doc.failed.connect(failures.append)
    shown = []
    long_text = ("What happened on the late shift. " * 2000).strip()

    def exec_(dialog):
        shown.append(dialog.title_edit.text())
        if len(shown) == 1:
            dialog.title_edit.setText("Written as the disk filled")
            dialog.section_edits["what"].setPlainText(long_text)
            dialog.accept()
        else:
            assert dialog.section_edits["what"].toPlainText() == long_text
            dialog.done(0)
        return dialog.result()

    monkeypatch.setattr(ReflectionDialog, "exec", exec_)
    before = len(store.reflections())
    qtbot.mouseClick(reflections_page.new_button, Qt.MouseButton.LeftButton)
    assert shown == ["", "Written as the disk filled"]
    assert failures and "disk is full" in failures[0]
    assert len(store.reflections()) == before


def test_a_refused_self_assessment_comes_back_filled_in(qtbot, doc, monkeypatch):
    page = AssessmentPage(doc)
    qtbot.addWidget(page)
    store = doc.store
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    shown = []

    def exec_(dialog):
        shown.append((dialog, dialog.ratings[0].note_edit.text()))
        if len(shown) == 1:
            dialog.date_edit.set_date(dt.date(2026, 6, 14))
            # Long enough that the round cannot fit in the pages the file has.
            dialog.ratings[0].note_edit.setText("Led three huddles. " * 1500)
            dialog.accept()
        else:
            dialog.done(0)
        return dialog.result()

    monkeypatch.setattr(AssessmentDialog, "exec", exec_)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 2 and shown[0][0] is shown[1][0]
    assert shown[1][1] == "Led three huddles. " * 1500
    assert store.assessment_round(dt.date(2026, 6, 14)) == []
