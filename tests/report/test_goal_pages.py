"""How goals fall across pages: a goal that fits on a page is never split, and a goal
longer than a page never leaves a blank page behind it."""

from __future__ import annotations

import dataclasses

from planner.demo import demo_plan
from planner.domain.models import ProgressEntry
from tests.report.conftest import TODAY, build, flat, page_of_section


def _page_of(pages: list[str], text: str) -> list[int]:
    return [number for number, page in enumerate(pages) if text in flat(page)]


def test_a_goal_that_fits_on_a_page_is_kept_whole_and_a_longer_one_leaves_no_blank_page():
    plan = demo_plan(TODAY)
    first, second, *rest = plan.goals
    # An ordinary goal, then one of about two pages.
    long_text = "\n\n".join(
        f"Paragraph {n} of a long description: what I will do, with whom, and how I will "
        "know it worked, written out in full for my manager to read." for n in range(60)
    )
    long_goal = dataclasses.replace(first, title="Very long goal", description=long_text)
    marked = dataclasses.replace(
        second,
        title="Goal that must stay whole",
        description="START-OF-WHOLE-GOAL " + "A sentence of detail. " * 5,
        progress=[*second.progress, ProgressEntry(TODAY, 80, "END-OF-WHOLE-GOAL")],
    )
    plan = dataclasses.replace(plan, goals=[marked, long_goal, *rest])
    pdf, _ = build(plan)

    start = _page_of(pdf.pages, "START-OF-WHOLE-GOAL")
    end = _page_of(pdf.pages, "END-OF-WHOLE-GOAL")
    assert len(start) == 1 and start == end
    # The long goal starts in the space the short one left when there is room enough,
    # else on the next page; no page is left blank, and it runs on over several pages.
    starts = page_of_section(pdf, "1.2 Very long goal")
    assert starts in (end[0], end[0] + 1)
    assert all(flat(page).count(" ") > 40 for page in pdf.pages)
    assert len(_page_of(pdf.pages, "of a long description")) >= 2
    for number, page in enumerate(pdf.pages):
        assert len(flat(page)) > 150, f"page {number + 1} is all but blank: {flat(page)!r}"
