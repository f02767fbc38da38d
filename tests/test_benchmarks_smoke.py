"""The benchmark still runs end to end: every measurement once, on a tiny plan."""

from __future__ import annotations

from benchmarks import run as bench

EXPECTED_ROWS = (
    "Environment: the app measured is imported from",
    "Environment: numpy importable",
    "Start-up floor",
    "Start-up, empty database",
    "Start-up, demo plan",
    "Start-up, heavy plan",
    "Start-up growth",
    "Peak memory, empty start-up",
    "Peak memory, demo start-up",
    "Peak memory, heavy start-up",
    "PDF export, demo plan",
    "PDF export, 6-goal plan",
    "Import, heavy plan file",
    "Interaction: Open the skill page with most goals",
    "Interaction: Type a filter",
    "Interaction: Open the goal with",
    "Interaction: Log progress",
    "Interaction: Undo",
    "Interaction: first opening of page",
    "Longest GUI-thread block",
    "Lazy history",
    "Whole-plan reads",
    "GUI: reportlab not imported",
    "Window: Export PDF of the heavy plan",
    "Window: Export plan file of the heavy plan",
    "Window: Import plan file over the heavy plan",
    "Command line: Qt never imported",
)


def test_the_benchmark_produces_every_row_on_a_tiny_plan(tmp_path):
    rows, raw = bench.run(bench.SMOKE, tmp_path)
    names = [row.measurement for row in rows]
    for expected in EXPECTED_ROWS:
        assert any(name.startswith(expected) for name in names), expected
    text = bench.table(rows)
    assert text.count("\n") == len(rows) + 2
    # Every timed figure is a real measurement, not a blank.
    assert all(row.result for row in rows)
    assert raw["long_goal_entries"] == bench.SMOKE.heavy.long_history
    # These hold at any size: the history is fetched lazily, the GUI leaves reportlab
    # alone and the command line leaves Qt alone.
    always = ("Lazy history", "GUI: reportlab", "Command line: Qt")
    for row in rows:
        if row.measurement.startswith(always):
            assert row.meets, row.cells()
