"""The revalidation and appraisal PDFs read back as a confirmer or appraiser sees them:
the NMC form's headings and the user's words in order, one account a page, the CPD
totals, the PDP tables, private reflections only when asked, hostile text laid out."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from planner.domain.models import Reflection
from planner.domain.reflection_models import NMC_ACCOUNT
from planner.report.revalidation.build import build_revalidation_bytes
from tests.report.conftest import flat, outline, read_pdf
from tests.report.pdf_inspect import text_runs
from tests.report.revalidation_plans import (
    HOSTILE,
    LONG_WORD,
    NMC_TEXT,
    TODAY,
    account,
    revalidation_plan,
)

BODY_MIN, LABEL_MIN = 9, 7


def _build(plan, body: str, **options):
    data, pages = build_revalidation_bytes(plan, body, today=TODAY, invariant=True, **options)
    return read_pdf(data), pages, data


@pytest.fixture(scope="module")
def nmc():
    return _build(revalidation_plan("nmc"), "nmc")


@pytest.fixture(scope="module")
def gmc():
    return _build(revalidation_plan("gmc"), "gmc")


def _pages_with(pdf, text: str) -> list[int]:
    return [n for n, page in enumerate(pdf.pages) if text in flat(page)]


def _in_order(text: str, parts: list[str]) -> None:
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} not found after position {at}"
        at = found + len(part)


def test_each_nmc_account_has_a_page_of_its_own_with_the_form_headings_and_text_in_order(nmc):
    pdf, _, _ = nmc
    huddle, delegation = _pages_with(pdf, "Huddle account"), _pages_with(pdf, "Delegation account")
    assert len(huddle) == 1 and len(delegation) == 1 and huddle != delegation
    for page in (huddle[0], delegation[0]):
        text = flat(pdf.pages[page])
        expected = []
        for section in NMC_ACCOUNT.sections:
            expected += [section.title, NMC_TEXT[section.key]]
        _in_order(text, expected)
        # The Code's themes the user chose, ticked, the others left as boxes.
        assert "☑ Prioritise people ☐ Practise effectively ☑ Preserve safety" in text
    assert "Reflective account 1 of 2" in flat(pdf.pages[huddle[0]])
    assert "Reflective account 2 of 2" in flat(pdf.pages[delegation[0]])


def test_the_cpd_record_has_the_template_columns_and_correct_totals(nmc):
    pdf, _, _ = nmc
    (page,) = _pages_with(pdf, "CPD record Dates")
    text = flat(pdf.pages[page])
    _in_order(
        text,
        [
            "Dates",
            "Method",
            "Topic, and how it related to practice",
            "Hours",
            "Participatory hours",
            "Code themes or standards",
            "Evidence",
        ],
    )
    _in_order(text, ["Leading safety huddles", "Run the AMU huddle", "3", "2", "Preserve safety"])
    _in_order(text, ["Action learning set: delegation", "2.5", "1.5"])
    _in_order(text, ["The Code, chapter on trust", "1.25", "0"])
    # 3 + 2.5 + 1.25 hours, of which 2 + 1.5 + 0 participatory.
    assert "Total 3 activities 6.75 3.5" in text
    cover = flat(pdf.pages[0])
    assert "6.75 of 35 hours: 28.25 hours still to record" in cover
    assert "3.5 of 20 hours: 16.5 hours still to record" in cover


def test_feedback_shows_the_source_role_and_the_discussion_its_registrant(nmc):
    pdf, _, _ = nmc
    text = pdf.text
    _in_order(
        text,
        [
            "Practice-related feedback",
            "A colleague Band 5 staff nurse on nights",
            "Huddles feel safer to speak up in.",
            "Kept the one-concern round.",
        ],
    )
    _in_order(
        text, ["Reflective discussion", "Registrant's name", "NMC PIN", "Grace Mensah", "12A3456E"]
    )


def test_the_cover_says_what_is_recorded_and_missing_and_never_that_the_person_revalidated(nmc):
    pdf, _, _ = nmc
    cover = flat(pdf.pages[0])
    _in_order(cover, ["NMC revalidation record", "Siân Okafor", "Period counted"])
    assert "Pieces of practice-related feedback 1 of 5: 4 still to record" in cover
    assert "Reflective discussion with another NMC registrant 1 of 1: Recorded" in cover
    assert "Confirmation by your confirmer" in cover
    assert "It is not a submission to the NMC" in cover
    _assert_no_claim(pdf)


def _assert_no_claim(pdf) -> None:
    text = pdf.text.lower()
    for claim in ("have revalidated", "has revalidated", "revalidation complete", "all done"):
        assert claim not in text


def test_a_record_with_everything_counted_still_never_says_the_person_revalidated():
    plan = revalidation_plan("nmc")
    plan.learning = [dataclasses.replace(a, hours=12, participatory_hours=7) for a in plan.learning]
    plan.feedback = plan.feedback * 5
    plan.reflections += [account(50 + n, f"Account {n}") for n in range(3)]
    pdf, _, _ = _build(plan, "nmc")
    cover = flat(pdf.pages[0])
    assert "36 of 35 hours: Recorded" in cover and "21 of 20 hours: Recorded" in cover
    assert "still to record" not in cover
    _in_order(cover, ["Outside this app", "450 practice hours", "Confirmation by your confirmer"])
    _assert_no_claim(pdf)


def test_the_accounts_say_how_many_other_reflections_could_become_accounts(nmc):
    pdf, _, _ = nmc
    # Five Rolfe reflections of the demo (one private) and one medical reflection.
    assert "6 other reflections in this period could be turned into accounts" in pdf.text


def test_private_reflections_are_left_out_unless_asked_for(nmc):
    pdf, _, _ = nmc
    assert "SECRET-PRIVATE" not in pdf.text
    assert "1 private account is not included in this copy." in pdf.text
    assert "Includes private reflections" not in pdf.text
    shown, _, _ = _build(revalidation_plan("nmc"), "nmc", include_private=True)
    (page,) = _pages_with(shown, "SECRET-PRIVATE")
    assert "Private" in shown.pages[page]
    assert "This copy includes 1 private reflection" in flat(shown.pages[0])
    assert all("Includes private reflections" in p for p in shown.pages)
    appraisal, _, _ = _build(revalidation_plan("gmc"), "gmc")
    assert "SECRET-PRIVATE" not in appraisal.text
    assert "2 private reflections are not included in this copy." in appraisal.text


def test_the_appraisal_record_holds_last_years_pdp_with_outcomes(gmc):
    pdf, _, _ = gmc
    (page,) = _pages_with(pdf, "Last year's development plan and outcomes")
    text = flat(pdf.pages[page])
    _in_order(
        text,
        [
            "Learning or development need",
            "Agreed action or goal",
            "Date for completion",
            "How the need will be shown to have been met",
            "Outcome",
            "Chair the ward meeting",
            "Need: confidence chairing.",
            "Book the room [done]",
            "Chaired three meetings.",
            "Partly met",
            "Two of three chaired.",
        ],
    )
    assert "Not met, carried forward Carried on." in text


def test_the_appraisal_record_ends_with_this_cycles_pdp_from_the_goals(gmc):
    pdf, _, _ = gmc
    plan = revalidation_plan("gmc")
    start = _pages_with(pdf, "Personal development plan This cycle's goals")[0]
    text = flat(" ".join(pdf.pages[start:]))
    _in_order(text, ["Learning or development need", "Status now"])
    current = [g for g in plan.goals if g.closed_cycle is None]
    first = current[0]
    _in_order(text, [first.title, first.actions[0].text, first.measure, "Achieved"])
    assert "Chair the ward meeting" not in text  # closed with the earlier cycle
    deferred = next(g for g in current if g.status == "deferred")
    assert "Deferred" in text and flat(deferred.deferred_reason) in text


def test_the_appraisal_record_prints_medical_reflections_under_their_headings(gmc):
    pdf, _, _ = gmc
    text = pdf.text
    _in_order(
        text,
        [
            "Medical reflection",
            "What happened?",
            "Happened: a handover went wrong.",
            "What did you learn?",
            "Learned: read back.",
            "What will you do differently?",
            "Differently: SBAR every time.",
            "Further learning needs",
            "Further: human factors course.",
        ],
    )
    _in_order(text, ["CPD record", "Total 3 activities 6.75 3.5"])
    cover = flat(pdf.pages[0])
    _in_order(cover, ["Appraisal record", "Appraisal date", "Period counted"])
    # The cover is one page, its note included, even with the private banner.
    shown, _, _ = _build(revalidation_plan("gmc"), "gmc", include_private=True)
    assert "not sent to the GMC" in flat(shown.pages[0])
    assert "Last year's development plan" in flat(shown.pages[1])
    assert "not sent to the GMC" in cover


def test_bookmarks_lead_to_each_part(nmc, gmc):
    titles = [title for _, title, _ in outline(nmc[0])]
    _in_order(
        " | ".join(titles),
        ["Reflective accounts", "CPD record", "Practice-related feedback", "Reflective discussion"],
    )
    titles = [title for _, title, _ in outline(gmc[0])]
    _in_order(
        " | ".join(titles),
        [
            "Last year's development plan and outcomes",
            "CPD record",
            "Reflections",
            "Practice-related feedback",
            "Personal development plan",
        ],
    )


@pytest.mark.parametrize("body", ["nmc", "gmc"])
def test_no_text_is_below_a_readable_size_and_body_text_keeps_its_size(body):
    _, _, data = _build(revalidation_plan(body), body)
    runs = text_runs(data)
    assert min(r.size for r in runs) >= LABEL_MIN
    words = [r for r in runs if "Learned: short, structured huddles" in r.text]
    assert words and all(r.size >= BODY_MIN for r in words)


def _hostile_plan(body: str):
    plan = revalidation_plan(body)
    text = {key: f"{HOSTILE} {LONG_WORD} {value}" for key, value in NMC_TEXT.items()}
    plan.reflections.append(account(3, f"{HOSTILE} title", text=text))
    activity = plan.learning[0]
    plan.learning[0] = dataclasses.replace(
        activity,
        topic=f"{HOSTILE} topic",
        relevance=f"{LONG_WORD} {HOSTILE}",
        evidence=LONG_WORD,
    )
    feedback = plan.feedback[0]
    plan.feedback[0] = dataclasses.replace(
        feedback, source_role=HOSTILE, summary=f"{LONG_WORD} said", response=HOSTILE
    )
    plan.discussions[0] = dataclasses.replace(plan.discussions[0], partner_name=HOSTILE)
    goal = plan.current_goals[0]
    goal.description = f"{HOSTILE} {LONG_WORD}"
    goal.measure = LONG_WORD
    plan.cycles[0].outcomes[0].note = f"{HOSTILE} note"
    plan.profile = dataclasses.replace(plan.profile, name=f"{HOSTILE} Łukasz Gwenllïan")
    return plan


@pytest.mark.parametrize("body", ["nmc", "gmc"])
def test_hostile_text_is_printed_as_text_and_laid_out(body):
    pdf, pages, data = _build(_hostile_plan(body), body)
    text = pdf.text
    # Markup-like text arrives as the characters typed, never as markup.
    assert "<b>&amp;</para>" in text
    assert "Łukasz Gwenllïan" in text
    assert "[woman]" in text or "[health worker]" in text or "\u2695" in text
    # The 3,000-character word is printed whole (split over lines, never cut).
    assert len(re.sub(r"[^x]", "", text)) >= 3000 * (3 if body == "nmc" else 2)
    runs = text_runs(data)
    assert min(r.size for r in runs) >= LABEL_MIN
    assert pages > 3


def test_an_empty_record_says_what_is_missing_without_failing():
    plan = revalidation_plan("nmc")
    plan.learning, plan.feedback, plan.discussions, plan.cycles = [], [], [], []
    plan.reflections = []
    plan.profile = dataclasses.replace(plan.profile, revalidation_date=None)
    pdf, _, _ = _build(plan, "nmc")
    assert "Set your revalidation date in your profile" in flat(pdf.pages[0])
    for line in (
        "No reflective accounts written in this period yet.",
        "No learning activities recorded in this period.",
        "No feedback recorded in this period.",
        "No reflective discussion recorded in this period.",
    ):
        assert line in pdf.text
    pdf, _, _ = _build(plan, "gmc")
    assert "No plan cycle has been closed yet" in pdf.text
    assert "No reflections written in this appraisal year." in pdf.text


def test_records_outside_the_period_are_left_out():
    plan = revalidation_plan("nmc")
    old = Reflection(
        date=TODAY - dt.timedelta(days=4 * 365),
        title="Old account",
        model="nmc",
        sections=dict(NMC_TEXT),
    )
    plan.reflections.append(old)
    pdf, _, _ = _build(plan, "nmc")
    assert "Old account" not in pdf.text


@pytest.mark.parametrize("body", ["nmc", "gmc"])
def test_every_font_is_the_embedded_bundled_family_and_the_title_names_the_record(body):
    pdf, _, _ = _build(revalidation_plan(body), body)
    for page in pdf.reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            assert "DejaVuSans" in str(font["/BaseFont"])
            # A subset of the TrueType file itself, so every reader draws the same.
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    title = "NMC revalidation record" if body == "nmc" else "Appraisal record"
    assert pdf.info["/Title"] == f"{title}: Siân Okafor"
