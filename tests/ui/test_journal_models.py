"""The journal, review and self-assessment table models, without any widget."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from planner.domain.models import Reflection, ReflectionRow, Review, SelfAssessment
from planner.ui.models.assessments_model import LEVEL_ROLE, AssessmentMatrixModel
from planner.ui.models.reflections_model import (
    COL_DATE,
    COL_MODEL,
    COL_PRIVATE,
    COL_SKILL,
    COL_TITLE,
    ReflectionTableModel,
)
from planner.ui.models.reviews_model import (
    COL_ACTIONS,
    COL_NOTES,
    COL_REVIEWER,
    ReviewFilterModel,
    ReviewTableModel,
)
from planner.ui.models.tooltip import plain_tooltip

DISPLAY = Qt.ItemDataRole.DisplayRole
SKILLS = {"learn-to-follow": "Learn to follow"}


def _reflections(store) -> list[ReflectionRow]:
    """Two reflections saved in ``store``, as the journal lists them."""
    for reflection in (
        Reflection(
            dt.date(2026, 3, 5),
            "Huddle",
            "rolfe",
            {"what": "I spoke up about staffing"},
            "learn-to-follow",
        ),
        Reflection(dt.date(2026, 4, 1), "Sickness talk", "gibbs", {}, private=True),
    ):
        store.save_reflection(reflection)
    return [r for r in store.reflection_rows() if r.title in ("Huddle", "Sickness talk")]


def _model(store) -> ReflectionTableModel:
    model = ReflectionTableModel(store)
    model.set_rows(_reflections(store), SKILLS)
    return model


def _titles(model) -> list[str]:
    return [model.data(model.index(row, COL_TITLE), DISPLAY) for row in range(model.rowCount())]


def test_reflection_rows_show_date_title_skill_model_and_private_as_words(store):
    model = _model(store)
    assert model.rowCount() == 2
    assert model.data(model.index(0, COL_DATE), DISPLAY) == "5 Mar 2026"
    assert model.data(model.index(0, COL_TITLE), DISPLAY) == "Huddle"
    assert model.data(model.index(0, COL_SKILL), DISPLAY) == "Learn to follow"
    assert model.data(model.index(1, COL_MODEL), DISPLAY) == "Gibbs"
    assert model.data(model.index(0, COL_PRIVATE), DISPLAY) == ""
    assert model.data(model.index(1, COL_PRIVATE), DISPLAY) == "Private"
    second = model.row_at(1).id
    assert model.row_of(second) == 1 and model.row_of(99999) == -1


def test_reflection_filter_searches_the_text_and_can_hide_private_ones(store):
    model = _model(store)
    model.set_text("STAFFING")  # in a section, read by the store's search
    assert _titles(model) == ["Huddle"]
    model.set_text("follow")  # the skill's name counts too
    assert _titles(model) == ["Huddle"]
    model.set_text("")
    model.set_show_private(False)
    assert _titles(model) == ["Huddle"]
    model.set_show_private(True)
    assert model.rowCount() == model.total() == 2


def test_reflection_sort_puts_newest_first_when_descending_and_keeps_the_search(store):
    model = _model(store)
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert _titles(model) == ["Sickness talk", "Huddle"]
    model.sort(COL_MODEL, Qt.SortOrder.AscendingOrder)
    assert _titles(model) == ["Sickness talk", "Huddle"]  # Gibbs before Rolfe
    model.set_text("talk")
    # Reloading (after any change) searches again and keeps the order.
    store.save_reflection(Reflection(dt.date(2026, 5, 1), "Another talk", "gibbs", {}))
    model.set_rows(store.reflection_rows(), SKILLS)
    assert _titles(model) == ["Sickness talk", "Another talk"]


def test_same_day_reflections_sort_in_the_order_written_and_exactly_reverse(store):
    day = dt.date(2026, 2, 2)
    for title in ("First", "Second", "Third"):
        store.save_reflection(Reflection(day, title, "rolfe", {}))
    model = ReflectionTableModel(store)
    model.set_rows(list(reversed(store.reflection_rows())), SKILLS)
    model.set_text("first second third")
    assert _titles(model) == []  # every word must be found in the same reflection
    model.set_text("")
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    ascending = _titles(model)
    assert ascending.index("First") < ascending.index("Second") < ascending.index("Third")
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert _titles(model) == list(reversed(ascending))


def test_review_rows_count_agreed_actions_and_filter_by_words():
    model = ReviewTableModel()
    model.set_rows(
        [
            Review(dt.date(2026, 5, 1), "Grace Mensah", "Good", "One\n\nTwo\n", id=1),
            Review(dt.date(2026, 6, 1), "Sam Lee", "Rota", "", id=2),
        ]
    )
    assert model.data(model.index(0, COL_ACTIONS), DISPLAY) == "2 actions"
    assert model.data(model.index(1, COL_ACTIONS), DISPLAY) == "None"
    assert model.data(model.index(1, COL_REVIEWER), DISPLAY) == "Sam Lee"
    proxy = ReviewFilterModel()
    proxy.setSourceModel(model)
    proxy.set_text("grace")
    assert proxy.rowCount() == 1


def test_matrix_has_a_row_per_skill_and_a_column_per_round(core_framework):
    first, second = dt.date(2026, 1, 1), dt.date(2026, 6, 1)
    skill_ids = [s.id for s in core_framework.skills]
    model = AssessmentMatrixModel()
    model.set_rows(
        core_framework,
        [
            SelfAssessment(skill_ids[0], first, 1),
            SelfAssessment(skill_ids[0], second, 3, 5, "Better <b>now</b>"),
            SelfAssessment(skill_ids[1], second, 2),
        ],
    )
    assert model.rowCount() == len(core_framework.skills)
    assert model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal, DISPLAY) == "1 Jun 2026"
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) == core_framework.skills[0].name
    assert model.data(model.index(0, 0), DISPLAY) == core_framework.scale[0].label
    assert model.data(model.index(0, 1), DISPLAY) == core_framework.scale[2].label
    assert model.data(model.index(0, 1), LEVEL_ROLE) == 3
    assert model.data(model.index(1, 0), DISPLAY) is None  # not rated in the first round
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "Essential" in tip and "&lt;b&gt;now" in tip and "<b>" not in tip


def test_tooltips_never_turn_user_text_into_markup():
    assert plain_tooltip("") == ""
    assert plain_tooltip("a <i>b</i>\nc") == "<qt>a &lt;i&gt;b&lt;/i&gt;<br>c</qt>"


def test_review_notes_show_on_one_line_and_whole_in_the_tooltip():
    notes = "Talked about the rota.\n\nAgreed to try huddles. " * 40
    model = ReviewTableModel()
    model.set_rows([Review(dt.date(2026, 5, 1), "Grace Mensah", notes, "", id=1)])
    shown = model.data(model.index(0, COL_NOTES), DISPLAY)
    assert shown.startswith("Talked about the rota. Agreed to try huddles. Talked")
    assert "\n" not in shown and len(shown) <= 300
    assert model.data(model.index(0, COL_NOTES), Qt.ItemDataRole.ToolTipRole) == plain_tooltip(
        notes
    )


def _paged(store, monkeypatch, extra: int = 5) -> ReflectionTableModel:
    """A model over the demo journal plus ``extra`` reflections, read 2 at a time."""
    for n in range(extra):
        store.save_reflection(Reflection(dt.date(2026, 1, 1 + n), f"Extra {n}", "rolfe", {}))
    monkeypatch.setattr(ReflectionTableModel, "PAGE", 2)
    model = ReflectionTableModel(store)
    model.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    model.load(SKILLS)
    return model


def test_a_long_journal_opens_with_its_newest_page_and_reads_more_when_scrolled(store, monkeypatch):
    model = _paged(store, monkeypatch)
    newest_first = [r.title for r in store.reflection_rows(newest_first=True)]
    assert _titles(model) == newest_first[:2] and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert _titles(model) == newest_first and model.complete()


def test_another_order_a_search_or_hiding_private_reads_every_row(store, monkeypatch):
    model = _paged(store, monkeypatch)
    everything = store.reflection_rows()
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert _titles(model) == sorted((r.title for r in everything), key=str.casefold)
    model = _paged(store, monkeypatch, extra=0)
    model.set_text("staffing")  # the demo's oldest reflections are not read yet
    assert set(_titles(model)) == {
        r.title for r in store.reflections() if "staffing" in str(r.sections).casefold()
    }
    model = _paged(store, monkeypatch, extra=0)
    model.set_show_private(False)
    assert model.rowCount() == len([r for r in store.reflection_rows() if not r.private])
    model.load(SKILLS)  # a reload keeps reading everything the view needs
    assert model.complete()
