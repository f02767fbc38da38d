"""Any text a user can type exports without failing (bounded fuzzing)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.demo import demo_plan
from planner.domain.models import ProgressEntry
from tests.report.conftest import TODAY, build

typed = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=typed, title=typed, description=typed, note=typed, reviewer=typed)
def test_any_typed_text_exports(name, title, description, note, reviewer):
    plan = demo_plan(TODAY)
    plan.profile.name = name
    plan.profile.manager = reviewer
    plan.goals[0].title = title
    plan.goals[0].description = description
    plan.goals[1].progress.append(ProgressEntry(TODAY, 50, note))
    plan.reflections[0].sections["what"] = note
    plan.reviews[0].reviewer = reviewer
    plan.reviews[0].agreed_actions = description

    pdf, pages = build(plan)

    assert pages == len(pdf.pages)
    assert f"Page {pages} of {pages}" in pdf.pages[-1]
