"""What the revalidation view counts for each regulator, and what it never claims."""

from __future__ import annotations

import dataclasses
import datetime as dt

from planner.domain.learning import FeedbackEntry, LearningActivity, ReflectiveDiscussion
from planner.domain.models import Reflection, Review
from planner.domain.revalidation import revalidation_view

DUE = dt.date(2027, 3, 31)
TODAY = dt.date(2026, 12, 1)


def _plan(sample_plan, regulator, due=DUE, **records):
    profile = dataclasses.replace(sample_plan.profile, regulator=regulator, revalidation_date=due)
    return dataclasses.replace(sample_plan, profile=profile, **records)


def _counts(view):
    return {r.label: (r.have, r.need, r.met) for r in view.requirements}


def test_nmc_counts_three_years_of_cpd_feedback_accounts_and_the_discussion(sample_plan):
    learning = [
        LearningActivity(dt.date(2025, 5, 1), "course", "Leadership course", 20, 12),
        LearningActivity(dt.date(2026, 9, 1), "shadowing", "Shadowing the matron", 16, 9),
        # Before the three years: not counted.
        LearningActivity(dt.date(2023, 1, 1), "reading", "Old reading", 40, 0),
    ]
    accounts = [Reflection(dt.date(2026, 1, 1 + i), f"Account {i}", model="nmc") for i in range(4)]
    feedback = [FeedbackEntry(dt.date(2026, 6, 1), "colleague", "Good") for _ in range(5)]
    plan = _plan(
        sample_plan,
        "nmc",
        learning=learning,
        reflections=sample_plan.reflections + accounts,
        feedback=feedback,
        discussions=[],
    )
    view = revalidation_view(plan, TODAY)
    assert (view.start, view.end) == (dt.date(2024, 4, 1), DUE)
    counts = _counts(view)
    assert counts["Hours of CPD"] == (36, 35, True)
    assert counts["Participatory hours of CPD (learning with other professionals)"] == (
        21,
        20,
        True,
    )
    assert counts["Pieces of practice-related feedback"] == (5, 5, True)
    assert counts["Written reflective accounts on the NMC form"] == (4, 5, False)
    assert counts["Reflective discussion with another NMC registrant"] == (0, 1, False)
    # The sample's own reflections are offered for turning into accounts.
    account_row = next(r for r in view.requirements if "reflective accounts" in r.label)
    assert "can be turned into accounts" in account_row.note
    # What the app cannot know is listed, never claimed.
    assert "450 practice hours (900 with a dual registration)" in view.outside_the_app
    assert not view.notice

    done = _plan(
        sample_plan,
        "nmc",
        learning=learning,
        reflections=[*accounts, Reflection(dt.date(2026, 2, 9), "Fifth", model="nmc")],
        feedback=feedback,
        discussions=[ReflectiveDiscussion(dt.date(2027, 2, 1), "Grace Mensah", "98Y7654E")],
    )
    assert all(r.met for r in revalidation_view(done, TODAY).requirements)


def test_without_a_date_the_nmc_view_counts_back_from_today_and_says_so(sample_plan):
    view = revalidation_view(_plan(sample_plan, "nmc", due=None), TODAY)
    assert view.end == TODAY and "Set your revalidation date" in view.notice


def test_gmc_counts_the_appraisal_year_and_five_years_of_feedback(sample_plan):
    plan = _plan(
        sample_plan,
        "gmc",
        reviews=[Review(dt.date(2026, 10, 1), notes="PDP reviewed")],
        learning=[LearningActivity(dt.date(2026, 6, 1), "course", "QI course", 7.5, 0)],
        feedback=[
            FeedbackEntry(dt.date(2023, 6, 1), "multi_source", "MSF round"),
            FeedbackEntry(dt.date(2020, 6, 1), "patient", "Too old to count"),
        ],
    )
    counts = _counts(revalidation_view(plan, TODAY))
    assert counts["Development plan reviewed with your appraiser or manager"][2]
    assert counts["Learning activities (CPD) in the appraisal year"] == (1, 1, True)
    assert counts["Colleague feedback in the five-year cycle"] == (1, 1, True)
    assert counts["Patient feedback in the five-year cycle"] == (0, 1, False)


def test_nothing_is_shown_when_no_regulator_applies(sample_plan):
    for regulator in ("", "other", "none"):
        assert revalidation_view(_plan(sample_plan, regulator), TODAY) is None


def test_hours_that_add_up_to_the_need_meet_it_whatever_their_binary_form(sample_plan):
    # 175 sessions of 12 minutes (0.2 hours) sum to 34.99999999999998 one by one.
    learning = [
        LearningActivity(dt.date(2026, 1, 1), "e_learning", f"Module {i}", 0.2, 0.2)
        for i in range(175)
    ]
    plan = _plan(sample_plan, "nmc", learning=learning)
    counts = _counts(revalidation_view(plan, TODAY))
    assert counts["Hours of CPD"] == (35, 35, True)
    assert counts["Participatory hours of CPD (learning with other professionals)"][2] is True


def test_one_learning_activity_is_named_in_the_singular(sample_plan):
    learning = [LearningActivity(dt.date(2026, 1, 1), "course", "Leading a huddle", 3, 1)]
    view = revalidation_view(_plan(sample_plan, "nmc", learning=learning), TODAY)
    assert view.requirements[0].note == "from 1 learning activity"
