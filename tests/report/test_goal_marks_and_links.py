"""The PDF names a goal's marks where its detail is printed, and follows a review's
explicit links, a deleted goal's included."""

from __future__ import annotations

from planner.demo import demo_plan
from planner.domain.models import ReviewLink
from tests.report.conftest import TODAY, build, flat


def test_a_marked_goal_says_so_in_its_detail_and_an_unmarked_one_does_not():
    plan = demo_plan(TODAY)
    plan.goals[0].inclusion_objective = plan.goals[0].wellbeing_goal = True
    plan.goals[1].wellbeing_goal = True
    pdf, _pages = build(plan)
    text = flat(pdf.text)
    assert text.count("Equality, diversity and inclusion objective · Wellbeing goal") == 1
    assert text.count("Wellbeing goal") == 2
    plain = flat(build(demo_plan(TODAY))[0].text)
    assert "Equality, diversity and inclusion objective" not in plain


def test_the_last_review_follows_its_links_and_a_deleted_goal_is_not_tracked():
    plan = demo_plan(TODAY)
    review = plan.reviews[0]
    goal = plan.goals[7]
    review.links = (
        ReviewLink("Review the break rota in six weeks.", goal.uid),
        ReviewLink("Shadow shift 2", "deleted-since"),
    )
    text = flat(build(plan)[0].text)
    since = text[text.index("Since the last review") :]
    assert f"Review the break rota in six weeks. Not done yet: {goal.title}" in since
    assert "Shadow shift 2 Not tracked as a goal or action in this plan" in since
