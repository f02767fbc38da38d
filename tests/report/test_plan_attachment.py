"""Every development plan PDF carries the plan it shows as its ``plan.json`` attachment,
which a PDF reader lists and another copy of the app reads back."""

from __future__ import annotations

import dataclasses
import io
import json
import re

import pytest
from pypdf import PdfReader

from planner import planfile
from planner.demo import demo_plan
from planner.domain.export_privacy import GOAL, REFLECTION, REVIEW, EntryKey
from planner.domain.models import Goal, Reflection
from planner.plan_attachment import AttachmentError, plan_file_in
from planner.report import build_pdf_bytes
from planner.store import PlanStore
from tests.report.conftest import TODAY

PRIVATE_TITLE = "A difficult conversation about sickness"


def _pdf(plan, **options) -> bytes:
    data, _pages = build_pdf_bytes(plan, today=TODAY, invariant=True, **options)
    return data


def _attached(data: bytes) -> dict:
    """The ``plan.json`` a PDF reader finds in the file, as JSON."""
    reader = PdfReader(io.BytesIO(data))
    (entry,) = [e for e in reader.attachment_list if e.name == "plan.json"]
    return json.loads(entry.content.decode("utf-8"))


@pytest.fixture(scope="module")
def stored_plan(tmp_path_factory):
    """The demo plan as the store gives it, every entry with its id (to leave out)."""
    path = tmp_path_factory.mktemp("attach") / "plan.db"
    store = PlanStore.open(path)
    store.replace_plan(demo_plan(TODAY))
    plan = store.load_plan()
    store.close()
    return plan


def test_the_pdf_lists_one_attachment_named_plan_json_as_the_documents_data():
    reader = PdfReader(io.BytesIO(_pdf(demo_plan(TODAY))))
    entries = list(reader.attachment_list)
    assert [e.name for e in entries] == ["plan.json"]
    (entry,) = entries
    assert entry.subtype == "/application/json"
    assert entry.associated_file_relationship == "/Data"
    assert entry.size == len(entry.content)
    # The name tree PDF readers list in their attachments panel, and the catalogue's
    # associated files.
    catalog = reader.root_object
    names = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == "plan.json"
    assert [ref.get_object() for ref in catalog["/AF"]] == [names[1].get_object()]


def test_the_attachment_is_a_plan_file_that_reads_back_as_the_plan_shown(stored_plan):
    data = _pdf(stored_plan)
    attached = _attached(data)
    assert attached["format"] == "leadership-plan" and attached["version"] == 2
    assert attached["exported_at"] == f"{TODAY.isoformat()}T00:00:00Z"
    plan = planfile.plan_from_dict(attached)
    shared = dataclasses.replace(
        stored_plan, reflections=[r for r in stored_plan.reflections if not r.private]
    )
    stamp = "fixed"
    assert planfile.dumps(plan, exported_at=stamp) == planfile.dumps(shared, exported_at=stamp)


def test_private_reflections_travel_only_when_the_pdf_prints_them(stored_plan):
    left_out = _attached(_pdf(stored_plan))
    assert PRIVATE_TITLE not in json.dumps(left_out, ensure_ascii=False)
    assert all(r["private"] is False for r in left_out["reflections"])

    included = _attached(_pdf(stored_plan, include_private=True))
    private = [r for r in included["reflections"] if r["private"]]
    assert [r["title"] for r in private] == [PRIVATE_TITLE]
    assert len(included["reflections"]) == len(stored_plan.reflections)


def test_entries_left_out_of_the_pdf_are_left_out_of_its_plan(stored_plan):
    goal = stored_plan.goals[0]
    reflection = stored_plan.reflections[1]
    review = stored_plan.reviews[0]
    leave_out = [
        EntryKey(GOAL, goal.id),
        EntryKey(REFLECTION, reflection.id),
        EntryKey(REVIEW, review.id),
    ]
    attached = _attached(_pdf(stored_plan, leave_out=leave_out))
    text = json.dumps(attached, ensure_ascii=False)
    assert goal.title not in text
    assert reflection.title not in text
    assert attached["reviews"] == []
    # The reflection that named the goal left out stays, without the link.
    title = stored_plan.reflections[0].title
    first = next(r for r in attached["reflections"] if r["title"] == title)
    assert first["goal"] is None
    assert len(attached["goals"]) == len(stored_plan.goals) - 1
    planfile.plan_from_dict(attached)  # still a valid plan file


