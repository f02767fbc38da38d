"""What became of a review's agreed actions: an explicit link wins over the words'
match, follows the action it names, and says so when its goal is gone."""

from __future__ import annotations

import datetime as dt

from planner.domain.models import Goal, GoalAction, Review, ReviewLink
from planner.domain.review_actions import follow_up

REVIEW = Review(
    date=dt.date(2026, 6, 1),
    agreed_actions="Book the study day\n- Shadow two shifts\nTalk to HR",
)


def _goals() -> list[Goal]:
    return [
        Goal(skill="s", title="Book the study day", uid="words"),
        Goal(
            skill="s",
            title="Get to know the ward",
            uid="ward",
            status="in_progress",
            actions=[GoalAction("Meet the matron"), GoalAction("Walk the floor", done=True)],
        ),
    ]


def test_without_links_lines_are_matched_by_their_words():
    items = follow_up(REVIEW, _goals())
    assert [(i.state, i.goal.uid if i.goal else None, i.linked) for i in items] == [
        ("open", "words", False),
        ("untracked", None, False),
        ("untracked", None, False),
    ]


def test_a_link_wins_over_the_words_and_names_the_action_it_became():
    review = Review(
        date=REVIEW.date,
        agreed_actions=REVIEW.agreed_actions,
        links=(
            ReviewLink("Book the study day", "ward"),
            ReviewLink("Shadow two shifts", "ward", 1),
        ),
    )
    first, second, third = follow_up(review, _goals())
    assert (first.goal.uid, first.action, first.state, first.linked) == ("ward", None, "open", True)
    assert (second.action.text, second.state, second.linked) == ("Walk the floor", "done", True)
    assert third.state == "untracked" and not third.linked


def test_a_link_to_a_deleted_goal_or_a_missing_action_is_untracked_and_says_it_was_lost():
    review = Review(
        date=REVIEW.date,
        agreed_actions=REVIEW.agreed_actions,
        links=(ReviewLink("Book the study day", "gone"), ReviewLink("Talk to HR", "ward", 5)),
    )
    first, _second, third = follow_up(review, _goals())
    assert (first.state, first.goal, first.lost) == ("untracked", None, True)
    assert (third.state, third.goal, third.lost) == ("untracked", None, True)


def test_a_copy_without_a_goal_drops_the_reviews_link_to_it_but_keeps_a_deleted_ones():
    from planner.demo import demo_plan
    from planner.domain.export_privacy import exported_plan

    plan = demo_plan(dt.date(2026, 6, 15))
    review = plan.reviews[0]
    kept_goal, other_goal = plan.goals[0], plan.goals[7]
    review.links = (
        ReviewLink("Shadow shift 2", kept_goal.uid),
        ReviewLink("Review the first rota together", other_goal.uid),
        ReviewLink("Review the break rota in six weeks.", "deleted-before"),
    )
    copy = exported_plan(plan, skills=[kept_goal.skill])
    assert other_goal.skill != kept_goal.skill
    assert [link.goal for link in copy.reviews[0].links] == [kept_goal.uid, "deleted-before"]
    assert len(plan.reviews[0].links) == 3  # the plan itself is unchanged
