"""A plan that has lived through cycles, in its PDF: the current cycle by default, a
closed cycle with each goal's outcome, targets beside every level, the cycle each copy
covers, and the whole plan in the attachment."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from planner.domain.export_privacy import GOAL, EntryKey
from planner.domain.models import GoalOutcome
from planner.report import ExportError, UnknownCycle, build_pdf_bytes, export_pdf
from planner.store import PlanStore
from tests.report import layout_plans
from tests.report.conftest import TODAY, build, flat, outline, page_of_section, read_pdf
from tests.report.cycle_plans import (
    CARRIED_NOTE,
    CURRENT_ONLY,
    OLD_CLOSED,
    OLD_MET,
    OLD_REFLECTION,
    SECOND_NOT_MET,
    cycled_plan,
)
from tests.report.pdf_inspect import text_runs

CARRIED_TITLE = "Complete a followership self-assessment and agree one change"


@pytest.fixture(scope="module")
def current():
    return build(cycled_plan())[0]


@pytest.fixture(scope="module")
def second():
    return build(cycled_plan(), cycle=2)[0]


def _page_with(pdf, text: str) -> int:
    return next(n for n, page in enumerate(pdf.pages) if text in flat(page))


def test_the_default_export_is_the_current_cycle_without_goals_closed_before(current):
    for closed in (OLD_MET, OLD_CLOSED, SECOND_NOT_MET, OLD_REFLECTION):
        assert closed not in current.text
    assert CURRENT_ONLY in current.text and CARRIED_TITLE in current.text
    assert "This plan covers 17 Dec 2025 to 17 Dec 2026, the current cycle (cycle 3)" in (
        current.text
    )


def test_the_current_cycle_looks_back_at_the_last_one_briefly_near_the_front(current):
    last = page_of_section(current, "Last cycle")
    assert last < page_of_section(current, "At a glance")
    page = flat(current.pages[last])
    assert "Cycle 2: 1 Jan 2025 to 16 Dec 2025, closed on 17 Dec 2025: 3 goals, 0 met, " in page
    assert "2 partly met, 1 not met; 1 carried forward" in page
    assert "Carried forward into this cycle" in page
    assert f"Partly met: {CARRIED_NOTE}" in page
    # The carried goal leads to its page, which says where it came from.
    detail = _page_with(current, "Carried forward from the last cycle")
    assert f"p. {detail + 1}" in page
    assert "Partly met in cycle 2." in flat(current.pages[detail])
    # The cover's box gives the counts in a line.
    assert "Last cycle 3 goals: 0 met, 2 partly met, 1 not met; 1 carried forward" in flat(
        current.pages[0]
    )


def test_a_closed_cycles_copy_shows_its_goals_outcomes_targets_and_dates(second):
    text = second.text
    assert "This plan covers cycle 2, 1 Jan 2025 to 16 Dec 2025: a closed cycle, closed on " in (
        text
    )
    assert "17 Dec 2025" in text
    for goal in (OLD_CLOSED, SECOND_NOT_MET, CARRIED_TITLE):
        assert goal in text
    # Not the current cycle's own goals, nor the first cycle's.
    assert CURRENT_ONLY not in text and OLD_MET not in text
    assert OLD_REFLECTION in text
    assert second.info.title == (
        "Leadership Development Plan: Siân Okafor (Cycle 2: 1 Jan 2025 to 16 Dec 2025)"
    )
    # Each page's footer names the cycle, so a loose page is not taken for the current plan.
    assert all("Cycle 2: 1 Jan 2025 to 16 Dec 2025 (closed)" in flat(p) for p in second.pages)
    # Cycle 2's targets (3 for every skill), not the current ones (4).
    assert "Target for the cycle: 3 Capable" in text
    assert "Target for the cycle: 4" not in text
    # Nothing in a closed cycle is still due.
    assert "Overdue" not in text and "What I need from you" not in text


def test_a_closed_cycle_says_how_it_ended_with_page_references(second):
    start = page_of_section(second, "How the cycle ended")
    assert start == 1 and ("How the cycle ended", 0) in [(t, lvl) for lvl, t, _ in outline(second)]
    page = flat(second.pages[start])
    assert "Cycle 2 ran from 1 Jan 2025 to 16 Dec 2025 and was closed on 17 Dec 2025" in page
    assert "3 goals: 0 met, 2 partly met, 1 not met; 1 carried forward" in page
    detail = _page_with(second, f"{SECOND_NOT_MET} Outcome")
    assert f"Not met {SECOND_NOT_MET}" in page
    assert f"p. {detail + 1}" in page


def test_each_goal_shows_its_outcome_in_the_table_and_its_detail(second):
    table = flat(second.pages[page_of_section(second, "All goals")])
    assert "Outcome" in table and "Status" not in table
    assert "Partly met Carried forward into the next cycle" in table
    assert "Six of twelve." in table
    detail = flat(second.pages[_page_with(second, "At the cycle's end Partly met, carried")])
    assert "At the cycle's end Partly met, carried forward into the next cycle." in detail
    assert CARRIED_NOTE in detail
    # The carried goal as it stood then: progress logged after the cycle is not shown.
    assert "Started the form." in second.text
    assert "Read the background" not in second.text


def test_targets_are_printed_beside_the_levels(current):
    glance = flat(current.pages[page_of_section(current, "At a glance")])
    assert "Target Importance to the role" in glance
    assert "Target for this cycle" in glance  # the radar's legend
    skill = flat(current.pages[page_of_section(current, "1. Learn to follow")])
    assert "Self-assessed level: 3 Capable" in skill
    assert "Target for this cycle: 4 Confident, 1 level above the latest rating." in skill


def test_a_cycle_can_be_asked_for_by_its_uid_and_a_missing_one_is_refused():
    plan = cycled_plan()
    by_uid, _ = build_pdf_bytes(plan, today=TODAY, invariant=True, cycle=plan.cycles[0].uid)
    assert OLD_MET in read_pdf(by_uid).text
    with pytest.raises(UnknownCycle, match="numbered 1 to 2"):
        build_pdf_bytes(plan, today=TODAY, cycle=3)


def test_exporting_a_cycle_that_does_not_exist_writes_nothing(tmp_path):
    out = tmp_path / "plan.pdf"
    with pytest.raises(ExportError, match="There is no cycle 5"):
        export_pdf(cycled_plan(), out, today=TODAY, cycle=5)
    assert not out.exists()


def test_the_attachment_holds_every_cycle_whatever_the_pages_show(second):
    data, _ = build_pdf_bytes(cycled_plan(), today=TODAY, invariant=True, cycle=1)
    (entry,) = PdfReader(io.BytesIO(data)).attachment_list
    attached = json.loads(entry.content)
    assert len(attached["cycles"]) == 2
    titles = {g["title"] for g in attached["goals"]}
    assert {OLD_MET, OLD_CLOSED, CURRENT_ONLY} <= titles


def test_a_goal_left_out_takes_its_outcome_with_it(tmp_path):
    store = PlanStore.open(tmp_path / "plan.db")
    store.replace_plan(cycled_plan())
    plan = store.load_plan()
    store.close()
    closed = next(g for g in plan.goals if g.title == OLD_CLOSED)
    pdf = build(plan, cycle=2, leave_out=[EntryKey(GOAL, closed.id)])[0]
    assert OLD_CLOSED not in pdf.text
    assert "2 goals: 0 met, 1 partly met, 1 not met; 1 carried forward" in pdf.text


HOSTILE = (
    "<b>&amp;</para> agreed "
    + "Antidisestablishmentarianism" * 12
    + " 🎉👍🏽 שלום עליכם مرحبا done"
)


@pytest.mark.parametrize("cycle", [None, 2])
def test_hostile_outcome_notes_print_as_written_and_stay_in_their_type_size(cycle):
    data, _ = build_pdf_bytes(
        cycled_plan(carried_note=HOSTILE, closed_note=HOSTILE),
        today=TODAY,
        invariant=True,
        cycle=cycle,
    )
    pdf = read_pdf(data)
    joined = pdf.text.replace(" ", "")
    assert "<b>&amp;</para>agreed" in joined
    assert "[party popper]" in pdf.text
    # Scripts the embedded font leaves out print as their name, never as broken glyphs.
    assert "[Hebrew text]" in pdf.text and "[Arabic text]" in pdf.text
    assert min(r.size for r in text_runs(data)) >= 7


def test_a_plan_without_cycles_says_nothing_of_them(demo_pdf):
    pdf, _ = demo_pdf
    assert "Last cycle" not in pdf.text and "closed cycle" not in pdf.text
    assert "This plan covers " in pdf.text and "(cycle " not in pdf.text


def test_the_carried_goal_keeps_its_whole_history_in_the_current_copy(current):
    # Logged in cycle 2 and in this one: the goal's whole history, on its page.
    detail = flat(current.pages[_page_with(current, "Carried forward from the last cycle")])
    assert "Started the form." in detail and "Read the background" in detail


def test_after_a_roll_over_the_last_review_held_still_leads_the_current_copy():
    plan = cycled_plan()
    # The only review falls in cycle 2; none yet in the current cycle.
    plan.reviews = [r for r in plan.reviews if r.date.year == 2025]
    plan.reviews[0].next_review = TODAY.replace(month=7)
    pdf = build(plan)[0]
    cover = flat(pdf.pages[0])
    assert "Last review 2 Jun 2025 with Grace Mensah" in cover
    assert "Next review 15 Jul 2026" in cover
    since = flat(pdf.pages[page_of_section(pdf, "Since the last review")])
    assert "Last review: 2 Jun 2025" in since
    # Its entry belongs to cycle 2's copy, not to this one's reviews.
    assert "Review on 2 Jun 2025" not in pdf.text


def test_the_last_cycle_section_is_kept_on_one_page():
    plan = cycled_plan()
    second = plan.cycles[1]
    # Every current goal came forward from cycle 2: a longer table.
    second.outcomes += [
        GoalOutcome(g.uid, g.title, g.skill, "not_met", "Moved on: the ward was short.", True)
        for g in plan.current_goals
        if g.uid != "demo-goal-2"
    ]
    pdf = build(plan)[0]
    last = page_of_section(pdf, "Last cycle")
    page = flat(pdf.pages[last])
    assert "Carried forward into this cycle" in page
    assert CARRIED_NOTE in page and CURRENT_ONLY in page


def test_every_round_is_charted_beside_each_skills_level_with_its_target(current):
    skill = flat(current.pages[page_of_section(current, "1. Learn to follow")])
    # Every round since the first cycle's: four, from 10 Jan 2024 to 16 May 2026.
    assert "Level at each of the 4 rounds" in skill
    assert "Target 4" in skill and "10 Jan 2024" in skill and "16 May 2026" in skill
    glance = flat(current.pages[page_of_section(current, "At a glance")])
    # The trend table: each round, the change since the first, the target, importance.
    assert "10 Jan 2024 10 Jan 2025 17 Dec 2025 16 May 2026" in glance
    assert "Learn to follow 1 1 2 3 +2 4 Very important" in glance


def test_the_goals_table_never_leaves_its_heading_or_a_skills_row_at_a_page_foot(core_framework):
    plan = layout_plans.ten_by_ten_cycled(core_framework)
    pdf = build(plan, cycle=1)[0]
    start = page_of_section(pdf, "All goals")
    # The heading's page holds the table's first goal, not the heading alone.
    assert "Goal for Leadership skill number 1 with a rather long name" in flat(pdf.pages[start])
    end = page_of_section(pdf, "At a glance")
    for page in pdf.pages[start:end]:
        text = flat(page)
        for number in range(1, 11):
            if f"{number}. Leadership skill number {number} with a rather long name" in text:
                # The skill's row goes over the page with its first goal.
                assert f"{number}.1 Goal for Leadership skill number {number}" in text, number


def test_a_target_set_before_any_rating_is_still_printed(empty_plan):
    skill = empty_plan.framework.skills[0]
    empty_plan.targets = {skill.id: 3}
    pdf = build(empty_plan)[0]
    section = flat(pdf.pages[page_of_section(pdf, f"1. {skill.name}")])
    assert "No self-assessment yet. Target for this cycle: 3 " in section