def test_a_choice_of_skills_carries_only_what_those_skills_show(stored_plan):
    attached = _attached(_pdf(stored_plan, skills={"empower-and-resolve"}))
    assert {g["skill"] for g in attached["goals"]} == {"empower-and-resolve"}
    assert {a["skill"] for a in attached["assessments"]} == {"empower-and-resolve"}
    # Reflections about other skills go; the one about no particular skill stays.
    assert {r["skill"] for r in attached["reflections"]} == {"empower-and-resolve", None}
    assert len(attached["reviews"]) == len(stored_plan.reviews)
    # The framework stays whole, so the copy reads back as a plan of its own.
    assert len(attached["framework"]["skills"]) == 3
    planfile.plan_from_dict(attached)

    nothing = _attached(_pdf(stored_plan, skills=set()))
    assert nothing["goals"] == [] and nothing["assessments"] == []
    assert [r["skill"] for r in nothing["reflections"]] == [None]


def test_hostile_text_survives_the_trip_through_the_pdf():
    plan = demo_plan(TODAY)
    hostile = [
        "<b>bold</b> & <font color=red>red</font> ]]> %%EOF endstream",
        "Tâche 🧭👩🏽‍⚕️ ✅ done",
        "إدارة الفريق בצוות (RTL) \u202eevil\u202c",
        "Łukasz Żółć, Ngozi Okonkwo-Adébáyọ̀, Ελένη, Gwenllïan",
    ]
    plan.profile.name = hostile[3]
    plan.goals[0] = dataclasses.replace(plan.goals[0], title=hostile[0], description=hostile[1])
    plan.reflections[0] = dataclasses.replace(
        plan.reflections[0], title=hostile[2], sections={"what": "\n".join(hostile)}
    )
    back = planfile.plan_from_dict(_attached(_pdf(plan, include_private=True)))
    assert back.profile.name == hostile[3]
    assert (back.goals[0].title, back.goals[0].description) == (hostile[0], hostile[1])
    assert back.reflections[0].title == hostile[2]
    assert back.reflections[0].sections["what"] == "\n".join(hostile)
    stamp = "fixed"
    assert planfile.dumps(back, exported_at=stamp) == planfile.dumps(plan, exported_at=stamp)


def test_the_document_information_language_outline_and_links_are_kept():
    from planner.report.build import build_pdf_bytes as bare

    data, pages = build_pdf_bytes(demo_plan(TODAY), today=TODAY, invariant=True)
    original, _ = bare(demo_plan(TODAY), today=TODAY, invariant=True)
    reader, plain = PdfReader(io.BytesIO(data)), PdfReader(io.BytesIO(original))
    assert len(reader.pages) == pages == len(plain.pages)
    # The newest trailer names the information itself: readers that take only the
    # newest one (poppler) show the title too.
    assert "/Info" in reader.trailer
    info = reader.trailer["/Info"].get_object()
    assert info["/Title"] == "Leadership Development Plan: Siân Okafor"
    assert info["/Author"] == "Siân Okafor"
    assert info["/Subject"].startswith("Personal leadership development plan using")
    assert info["/Creator"] == "Leadership Planner"
    assert info["/Keywords"] == plain.metadata["/Keywords"]
    assert info["/Producer"].startswith("ReportLab") and info["/Producer"].endswith("pypdf")
    assert reader.root_object["/Lang"] == "en-GB"
    assert reader.root_object["/ViewerPreferences"]["/DisplayDocTitle"]
    assert "Siân Okafor" in reader.pages[0].extract_text()
    # Appended to reportlab's file, never rewritten: its bytes come first, unchanged,
    # so the bookmarks and the links between pages are reportlab's, as made.
    assert data.startswith(original)
    assert _outline_titles(reader.outline) == _outline_titles(plain.outline)
    assert _outline_titles(reader.outline)
    assert _links(reader) == _links(plain) > 0
    assert reader.root_object.get("/PageMode") == plain.root_object.get("/PageMode")


def _outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += _outline_titles(item) if isinstance(item, list) else [item.title]
    return titles


def _links(reader) -> int:
    return sum(
        1
        for page in reader.pages
        for note in page.get("/Annots") or []
        if note.get_object().get("/Subtype") == "/Link"
    )


def test_the_same_plan_gives_the_same_bytes_when_reproducible():
    assert _pdf(demo_plan(TODAY)) == _pdf(demo_plan(TODAY))


