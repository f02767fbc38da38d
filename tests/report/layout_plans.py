"""Plans that stress the PDF's layout: every shipped framework fully rated, many overdue
goals, ten skills on a ten-level scale, and a heavy plan of long text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.models import (
    Cycle,
    Framework,
    Goal,
    GoalAction,
    GoalOutcome,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    ScaleLevel,
    SelfAssessment,
    Skill,
)
from planner.frameworks import load_framework
from tests.report.conftest import TODAY

NOTE = "Talked it through at the ward meeting; the team agreed the next step."
HLM = "healthcare-leadership-model"
CLCF = "clinical-leadership-competency-framework"
LONG_NAME = "Oluwaseun Adeyemi-Johnson"
LONG_MANAGER = "Dr Catherine Fitzgerald, Associate Director of Nursing"
SENTENCE = (
    "Worked with the ward team on handover quality, asked for feedback and noted what "
    "changed for patients and staff over the following weeks. "
)


def _rounds(framework: Framework, count: int, *, importance: bool = True) -> list:
    top = len(framework.scale)
    ratings = []
    for n in range(count):
        day = TODAY - dt.timedelta(days=90 * (count - n))
        for i, skill in enumerate(framework.skills):
            level = min(top, 1 + (i + n) % top)
            ratings.append(
                SelfAssessment(skill.id, day, level, importance=(i % 5) + 1 if importance else None)
            )
    return ratings


def _profile(name: str = "Priya Raman", manager: str = "Sam Taylor, Matron") -> Profile:
    return Profile(name=name, role="Ward Sister", manager=manager)


def rated_plan(framework_id: str = HLM, rounds: int = 4) -> Plan:
    """Every skill of a shipped framework rated over ``rounds`` rounds, a goal per skill."""
    framework = load_framework(framework_id)
    goals = [
        Goal(
            skill=skill.id,
            title=f"Practise {skill.name.lower()} on every shift",
            target_date=TODAY + dt.timedelta(days=20 + i),
            status="in_progress",
            progress=[ProgressEntry(TODAY - dt.timedelta(days=10), 40, "Started.")],
        )
        for i, skill in enumerate(framework.skills)
    ]
    return Plan(_profile(), framework, assessments=_rounds(framework, rounds), goals=goals)


def overdue_plan(framework_id: str = CLCF, count: int = 20) -> Plan:
    """``count`` overdue goals spread over the framework's skills."""
    framework = load_framework(framework_id)
    skills = framework.skills
    goals = [
        Goal(
            skill=skills[n % len(skills)].id,
            title=f"Overdue goal number {n + 1}: lead the monthly safety huddle review",
            target_date=TODAY - dt.timedelta(days=5 + n),
            status="in_progress" if n % 2 else "not_started",
        )
        for n in range(count)
    ]
    return Plan(_profile(), framework, assessments=_rounds(framework, 2), goals=goals)


def ten_by_ten_plan(core: Framework) -> Plan:
    """Ten skills with long names on a ten-level scale, rated over four rounds."""
    scale = tuple(ScaleLevel(f"Level {n} descriptor") for n in range(1, 11))
    skills = tuple(
        Skill(f"skill-{n}", f"Leadership skill number {n} with a rather long name")
        for n in range(1, 11)
    )
    framework = replace(core, id="ten", name="Ten by ten", scale=scale, skills=skills)
    goals = [
        Goal(skill=s.id, title=f"Goal for {s.name}", target_date=TODAY - dt.timedelta(days=3))
        for s in skills
    ]
    return Plan(_profile(), framework, assessments=_rounds(framework, 4), goals=goals)


def ten_by_ten_cycled(core: Framework) -> Plan:
    """The ten-by-ten plan after a roll-over: six rounds, a target for every skill in
    both cycles, half its goals closed in the past cycle with long notes on outcomes."""
    plan = ten_by_ten_plan(core)
    skills = [s.id for s in plan.framework.skills]
    end = TODAY - dt.timedelta(days=200)
    outcomes = []
    for n, goal in enumerate(plan.goals):
        goal.uid = f"goal-{n}"
        carried = n % 2 == 1
        if not carried:
            goal.closed_cycle = "past"
        outcomes.append(
            GoalOutcome(
                goal.uid,
                goal.title,
                goal.skill,
                ("met", "partly_met", "not_met")[n % 3],
                (NOTE + " ") * 6,
                carried,
            )
        )
    past = Cycle(
        end - dt.timedelta(days=364),
        end,
        end + dt.timedelta(days=2),
        uid="past",
        targets={s: 1 + (n + 3) % 10 for n, s in enumerate(skills)},
        outcomes=outcomes,
    )
    return replace(
        plan,
        profile=replace(plan.profile, period_start=end + dt.timedelta(days=1)),
        assessments=_rounds(plan.framework, 6),
        targets={s: 1 + (n + 5) % 10 for n, s in enumerate(skills)},
        cycles=[past],
    )


def heavy_plan(core: Framework) -> Plan:
    """30 goals with 1,500-character descriptions, 20 reflections, 4 rounds, 5 reviews."""
    text = (SENTENCE * 12)[:1500]
    skills = core.skills
    goals = []
    for n in range(30):
        goals.append(
            Goal(
                skill=skills[n % len(skills)].id,
                title=f"Heavy goal {n + 1}: improve the handover",
                description=text,
                measure="Staff survey shows better handovers." if n % 3 else "",
                target_date=TODAY + dt.timedelta(days=n * 7 - 60) if n % 4 else None,
                status=("not_started", "in_progress", "achieved", "deferred")[n % 4],
                actions=[GoalAction(f"Step {k}", TODAY - dt.timedelta(days=k)) for k in range(3)],
                progress=[
                    ProgressEntry(TODAY - dt.timedelta(days=30 * (5 - k)), 20 * k, NOTE)
                    for k in range(1, 5)
                ],
            )
        )
    reflections = [
        Reflection(
            TODAY - dt.timedelta(days=n * 9),
            f"Reflection {n + 1}",
            sections={"what": text, "so_what": text[:600], "now_what": text[:300]},
            skill=skills[n % len(skills)].id,
        )
        for n in range(20)
    ]
    reviews = [
        Review(
            TODAY - dt.timedelta(days=60 * n),
            "Sam Taylor",
            notes=text[:700],
            agreed_actions="Book the course.\nShadow the matron.",
        )
        for n in range(5)
    ]
    return Plan(
        _profile(LONG_NAME, LONG_MANAGER),
        core,
        assessments=_rounds(core, 4),
        goals=goals,
        reflections=reflections,
        reviews=reviews,
    )
