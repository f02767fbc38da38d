"""``import-json`` of a version 2 plan file whose cycles were edited by hand: each
damage is named in one line and nothing is written."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import _assert_one_line_error, _export


def _outcome(**fields) -> dict:
    return {"goal": "g-1", "title": "Chair a huddle", "skill": "learn-to-follow",
            "outcome": "met", "note": "", **fields}


def _cycle(**fields) -> dict:
    return {"id": "2025", "start": "2025-01-01", "end": "2025-12-31",
            "closed_on": "2026-01-02", "targets": {}, "outcomes": [], **fields}


HAND_EDITS = {
    "a lone surrogate in a note": (
        _cycle(outcomes=[_outcome(note="\ud800")]),
        "cycles[0].outcomes[0].note: contains an invalid character",
    ),
    "a lone surrogate in a cycle's id": (
        _cycle(id="\udfff"), "cycles[0].id: contains an invalid character"
    ),
    "a NUL in a goal's title": (
        _cycle(outcomes=[_outcome(title="Chair\x00 a huddle")]),
        "cycles[0].outcomes[0].title: contains a NUL character",
    ),
    "a title of a million characters": (
        _cycle(outcomes=[_outcome(title="T" * 1_000_000)]),
        "cycles[0].outcomes[0].title: longer than 300 characters",
    ),
    "a target for a skill named with a surrogate": (
        _cycle(targets={"\ud801": 3}), "cycles[0].targets: contains an invalid character"
    ),
    "one goal with two outcomes": (
        _cycle(outcomes=[_outcome(), _outcome(outcome="not_met")]),
        "cycles[0].outcomes[1].goal: 'g-1' has another outcome in this cycle",
    ),
}


@pytest.mark.parametrize("edit", list(HAND_EDITS))
def test_a_hand_edited_cycle_is_named_in_one_line_and_nothing_is_written(
    cli, demo_db, tmp_path, edit
):
    cycle, problem = HAND_EDITS[edit]
    document = _export(cli, demo_db, tmp_path / "plan.json")
    document["cycles"] = [cycle]
    source = tmp_path / "edited.json"
    # Escaped, as json.dump writes by default: a surrogate stays a surrogate.
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "new.db"

    result = cli("import-json", source, "--db", target)

    _assert_one_line_error(result, "cannot be imported, nothing was changed", problem)
    assert not target.exists()
