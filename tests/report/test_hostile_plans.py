"""Plans a careless or hostile user could make: ids that differ only in punctuation or
accents, fields at their length limits. Each page reference must still name the page
its link leads to, and the export must finish."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import time

import pytest
from pypdf import PdfReader

from planner.domain.models import (
    Goal,
    Plan,
    Profile,
    Reflection,
    Review,
    ScaleLevel,
    SelfAssessment,
)
from planner.domain.validation import MAX_PROFILE_TEXT
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework
from planner.report import build_pdf_bytes
from tests.report.conftest import TODAY, flat, outline, page_of_section, read_pdf
from tests.report.pdf_inspect import text_runs


def _page_refs(data: bytes) -> list[tuple[int, int]]:
    """Each linked "p. N": (N as printed, the 1-based page its link leads to)."""
    reader = PdfReader(io.BytesIO(data))
    runs = text_runs(data)
    found = []
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            dest = annot.get("/Dest") or annot["/A"].get("/D")
            if isinstance(dest, str):
                target = reader.get_destination_page_number(reader.named_destinations[dest])
            else:
                target = reader.get_page_number(dest[0].get_object())
            x0, y0, x1, y1 = (float(v) for v in annot["/Rect"])
            for run in runs:
                if run.page == index + 1 and x0 - 1 <= run.x <= x1 and y0 - 1 <= run.y <= y1:
                    for number in re.findall(r"p\. ?(\d+)", run.text):
                        found.append((int(number), target + 1))
    return found


def _filler(skill: str, n: int) -> list[Goal]:
    """Goals long enough to put the goals around them on different pages."""
    text = "Long text. " * 600
    return [Goal(skill=skill, title=f"Filler {i}", description=text, uid=f"f{i}") for i in range(n)]


@pytest.mark.parametrize("uids", [("a.b", "a,b"), ("é", "ü"), ("x y", "x_y")])
def test_goals_whose_ids_differ_only_in_punctuation_or_accents_link_to_their_own_pages(uids):
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    skill = framework.skills[0].id
    first = Goal(skill=skill, title="First goal", uid=uids[0])
    second = Goal(skill=skill, title="Second goal", uid=uids[1])
    plan = Plan(Profile(name="Zoë Adams"), framework, goals=[first, *_filler(skill, 3), second])
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    # Goals are bookmarked with their number: "1.1 First goal".
    pages = {
        re.split(r"\s", title, maxsplit=1)[1]: page + 1
        for level, title, page in outline(read_pdf(data))
        if level
    }
    assert pages["First goal"] != pages["Second goal"]
    refs = _page_refs(data)
    assert refs and all(printed == target for printed, target in refs)
    assert {pages["First goal"], pages["Second goal"]} <= {target for _, target in refs}


@pytest.mark.parametrize("field", ["role", "profession", "organisation", "manager", "aspiration"])
def test_a_cover_detail_at_its_length_limit_without_a_space_is_printed_in_full(field):
    value = "W" * MAX_PROFILE_TEXT
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    plan = Plan(Profile(name="Zoë Adams", **{field: value}), framework)
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    # The cover's table row runs on over the next page, wrapped within the word and
    # broken by the page footer.
    pdf = read_pdf(data)
    cover = pdf.pages[: page_of_section(pdf, "What I need from you")]
    text = re.sub(r"\s", "", "".join(cover))
    assert sum(len(run) for run in re.findall("W{5,}", text)) == len(value)


def test_a_long_name_leaves_room_in_the_header_for_where_the_page_belongs():
    name = "W" * 90
    plan = Plan(Profile(name=name), load_framework(DEFAULT_FRAMEWORK_ID))
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    runs = text_runs(data)
    top = max(run.y for run in runs if run.page == 2)
    header = [run for run in runs if run.page == 2 and run.y == top]
    assert "What I need from you" in "".join(run.text for run in header)
    # The name is cut to fit, not drawn past the page edge.
    (shown,) = [run.text.strip() for run in header if run.text.startswith("WW")]
    assert shown.endswith("…") and len(shown) < len(name)


def test_a_long_name_on_the_cover_footer_stays_clear_of_the_private_notice():
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    private = Reflection(TODAY, "Mine", sections={"what": "Private."}, private=True)
    plan = Plan(Profile(name="W" * 90), framework, reflections=[private])
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True, include_private=True)
    footer = [run for run in text_runs(data) if run.page == 1 and run.y < 30]
    (name,) = [run for run in footer if run.text.startswith("W")]
    (notice,) = [run for run in footer if "Includes private reflections" in run.text]
    assert name.text.strip().endswith("· Exported 15 Jun 2026")
    assert "…" in name.text
    assert notice.y == name.y


def test_an_agreed_action_of_200000_characters_exports_in_seconds_and_in_full():
    words = ("Book the leadership course and shadow the matron on the ward. " * 3300)[:199_990]
    words += " Last step"
    review = Review(TODAY, "Sam Taylor", notes="Met.", agreed_actions=words)
    plan = Plan(Profile(name="Zoë Adams"), load_framework(DEFAULT_FRAMEWORK_ID), reviews=[review])
    started = time.perf_counter()
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    # One paragraph re-wrapped at every page break took over ten seconds.
    assert time.perf_counter() - started < 5
    pdf = read_pdf(data)
    start = page_of_section(pdf, "Reviews with the line manager")
    reviews = flat(" ".join(pdf.pages[start:]))
    # All of it, ending with its outcome; page headers and footers break it up.
    assert "Last step → Not tracked as a goal or action in this plan" in reviews
    assert reviews.count("shadow the matron") >= words.count("shadow the matron") - 20


def _rated_on_scale(labels: list[str]) -> Plan:
    """Three skills rated twice on a scale with these level names."""
    core = load_framework(DEFAULT_FRAMEWORK_ID)
    scale = tuple(ScaleLevel(label) for label in labels)
    framework = dataclasses.replace(core, id="custom", scale=scale)
    ratings = [
        SelfAssessment(skill.id, day, 1 + i % len(scale))
        for day in (TODAY - dt.timedelta(days=90), TODAY)
        for i, skill in enumerate(framework.skills)
    ]
    return Plan(Profile(name="Zoë Adams"), framework, assessments=ratings)


@pytest.mark.parametrize(
    "labels",
    [[f"Stage {n}" for n in range(1, 61)], [f"{n}" + "W" * 300 for n in range(1, 6)]],
    ids=["sixty levels", "level names of 300 letters"],
)
def test_a_scale_too_long_to_sit_beside_the_radar_is_printed_below_it(labels):
    data, _ = build_pdf_bytes(_rated_on_scale(labels), today=TODAY, invariant=True)
    pdf = read_pdf(data)
    glance = re.sub(r"\s", "", "".join(pdf.pages[page_of_section(pdf, "At a glance") :]))
    # Each level named (a long name may run on over a page break).
    for label in labels:
        assert re.sub(r"\s", "", label)[:40] in glance


@pytest.mark.parametrize("name", ["Quiz " * 600, "Qz" * 1500], ids=["words", "one word"])
def test_a_very_long_skill_name_is_cut_in_tables_and_printed_in_full_in_its_heading(name):
    core = load_framework(DEFAULT_FRAMEWORK_ID)
    first, *others = core.skills
    framework = dataclasses.replace(
        core, id="custom", skills=(dataclasses.replace(first, name=name), *others)
    )
    goals = [
        Goal(skill=skill.id, title=f"Goal {n}", target_date=TODAY, support="A mentor")
        for n, skill in enumerate(framework.skills)
    ]
    plan = Plan(Profile(name="Zoë Adams"), framework, goals=goals)
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    pdf = read_pdf(data)
    start = page_of_section(pdf, f"1. {name.strip()}") + 1
    end = page_of_section(pdf, f"2. {others[0].name}") + 1
    # The section's own text, without the running header (which names it, cut) and footer.
    body = "".join(
        run.text for run in text_runs(data) if start <= run.page <= end and 60 < run.y < 780
    )
    assert body.count("Q") == name.count("Q")


def test_a_reviewer_name_at_its_limit_without_a_space_exports_and_is_printed_in_full():
    name = "W" * MAX_PROFILE_TEXT
    review = Review(TODAY, name, notes="Met.", agreed_actions="Book the course.")
    plan = Plan(Profile(name="Zoë Adams"), load_framework(DEFAULT_FRAMEWORK_ID), reviews=[review])
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    pdf = read_pdf(data)
    start = page_of_section(pdf, "Reviews with the line manager")
    body = "".join(run.text for run in text_runs(data) if run.page > start and 60 < run.y < 780)
    assert "W" * 200 in re.sub(r"\s", "", body)
    assert body.count("W") >= len(name)


def test_two_reviews_on_one_day_are_named_alike_on_the_cover_and_at_a_glance():
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    reviews = [Review(TODAY, "Sam Taylor", id=1), Review(TODAY, "Alex Morgan", id=2)]
    data, _ = build_pdf_bytes(
        Plan(Profile(name="Zoë Adams"), framework, reviews=reviews), today=TODAY, invariant=True
    )
    pdf = read_pdf(data)
    glance = flat(pdf.pages[page_of_section(pdf, "At a glance")])
    assert "with Alex Morgan" in flat(pdf.pages[0])
    assert "Last review: 15 Jun 2026 with Alex Morgan" in glance


def test_a_long_name_is_printed_in_full_on_the_cover():
    name = "Dr " + " ".join(f"Name{n}-Adeyemi" for n in range(40))
    plan = Plan(Profile(name=name), load_framework(DEFAULT_FRAMEWORK_ID))
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    pdf = read_pdf(data)
    cover = flat(" ".join(pdf.pages[: page_of_section(pdf, "What I need from you")]))
    assert name in cover


def test_every_assessment_round_is_printed_when_at_a_glance_has_no_room_for_all():
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    days = [TODAY - dt.timedelta(days=91 * n) for n in range(8)]  # two years, quarterly
    ratings = [
        SelfAssessment(skill.id, day, 1 + (n + i) % len(framework.scale))
        for n, day in enumerate(days)
        for i, skill in enumerate(framework.skills)
    ]
    plan = Plan(Profile(name="Zoë Adams"), framework, assessments=ratings)
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    text = read_pdf(data).text
    for day in days:
        assert f"{day.day} {day:%b %Y}" in text


@pytest.mark.parametrize("word", ["a<b", "<b>unit</b>", "r&amp;d"])
def test_a_framework_word_for_its_parts_that_looks_like_markup_prints_as_typed(word):
    core = load_framework(DEFAULT_FRAMEWORK_ID)
    framework = dataclasses.replace(core, part_singular=word, part_plural=word + "s")
    goals = [Goal(skill=skill.id, title="Lead", uid=skill.id) for skill in framework.skills]
    plan = Plan(Profile(name="Zoë Adams"), framework, goals=goals)
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True, skills={core.skills[0].id})
    text = read_pdf(data).text
    assert f"each {word}'s goals in detail" in text
    assert f"covers only some {word}s:" in text
    assert f"1 goal across 1 {word}:" in text


def test_a_right_to_left_override_cannot_reorder_the_title_or_bookmarks():
    spoof = "Dr Ann Lee \u202eFDP.exe\u202c \u2067x\u2069"
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    goal = Goal(skill=framework.skills[0].id, title=spoof, uid="g1")
    plan = Plan(Profile(name=spoof), framework, goals=[goal])
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    pdf = read_pdf(data)
    shown = [title for _, title, _ in outline(pdf)] + [pdf.info.title, pdf.info.author]
    shown.append(pdf.text)
    controls = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not any(controls & set(text) for text in shown)
    assert any("Dr Ann Lee FDP.exe x" in text for text in shown)


def test_a_page_that_continues_a_reflection_names_it_in_its_header():
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    long_text = "I noticed how the handover went and what I would change next time. " * 120
    reflection = Reflection(TODAY, "Handover on ward 7", sections={"what": long_text})
    plan = Plan(Profile(name="Zoë Adams"), framework, reflections=[reflection])
    data, _ = build_pdf_bytes(plan, today=TODAY, invariant=True)
    pdf = read_pdf(data)
    start = page_of_section(pdf, "15 Jun 2026 Handover on ward 7") + 1
    runs = text_runs(data)
    top = max(run.y for run in runs if run.page == start + 1)
    header = "".join(run.text for run in runs if run.page == start + 1 and run.y == top)
    assert "15 Jun 2026 Handover on ward 7 (continued)" in header