# -- reading a received PDF --------------------------------------------------------


def test_a_pdf_without_the_attachment_says_it_holds_no_plan():
    from planner.report.build import build_pdf_bytes as bare

    original, _ = bare(demo_plan(TODAY), today=TODAY, invariant=True)
    with pytest.raises(AttachmentError, match=r"holds no plan \(plan.json\)"):
        plan_file_in(original)


def test_a_cut_short_pdf_is_called_incomplete():
    data = _pdf(demo_plan(TODAY))
    for cut in (len(data) // 2, len(data) - 300, 40):
        with pytest.raises(AttachmentError, match="incomplete"):
            plan_file_in(data[:cut])


def test_a_changed_attachment_is_called_damaged():
    data = bytearray(_pdf(demo_plan(TODAY)))
    # The compressed plan sits between the attachment's "stream" and "endstream".
    start = data.index(b"/EmbeddedFile")
    start = data.index(b"stream", start) + 20
    data[start : start + 8] = bytes(b ^ 0x5A for b in data[start : start + 8])
    with pytest.raises(AttachmentError, match="damaged"):
        plan_file_in(bytes(data))


def test_garbage_that_starts_like_a_pdf_is_one_sentence():
    with pytest.raises(AttachmentError, match=r"damaged|incomplete"):
        plan_file_in(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")


def test_a_plan_too_large_to_unpack_safely_asks_for_the_plan_file():
    from planner.plan_attachment import attach_plan
    from planner.report.build import build_pdf_bytes as bare

    original, _ = bare(demo_plan(TODAY), today=TODAY, invariant=True)
    # Deflates to a few hundred kilobytes; unpacked it passes pypdf's bound.
    huge = attach_plan(original, b" " * 80_000_000)
    with pytest.raises(AttachmentError, match="too large to read from a PDF"):
        plan_file_in(huge)


def test_two_attachments_named_plan_json_are_refused():
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(_pdf(demo_plan(TODAY))))
    writer.add_attachment("plan.json", b"{}")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(AttachmentError, match=r"2 attachments named plan\.json"):
        plan_file_in(out.getvalue())


def test_planfile_read_takes_a_pdf_and_names_it_in_each_refusal(tmp_path):
    plan = demo_plan(TODAY)
    good = tmp_path / "received.pdf"
    good.write_bytes(_pdf(plan, include_private=True))
    stamp = "fixed"
    assert planfile.dumps(planfile.read(good), exported_at=stamp) == planfile.dumps(
        plan, exported_at=stamp
    )
    fake = tmp_path / "notes.pdf"
    fake.write_text("Just some notes", encoding="utf-8")
    with pytest.raises(planfile.PlanFileError, match=r"^notes.pdf: not a PDF"):
        planfile.read(fake)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:5000])
    with pytest.raises(planfile.PlanFileError, match=r"^cut.pdf: the PDF is incomplete"):
        planfile.read(cut)


def test_a_plan_inside_a_pdf_goes_through_the_plan_file_checks(tmp_path):
    from planner.plan_attachment import attach_plan
    from planner.report.build import build_pdf_bytes as bare

    original, _ = bare(demo_plan(TODAY), today=TODAY, invariant=True)
    document = json.loads(planfile.dumps(demo_plan(TODAY)))
    document["goals"][0]["status"] = "finished"
    document["reflections"].append(json.loads(json.dumps(document["reflections"][0])))
    document["reflections"][-1]["goal"] = "no-such-goal"
    crafted = tmp_path / "crafted.pdf"
    crafted.write_bytes(attach_plan(original, json.dumps(document).encode("utf-8")))
    with pytest.raises(planfile.PlanFileError) as refused:
        planfile.read(crafted)
    assert any(re.match(r"goals\[0\]\.status: must be one of", p) for p in refused.value.problems)


def test_a_plan_is_kept_whole_when_its_reflection_names_a_goal_of_a_skill_left_out():
    plan = demo_plan(TODAY)
    plan.reflections.append(
        Reflection(date=TODAY, title="About no skill, naming a goal", goal=plan.goals[0].uid)
    )
    plan.goals.append(Goal(skill="learn-to-follow", title="Another", uid="extra"))
    attached = _attached(_pdf(plan, skills={"situational-awareness"}))
    title = "About no skill, naming a goal"
    named = next(r for r in attached["reflections"] if r["title"] == title)
    assert named["goal"] is None
    planfile.plan_from_dict(attached)
