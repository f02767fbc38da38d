"""Hostile input at the plan importer and at every text field of the store.

Whatever arrives (control characters, lone surrogates escaped in JSON, markup,
100,000-character strings, wrong types, missing keys), the result is either an exact
round trip or a clean refusal (``PlanFileError``/``ValidationError``), never another
exception and never a partial write.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import planfile
from planner.demo import demo_plan
from planner.domain.models import (
    Goal,
    GoalAction,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from planner.domain.validation import ValidationError
from planner.store import PlanStore

TODAY = dt.date(2026, 6, 15)
BASE = planfile.plan_to_dict(demo_plan(TODAY), exported_at="fixed")

FAST = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
HEAVY = settings(FAST, max_examples=400)

NASTY = [
    "\x00",
    "\ud800",
    "lone \udfff low surrogate",
    "\x07\x1b[31mred\x1b[0m\x7f",
    "<b>bold</b> <script>alert('x')</script>",
    "<para>&amp; &lt;br/&gt; ]]></para>",
    "\u202eright-to-left override",
    "\ufeffbyte order mark",
    "line\r\nbreaks\u2028and\u2029separators",
    "Siân, Zoë, Łukasz, 王芳, محمد 🙂",
    "",
    "   ",
]
any_char = st.characters(codec=None, exclude_categories=())
# Long strings are built, not listed, to keep Hypothesis's reports short.
long_text = st.builds(
    lambda char, length: char * length,
    st.sampled_from(["x", "é", "<", "\n", "🙂"]),
    st.sampled_from([299, 300, 301, 3001, 100_000, 200_001]),
)
# Characters SQLite or UTF-8 cannot take, offered often so every field meets them.
poison = st.builds(
    lambda head, bad, tail: head + bad + tail,
    st.text(max_size=5),
    st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00"]),
    st.text(max_size=5),
)
hostile_text = st.one_of(
    poison,
    st.sampled_from(NASTY),
    long_text,
    st.text(any_char, max_size=40),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(any_char, max_size=10)),
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)


def _at(doc: Any, path: tuple) -> Any:
    for step in path:
        doc = doc[step]
    return doc


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*prefix, i))
    return found


PATHS = _paths(BASE)
TEXT_PATHS = [p for p in PATHS if isinstance(_at(BASE, p), str)]
mutations = st.lists(
    st.tuples(
        st.sampled_from(PATHS),
        st.sampled_from(["text", "value", "delete", "extra"]),
        hostile_text,
        json_values,
    ),
    min_size=1,
    max_size=4,
)
# Only text changes, so refusals come from the text itself rather than the structure.
text_changes = st.lists(
    st.tuples(st.sampled_from(TEXT_PATHS), st.just("text"), hostile_text, st.none()),
    min_size=1,
    max_size=8,
)


def _mutate(doc: dict, path: tuple, how: str, text: str, value: Any) -> None:
    parent = doc
    try:
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if how == "text":
            parent[last] = text
        elif how == "value":
            parent[last] = value
        elif how == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[text] = value
    except (KeyError, IndexError, TypeError):
        pass  # an earlier mutation removed or replaced this part of the document


def _by_date(items: list[dict]) -> list[dict]:
    # The store lists by date, then by the order things were saved (stable sort).
    return sorted(items, key=lambda item: item["date"])


def _as_stored(doc: dict) -> dict:
    """The document in the order the store gives it back."""
    doc = copy.deepcopy(doc)
    doc["assessments"] = _by_date(doc["assessments"])
    doc["reflections"] = _by_date(doc["reflections"])
    doc["reviews"] = _by_date(doc["reviews"])
    for goal in doc["goals"]:
        goal["progress"] = _by_date(goal["progress"])
    return doc


def _fresh_store() -> tuple[PlanStore, str]:
    store = PlanStore.memory()
    store.replace_plan(demo_plan(TODAY))
    return store, planfile.dumps(store.load_plan(), exported_at="fixed")


def _import(text: str) -> None:
    """The import path: read, validate, replace; then check the promise holds."""
    try:
        plan = planfile.loads(text)
    except planfile.PlanFileError as exc:
        assert exc.problems and all(isinstance(p, str) for p in exc.problems)
        str(exc).encode("utf-8")  # the message itself can be shown and logged
        return
    store, before = _fresh_store()
    try:
        try:
            store.replace_plan(plan)
        except ValidationError:
            assert planfile.dumps(store.load_plan(), exported_at="fixed") == before
            return
        expected = planfile.plan_to_dict(plan, exported_at="fixed")
        stored = planfile.plan_to_dict(store.load_plan(), exported_at="fixed")
        for want, got in zip(expected["goals"], stored["goals"], strict=True):
            # Blank time stamps are filled in by the store: the one allowed difference.
            for stamp in ("created", "updated"):
                if not want[stamp]:
                    want[stamp] = got[stamp]
        assert stored == _as_stored(expected)
        # ...and what was stored can be exported and read again, unchanged.
        again = planfile.loads(planfile.dumps(store.load_plan(), exported_at="fixed"))
        assert planfile.plan_to_dict(again, exported_at="fixed") == stored
    finally:
        store.close()


@FAST
@given(mutations)
def test_a_damaged_plan_file_is_imported_exactly_or_refused_cleanly(changes):
    doc = copy.deepcopy(BASE)
    for change in changes:
        _mutate(doc, *change)
    _import(json.dumps(doc))  # ensure_ascii: surrogates arrive escaped, as "\ud800"


@FAST
@given(text_changes)
def test_hostile_text_anywhere_in_a_plan_file_round_trips_or_is_refused(changes):
    doc = copy.deepcopy(BASE)
    for change in changes:
        _mutate(doc, *change)
    _import(json.dumps(doc))


@FAST
@given(st.text(any_char, max_size=200) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_text_that_is_not_a_plan_is_refused_cleanly(text):
    with pytest.raises(planfile.PlanFileError):
        planfile.loads(text)


@pytest.mark.parametrize("bad", ["\ud800", "x\x00y", "\udfff tail"], ids=["high", "nul", "low"])
def test_every_text_field_of_a_plan_file_refuses_a_character_sqlite_cannot_take(bad):
    """Exhaustive, not sampled: each text field in turn carries the bad character."""
    escaped = []
    for path in TEXT_PATHS:
        if path[-1] in ("format", "exported_at"):
            continue  # the header is checked for its exact value; the stamp is not stored
        doc = copy.deepcopy(BASE)
        _mutate(doc, path, "text", bad, None)
        try:
            planfile.loads(json.dumps(doc))
        except planfile.PlanFileError:
            continue
        escaped.append(path)
    assert escaped == []


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "leadership-plan", "version": 1, "goals": [' + "9" * 5000 + "]}",
        '{"format": "leadership-plan", "version": 1e400}',
        "[" * 50_000 + "]" * 50_000,
        '{"format": "leadership-plan", "version": 1, "profile": {"name": "\\ud800"}}',
        json.dumps({**BASE, "framework": {**BASE["framework"], "name": "\ud800"}}),
        json.dumps({**BASE, "goals": [{**BASE["goals"][0], "id": "a\x00b"}]}),
    ],
    ids=["huge-number", "infinite-version", "deep-nesting", "surrogate", "framework", "nul-id"],
)
def test_known_hostile_documents_are_refused(text):
    with pytest.raises(planfile.PlanFileError):
        planfile.loads(text)


@pytest.mark.slow
@HEAVY
@given(mutations | text_changes)
def test_many_damaged_plan_files(changes):
    doc = copy.deepcopy(BASE)
    for change in changes:
        _mutate(doc, *change)
    _import(json.dumps(doc))


# -- every text field of the store ------------------------------------------------------


def _profile(store: PlanStore, text: str) -> tuple[object, object]:
    profile = Profile(name=text or "Name", role=text, aspiration=text, manager=text)
    store.save_profile(profile)
    return store.profile(), profile


def _new_goal(store: PlanStore, text: str):
    skill = store.framework().skills[0].id
    goal = Goal(
        skill=skill,
        title=text[:300] or "A goal",
        description=text,
        measure=text,
        support=text,
        actions=[GoalAction(text[:3000] or "An action")],
        progress=[ProgressEntry(TODAY, 40, text)],
    )
    saved = store.add_goal(goal)
    got = store.goal(saved.id)
    return (
        (got.title, got.description, got.measure, got.support, got.actions[0].text),
        (goal.title, text, text, text, goal.actions[0].text),
    )


def _edit_goal(store: PlanStore, text: str):
    goal = store.goal(store.goal_summaries()[0].id, with_progress=False)
    goal.title, goal.description = text[:300] or "Title", text
    goal.actions = [GoalAction(text[:3000] or "Act")]
    store.update_goal(goal)
    got = store.goal(goal.id)
    return (got.title, got.description, got.actions[0].text), (
        goal.title,
        text,
        goal.actions[0].text,
    )


def _progress(store: PlanStore, text: str):
    goal_id = store.goal_summaries()[0].id
    entry = store.add_progress(goal_id, ProgressEntry(TODAY, 55, text))
    got = [e for e in store.progress(goal_id) if e.id == entry.id]
    return got[0].note, text


def _assessment(store: PlanStore, text: str):
    skill = store.framework().skills[0].id
    store.save_assessment_round(TODAY, [SelfAssessment(skill, TODAY, 2, 3, text)])
    return store.assessment_round(TODAY)[0].note, text


def _reflection(store: PlanStore, text: str):
    sections = {"what": text, "so_what": text, "now_what": text}
    saved = store.save_reflection(Reflection(TODAY, text[:300] or "Title", "rolfe", sections))
    got = store.reflection(saved.id)
    return (got.title, got.sections), (text[:300] or "Title", sections)


def _review(store: PlanStore, text: str):
    saved = store.save_review(Review(TODAY, text, text, text))
    got = store.review(saved.id)
    return (got.reviewer, got.notes, got.agreed_actions), (text, text, text)


WRITERS = [_profile, _new_goal, _edit_goal, _progress, _assessment, _reflection, _review]


@pytest.mark.parametrize("write", WRITERS, ids=lambda w: w.__name__.strip("_"))
@settings(FAST, max_examples=25)
@given(text=hostile_text)
def test_every_text_field_is_stored_exactly_or_refused_cleanly(write, text):
    store, before = _fresh_store()
    try:
        try:
            got, sent = write(store, text)
        except ValidationError as exc:
            assert exc.problems
            assert planfile.dumps(store.load_plan(), exported_at="fixed") == before
            return
        assert got == sent
        planfile.dumps(store.load_plan()).encode("utf-8")  # exportable as well
    finally:
        store.close()
