"""The journal, review and self-assessment table models, without any widget."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from planner.domain.models import Reflection, Review, SelfAssessment
from planner.ui.models.assessments_model import LEVEL_ROLE, AssessmentMatrixModel
from planner.ui.models.reflections_model import (
    COL_DATE,
    COL_MODEL,
    COL_PRIVATE,
    COL_SKILL,
    COL_TITLE,
    ReflectionFilterModel,
    ReflectionTableModel,
)
from planner.ui.models.reviews_model import (
    COL_ACTIONS,
    COL_REVIEWER,
    ReviewFilterModel,
    ReviewTableModel,
)
from planner.ui.models.tooltip import plain_tooltip

DISPLAY = Qt.ItemDataRole.DisplayRole
SKILLS = {"learn-to-follow": "Learn to follow"}


def _reflections() -> list[Reflection]:
    return [
        Reflection(
            dt.date(2026, 3, 5),
            "Huddle",
            "rolfe",
            {"what": "I spoke up about staffing"},
            "learn-to-follow",
            id=1,
        ),
        Reflection(dt.date(2026, 4, 1), "Sickness talk", "gibbs", {}, private=True, id=2),
    ]


def test_reflection_rows_show_date_title_skill_model_and_private_as_words():
    model = ReflectionTableModel()
    model.set_rows(_reflections(), SKILLS)
    assert model.rowCount() == 2
    assert model.data(model.index(0, COL_DATE), DISPLAY) == "5 Mar 2026"
    assert model.data(model.index(0, COL_TITLE), DISPLAY) == "Huddle"
    assert model.data(model.index(0, COL_SKILL), DISPLAY) == "Learn to follow"
    assert model.data(model.index(1, COL_MODEL), DISPLAY) == "Gibbs"
    assert model.data(model.index(0, COL_PRIVATE), DISPLAY) == ""
    assert model.data(model.index(1, COL_PRIVATE), DISPLAY) == "Private"
    assert model.row_of(2) == 1 and model.row_of(99) == -1


def test_reflection_filter_searches_the_text_and_can_hide_private_ones():
    model = ReflectionTableModel()
    model.set_rows(_reflections(), SKILLS)
    proxy = ReflectionFilterModel()
    proxy.setSourceModel(model)
    proxy.set_text("STAFFING")
    assert proxy.rowCount() == 1
    proxy.set_text("follow")  # the skill's name counts too
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_show_private(False)
    assert proxy.rowCount() == 1
    assert proxy.data(proxy.index(0, COL_TITLE), DISPLAY) == "Huddle"


def test_reflection_sort_puts_newest_first_when_descending():
    model = ReflectionTableModel()
    model.set_rows(_reflections(), SKILLS)
    proxy = ReflectionFilterModel()
    proxy.setSourceModel(model)
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, COL_TITLE), DISPLAY) == "Sickness talk"


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
