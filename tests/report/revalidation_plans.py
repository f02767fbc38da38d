"""Plans holding revalidation records, for the revalidation and appraisal exports."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.demo import demo_plan
from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.domain.models import Cycle, Goal, GoalAction, GoalOutcome, Plan, Reflection
from planner.store import PlanStore

TODAY = dt.date(2026, 6, 15)
HOSTILE = "<b>&amp;</para> \u05e9\u05dc\u05d5\u05dd \U0001f469\u200d\u2695\ufe0f"
LONG_WORD = "x" * 3000

NMC_TEXT = {
    "nature": "Nature: I led the safety huddle for a month after a study day.",
    "learned": "Learned: short, structured huddles surface risks earlier.",
    "changed": "Changed: I now ask every staff group for one concern.",
    "code": "Code: it keeps people safe and shows trust in the team.",
}


def account(day: int, title: str, *, private: bool = False, text=None) -> Reflection:
    return Reflection(
        date=TODAY - dt.timedelta(days=day),
        title=title,
        model="nmc",
        sections=dict(text or NMC_TEXT),
        themes=("prioritise_people", "preserve_safety"),
        private=private,
    )


def revalidation_plan(regulator: str = "nmc") -> Plan:
    """The demo plan with three learning activities (3 + 2.5 + 1.25 hours, 2 + 1.5 + 0
    participatory), two shared NMC accounts and a private one, a medical reflection,
    feedback, a reflective discussion and a closed cycle with outcomes."""
    plan = demo_plan(TODAY)
    plan.profile = replace(
        plan.profile, regulator=regulator, revalidation_date=TODAY + dt.timedelta(days=90)
    )
    plan.learning = [
        LearningActivity(
            start=TODAY - dt.timedelta(days=200),
            method="course",
            topic="Leading safety huddles",
            hours=3,
            participatory_hours=2,
            relevance="Run the AMU huddle with the whole team.",
            code_themes=("preserve_safety",),
            evidence="Certificate: huddle study day",
        ),
        LearningActivity(
            start=TODAY - dt.timedelta(days=120),
            end=TODAY - dt.timedelta(days=119),
            method="action_learning",
            topic="Action learning set: delegation",
            hours=2.5,
            participatory_hours=1.5,
            code_themes=("practise_effectively", "promote_professionalism"),
        ),
        LearningActivity(
            start=TODAY - dt.timedelta(days=30),
            method="reading",
            topic="The Code, chapter on trust",
            hours=1.25,
            participatory_hours=0,
        ),
    ]
    plan.feedback = [
        FeedbackEntry(
            date=TODAY - dt.timedelta(days=60),
            source="colleague",
            source_role="Band 5 staff nurse on nights",
            summary="Huddles feel safer to speak up in.",
            response="Kept the one-concern round.",
        )
    ]
    plan.discussions = [
        ReflectiveDiscussion(
            date=TODAY - dt.timedelta(days=10), partner_name="Grace Mensah", partner_pin="12A3456E"
        )
    ]
    plan.reflections += [
        account(40, "Huddle account"),
        account(20, "Delegation account"),
        account(15, "Private account SECRET-PRIVATE", private=True),
        Reflection(
            date=TODAY - dt.timedelta(days=5),
            title="Medical reflection",
            model="medical",
            sections={
                "happened": "Happened: a handover went wrong.",
                "learned": "Learned: read back.",
                "differently": "Differently: SBAR every time.",
                "further": "Further: human factors course.",
            },
        ),
    ]
    closed = Goal(
        skill=plan.goals[0].skill,
        title="Chair the ward meeting",
        description="Need: confidence chairing.",
        measure="Chaired three meetings.",
        target_date=TODAY - dt.timedelta(days=200),
        status="in_progress",
        uid="closed-goal-1",
        actions=[GoalAction("Book the room", done=True)],
        closed_cycle="cycle-1",
    )
    plan.goals.append(closed)
    plan.cycles = [
        Cycle(
            start=TODAY - dt.timedelta(days=545),
            end=TODAY - dt.timedelta(days=181),
            closed_on=TODAY - dt.timedelta(days=180),
            uid="cycle-1",
            outcomes=[
                GoalOutcome(
                    "closed-goal-1",
                    "Chair the ward meeting",
                    closed.skill,
                    "partly_met",
                    "Two of three chaired.",
                ),
                GoalOutcome(
                    "demo-goal-2",
                    plan.goals[1].title,
                    plan.goals[1].skill,
                    "not_met",
                    "Carried on.",
                    carried_forward=True,
                ),
            ],
        )
    ]
    return plan


def saved(path, plan: Plan):
    """``plan`` stored in a new plan database at ``path``; returns the path."""
    store = PlanStore.open(path)
    try:
        store.replace_plan(plan)
    finally:
        store.close()
    return path
