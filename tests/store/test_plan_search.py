"""Find in plan: a phrase found in every kind of text the plan keeps, taken literally,
in any case, and never more rows than asked for."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.models import Goal, GoalAction, ProgressEntry, Reflection, Review
from planner.store.search import excerpt, search_plan_file

TODAY = dt.date(2026, 6, 15)
SA = "situational-awareness"


def _places(store, phrase: str, limit: int = 200) -> set[tuple]:
    return {(h.kind, h.opens, h.opens_id, h.field) for h in store.search(phrase, limit).hits}


@pytest.fixture
def goal(store):
    return store.add_goal(
        Goal(
            SA,
            "Chair the Quokka huddle",
            description="Run the morning Wombat round",
            measure="Numbat feedback",
            support="Platypus mentor",
            target_date=dt.date(2026, 9, 1),
            actions=[GoalAction("Book the Echidna room", due=dt.date(2026, 7, 1))],
        )
    )


def test_each_kind_of_text_is_found_and_opens_its_goal_reflection_or_review(store, goal):
    entry = store.add_progress(goal.id, ProgressEntry(TODAY, 40, "Kookaburra went well"))
    mine = store.save_reflection(
        Reflection(TODAY, "Dingo debrief", "rolfe", {"what": "The Bilby rota\nchanged"})
    )
    hidden = store.save_reflection(
        Reflection(TODAY, "Private one", "rolfe", {"so_what": "Galah worries"}, private=True)
    )
    review = store.save_review(
        Review(TODAY, "Dr Emu", notes="Talked about Wallaby", agreed_actions="Try Cassowary")
    )
    action_id = store.goal(goal.id).actions[0].id

    assert _places(store, "quokka") == {("goal", "goal", goal.id, "title")}
    assert _places(store, "WOMBAT") == {("goal", "goal", goal.id, "description")}
    assert _places(store, "numbat") == {("goal", "goal", goal.id, "measure")}
    assert _places(store, "platypus") == {("goal", "goal", goal.id, "support")}
    assert _places(store, "echidna") == {("action", "goal", goal.id, "action")}
    assert _places(store, "kookaburra") == {("progress", "goal", goal.id, "progress")}
    assert _places(store, "dingo") == {("reflection", "reflection", mine.id, "title")}
    assert _places(store, "bilby rota") == {("reflection", "reflection", mine.id, "section")}
    assert _places(store, "galah") == {("reflection", "reflection", hidden.id, "section")}
    assert _places(store, "wallaby") == {("review", "review", review.id, "notes")}
    assert _places(store, "cassowary") == {("review", "review", review.id, "agreed_actions")}

    (action,) = store.search("echidna").hits
    assert (action.id, action.title, action.date, action.skill) == (
        action_id,
        "Chair the Quokka huddle",
        dt.date(2026, 7, 1),
        SA,
    )
    (note,) = store.search("kookaburra").hits
    assert (note.id, note.date, note.text) == (entry.id, TODAY, "Kookaburra went well")
    (private,) = store.search("galah").hits
    assert private.private and private.text == "Galah worries"
    assert not store.search("bilby").hits[0].private


def test_a_phrase_is_found_whole_and_section_keys_are_not_text(store, goal):
    store.save_reflection(Reflection(TODAY, "Keys", "rolfe", {"what": "Bilby"}))
    assert _places(store, "wombat round")
    assert not _places(store, "round wombat")
    # "so_what" is a key of the stored sections, not anything the user wrote.
    assert not _places(store, "so_what")
    assert not _places(store, "   ")


def test_wildcards_in_the_phrase_are_ordinary_characters(store):
    literal = store.add_goal(Goal(SA, "Cut waits by 50% at site_a\\b"))
    store.add_goal(Goal(SA, "Cut waits by 500 at siteXa"))
    assert _places(store, "50%") == {("goal", "goal", literal.id, "title")}
    assert _places(store, "site_a") == {("goal", "goal", literal.id, "title")}
    assert _places(store, "a\\b") == {("goal", "goal", literal.id, "title")}
    percent = store.search("%").hits
    assert literal.id in {h.opens_id for h in percent}
    assert all("%" in h.text for h in percent)


def test_letters_beyond_ascii_are_found_in_any_case(store):
    accented = store.save_reflection(
        Reflection(TODAY, "Gwaith tîm", "rolfe", {"what": "Sgwrs gyda SIÂN"})
    )
    assert _places(store, "siân") == {("reflection", "reflection", accented.id, "section")}
    assert _places(store, "TÎM") == {("reflection", "reflection", accented.id, "title")}


def test_no_more_rows_than_the_limit_and_a_flag_says_there_were_more(store):
    for n in range(5):
        store.add_goal(Goal(SA, f"Lyrebird goal {n}"))
    store.save_review(Review(TODAY, notes="lyrebird"))
    assert (len(store.search("lyrebird", 6).hits), store.search("lyrebird", 6).more) == (6, False)
    cut = store.search("lyrebird", 3)
    assert len(cut.hits) == 3 and cut.more
    assert [h.kind for h in store.search("lyrebird", 5).hits] == ["goal"] * 5
    assert store.search("lyrebird", 5).more


def test_the_file_is_searched_through_a_connection_of_its_own(db_path):
    from planner.store import PlanStore

    with_store = PlanStore.open(db_path)
    try:
        added = with_store.add_goal(Goal(SA, "Find the Bandicoot"))
        found = search_plan_file(db_path, "bandicoot")
    finally:
        with_store.close()
    assert [(h.kind, h.opens_id) for h in found.hits] == [("goal", added.id)]


def test_an_excerpt_is_one_line_around_the_phrase():
    text = "start " + "x " * 100 + "the Quoll\nmoment " + "y " * 100
    line = excerpt(text, "quoll", width=40)
    assert "the Quoll moment" in line and "\n" not in line
    assert line.startswith("…") and line.endswith("…") and len(line) == 42
    assert excerpt("short\ntext", "zz") == "short text"
