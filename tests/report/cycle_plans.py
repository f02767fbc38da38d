"""Plans that have lived through cycles, built from the domain dataclasses: the demo plan
after two roll-overs, with targets, outcomes and goals closed in each past cycle."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.demo import demo_plan
from planner.domain.models import (
    Cycle,
    Goal,
    GoalOutcome,
    Plan,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from tests.report.conftest import TODAY

FIRST_UID, SECOND_UID = "cycle-first", "cycle-second"
# Cycle 1: 2024; cycle 2: 2025 up to the demo plan's current period (17 Dec 2025 on).
FIRST = (dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2025, 1, 3))
SECOND = (dt.date(2025, 1, 1), dt.date(2025, 12, 16), dt.date(2025, 12, 17))

OLD_MET = "Write the ward's first falls audit"
OLD_CLOSED = "Chair the Band 6 forum every month"
SECOND_NOT_MET = "Publish the handover standard on the intranet"
CARRIED_NOTE = "Half the self-assessment done; the rest needs the new matron in post."
CARRIED_UID = "demo-goal-2"  # a demo goal: carried from cycle 2 into the current one
# A current goal only: never in a past cycle's copy.
CURRENT_ONLY = "Complete the trust's deteriorating patient study day"
OLD_REFLECTION = "What the forum taught me about listening"
CURRENT_TARGETS = {"learn-to-follow": 4, "situational-awareness": 4, "empower-and-resolve": 3}


def _closed(
    skill: str,
    title: str,
    uid: str,
    status: str,
    target: dt.date,
    cycle: str = SECOND_UID,
    **fields,
) -> Goal:
    """A goal closed in a past cycle (cycle 2 unless said)."""
    closed = {"uid": uid, "status": status, "target_date": target, "closed_cycle": cycle}
    return Goal(skill, title, **closed, **fields)


def cycled_plan(carried_note: str = CARRIED_NOTE, closed_note: str = "") -> Plan:
    """The demo plan in its third cycle: two closed cycles before it."""
    plan = demo_plan(TODAY)
    skills = [s.id for s in plan.framework.skills]
    old_goals = [
        _closed(
            skills[0],
            OLD_MET,
            "old-met",
            "achieved",
            dt.date(2024, 9, 30),
            cycle=FIRST_UID,
            progress=[ProgressEntry(dt.date(2024, 9, 1), 100, "Done.")],
        ),
        _closed(
            skills[1],
            OLD_CLOSED,
            "old-closed",
            "in_progress",
            dt.date(2025, 10, 1),
            measure="Minutes of each meeting",
            progress=[ProgressEntry(dt.date(2025, 6, 1), 60, "Six forums held.")],
        ),
        _closed(skills[2], SECOND_NOT_MET, "second-not-met", "not_started", dt.date(2025, 11, 1)),
    ]
    carried = next(g for g in plan.goals if g.uid == CARRIED_UID)
    # Progress after cycle 2 ended belongs to the current cycle, not to cycle 2's copy.
    carried.progress.insert(0, ProgressEntry(dt.date(2025, 11, 20), 10, "Started the form."))
    first = Cycle(
        *FIRST,
        uid=FIRST_UID,
        targets=dict.fromkeys(skills, 2),
        outcomes=[GoalOutcome("old-met", OLD_MET, skills[0], "met")],
    )
    second = Cycle(
        *SECOND,
        uid=SECOND_UID,
        targets=dict.fromkeys(skills, 3),
        outcomes=[
            GoalOutcome(
                "old-closed", OLD_CLOSED, skills[1], "partly_met", closed_note or "Six of twelve."
            ),
            GoalOutcome("second-not-met", SECOND_NOT_MET, skills[2], "not_met", ""),
            GoalOutcome(
                CARRIED_UID, carried.title, carried.skill, "partly_met", carried_note, True
            ),
        ],
    )
    old_rounds = [
        SelfAssessment(skill, day, 1 + n, importance=3)
        for day in (dt.date(2024, 1, 10), dt.date(2025, 1, 10))
        for n, skill in enumerate(skills)
    ]
    return replace(
        plan,
        goals=old_goals + plan.goals,
        assessments=old_rounds + plan.assessments,
        reflections=[
            Reflection(dt.date(2025, 7, 1), OLD_REFLECTION, sections={"what": "Listen first."}),
            *plan.reflections,
        ],
        reviews=[Review(dt.date(2025, 6, 2), "Grace Mensah", notes="Mid-year."), *plan.reviews],
        targets=dict(CURRENT_TARGETS),
        cycles=[first, second],
    )
