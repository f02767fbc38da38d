"""The pages a line manager reads first, and the ways through the plan: where things
stand, what is asked of them, what came of the last review, every goal in one table,
bookmarks, links and page references, read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from planner.demo import demo_plan
from planner.domain.models import Goal, GoalAction, Plan, Profile, Reflection, Review
from planner.frameworks import load_framework
from planner.report.text import short_date
from tests.report.conftest import TODAY, build, flat, outline, page_of_section


def _pages_between(pdf, first: str, until: str) -> str:
    start, end = page_of_section(pdf, first), page_of_section(pdf, until)
    return flat(" ".join(pdf.pages[start : end + 1]))


def _links(pdf, page_index: int) -> list[int]:
    """The pages that the link annotations on a page lead to (0-based)."""
    page = pdf.reader.pages[page_index]
    targets = []
    for annot in page.get("/Annots", []) or []:
        annot = annot.get_object()
        if annot.get("/Subtype") != "/Link":
            continue
        dest = annot.get("/Dest")
        if dest is None and "/A" in annot:
            dest = annot["/A"].get("/D")
        if isinstance(dest, str):
            dest = pdf.reader.named_destinations[dest]
            targets.append(pdf.reader.get_destination_page_number(dest))
        else:
            targets.append(pdf.reader.get_page_number(dest[0].get_object()))
    return targets


def test_the_cover_says_where_things_stand(demo_pdf):
    pdf, _ = demo_pdf
    cover = flat(pdf.pages[0])
    assert "Where things stand" in cover
    assert "10 goals: 1 not started, 7 in progress, 1 achieved, 1 deferred; 2 overdue." in cover
    assert f"Last review {short_date(TODAY - dt.timedelta(days=45))} with Grace Mensah" in cover
    assert f"Next review {short_date(TODAY + dt.timedelta(days=28))}" in cover
    # The three most pressing requests (high priority first), the rest counted.
    assert "Top requests • Advice from the HR business partner if needed." in cover
    assert "and 5 more in What I need from you" in cover


def test_what_i_need_lists_every_request_with_the_page_of_its_goal(demo_pdf):
    pdf, _ = demo_pdf
    plan = demo_plan(TODAY)
    needs = _pages_between(pdf, "What I need from you", "Since the last review")
    asking = [g for g in plan.goals if g.status in ("not_started", "in_progress") and g.support]
    assert len(asking) == 8
    for goal in asking:
        assert flat(goal.support) in needs
        goal_page = page_of_section(pdf, _outline_title(pdf, goal.title))
        assert f"p. {goal_page + 1}" in needs
    # Decisions: the overdue goals and the deferred one, with its reason.
    assert "Its target date (10 Jun 2026) has passed" in needs
    assert "Deferred (Winter pressures on the ward" in needs
    # Each page reference is a link to the page it names.
    first = page_of_section(pdf, "What I need from you")
    targets = _links(pdf, first)
    assert targets and all(t > first for t in targets)
    text = flat(pdf.pages[first])
    assert all(f"p. {t + 1}" in text for t in targets)


def _outline_title(pdf, goal_title: str) -> str:
    return next(t for level, t, _ in outline(pdf) if level == 1 and t.endswith(goal_title))


def test_since_the_last_review_says_what_came_of_each_agreed_action(demo_pdf):
    pdf, _ = demo_pdf
    since = _pages_between(pdf, "Since the last review", "All goals")
    assert "1 of 4 agreed actions shown as done in this plan." in since
    assert "Shadow shift 2 Not done yet, due 12 Jun 2026: Shadow the ward manager" in since
    assert "Review the first rota together Done: Delegate the off-duty" in since
    assert "Review the break rota in six weeks. Not tracked as a goal or action" in since


def test_all_goals_table_has_each_goal_with_date_status_and_page(demo_pdf):
    pdf, _ = demo_pdf
    table = _pages_between(pdf, "All goals", "At a glance")
    for heading in (
        "Development need",
        "Agreed actions",
        "How it will be shown",
        "Target date",
        "Status",
    ):
        assert heading in table
    for goal in demo_plan(TODAY).goals:
        assert flat(goal.title) in table
        assert short_date(goal.target_date) in table
    assert "Overdue" in table


def test_bookmarks_lead_to_every_part_skill_goal_review_and_reflection(demo_pdf):
    pdf, _ = demo_pdf
    marks = outline(pdf)
    plan = demo_plan(TODAY)
    goals = [(t, p) for level, t, p in marks if level == 1 and re.match(r"\d+\.\d+ ", t)]
    assert len(goals) == len(plan.goals)
    for title, page in goals:
        # The heading is on the page the bookmark opens.
        assert flat(title.split(" ", 1)[1])[:40] in flat(pdf.pages[page])
    titles = [t for _, t, _ in marks]
    assert f"Review on {short_date(plan.reviews[0].date)}" in titles
    shared = [r for r in plan.reflections if not r.private]
    assert sum(1 for t in titles if any(t.endswith(r.title) for r in shared)) == len(shared)


def test_a_page_that_continues_a_goal_says_which_in_its_header():
    plan = demo_plan(TODAY)
    goal = plan.goals[3]
    goal.description = "\n\n".join(
        f"Paragraph {n} of a long plan for this goal." for n in range(90)
    )
    pdf, _ = build(plan)
    start = page_of_section(pdf, _outline_title(pdf, goal.title))
    following = pdf.pages[start + 1]
    assert "Paragraph 89" in flat(" ".join(pdf.pages[start : start + 3]))
    assert "(continued)" in following
    assert "2.1 Run a structured ward round board check" in flat(following)


def test_private_reflections_are_announced_on_the_cover_and_every_page():
    with_private, _ = build(demo_plan(TODAY), include_private=True)
    assert "This copy includes 1 private reflection." in flat(with_private.pages[0])
    assert all("Includes private reflections" in page for page in with_private.pages)

    shared_only, _ = build(demo_plan(TODAY))
    assert "private reflection." not in flat(shared_only.pages[0])
    assert not any("Includes private reflections" in page for page in shared_only.pages)


def test_the_cover_mentions_a_selection_only_when_some_skills_are_left_out():
    plan = demo_plan(TODAY)
    every = {skill.id for skill in plan.framework.skills}
    all_chosen, _ = build(plan, skills=every)
    assert "only some" not in all_chosen.text

    some, _ = build(plan, skills={"learn-to-follow"})
    assert "This copy covers only some skills: Learn to follow." in flat(some.pages[0])


def test_missing_parts_of_a_goal_are_named_not_dropped():
    plan = Plan(Profile(name="Ada"), load_framework("core-leadership"))
    plan.goals = [Goal(skill="learn-to-follow", title="A bare goal", uid="bare")]
    pdf, _ = build(plan)
    detail = flat(pdf.pages[page_of_section(pdf, "1.1 A bare goal")])
    assert "How I will know it is achieved Not agreed yet." in detail
    assert "Support needed None asked for." in detail
    assert "Actions No actions recorded yet." in detail
    needs = _pages_between(pdf, "What I need from you", "All goals")
    assert "A bare goal" in needs
    assert "Agree a target date and how you will both know it is achieved." in needs


def test_open_actions_on_an_achieved_goal_are_not_called_overdue():
    plan = Plan(Profile(name="Ada"), load_framework("core-leadership"))
    plan.goals = [
        Goal(
            skill="learn-to-follow",
            title="Done early",
            uid="done",
            status="achieved",
            actions=[GoalAction("A step we no longer need", TODAY - dt.timedelta(days=9))],
        )
    ]
    pdf, _ = build(plan)
    detail = flat(pdf.pages[page_of_section(pdf, "1.1 Done early")])
    assert "A step we no longer need · due" in detail and "was due" not in detail
    assert "Overdue" not in flat(pdf.pages[page_of_section(pdf, "All goals")])


def test_goals_link_to_the_reflections_about_them_and_back():
    plan = demo_plan(TODAY)
    pdf, _ = build(plan)
    reflection = next(r for r in plan.reflections if r.goal and not r.private)
    goal = next(g for g in plan.goals if g.uid == reflection.goal)
    goal_page = page_of_section(pdf, _outline_title(pdf, goal.title))
    reflection_page = page_of_section(
        pdf, next(t for _, t, _ in outline(pdf) if t.endswith(reflection.title))
    )
    detail = flat(" ".join(pdf.pages[goal_page : goal_page + 2]))
    assert f"Reflections on this goal {reflection.title}" in detail
    assert f"p. {reflection_page + 1}" in detail
    assert reflection_page in _links(pdf, goal_page) + _links(pdf, goal_page + 1)
    assert goal_page in _links(pdf, reflection_page)


def test_the_framework_own_word_for_its_parts_is_used():
    framework = load_framework("healthcare-leadership-model")
    plan = Plan(Profile(name="Ada"), framework)
    pdf, _ = build(plan)
    assert framework.part_plural == "dimensions"
    assert "No goals set for this dimension yet." in pdf.text
    assert "each dimension's goals in detail" in flat(pdf.pages[0])


def test_reviews_list_agreed_actions_with_outcomes_and_the_next_review(demo_pdf):
    pdf, _ = demo_pdf
    reviews = _pages_between(pdf, "Reviews with the line manager", "Reflections")
    assert "• Review the first rota together → Done: Delegate the off-duty" in reviews
    assert f"Next review planned for {short_date(TODAY + dt.timedelta(days=28))}." in reviews


def test_no_standard_font_is_named_and_the_keywords_are_set(demo_pdf):
    pdf, _ = demo_pdf
    for page in pdf.reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            assert "Helvetica" not in str(font.get_object().get("/BaseFont"))
    assert "development plan" in pdf.info["/Keywords"]


@pytest.mark.parametrize("reviews", [[], [Review(TODAY, agreed_actions="")]])
def test_no_review_or_no_agreed_actions_says_so(reviews):
    plan = dataclasses.replace(demo_plan(TODAY), reviews=reviews)
    pdf, _ = build(plan)
    since = flat(pdf.pages[page_of_section(pdf, "Since the last review")])
    expected = (
        "No actions were recorded as agreed at that review."
        if reviews
        else "No review with the line manager has been recorded yet."
    )
    assert expected in since
    assert ("Next review Not planned yet") in flat(pdf.pages[0])


def test_a_reflection_about_a_goal_left_out_of_this_copy_does_not_name_it():
    plan = demo_plan(TODAY)
    goal = next(g for g in plan.goals if g.skill == "learn-to-follow")
    plan.reflections.append(Reflection(TODAY, "About a left-out goal", goal=goal.uid))
    pdf, _ = build(plan, skills={"situational-awareness"})
    assert "About a left-out goal" in pdf.text
    assert goal.title not in pdf.text


def test_hostile_and_huge_requests_and_agreed_actions_lay_out_as_typed():
    plan = demo_plan(TODAY)
    plan.goals[1].support = "<b>bold?</b> & <font size=40>big</font> 😀 " + "Need " * 400
    plan.goals[1].title = "</para><a href='x'>Title</a>"
    plan.reviews[0].agreed_actions = "\n".join(
        ["Long " * 1500, *(f"Line {n} & <i>more</i>" for n in range(400))]
    )
    pdf, _ = build(plan)
    text = pdf.text
    assert "<b>bold?</b> & <font size=40>big</font>" in text
    assert "</para><a href='x'>Title</a>" in text
    assert "Line 399 & <i>more</i>" in text
    assert text.count("Long Long") >= 1000


def test_each_skill_names_its_behaviours_and_the_importance_beside_the_rating(demo_pdf):
    pdf, _ = demo_pdf
    plan = demo_plan(TODAY)
    skill = plan.framework.skills[0]
    start = page_of_section(pdf, f"1. {skill.name}")
    end = page_of_section(pdf, f"2. {plan.framework.skills[1].name}")
    section = flat(" ".join(pdf.pages[start:end]))
    assert "For discussion: what the framework describes" in section
    for behaviour in skill.behaviours:
        assert flat(behaviour) in section
    first_page = flat(pdf.pages[start])
    assert "importance to the role: 4 Very important" in first_page
    # The first goal shares the skill's opening page.
    assert "1.1 Lead the safety huddle" in first_page


def test_a_page_that_continues_a_review_names_it_in_its_header():
    plan = demo_plan(TODAY)
    plan.reviews[0].notes = "\n\n".join(
        f"Point {n} we talked through at length." for n in range(120)
    )
    pdf, _ = build(plan)
    start = page_of_section(pdf, f"Review on {short_date(plan.reviews[0].date)}")
    following = flat(pdf.pages[start + 1])
    assert "Point 119" in flat(" ".join(pdf.pages[start : start + 4]))
    assert f"Review on {short_date(plan.reviews[0].date)} (continued)" in following
