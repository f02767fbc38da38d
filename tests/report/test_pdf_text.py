"""User text in the PDF: printed literally, in any script, however long or strange."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from planner.demo import demo_plan
from planner.domain.models import (
    Goal,
    GoalAction,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
    Skill,
)
from planner.report.text import REPLACEMENT, markup, printable
from tests.report.conftest import TODAY, build, flat, page_of_section

HOSTILE = "<b>not bold</b> &amp; </para> <font name=x> <br/> <img src='x'/>"


def test_markup_escapes_and_keeps_newlines():
    assert markup("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert markup("first line\nsecond line") == "first line<br/>second line"
    assert markup("tab\there") == "tab    here"


def test_characters_the_font_lacks_become_one_visible_mark_per_run():
    assert printable("漢字 and 😀") == f"{REPLACEMENT} and {REPLACEMENT}"
    # An emoji sequence (thumbs up + skin tone, or a joined family) shows as one mark.
    assert printable("👍🏽 👨\u200d👩\u200d👧") == f"{REPLACEMENT} {REPLACEMENT}"
    assert printable("bell\x07 null\x00") == f"bell{REPLACEMENT} null{REPLACEMENT}"


def test_hostile_markup_is_printed_literally():
    plan = demo_plan(TODAY)
    plan.goals[0].title = HOSTILE
    plan.goals[0].description = "Line one & <i>two</i>\nLine </para> three"
    plan.reviews[0].notes = HOSTILE
    plan.reflections[0].sections["what"] = HOSTILE
    plan.goals[0].actions.append(GoalAction(HOSTILE, TODAY, False))
    plan.goals[0].progress.append(ProgressEntry(TODAY, 100, HOSTILE))
    plan.profile.name = "<b>Ann</b> & Co"

    pdf, _ = build(plan)

    assert pdf.text.count(flat(HOSTILE)) >= 5
    assert "Line one & <i>two</i> Line </para> three" in pdf.text
    assert "<b>Ann</b> & Co" in pdf.pages[0]
    assert pdf.info.author == "<b>Ann</b> & Co"


NAMES = [
    "Siân Ellis-Jones",
    "Łukasz Wiśniewski",
    "Zoë Brontë",
    unicodedata.normalize("NFC", "Ngozi Okonkwo-Adébáyọ̀"),
    "Ελένη Παπαδοπούλου",
    "Наталья Кузнецова",
]
SYMBOLS = "£250 study budget, €40 fee → agreed • next ✓ done"


def test_non_latin_names_and_symbols_survive_intact():
    plan = demo_plan(TODAY)
    plan.profile.name = NAMES[0]
    plan.profile.manager = NAMES[1]
    for goal, name in zip(plan.goals, NAMES, strict=False):
        goal.title = f"Coach {name}"
    plan.goals[0].description = SYMBOLS

    pdf, _ = build(plan)

    for name in NAMES:
        assert f"Coach {name}" in pdf.text
    assert SYMBOLS in pdf.text
    assert NAMES[1] in flat(pdf.pages[-1])  # the manager's name on the sign-off page
    assert pdf.info.author == NAMES[0]


def test_emoji_and_unknown_scripts_are_replaced_without_failing():
    plan = demo_plan(TODAY)
    plan.goals[0].title = "Celebrate wins 🎉👍🏽 with the team 漢字"
    plan.reflections[0].title = "😀😀😀"

    pdf, _ = build(plan)

    assert f"Celebrate wins {REPLACEMENT} with the team {REPLACEMENT}" in pdf.text


def test_a_sixty_thousand_character_field_flows_over_several_pages():
    sentence = "Reflecting on handover, I noticed the team relied on me for every decision. "
    huge = (sentence * 800)[:60_000]
    plan = demo_plan(TODAY)
    plan.goals[0].description = huge
    # Progress notes normally sit in a table; one this long must flow instead.
    plan.goals[1].progress.append(ProgressEntry(TODAY, 90, huge.replace(". ", ".\n", 50)))

    pdf, pages = build(plan)

    assert pages >= 12 + 2 * 10
    assert pdf.text.count(sentence.strip()) >= 2 * 770
    assert pdf.pages[-1].count("Page") == 1 and f"Page {pages} of {pages}" in pdf.pages[-1]


def test_one_unbroken_sixty_thousand_character_word_does_not_fail():
    plan = demo_plan(TODAY)
    plan.goals[0].measure = "x" * 60_000
    plan.goals[0].title = "y" * 5_000
    plan.profile.name = "z" * 5_000

    pdf, pages = build(plan)

    assert pages > 12
    assert pdf.text.replace(" ", "").count("x") >= 60_000


def test_empty_plan_exports_a_helpful_pdf(empty_plan):
    pdf, pages = build(empty_plan)

    assert pages == len(pdf.pages) >= 4
    assert "Page 1 of" in pdf.pages[0]
    text = pdf.text
    assert "No goals have been set yet" in text
    assert "No self-assessment has been recorded yet" in text
    assert "No goals set for this skill yet" in text
    assert "No reflections to show yet" in text
    assert "No reviews recorded yet" in text
    assert "Manager review and sign-off" in text


def test_many_skills_and_long_lists_still_lay_out(core_framework):
    skills = tuple(
        Skill(f"skill-{n}", f"Leadership skill number {n} with a long name") for n in range(12)
    )
    framework = replace(core_framework, skills=skills)
    plan = demo_plan(TODAY)
    plan.framework = framework
    plan.goals = [
        Goal(
            skill=skill.id,
            title=f"Goal for {skill.name}",
            target_date=TODAY,
            status="in_progress",
            progress=[
                ProgressEntry(TODAY - dt.timedelta(days=100 - p), p, "note")
                for p in range(0, 100, 5)
            ],
        )
        for skill in skills
    ]
    plan.assessments = [
        SelfAssessment(skill.id, day, level)
        for skill in skills
        for day, level in ((TODAY.replace(month=1), 2), (TODAY, 3))
    ]
    plan.reflections = [Reflection(TODAY, "Gibbs", "gibbs", {"feelings": "Nervous"})]
    plan.reviews = [Review(TODAY)]

    pdf, pages = build(plan)

    assert pages == len(pdf.pages)
    for skill in skills:
        assert f"Goal for {skill.name}" in pdf.text
    glance = flat(pdf.pages[page_of_section(pdf, "At a glance")])
    # Spokes are numbered; the table beside the radar names them.
    assert "12. Leadership skill number 11" in glance
    assert "12 2 3 +1" in glance
    assert "And 8 more; each skill's section lists them all." in glance
    assert "Feelings Nervous" in pdf.text
    assert "Description Not written." in pdf.text


def test_short_fields_of_many_lines_do_not_overflow_a_page():
    plan = demo_plan(TODAY)
    many_lines = "\n".join(f"line {n}" for n in range(120))
    plan.goals[0].progress.append(ProgressEntry(TODAY, 100, many_lines))  # a table cell
    plan.goals[0].title = many_lines  # a heading: folded onto one line
    plan.reviews[0].reviewer = many_lines

    pdf, pages = build(plan)

    assert "line 0 line 1 line 2" in pdf.text
    assert "line 119" in pdf.text
    assert pages == len(pdf.pages)
