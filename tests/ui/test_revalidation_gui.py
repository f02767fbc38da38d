"""Learning, feedback, regulators' reflections and the revalidation page, driven by
keyboard and clicks through the real window; each test then reads the database."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.domain.learning import FeedbackEntry, LearningActivity
from planner.domain.models import Reflection
from planner.store import PlanStore

pytestmark = pytest.mark.gui
CTRL = Qt.KeyboardModifier.ControlModifier
PARTICIPATORY = "Participatory hours of CPD (learning with other professionals)"


def _focus():
    return QApplication.focusWidget()


def _rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def _set_regulator(path, regulator, day=None):
    store = PlanStore.open(path)
    try:
        profile = store.profile()
        profile.regulator, profile.revalidation_date = regulator, day
        store.save_profile(profile)
    finally:
        store.close()


@pytest.fixture
def nmc_path(db_path):
    _set_regulator(db_path, "nmc", dt.date(2027, 3, 31))
    return db_path


@pytest.fixture
def nmc_window(window_over, nmc_path):
    return window_over(nmc_path, (1366, 768))


def _page(window, key):
    window.show_page(key)
    return window.pages[key]


# -- learning ----------------------------------------------------------------------


def test_learning_is_logged_by_keyboard_with_participatory_hours(
    nmc_window, nmc_path, qtbot, modal
):
    page = _page(nmc_window, "learning")
    seen = {}

    def log(dialog):
        seen["themes shown"] = dialog.themes_box.isVisible()
        qtbot.keyClicks(_focus(), "Action learning set: handling conflict")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # method
        qtbot.keyClicks(_focus(), "Action")  # picks "Action learning set" by typing
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # date
        _focus().selectAll()
        qtbot.keyClicks(_focus(), "12/05/2026")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # last day
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # hours
        qtbot.keyClicks(_focus(), "6.5")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # participatory hours
        qtbot.keyClicks(_focus(), "4")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClicks(_focus(), "Practised naming a disagreement early with the set.")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # the first Code theme
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    modal(log)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["themes shown"] is True
    rows = _rows(
        nmc_path,
        "SELECT topic, method, start, hours, participatory_hours, relevance, code_themes "
        "FROM learning_activities",
    )
    assert rows == [
        (
            "Action learning set: handling conflict",
            "action_learning",
            "2026-05-12",
            6.5,
            4.0,
            "Practised naming a disagreement early with the set.",
            '["prioritise_people"]',
        )
    ]
    assert "6.5 hours, of which 4 participatory" in page.preview.toPlainText()
    assert page.totals.text() == "All learning logged: 6.5 hours, of which 4 participatory."
    nmc_window.doc.undo()
    assert _rows(nmc_path, "SELECT COUNT(*) FROM learning_activities") == [(0,)]


def test_more_participatory_hours_than_hours_is_refused_in_words(
    nmc_window, nmc_path, qtbot, modal
):
    page = _page(nmc_window, "learning")
    seen = {}

    def log(dialog):
        qtbot.keyClicks(_focus(), "Shadowing the matron")
        dialog.hours_spin.setFocus()
        dialog.hours_spin.selectAll()
        qtbot.keyClicks(_focus(), "2")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClicks(_focus(), "3")
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)
        seen["refused"] = (dialog.isVisible(), dialog.error_label.text())
        seen["focus"] = _focus() is dialog.participatory_spin

    modal(log)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["refused"] == (
        True,
        "Participatory hours (3) cannot be more than the activity's hours (2).",
    )
    assert seen["focus"]
    assert _rows(nmc_path, "SELECT COUNT(*) FROM learning_activities") == [(0,)]


def test_escape_with_changes_asks_before_closing(nmc_window, nmc_path, qtbot, modal, questions):
    page = _page(nmc_window, "learning")
    seen = {}
    questions.answer("keep", "discard")

    def log(dialog):
        qtbot.keyClicks(_focus(), "Reading: The King's Fund on compassion")
        qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
        seen["kept"] = dialog.isVisible()
        qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
        seen["closed"] = not dialog.isVisible()

    modal(log)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen == {"kept": True, "closed": True}
    assert len(questions.asked) == 2
    assert _rows(nmc_path, "SELECT COUNT(*) FROM learning_activities") == [(0,)]


def test_a_goal_lists_the_learning_and_feedback_that_served_it(nmc_window, qtbot):
    store = nmc_window.store
    goal = store.goal_summaries("situational-awareness")[0]
    nmc_window.show_goal(goal.id)
    page = nmc_window.current_skill_page()
    assert not page.detail_records.isVisible()
    from planner.ui.revalidation_commands import SaveRecord

    activity = LearningActivity(
        dt.date(2026, 5, 2), "shadowing", "Shadowed the site manager", 7.5, goals=(goal.uid,)
    )
    nmc_window.doc.execute(SaveRecord(nmc_window.doc, activity))
    assert page.detail_records.isVisible()
    assert "Learning: Shadowed the site manager (2 May 2026, 7.5 h)" in page.detail_records.text()


# -- feedback ----------------------------------------------------------------------


def test_feedback_with_a_360_rating_shows_beside_the_self_assessment(
    nmc_window, nmc_path, qtbot, modal
):
    page = _page(nmc_window, "feedback")
    skill = nmc_window.doc.framework.skills[0]
    seen = {}

    def record(dialog):
        seen["reminder"] = (
            "never by name" in dialog.findChild(type(dialog.watch.warning)).label.text()
        )
        qtbot.keyClicks(_focus(), "Staff said my huddles are clearer and shorter.")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClicks(_focus(), "Keep the two-minute format.")
        dialog.date_edit.edit.setFocus()
        dialog.date_edit.edit.selectAll()
        qtbot.keyClicks(_focus(), "20/04/2026")
        dialog.ratings_box.setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)  # ratings wanted
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)  # the first skill's rating
        qtbot.keyClick(_focus(), Qt.Key.Key_Down)
        qtbot.keyClick(_focus(), Qt.Key.Key_Down)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    modal(record)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["reminder"]
    rows = _rows(nmc_path, "SELECT date, summary, response, ratings FROM feedback")
    assert rows == [
        (
            "2026-04-20",
            "Staff said my huddles are clearer and shorter.",
            "Keep the two-minute format.",
            f'{{"{skill.id}": 2}}',
        )
    ]
    assessments = _page(nmc_window, "assessments")
    level = nmc_window.doc.framework.level_label(2)
    assert assessments.feedback_lines() == {skill.name: f"360 feedback: {level} (2), 20 Apr 2026"}


def test_feedback_without_words_is_refused_and_nothing_written(nmc_window, nmc_path, qtbot, modal):
    page = _page(nmc_window, "feedback")
    seen = {}

    def record(dialog):
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)
        seen["refused"] = (dialog.isVisible(), dialog.error_label.text())

    modal(record)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["refused"] == (True, "Please write what the feedback said, in your words.")
    assert _rows(nmc_path, "SELECT COUNT(*) FROM feedback") == [(0,)]


# -- reflections -------------------------------------------------------------------


def _counts(page):
    return [line.splitlines()[0] for line in page.count_lines()]


def _nmc_account_by_keyboard(qtbot, dialog, themes: int):
    qtbot.keyClicks(_focus(), "Escalating a deteriorating patient")
    # Tab from the title to the model list (date, its calendar button, then the model),
    # then one key: the list jumps to the first model starting with it. Several keys
    # count as one search only if typed within the keyboard interval.
    dialog.model_combo.setFocus()
    qtbot.waitUntil(dialog.model_combo.hasFocus)
    qtbot.keyClick(dialog.model_combo, Qt.Key.Key_N)
    qtbot.waitUntil(dialog.section_edits["nature"].isVisible)  # the new model's sections
    dialog.section_edits["nature"].setFocus()
    qtbot.keyClicks(_focus(), "A night shift where early warning scores rose.")
    for key in ("learned", "changed", "code"):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClicks(_focus(), f"Text for {key}.")
    for _ in range(themes):
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
    qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)


def test_an_nmc_reflective_account_is_written_with_two_code_themes(
    nmc_window, nmc_path, qtbot, modal
):
    page = _page(nmc_window, "reflections")
    seen = {}

    def write(dialog):
        _nmc_account_by_keyboard(qtbot, dialog, themes=0)
        seen["refused"] = (dialog.isVisible(), dialog.themes_error.text())
        # Two themes: Prioritise people, then (Tab) Practise effectively.
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    before = _rows(nmc_path, "SELECT COUNT(*) FROM reflections")[0][0]
    modal(write)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["refused"][0] is True
    assert "at least one theme of the Code" in seen["refused"][1]
    rows = _rows(
        nmc_path,
        "SELECT model, themes, sections FROM reflections WHERE title = "
        "'Escalating a deteriorating patient'",
    )
    assert len(rows) == 1
    model, themes, sections = rows[0]
    assert model == "nmc"
    assert themes == '["prioritise_people", "practise_effectively"]'
    assert "A night shift where early warning scores rose." in sections
    assert _rows(nmc_path, "SELECT COUNT(*) FROM reflections")[0][0] == before + 1


def test_a_rolfe_reflection_is_turned_into_an_nmc_account_and_kept(
    nmc_window, nmc_path, qtbot, modal
):
    store = nmc_window.store
    rolfe = store.save_reflection(
        Reflection(
            dt.date(2026, 5, 20),
            "Handover that went wrong",
            "rolfe",
            {
                "what": "Handover was rushed.",
                "so_what": "I learned to slow it.",
                "now_what": "SBAR.",
            },
        )
    )
    page = _page(nmc_window, "reflections")
    page.reload()
    assert page.select_id(rolfe.id)
    assert page.convert_button.text() == "Turn into NMC reflective account…"
    seen = {}

    def convert(dialog):
        seen["title"] = dialog.windowTitle()
        seen["texts"] = dialog.section_texts()
        dialog.theme_boxes["preserve_safety"].setFocus()
        qtbot.keyClick(_focus(), Qt.Key.Key_Space)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    modal(convert)
    page.convert_button.setFocus()
    qtbot.keyClick(page.convert_button, Qt.Key.Key_Space)
    assert seen["title"] == "New NMC reflective account"
    assert seen["texts"] == {
        "nature": "Handover was rushed.",
        "learned": "I learned to slow it.",
        "changed": "SBAR.",
        "code": "",
    }
    rows = _rows(
        nmc_path,
        "SELECT model, themes FROM reflections WHERE title = 'Handover that went wrong' "
        "ORDER BY id",
    )
    assert rows == [("rolfe", "[]"), ("nmc", '["preserve_safety"]')]
    assert store.reflection(rolfe.id).sections["what"] == "Handover was rushed."
    assert "Themes of the NMC Code: Preserve safety" in page.preview.toPlainText()


def test_switching_a_reflection_to_the_appraisal_model_carries_its_text(qtbot, nmc_window):
    from planner.ui.dialogs.reflection_dialog import ReflectionDialog

    reflection = Reflection(
        dt.date(2026, 5, 20), "Rota gap", "rolfe", {"what": "Two nurses off sick."}
    )
    dialog = ReflectionDialog(nmc_window.doc, reflection)
    qtbot.addWidget(dialog)
    names = [dialog.model_combo.itemData(i) for i in range(dialog.model_combo.count())]
    assert names == ["rolfe", "gibbs", "nmc", "medical"]
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("medical"))
    assert dialog.section_texts()["happened"] == "Two nurses off sick."
    assert list(dialog.section_edits) == ["happened", "learned", "differently", "further"]
    assert not dialog.themes_box.isVisibleTo(dialog)
    dialog.done(0)


# -- revalidation page -------------------------------------------------------------


def test_the_revalidation_page_counts_change_as_records_change(nmc_window, qtbot):
    page = _page(nmc_window, "revalidation")
    page.today = lambda: dt.date(2026, 6, 15)
    page.reload()
    assert page.title.text() == "NMC revalidation"
    lines = _counts(page)
    assert lines[1] == f"{PARTICIPATORY}: 0 of 20 hours — 20 more needed"
    doc = nmc_window.doc
    from planner.ui.revalidation_commands import SaveRecord

    doc.execute(
        SaveRecord(
            doc,
            LearningActivity(
                dt.date(2026, 4, 1), "workshop", "Rostering", 12, participatory_hours=12
            ),
        )
    )
    assert _counts(page)[1] == f"{PARTICIPATORY}: 12 of 20 hours — 8 more needed"
    doc.execute(SaveRecord(doc, FeedbackEntry(dt.date(2026, 4, 2), "manager", "Good huddles.")))
    assert _counts(page)[2] == "Pieces of practice-related feedback: 1 of 5 — 4 more needed"
    text = " ".join([page.period.text(), *page.count_lines()]).lower()
    assert "you have revalidated" not in text and "revalidated" not in page.title.text().lower()
    doc.undo()
    assert _counts(page)[2] == "Pieces of practice-related feedback: 0 of 5 — 5 more needed"
    assert "Confirmation by your confirmer" in page.outside_label.text()


def test_the_reflective_discussion_is_recorded_and_undone(nmc_window, nmc_path, qtbot, modal):
    page = _page(nmc_window, "revalidation")
    seen = {}

    def record(dialog):
        qtbot.keyClicks(_focus(), "Ama Mensah")
        qtbot.keyClick(_focus(), Qt.Key.Key_Tab)
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)
        seen["refused"] = dialog.error_label.text()
        qtbot.keyClicks(_focus(), "12A3456B")
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    modal(record)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert "NMC PIN" in seen["refused"]
    assert _rows(nmc_path, "SELECT partner_name, partner_pin FROM reflective_discussions") == [
        ("Ama Mensah", "12A3456B")
    ]
    assert page.discussion_list.count() == 1
    assert _counts(page)[-1].endswith("1 of 1 — done")
    nmc_window.doc.undo()
    assert _rows(nmc_path, "SELECT COUNT(*) FROM reflective_discussions") == [(0,)]
    assert page.discussion_list.count() == 0
    assert page.no_discussion.isVisible()


def _nav_shows(window, key):
    from planner.ui.main_window import PAGE_ROLE

    for row in range(window.nav_model.rowCount()):
        if window.nav_model.item(row).data(PAGE_ROLE) == key:
            return not window.nav.isRowHidden(row)
    return False


def test_setting_the_regulator_in_the_profile_shows_and_hides_the_revalidation_page(
    window, db_path, qtbot
):
    assert not _nav_shows(window, "revalidation")
    profile = _page(window, "profile")
    combo = profile.regulator_combo
    combo.setFocus()
    qtbot.keyClicks(combo, "Nursing")  # the NMC, by typing its name
    assert _rows(db_path, "SELECT regulator FROM profile") == [("nmc",)]
    assert _nav_shows(window, "revalidation")
    assert profile.revalidation_label.text() == "&Revalidation date:"
    profile.revalidation_date.edit.setFocus()
    qtbot.keyClicks(profile.revalidation_date.edit, "31/03/2027")
    qtbot.keyClick(profile.revalidation_date.edit, Qt.Key.Key_Tab)
    assert _rows(db_path, "SELECT revalidation_date FROM profile") == [("2027-03-31",)]
    window.doc.undo()
    window.doc.undo()
    assert _rows(db_path, "SELECT regulator FROM profile") == [("",)]
    assert not _nav_shows(window, "revalidation")
    combo.setFocus()
    for _ in range(combo.findData("hcpc")):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert _nav_shows(window, "revalidation")
    assert profile.revalidation_label.text() == "&Registration renewal date:"


def test_learning_is_deleted_with_the_delete_key_and_undone(nmc_window, nmc_path, qtbot, questions):
    from planner.ui.revalidation_commands import SaveRecord

    doc = nmc_window.doc
    activity = LearningActivity(dt.date(2026, 3, 4), "coaching", "Coaching with the matron", 1.5)
    doc.execute(SaveRecord(doc, activity))
    page = _page(nmc_window, "learning")
    assert page.select_id(activity.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Coaching with the matron" in questions.asked[0]
    assert _rows(nmc_path, "SELECT COUNT(*) FROM learning_activities") == [(0,)]
    assert nmc_window.undo_action.text() == "Undo Delete learning activity"
    doc.undo()
    assert _rows(nmc_path, "SELECT id, topic FROM learning_activities") == [
        (activity.id, "Coaching with the matron")
    ]


def test_a_doctor_turns_reflections_into_appraisal_reflections(window_over, db_path, qtbot, modal):
    _set_regulator(db_path, "gmc")
    window = window_over(db_path, (1366, 768))
    page = _page(window, "reflections")
    assert page.convert_button.isVisible()
    assert page.convert_button.text() == "Turn into medical appraisal reflection…"
    rolfe = next(r for r in window.store.reflections() if r.model == "rolfe")
    assert page.select_id(rolfe.id)

    def save(dialog):
        seen["sections"] = list(dialog.section_edits)
        seen["themes"] = dialog.themes_box.isVisible()
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    seen = {}
    modal(save)
    qtbot.mouseClick(page.convert_button, Qt.MouseButton.LeftButton)
    assert seen == {
        "sections": ["happened", "learned", "differently", "further"],
        "themes": False,
    }
    assert _rows(db_path, "SELECT COUNT(*) FROM reflections WHERE model = 'medical'") == [(1,)]
    assert _page(window, "revalidation").title.text() == "GMC appraisal"
    assert _page(window, "profile").revalidation_label.text() == "Next &appraisal date:"


def test_fifty_sessions_of_forty_two_minutes_make_the_thirty_five_hours(
    window_over, nmc_path, qtbot
):
    # 0.7 has no exact binary form: added one by one, fifty make 34.99999999999999.
    store = PlanStore.open(nmc_path)
    try:
        for i in range(50):
            store.save_learning(
                LearningActivity(
                    dt.date(2026, 1, 1) + dt.timedelta(days=i),
                    "e_learning",
                    f"Module {i + 1}",
                    0.7,
                    participatory_hours=0.4,
                )
            )
    finally:
        store.close()
    window = window_over(nmc_path, (1366, 768))
    page = _page(window, "revalidation")
    page.today = lambda: dt.date(2026, 6, 15)
    page.reload()
    lines = _counts(page)
    assert lines[0] == "Hours of CPD: 35 of 35 hours — done"
    assert lines[1] == f"{PARTICIPATORY}: 20 of 20 hours — done"
    learning = _page(window, "learning")
    assert learning.totals.text() == "All learning logged: 35 hours, of which 20 participatory."


def test_a_long_learning_log_sorts_by_hours_at_once_and_keeps_the_selection(
    window_over, nmc_path, qtbot, monkeypatch
):
    from PySide6.QtCore import QPoint

    from planner.ui.models.learning_models import LearningTableModel

    count = 2000
    store = PlanStore.open(nmc_path)
    try:
        with store.atomic() as db:
            store._insert_records(
                db,
                [
                    LearningActivity(
                        dt.date(2020, 1, 1) + dt.timedelta(days=i % 1500),
                        "reading",
                        f"Article {i}",
                        (i * 37) % 97 / 4 + 0.25,
                    )
                    for i in range(count)
                ],
                [],
                [],
            )
    finally:
        store.close()
    window = window_over(nmc_path, (1366, 768))
    page = _page(window, "learning")
    table, model = page.table, page.table.model()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = page.selected()
    asked = []
    real_key = LearningTableModel.sort_key
    monkeypatch.setattr(
        LearningTableModel,
        "sort_key",
        lambda self, record, column: asked.append(1) or real_key(self, record, column),
    )
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(LearningTableModel.COL_HOURS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    rows = [page.source.row_at(model.mapToSource(model.index(r, 0)).row()) for r in range(count)]
    hours = [record.hours for record in rows]
    assert hours in (sorted(hours), sorted(hours, reverse=True))
    assert page.selected().id == chosen.id
    # One key per activity: comparing through the table's data() took a third of a
    # second on 5,000 activities, at every sort and every change to the log.
    assert len(asked) <= count


def test_editing_the_topic_keeps_hours_a_plan_file_gave_to_the_thousandth(
    window_over, db_path, qtbot, modal
):
    # Twenty minutes, as a hand-written plan file may put it; the box shows 0.33.
    _set_regulator(db_path, "nmc", dt.date(2027, 3, 31))
    store = PlanStore.open(db_path)
    try:
        activity = store.save_learning(
            LearningActivity(dt.date(2026, 3, 4), "reading", "Huddle article", 0.333, 0.333)
        )
    finally:
        store.close()
    window = window_over(db_path, (1366, 768))
    page = _page(window, "learning")
    assert page.select_id(activity.id)

    def edit(dialog):
        assert _focus() is dialog.topic_edit
        qtbot.keyClick(_focus(), Qt.Key.Key_End)
        qtbot.keyClicks(_focus(), " (NHS Employers)")
        qtbot.keyClick(_focus(), Qt.Key.Key_Return, CTRL)

    modal(edit)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert _rows(db_path, "SELECT topic, hours, participatory_hours FROM learning_activities") == [
        ("Huddle article (NHS Employers)", 0.333, 0.333)
    ]


def test_the_revalidation_counts_catch_up_when_shown_not_at_each_save_elsewhere(
    nmc_window, qtbot, monkeypatch
):
    from planner.ui.revalidation_commands import SaveRecord

    page = _page(nmc_window, "revalidation")
    page.today = lambda: dt.date(2026, 6, 15)
    page.reload()
    assert _counts(page)[0] == "Hours of CPD: 0 of 35 hours — 35 more needed"
    learning = _page(nmc_window, "learning")
    reads = []
    real = type(page).reload
    monkeypatch.setattr(type(page), "reload", lambda self: reads.append(1) or real(self))
    doc = nmc_window.doc
    for day in (1, 2, 3):
        activity = LearningActivity(dt.date(2026, 4, day), "course", f"Day {day}", 7)
        doc.execute(SaveRecord(doc, activity))
    # Out of sight, a long log is not read again at every save on the learning page.
    assert reads == []
    assert learning.totals.text() == "All learning logged: 21 hours, of which 0 participatory."
    nmc_window.show_page("revalidation")
    assert reads == [1]
    assert _counts(page)[0] == "Hours of CPD: 21 of 35 hours — 14 more needed"
