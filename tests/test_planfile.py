"""The portable plan file: exact round trips, and every problem reported with its place."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from planner import planfile
from planner.domain.models import (
    Goal,
    GoalAction,
    ProgressEntry,
    Reflection,
    Review,
    ReviewLink,
)
from planner.domain.review_actions import agreed_lines
from planner.planfile import PlanFileError
from planner.store import PlanStore

STAMP = "2026-06-15T10:00:00Z"

AWKWARD_TEXT = [
    "Siân",
    "Łukasz",
    "Zoë",
    "Ngozi Okonkwo-Adébáyọ̀",
    "Ελληνικά: ηγεσία",
    "Кириллица: лидерство",
    "Emoji 👩🏽‍⚕️🏥 ✅",
    "<b>bold?</b>",
    "fish &amp; chips & <i>",
    "</para><para>",
    "quotes \"double\" and 'single'",
    "tab\there\nand a new line\r\nand CRLF",
    "back\\slash",
]


def _problems(document: dict) -> list[str]:
    with pytest.raises(PlanFileError) as caught:
        planfile.loads(json.dumps(document))
    return caught.value.problems


@pytest.fixture
def document(sample_plan):
    return planfile.plan_to_dict(sample_plan, exported_at=STAMP)


def _awkward_plan(plan):
    """The demo plan with every kind of user text replaced by awkward text."""
    plan = copy.deepcopy(plan)
    text = " | ".join(AWKWARD_TEXT)
    plan.profile.name = "Ngozi Okonkwo-Adébáyọ̀"
    plan.profile.manager = "Łukasz Zoë <manager@example.nhs.uk>"
    plan.profile.aspiration = text
    goal = plan.goals[0]
    goal.title = "Lead the <b>huddle</b> &amp; debrief"
    goal.description = text
    goal.measure = "</para>"
    goal.actions.append(GoalAction("Ask Siân about the rota & <the> plan", None, False))
    goal.progress.append(ProgressEntry(goal.progress[-1].date, 100, text))
    plan.reflections[0].sections["what"] = text
    plan.reflections[0].title = "Κάτι <script>alert(1)</script>"
    plan.reviews[0].notes = text
    plan.assessments[0].note = "Кириллица & emoji 🙂"
    return plan


def _through_a_store(plan):
    """``plan`` saved into a new database and read back."""
    store = PlanStore.memory()
    try:
        store.replace_plan(plan)
        return store.load_plan()
    finally:
        store.close()


# -- exact round trips -----------------------------------------------------------


def test_the_demo_plan_survives_dumps_then_loads_exactly(sample_plan):
    text = planfile.dumps(sample_plan, exported_at=STAMP)
    assert planfile.loads(text) == sample_plan


def test_created_and_updated_times_survive_exactly(sample_plan):
    loaded = planfile.loads(planfile.dumps(sample_plan))
    assert [(g.created, g.updated) for g in loaded.goals] == [
        (g.created, g.updated) for g in sample_plan.goals
    ]


def test_a_plan_survives_a_trip_through_the_store_exactly(sample_plan):
    loaded = _through_a_store(sample_plan)
    assert planfile.dumps(loaded, exported_at=STAMP) == planfile.dumps(
        sample_plan, exported_at=STAMP
    )


def test_non_ascii_and_markup_like_text_survive_exactly(sample_plan, tmp_path):
    plan = _awkward_plan(sample_plan)
    path = tmp_path / "plan.json"
    planfile.write(plan, path)
    assert planfile.read(path) == plan

    raw = path.read_text(encoding="utf-8")
    assert "Ngozi Okonkwo-Adébáyọ̀" in raw  # written as UTF-8, not \\u escapes
    assert "<b>huddle</b> &amp; debrief" in raw  # not escaped or unescaped

    again = _through_a_store(planfile.read(path))
    assert planfile.dumps(again, exported_at=STAMP) == planfile.dumps(plan, exported_at=STAMP)


def test_a_reflection_with_some_sections_left_out_comes_back_as_it_was(sample_plan):
    plan = copy.deepcopy(sample_plan)
    plan.reflections.append(
        Reflection(
            date=dt.date(2026, 6, 1),
            title="Only started this one",
            model="rolfe",
            sections={"what": "The handover ran late."},
        )
    )
    plan.reflections.append(
        Reflection(
            date=dt.date(2026, 6, 2),
            title="A Gibbs cycle",
            model="gibbs",
            sections={"description": "Déjà vu", "feelings": "", "action_plan": "Ask first"},
            skill="situational-awareness",
            goal=plan.goals[2].uid,
            private=True,
        )
    )
    assert planfile.loads(planfile.dumps(plan)) == plan


def test_a_second_export_matches_the_first(sample_plan):
    first = planfile.dumps(sample_plan, exported_at=STAMP)
    assert planfile.dumps(planfile.loads(first), exported_at=STAMP) == first


def test_the_document_lists_its_parts_in_canonical_order(document):
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "profile",
        "framework",
        "assessments",
        "goals",
        "reflections",
        "reviews",
        "targets",
        "cycles",
        "learning",
        "feedback",
        "discussions",
    ]
    assert document["format"] == "leadership-plan"
    assert document["version"] == 2
    assert document["exported_at"] == STAMP
    assert document["goals"][0]["id"] == "demo-goal-1"
    reflection = document["reflections"][0]
    assert reflection["goal"] == "demo-goal-1"
    assert {"what", "so_what", "now_what"} <= set(reflection)


# -- defaults on import ----------------------------------------------------------


def test_a_minimal_file_gets_the_documented_defaults(document):
    minimal = {
        "format": "leadership-plan",
        "version": 1,
        "profile": {"name": "Zoë"},
        "framework": document["framework"],
        "goals": [{"skill": "learn-to-follow", "title": "Follow well"}],
        "reflections": [{"date": "2026-05-01", "title": "A shift"}],
        "reviews": [{"date": "2026-05-02"}],
    }
    del minimal["framework"]["part"]  # as files written before it existed
    plan = planfile.loads(json.dumps(minimal))
    assert plan.reviews[0].next_review is None
    assert (plan.framework.part_singular, plan.framework.part_plural) == ("skill", "skills")
    assert plan.profile.name == "Zoë"
    assert plan.profile.role == ""
    assert plan.profile.period_start is None
    assert plan.assessments == []
    assert (plan.reviews[0].notes, plan.reviews[0].agreed_actions) == ("", "")
    goal = plan.goals[0]
    assert (goal.status, goal.priority, goal.target_date) == ("not_started", "medium", None)
    assert goal.actions == [] and goal.progress == []
    assert len(goal.uid) == 32  # a fresh id when the file gives none
    reflection = plan.reflections[0]
    assert reflection.model == "rolfe"
    assert reflection.sections == {}
    assert reflection.private is False
    assert (reflection.skill, reflection.goal) == (None, None)


def test_goals_without_ids_get_different_ones(document):
    for goal in document["goals"]:
        del goal["id"]
    for reflection in document["reflections"]:
        reflection["goal"] = None
    plan = planfile.loads(json.dumps(document))
    assert len({g.uid for g in plan.goals}) == len(plan.goals)


def test_unknown_fields_and_a_bom_are_accepted(document, tmp_path):
    document["written_by"] = "another tool"
    document["goals"][0]["colour"] = "blue"
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode("utf-8"))
    assert planfile.read(path).goals[0].title == document["goals"][0]["title"]


def test_the_next_review_date_and_the_framework_word_for_its_parts_survive_exactly(
    sample_plan, tmp_path
):
    plan = copy.deepcopy(sample_plan)
    plan.framework = dataclasses.replace(
        plan.framework, part_singular="dimension", part_plural="dimensions"
    )
    plan.reviews.append(Review(dt.date(2027, 1, 4), notes="Second.", next_review=None))
    document = planfile.plan_to_dict(plan, exported_at=STAMP)
    assert document["framework"]["part"] == {"singular": "dimension", "plural": "dimensions"}
    assert [r["next_review"] for r in document["reviews"]] == [
        sample_plan.reviews[0].next_review.isoformat(),
        None,
    ]
    path = tmp_path / "plan.json"
    planfile.write(plan, path)
    again = _through_a_store(planfile.read(path))
    assert again.framework == plan.framework
    assert [r.next_review for r in again.reviews] == [r.next_review for r in plan.reviews]
    assert planfile.dumps(again, exported_at=STAMP) == planfile.dumps(plan, exported_at=STAMP)


# -- problems, each with its place -----------------------------------------------


def test_a_next_review_before_the_review_or_not_a_date_is_refused_with_its_place(document):
    review = document["reviews"][0]
    review["next_review"] = "15/01/2027"
    assert _problems(document) == ["reviews[0].next_review: not a date (expected YYYY-MM-DD)"]
    review["next_review"] = "2020-01-01"
    assert _problems(document) == [
        "reviews[0].next_review: before the date of the review itself"
    ]


def test_a_framework_word_for_its_parts_must_be_lower_case_text(document):
    document["framework"]["part"] = {"singular": "Dimension", "plural": ""}
    assert _problems(document) == [
        "framework.part.singular: expected lower case, e.g. 'dimension'",
        "framework.part.plural: expected non-empty text",
    ]


def test_a_bad_target_date_is_reported_with_its_place(document):
    document["goals"][3]["target_date"] = "31/12/2026"
    assert _problems(document) == ["goals[3].target_date: not a date (expected YYYY-MM-DD)"]


@pytest.mark.parametrize(
    "bad",
    ["2026-02-30", "2026-6-1", "2026-W24-1", "20260615T0", 20260601, True, "soon", " 2026-06-01"],
)
def test_impossible_or_badly_written_dates_are_refused(document, bad):
    document["reviews"][0]["date"] = bad
    assert _problems(document) == ["reviews[0].date: not a date (expected YYYY-MM-DD)"]


def test_every_problem_is_reported_at_once(document):
    document["profile"]["name"] = "  "
    document["goals"][0]["skill"] = "juggling"
    document["goals"][1]["progress"][0]["percent"] = 150
    document["goals"][2]["status"] = "finished"
    document["goals"][4]["actions"][1]["done"] = "yes"
    document["assessments"][0]["level"] = 9
    document["reflections"][1]["goal"] = "no-such-goal"
    problems = _problems(document)
    # Type problems come first; rule checks run once the file reads cleanly.
    assert problems == [
        "profile.name: required",
        "goals[2].status: must be one of not_started, in_progress, achieved, deferred",
        "goals[4].actions[1].done: expected true or false",
    ]
    document["profile"]["name"] = "Siân Okafor"
    document["goals"][2]["status"] = "achieved"
    document["goals"][4]["actions"][1]["done"] = True
    assert _problems(document) == [
        "assessments[0].level: must be from 1 to 5",
        "goals[0].skill: unknown skill 'juggling'",
        "goals[1].progress[0].percent: 150 is outside 0 to 100",
        "reflections[1].goal: unknown goal 'no-such-goal'",
    ]


@pytest.mark.parametrize(
    ("percent", "problem"),
    [
        (-1, "-1 is outside 0 to 100"),
        (101, "101 is outside 0 to 100"),
        (50.5, "expected a whole number"),
        ("50", "expected a whole number"),
        (None, "expected a whole number"),
    ],
)
def test_a_percent_must_be_a_whole_number_from_0_to_100(document, percent, problem):
    document["goals"][0]["progress"][2]["percent"] = percent
    assert _problems(document) == [f"goals[0].progress[2].percent: {problem}"]


def test_an_unknown_skill_is_named(document):
    document["assessments"][4]["skill"] = "telepathy"
    document["reflections"][0]["skill"] = "telepathy"
    assert _problems(document) == [
        "assessments[4].skill: unknown skill 'telepathy'",
        "reflections[0].skill: unknown skill 'telepathy'",
    ]


def test_a_goal_id_used_twice_is_refused(document):
    document["goals"][5]["id"] = document["goals"][4]["id"]
    assert _problems(document) == ["goals[5].id: 'demo-goal-5' is used by another goal"]


def test_a_rating_given_twice_on_one_day_is_refused(document):
    document["assessments"].append(dict(document["assessments"][0]))
    problems = _problems(document)
    assert len(problems) == 1
    assert problems[0].startswith("assessments[6]: 'learn-to-follow' is rated twice on ")


def test_wrong_types_are_named_by_place(document):
    document["goals"][0]["title"] = 42
    document["goals"][1]["actions"] = "call matron"
    document["reviews"] = {"date": "2026-01-01"}
    document["reflections"][0]["model"] = "star"
    assert _problems(document) == [
        "goals[0].title: expected text",
        "goals[1].actions: expected a list",
        "reflections[0].model: must be one of rolfe, gibbs, nmc, medical",
        "reviews: expected a list",
    ]


def test_framework_problems_are_named_by_place(document):
    document["framework"]["skills"][1]["id"] = "learn-to-follow"
    document["framework"]["scale"] = []
    assert _problems(document) == [
        "framework.scale: expected a list of 2 to 10 levels, lowest first",
        "framework.skills[1].id: 'learn-to-follow' is used twice",
    ]
    del document["framework"]
    assert _problems(document) == ["framework: expected an object with the plan's skills"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"format": "something-else"},
            "format: expected 'leadership-plan'; this is not a plan file",
        ),
        ({"version": 3}, "version: this app reads version 1 and 2 plan files, not 3"),
        ({"version": 0}, "version: this app reads version 1 and 2 plan files, not 0"),
        ({"version": "1"}, "version: this app reads version 1 and 2 plan files, not '1'"),
        ({"version": True}, "version: this app reads version 1 and 2 plan files, not True"),
        ({"version": 1.0}, "version: this app reads version 1 and 2 plan files, not 1.0"),
    ],
)
def test_another_format_or_version_is_refused(document, change, problem):
    document.update(change)
    assert _problems(document) == [problem]


def test_malformed_json_reports_line_and_column():
    with pytest.raises(PlanFileError) as caught:
        planfile.loads('{\n  "format": "leadership-plan",\n  "version": 1,,\n}')
    assert caught.value.problems == [
        "not valid JSON (line 3, column 16: Expecting property name enclosed in double quotes)"
    ]


def test_a_top_level_list_is_not_a_plan():
    with pytest.raises(PlanFileError, match="does not hold a JSON object"):
        planfile.loads("[]")


def test_deeply_nested_json_is_refused_cleanly():
    with pytest.raises(PlanFileError, match="nested too deeply"):
        planfile.loads("[" * 100_000 + "]" * 100_000)


def test_the_message_lists_ten_problems_then_counts_the_rest(document):
    for part in ("goals", "assessments"):
        for i, item in enumerate(document[part]):
            item["skill"] = f"nope-{i}"
    with pytest.raises(PlanFileError) as caught:
        planfile.loads(json.dumps(document))
    assert len(caught.value.problems) == 16  # six ratings and ten goals
    assert str(caught.value).endswith("(and 6 more)")
    assert "\n" not in str(caught.value)


# -- reading and writing files ---------------------------------------------------


def test_reading_a_missing_file_a_folder_or_non_utf8_says_so(tmp_path):
    with pytest.raises(PlanFileError, match="no such file"):
        planfile.read(tmp_path / "missing.json")
    with pytest.raises(PlanFileError, match="is a folder"):
        planfile.read(tmp_path)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"profile": {"name": "Siân"}}'.encode("latin-1"))
    with pytest.raises(PlanFileError, match="not UTF-8 text"):
        planfile.read(latin1)


def test_writing_replaces_the_file_whole_and_leaves_no_temporary_files(sample_plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text("old contents", encoding="utf-8")
    planfile.write(sample_plan, path)
    assert planfile.read(path) == sample_plan
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_dataclass_fields_all_reach_the_file(sample_plan):
    """A field added to a dataclass but forgotten by the writer would be lost on export.
    The goal marks and review links are written only when set: here they are."""
    goal, review = sample_plan.goals[0], sample_plan.reviews[0]
    goal.inclusion_objective = goal.wellbeing_goal = True
    review.links = (ReviewLink(agreed_lines(review)[0], goal.uid),)
    document = planfile.plan_to_dict(sample_plan)
    goal_keys = {f.name for f in dataclasses.fields(Goal)} - {"id", "uid"}
    assert goal_keys | {"id"} == set(document["goals"][0])
    review_keys = {f.name for f in dataclasses.fields(Review)} - {"id"}
    assert review_keys == set(document["reviews"][0])
    assert set(document["goals"][0]["actions"][0]) == {"text", "due", "done"}
    assert set(document["goals"][0]["progress"][0]) == {"date", "percent", "note"}


def test_the_example_in_the_format_document_is_valid_and_exact():
    doc = Path(__file__).resolve().parents[1] / "docs" / "plan-format.md"
    example = re.findall(r"```json\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)[-1]
    plan = planfile.loads(example)
    store = PlanStore.memory()
    try:
        store.replace_plan(plan)
        again = planfile.plan_to_dict(store.load_plan(), exported_at="2026-06-15T10:00:00Z")
    finally:
        store.close()
    assert again == json.loads(example)


def test_a_key_given_twice_is_refused_so_a_private_reflection_cannot_turn_shared(
    sample_plan, tmp_path, capsys
):
    text = planfile.dumps(sample_plan)
    assert '"private": true' in text
    twice = text.replace('"private": true', '"private": true, "private": false', 1)
    with pytest.raises(PlanFileError) as caught:
        planfile.loads(twice)
    assert "'private' appears twice" in str(caught.value)

    # Anywhere in the file, and through the command line with nothing written.
    path = tmp_path / "twice.json"
    path.write_text(text.replace('"name": ', '"name": "A", "name": ', 1), encoding="utf-8")
    from planner.app import main

    db = tmp_path / "plan.db"
    assert main(["import-json", str(path), "--db", str(db)]) == 1
    assert "appears twice" in capsys.readouterr().err
    assert not db.exists()


def test_a_plan_file_is_written_with_the_same_content_as_dumps(sample_plan, tmp_path):
    plan = _awkward_plan(sample_plan)
    path = tmp_path / "plan.json"
    planfile.write(plan, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    expected = json.loads(planfile.dumps(plan))
    written.pop("exported_at", None)
    expected.pop("exported_at", None)
    assert written == expected
    assert path.read_text(encoding="utf-8").endswith("}\n")


@pytest.mark.parametrize(
    "text", ["Siân – an en dash", "Adébáyọ̀ 😀 beyond the first plane", "plain", "ﬁ\u2028"]
)
def test_characters_beyond_latin_1_read_back_exactly_from_a_large_file(
    sample_plan, tmp_path, text
):
    plan = copy.deepcopy(sample_plan)
    # A large file, with the characters far into it.
    for reflection in plan.reflections:
        for key in ("what", "so_what", "now_what"):
            reflection.sections[key] = "x" * 190_000 + text
    plan.profile.name = text
    path = tmp_path / "plan.json"
    planfile.write(plan, path)
    again = planfile.read(path)
    assert [r.sections for r in again.reflections] == [r.sections for r in plan.reflections]
    assert again.profile.name == text


def test_a_byte_order_mark_at_the_start_is_still_accepted(sample_plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + planfile.dumps(sample_plan).encode("utf-8"))
    assert planfile.read(path).profile.name == sample_plan.profile.name
