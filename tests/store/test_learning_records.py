"""Learning activities, feedback and reflective discussions: saved whole, refused with a
clear message when wrong, and carried through a plan file exactly."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from planner import planfile
from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.domain.models import Reflection
from planner.domain.reflection_models import carry_sections
from planner.domain.validation import ValidationError
from planner.store import PlanStore

HOSTILE = "<b>bold</b> &amp; </para> ✓ 🙂 مرحبا\nsecond line"


def _activity(**changes) -> LearningActivity:
    fields = {
        "start": dt.date(2026, 3, 2),
        "method": "action_learning",
        "topic": "Action learning set: leading the huddle",
        "hours": 3,
        "participatory_hours": 2.5,
        "relevance": HOSTILE,
        "code_themes": ("preserve_safety", "practise_effectively"),
        "skills": ("situational-awareness",),
        "goals": ("demo-goal-4",),
        "evidence": "Certificate: " + HOSTILE,
    }
    return LearningActivity(**{**fields, **changes})


def test_a_learning_activity_is_saved_whole_and_read_back(store):
    saved = store.save_learning(_activity())
    (back,) = store.learning_activities()
    assert back == saved and back.uid and back.id
    assert back.relevance == HOSTILE and back.participatory_hours == 2.5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hours": 0}, "more than 0 hours"),
        ({"participatory_hours": 4}, "more than the activity's 3 hours"),
        ({"hours": -1}, "from 0 to 1000"),
        ({"hours": True}, "must be a number of hours"),
        ({"topic": "  "}, "say what the learning was about"),
        ({"method": "telepathy"}, "method: must be one of"),
        ({"code_themes": ("be_nice",)}, "not a theme of the NMC Code"),
        ({"skills": ("mind-reading",)}, "unknown skill 'mind-reading'"),
        ({"end": dt.date(2026, 3, 1)}, "before the activity started"),
    ],
)
def test_a_wrong_activity_is_refused_and_nothing_is_written(store, changes, message):
    with pytest.raises(ValidationError) as caught:
        store.save_learning(_activity(**changes))
    assert message in str(caught.value)
    assert store.learning_activities() == []


def test_feedback_with_360_ratings_and_a_discussion_are_kept(store):
    entry = store.save_feedback(
        FeedbackEntry(
            dt.date(2026, 4, 20),
            "multi_source",
            "Colleagues rate my delegation lower than I do.",
            response=HOSTILE,
            source_role="Ward team (12 responses)",
            ratings={"empower-and-resolve": 2, "learn-to-follow": 4},
        )
    )
    assert store.feedback_entries() == [entry]
    with pytest.raises(ValidationError) as caught:
        store.save_feedback(
            FeedbackEntry(dt.date(2026, 4, 20), "colleague", "x", ratings={"learn-to-follow": 9})
        )
    assert "must be a level from 1 to 5" in str(caught.value)
    discussion = store.save_discussion(
        ReflectiveDiscussion(dt.date(2026, 11, 2), "Grace Mensah", "98Y7654E", HOSTILE)
    )
    assert store.discussions() == [discussion]
    with pytest.raises(ValidationError):
        store.save_discussion(ReflectiveDiscussion(dt.date(2026, 11, 2), "Grace Mensah", " "))


def test_every_record_and_an_nmc_account_round_trip_through_a_plan_file(store, tmp_path):
    store.save_learning(_activity())
    store.save_learning(
        _activity(topic="E-learning: " + HOSTILE, hours=1.25, participatory_hours=0)
    )
    store.save_feedback(
        FeedbackEntry(dt.date(2026, 4, 20), "patient", HOSTILE, source_role="A relative")
    )
    store.save_discussion(ReflectiveDiscussion(dt.date(2026, 11, 2), "Grace Mensah", "98Y7654E"))
    store.save_reflection(
        Reflection(
            dt.date(2026, 5, 1),
            "Handover on a short-staffed night",
            model="nmc",
            sections={"nature": HOSTILE, "learned": "Ask early.", "code": "Safety."},
            themes=("preserve_safety", "prioritise_people"),
        )
    )
    profile = store.profile()
    profile.regulator, profile.revalidation_date = "nmc", dt.date(2027, 3, 31)
    store.save_profile(profile)

    text = planfile.dumps(store.load_plan(), exported_at="x")
    data = json.loads(text)
    assert [a["hours"] for a in data["learning"]] == [3, 1.25]  # written as typed
    assert data["profile"]["regulator"] == "nmc"
    again = PlanStore.open(tmp_path / "again.db")
    try:
        again.replace_plan(planfile.loads(text))
        assert planfile.dumps(again.load_plan(), exported_at="x") == text
    finally:
        again.close()
    raw = sqlite3.connect(tmp_path / "again.db")
    try:
        themes = raw.execute("SELECT themes FROM reflections WHERE model = 'nmc'").fetchone()[0]
    finally:
        raw.close()
    assert json.loads(themes) == ["preserve_safety", "prioritise_people"]


def test_a_plan_file_with_wrong_records_names_each_problem_by_place(store):
    data = json.loads(planfile.dumps(store.load_plan(), exported_at="x"))
    data["learning"] = [{"start": "2026-02-30", "topic": "", "hours": "3", "method": "nap"}]
    data["feedback"] = [{"date": "2026-04-20", "summary": "ok", "ratings": {"learn-to-follow": 0}}]
    data["profile"]["regulator"] = "fca"
    with pytest.raises(planfile.PlanFileError) as caught:
        planfile.plan_from_dict(data)
    problems = caught.value.problems
    assert "learning[0].start: not a date (expected YYYY-MM-DD)" in problems
    assert "learning[0].hours: expected a number of hours" in problems
    assert (
        "learning[0].method: must be one of "
        + ", ".join(
            [
                "course",
                "workshop",
                "e_learning",
                "shadowing",
                "coaching",
                "action_learning",
                "conference",
                "reading",
                "supervising",
                "committee",
                "leadership_programme",
                "other",
            ]
        )
        in problems
    )
    assert any(p.startswith("profile.regulator: must be one of") for p in problems)


def test_a_reflection_turned_into_an_nmc_account_keeps_every_word():
    gibbs = {
        "description": "What happened.",
        "feelings": "Anxious.",
        "analysis": "Too many tasks.",
        "action_plan": "Delegate earlier.",
    }
    assert carry_sections(gibbs, "gibbs", "nmc") == {
        "nature": "What happened.",
        "learned": "Anxious.\n\nToo many tasks.",
        "changed": "Delegate earlier.",
    }
    rolfe = {"what": "A", "so_what": "B", "now_what": "C"}
    assert carry_sections(rolfe, "rolfe", "medical") == {
        "happened": "A",
        "learned": "B",
        "differently": "C",
    }


def test_a_goal_reads_only_the_records_that_served_it(store):
    goal, other = store.all_goals()[:2]
    # A made-up id holding the goal's own: a text match alone would take it.
    longer = goal.uid + "-copy"
    served = store.save_learning(_activity(topic="Served it", goals=(other.uid, goal.uid)))
    store.save_learning(_activity(topic="Served another", goals=(longer,)))
    store.save_learning(_activity(topic="Served none"))
    heard = store.save_feedback(
        FeedbackEntry(dt.date(2026, 2, 1), "manager", "Yes", goals=(goal.uid,))
    )
    store.save_feedback(FeedbackEntry(dt.date(2026, 2, 2), "team", "Other", goals=(other.uid,)))
    learning, feedback = store.records_for_goal(goal.uid)
    assert [a.id for a in learning] == [served.id]
    assert [f.id for f in feedback] == [heard.id]


def test_a_plan_file_written_by_a_program_keeps_hours_a_rounding_hair_apart(store):
    data = json.loads(planfile.dumps(store.load_plan(), exported_at="x"))
    activity = {"start": "2026-02-03", "topic": "Huddle", "method": "workshop"}
    # 0.1 + 0.2, as a script adds them: a hair over 0.3, the same hours to anyone.
    data["learning"] = [{**activity, "hours": 0.3, "participatory_hours": 0.1 + 0.2}]
    (read,) = planfile.plan_from_dict(data).learning
    store.save_learning(read)
    (back,) = store.learning_activities()
    assert (back.hours, back.participatory_hours) == (0.3, 0.3)
    # Hours too small to show as anything but 0 are refused, as 0 is.
    data["learning"] = [{**activity, "hours": 1e-320, "participatory_hours": 0}]
    with pytest.raises(planfile.PlanFileError) as caught:
        planfile.plan_from_dict(data)
    assert caught.value.problems == [
        "learning[0].hours: an activity takes some time (more than 0 hours)"
    ]
