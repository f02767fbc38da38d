"""The journal's list query and its search: rows without sections, and words found
exactly where a reader would find them."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.models import Reflection, ReflectionRow

TODAY = dt.date(2026, 6, 15)
SA = "situational-awareness"


def _found(store, text: str) -> set[int]:
    return store.reflection_ids_matching(text)


def _add(store, title: str, sections: dict[str, str], **kwargs) -> Reflection:
    return store.save_reflection(Reflection(TODAY, title, "rolfe", sections, **kwargs))


def test_rows_hold_what_the_list_shows_and_can_leave_out_private_ones(store):
    full = store.reflections()
    rows = store.reflection_rows()
    assert rows == [ReflectionRow(r.id, r.date, r.title, r.skill, r.model, r.private) for r in full]
    shared = store.reflection_rows(include_private=False)
    assert [r.id for r in shared] == [r.id for r in full if not r.private]
    assert len(shared) < len(rows)


def test_a_linked_goal_title_is_read_for_one_reflection(store):
    linked = _add(store, "Handover", {"what": "x"}, goal="demo-goal-4")
    alone = _add(store, "Alone", {"what": "y"})
    title = next(g.title for g in store.goal_summaries() if g.uid == "demo-goal-4")
    assert store.reflection_goal_title(linked.id) == title
    assert store.reflection_goal_title(alone.id) is None


def test_search_finds_words_in_title_skill_name_and_sections_in_any_case(store):
    found = _add(
        store,
        "Night shift",
        {"what": "Escalated the NEWS score", "now_what": "Ask Siân first"},
        skill=SA,
    )
    assert found.id in _found(store, "NIGHT news")
    assert found.id in _found(store, "situational escalated")
    assert found.id in _found(store, "SIÂN")
    assert found.id not in _found(store, "night zebra")
    assert _found(store, "  ") == {r.id for r in store.reflection_rows()}


def test_search_never_matches_section_keys_json_quoting_or_wildcards(store):
    plain = _add(store, "Plain", {"what": 'She said "no" \\ then\nThe end', "now_what": ""})
    assert plain.id not in _found(store, "now_what")  # a key, not text
    assert plain.id not in _found(store, "nthe")  # \nThe in the JSON
    assert plain.id not in _found(store, "100%")
    assert plain.id not in _found(store, "o_t")
    assert plain.id in _found(store, '"no"')
    assert plain.id in _found(store, "\\")
    wild = _add(store, "Wild", {"what": "Scored 100% on o_t"})
    assert _found(store, "100% o_t") & {plain.id, wild.id} == {wild.id}


# Letters that are JSON escapes, key fragments, LIKE wildcards and non-ASCII case pairs.
_TEXT = st.text(alphabet='abcdxnrtuwhaoSOW_%"\\{}:, \nâÂé', max_size=30)


@settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(title=_TEXT, what=_TEXT, so_what=_TEXT, query=_TEXT)
def test_search_agrees_with_reading_the_text(store, title, what, so_what, query):
    title = title.strip() or "t"
    saved = _add(store, title, {"what": what, "so_what": so_what})
    words = query.casefold().split()
    haystack = " ".join([title, what, so_what]).casefold()
    expected = all(word in haystack for word in words)
    assert (saved.id in _found(store, query)) == expected
    store.delete_reflection(saved.id)


def test_rows_come_newest_first_a_page_at_a_time(store):
    for n in range(3):
        _add(store, f"Same day {n}", {"what": "x"})
    oldest_first = store.reflection_rows()
    newest_first = oldest_first[::-1]
    assert store.reflection_rows(newest_first=True) == newest_first
    assert store.reflection_rows(newest_first=True, limit=2, offset=1) == newest_first[1:3]
    assert store.reflection_rows(newest_first=True, offset=3) == newest_first[3:]


def test_rows_and_a_search_can_be_read_in_one_pass(store):
    _add(store, "Night shift", {"what": "Escalated the NEWS score"})
    rows, found = store.reflection_rows_searched("news ESCALATED")
    assert rows == store.reflection_rows()
    assert found == store.reflection_ids_matching("news ESCALATED") != set()
