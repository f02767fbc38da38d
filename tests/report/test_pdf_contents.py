"""What a manager reading the exported plan finds in it, read back with pypdf."""

from __future__ import annotations

from planner.demo import demo_plan
from planner.report.sections.cover import TITLE
from tests.report.conftest import TODAY, build, flat, outline, page_of_section


def test_every_page_is_numbered_out_of_the_total(demo_pdf):
    pdf, pages = demo_pdf
    assert pages == len(pdf.pages) >= 8
    for number, text in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {pages}" in text


def test_every_page_names_the_export_date_and_confidentiality(demo_pdf):
    pdf, _ = demo_pdf
    for text in pdf.pages:
        flat_text = flat(text)
        assert "Exported 15 June 2026" in flat_text
        assert "Confidential" in flat_text
    # The running header names the person on every page; the cover's footer does.
    assert "Siân Okafor · Exported 15 June 2026" in pdf.pages[0]
    assert all("\nSiân Okafor\n" in text for text in pdf.pages[1:])


def test_metadata_names_the_plan_and_its_owner(demo_pdf):
    pdf, _ = demo_pdf
    assert pdf.info.title == f"{TITLE}: Siân Okafor"
    assert pdf.info.author == "Siân Okafor"
    assert "leadership development plan" in pdf.info.subject.lower()
    root = pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF object)


def test_sections_come_in_the_order_a_manager_reads_them(demo_pdf):
    pdf, _ = demo_pdf
    parts = [(title, page) for level, title, page in outline(pdf) if level == 0]
    assert [title for title, _ in parts] == [
        "Cover: where things stand",
        "What I need from you",
        "Since the last review",
        "All goals",
        "At a glance",
        "1. Learn to follow",
        "2. Develop situational awareness",
        "3. Empower the team and resolve conflicts",
        "Reviews with the line manager",
        "Reflections",
        "Manager review and sign-off",
    ]
    pages = [page for _, page in parts]
    assert pages == sorted(pages) and pages[0] == 0
    # Each part's heading is on the page its bookmark opens.
    for title, page in parts[1:]:
        assert title in flat(pdf.pages[page])


def test_cover_shows_who_the_plan_is_for(demo_pdf):
    pdf, _ = demo_pdf
    cover = flat(pdf.pages[0])
    for expected in (
        "Siân Okafor",
        "Ward Sister (Band 6), Acute Medical Unit",
        "Registered Nurse (Adult)",
        "Riverside NHS Foundation Trust",
        "Grace Mensah, Matron",
        "Ward Manager (Band 7)",
        "Core leadership skills",
        "17 December 2025 to 17 December 2026",
        "15 June 2026",
    ):
        assert expected in cover


def test_at_a_glance_fits_one_page_with_the_chart_figures_as_text(demo_pdf):
    pdf, _ = demo_pdf
    glance = flat(pdf.pages[page_of_section(pdf, "At a glance")])
    assert "At a glance" in glance and "Overdue and due in the next 30 days" in glance
    # Latest level with the previous one, goals achieved, average progress.
    assert "3 Capable (2 Developing)" in glance
    assert "1 of 3" in glance and "75%" in glance
    # The radar's figures: first and latest rounds, as text beside the chart.
    assert "First 17 Dec 2025" in glance and "Latest 16 May 2026" in glance
    assert "Learn to follow 2 3 +1" in glance
    # Overdue goals come first, then those due soon.
    assert glance.index("Overdue by 12 days") < glance.index("In 10 days")
    assert "Last review: 1 May 2026 with Grace Mensah, Matron" in glance
    assert "1. Learn to follow" not in glance


def test_every_skill_and_goal_title_is_present(demo_pdf):
    pdf, _ = demo_pdf
    plan = demo_plan(TODAY)
    for skill in plan.framework.skills:
        assert skill.name in pdf.text
    for goal in plan.goals:
        assert flat(goal.title) in pdf.text
        assert flat(goal.measure) in pdf.text
        for action in goal.actions:
            assert flat(action.text) in pdf.text
        for entry in goal.progress:
            assert flat(entry.note) in pdf.text


def test_goal_shows_status_priority_target_and_progress(demo_pdf):
    pdf, _ = demo_pdf
    text = pdf.text
    assert "Status Priority Target date Progress Achieved High 26 May 2026 100%" in text
    assert "In progress High 3 Jun 2026 (overdue) 60%" in text
    assert "☐ Shadow shift 2 · overdue, was due 12 Jun 2026" in text
    assert "☑ Shadow shift 1 · due 16 May 2026 · done" in text


def test_reflections_keep_their_model_structure(demo_pdf):
    pdf, _ = demo_pdf
    text = pdf.text
    # The last mention: the goal it is about lists it first.
    start = text.rindex("Missing the early signs on a busy late shift")
    section = text[start : start + 800]
    assert section.index("What?") < section.index("So what?") < section.index("Now what?")
    assert "Gibbs" not in text


def test_private_reflections_are_left_out_unless_asked(demo_pdf):
    pdf, _ = demo_pdf
    private_title = "A difficult conversation about sickness"
    assert private_title not in pdf.text
    assert "held a return-to-work conversation" not in pdf.text
    assert "1 private reflection is not included" in pdf.text

    with_private, _ = build(demo_plan(TODAY), include_private=True)
    assert private_title in with_private.text
    assert "held a return-to-work conversation" in with_private.text


def test_reviews_and_sign_off(demo_pdf):
    pdf, _ = demo_pdf
    text = pdf.text
    assert "Review on 1 May 2026" in text
    assert "• Review the break rota in six weeks." in text
    last = flat(pdf.pages[-1])
    for prompt in ("Goal", "Reality", "Options", "Will"):
        assert prompt in last
    assert "Signature" in last and "Name" in last and "Date" in last
    assert "Clinician" in last and "Line manager" in last


def test_only_the_chosen_skills_are_exported():
    plan = demo_plan(TODAY)
    pdf, _ = build(plan, skills={"situational-awareness"})
    assert "1. Develop situational awareness" in pdf.text
    assert "Learn to follow" not in pdf.text.replace("Goal: Lead the safety", "")
    assert "Delegate the off-duty" not in pdf.text
    assert "Run a structured ward round board check" in pdf.text
    # A reflection about another skill is left out with it.
    assert "The break-time disagreement" not in pdf.text
