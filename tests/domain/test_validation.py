import datetime as dt

from planner.domain.models import Goal, GoalAction, Profile, ProgressEntry, Reflection
from planner.domain.validation import (
    check_goal,
    check_plan,
    check_profile,
    check_progress_percent,
    check_reflection,
)

SKILLS = {"learn-to-follow"}


def test_profile_needs_a_name_and_an_ordered_period():
    assert check_profile(Profile(name="  ")) == ["profile.name: a name is required"]
    profile = Profile("Ann", period_start=dt.date(2026, 5, 1), period_end=dt.date(2026, 1, 1))
    assert check_profile(profile) == ["profile.period_end: before the start of the plan period"]


def test_goal_rules_report_every_problem_with_its_place():
    goal = Goal(
        skill="nope",
        title="",
        status="done",
        priority="urgent",
        actions=[GoalAction("")],
        progress=[ProgressEntry(dt.date.today(), 120)],
    )
    problems = check_goal(goal, SKILLS, "goals[3]")
    assert "goals[3].skill: unknown skill 'nope'" in problems
    assert "goals[3].title: a title is required" in problems
    assert any(p.startswith("goals[3].status:") for p in problems)
    assert any(p.startswith("goals[3].priority:") for p in problems)
    assert "goals[3].actions[0].text: an action needs some text" in problems
    assert "goals[3].progress[0].percent: 120 is outside 0 to 100" in problems


def test_percent_must_be_a_whole_number():
    assert check_progress_percent(50) == []
    assert check_progress_percent(True)
    assert check_progress_percent(50.5)
    assert check_progress_percent(-1)


def test_text_with_nul_or_lone_surrogate_is_refused():
    goal = Goal(skill="learn-to-follow", title="ok\x00", description="\ud800")
    problems = check_goal(goal, SKILLS)
    assert any("NUL" in p for p in problems)
    assert any("surrogate" in p for p in problems)


def test_reflection_sections_must_belong_to_its_model():
    reflection = Reflection(
        dt.date.today(), "Title", model="rolfe", sections={"what": "x", "feelings": "y"}
    )
    assert check_reflection(reflection, SKILLS, set()) == [
        "reflection.feelings: not a section of the rolfe model"
    ]
    reflection.model = "diary"
    assert any(
        p.startswith("reflection.model") for p in check_reflection(reflection, SKILLS, set())
    )


def test_demo_plan_is_valid(sample_plan):
    assert check_plan(sample_plan) == []


def test_plan_rejects_duplicate_goal_ids_and_double_ratings(sample_plan):
    sample_plan.goals[1].uid = sample_plan.goals[0].uid
    sample_plan.assessments.append(sample_plan.assessments[0])
    problems = check_plan(sample_plan)
    assert any("goals[1].id" in p for p in problems)
    assert any("rated twice" in p for p in problems)
