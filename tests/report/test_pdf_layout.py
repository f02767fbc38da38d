"""The PDF's layout read back as a manager's reader shows it: type never shrunk below a
readable size, at-a-glance figures that agree and are dated, the sign-off kept whole."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.demo import demo_plan
from planner.domain.models import Goal, GoalAction, ProgressEntry, SelfAssessment
from planner.report import build_pdf_bytes
from planner.report.fonts import BOLD
from planner.report.sections.context import ReportContext
from planner.report.styles import WRITING_LINE
from tests.report import layout_plans
from tests.report.conftest import TODAY, flat, page_of_section, read_pdf
from tests.report.pdf_inspect import text_runs

BODY_MIN, LABEL_MIN = 9, 7
# The document's type scale: cover title, section, subsection, body, tables and charts.
SCALE = {28.0, 18.0, 13.0, 10.0, 8.0}


def _plan(name: str, core_framework):
    return {
        "demo": lambda: demo_plan(TODAY),
        "hlm-9-dimensions-4-rounds": layout_plans.rated_plan,
        "clcf-20-overdue": layout_plans.overdue_plan,
        "ten-skills-ten-levels": lambda: layout_plans.ten_by_ten_plan(core_framework),
        "ten-skills-ten-levels-targets": lambda: layout_plans.ten_by_ten_cycled(core_framework),
        "ten-skills-ten-levels-closed-cycle": lambda: layout_plans.ten_by_ten_cycled(
            core_framework
        ),
        "heavy": lambda: layout_plans.heavy_plan(core_framework),
    }[name]()


def _pdf(plan, **options) -> bytes:
    return build_pdf_bytes(plan, today=TODAY, invariant=True, **options)[0]


def _named_pdf(name: str, core_framework) -> bytes:
    """The PDF of one of the named plans; a closed cycle's plan prints that cycle."""
    cycle = 1 if name.endswith("closed-cycle") else None
    return _pdf(_plan(name, core_framework), cycle=cycle)


def _glance_pages(pdf) -> list[int]:
    """The 0-based pages of the at-a-glance section (up to the first skill's page)."""
    start = next(n for n, text in enumerate(pdf.pages) if "At a glance" in text)
    end = next(n for n in range(start + 1, len(pdf.pages)) if pdf.pages[n].startswith("1. "))
    return list(range(start, end))


PLANS = [
    "demo",
    "hlm-9-dimensions-4-rounds",
    "clcf-20-overdue",
    "ten-skills-ten-levels",
    "ten-skills-ten-levels-targets",
    "ten-skills-ten-levels-closed-cycle",
    "heavy",
]


@pytest.mark.parametrize("name", PLANS)
def test_no_text_is_shrunk_below_a_readable_size(name, core_framework):
    data = _named_pdf(name, core_framework)
    runs = text_runs(data)
    pdf = read_pdf(data)
    smallest = min(runs, key=lambda r: r.size)
    assert smallest.size >= LABEL_MIN, smallest
    glance = {n + 1 for n in _glance_pages(pdf)}
    # At a glance draws only the document's type sizes: nothing scaled to fit.
    on_glance = {r.size for r in runs if r.page in glance}
    assert on_glance <= SCALE, sorted(on_glance - SCALE)
    # Body paragraphs: the summary sentence and the goals' own words.
    summary = [r for r in runs if r.page in glance and "across" in r.text]
    assert summary and all(r.size >= BODY_MIN for r in summary)
    body = [r for r in runs if "handover quality" in r.text]
    assert all(r.size >= BODY_MIN for r in body), min(body, key=lambda r: r.size)


def test_the_whole_document_uses_a_handful_of_type_sizes():
    runs = text_runs(_pdf(demo_plan(TODAY)))
    assert len({r.size for r in runs}) <= 6


def test_a_long_fact_in_a_goal_strip_keeps_its_size_and_clear_of_the_next():
    runs = text_runs(_pdf(demo_plan(TODAY)))
    value = next(r for r in runs if r.text.startswith("10 Jun 2026 (overdue)"))
    label = next(r for r in runs if r.page == value.page and r.text.startswith("Progress"))
    assert value.size == 10
    assert value.x + stringWidth(value.text.strip(), BOLD, 10) < label.x


def test_every_overdue_goal_is_listed_with_the_list_flowing_on():
    plan = layout_plans.overdue_plan(count=30)
    pdf = read_pdf(_pdf(plan))
    glance = flat(" ".join(pdf.pages[n] for n in _glance_pages(pdf)))
    for goal in plan.goals:
        assert flat(goal.title) in glance
    assert "more;" not in glance
    # The list split across pages repeats its header row.
    assert glance.count("Goal Domain Target date When") >= 2


def test_nine_dimensions_are_named_with_every_round_dated_and_importance_beside():
    plan = layout_plans.rated_plan()
    pdf = read_pdf(_pdf(plan))
    glance = flat(" ".join(pdf.pages[n] for n in _glance_pages(pdf)))
    dates = "20 Jun 2025 18 Sep 2025 17 Dec 2025 17 Mar 2026"
    assert f"Dimension {dates} Change since 20 Jun 2025 Importance to the role" in glance
    assert "9 goals across 9 dimensions" in glance
    assert "1. Inspiring shared purpose 1 2 3 4 +3 Not important" in glance
    assert "5. Sharing the vision 5 1 2 3 \u22122 Essential" in glance
    # The radar compares the same two rounds, dated.
    assert "Latest round (17 Mar 2026) First round (20 Jun 2025)" in glance
    assert "No." not in glance


def test_many_rounds_show_the_first_and_latest_few_and_say_what_is_left_out():
    plan = layout_plans.rated_plan(layout_plans.CLCF, rounds=8)
    pdf = read_pdf(_pdf(plan))
    glance = flat(" ".join(pdf.pages[n] for n in _glance_pages(pdf)))
    dates = sorted({a.date for a in plan.assessments})
    shown = " … ".join(
        [dates[0].strftime("%-d %b %Y"), " ".join(d.strftime("%-d %b %Y") for d in dates[-4:])]
    )
    assert f"Domain {shown} Change since" in glance
    assert "3 rounds between 23 Sep 2024 and 22 Mar 2025 are not shown" in glance
    assert [d.strftime("%-d %b %Y") for d in dates[1:4]] == [
        "23 Sep 2024",
        "22 Dec 2024",
        "22 Mar 2025",
    ]


def test_negative_changes_print_a_true_minus_sign():
    pdf = read_pdf(_pdf(layout_plans.rated_plan()))
    glance = flat(" ".join(pdf.pages[n] for n in _glance_pages(pdf)))
    assert "\u22122" in glance
    assert not re.search(r"(?<![\w-])-\d", glance)


FULL_MONTH = re.compile(
    r"\b\d{1,2} (January|February|March|April|June|July|August|September|October|"
    r"November|December) \d{4}"
)


def test_every_date_is_written_the_same_way():
    pdf = read_pdf(_pdf(demo_plan(TODAY)))
    assert not FULL_MONTH.search(pdf.text), FULL_MONTH.search(pdf.text)
    assert "Exported 15 Jun 2026" in pdf.text and "Review on 1 May 2026" in pdf.text
    assert "17 Dec 2025 to 17 Dec 2026" in flat(pdf.pages[0])


def test_summary_counts_goals_without_a_date_or_measure_and_averages_leave_out_deferred(
    core_framework,
):
    plan = demo_plan(TODAY)
    skill = plan.framework.skills[0].id
    plan.goals = [
        Goal(
            skill,
            "Going well",
            measure="Audit",
            target_date=TODAY,
            status="in_progress",
            progress=[ProgressEntry(TODAY, 80)],
        ),
        Goal(skill, "Put aside", status="deferred", progress=[ProgressEntry(TODAY, 0)]),
    ]
    pdf = read_pdf(_pdf(plan))
    glance = flat(pdf.pages[page_of_section(pdf, "At a glance")])
    assert "1 goal without a target date and 1 goal without a measure" in glance
    assert "1 deferred (left out of average progress)" in glance
    assert f"{plan.framework.skills[0].name} 2 0 80%" in glance


def test_an_achieved_goal_shows_its_last_logged_figure_everywhere():
    plan = demo_plan(TODAY)
    goal = next(g for g in plan.goals if g.status == "achieved")
    goal.progress.append(ProgressEntry(TODAY, 99, "Nearly all of it."))
    pdf = read_pdf(_pdf(plan))
    heading = f"{flat(goal.title)} Status Priority"
    page = next(flat(p) for p in pdf.pages if heading in flat(p))
    assert "Achieved" in page and "99%" in page
    assert "100%" not in page.split(flat(goal.title), 1)[1].split("Progress history")[0]


def test_actions_left_on_achieved_or_deferred_goals_are_not_overdue():
    late = GoalAction("Book the course", TODAY - dt.timedelta(days=3))
    done = GoalAction("Ask for feedback", TODAY - dt.timedelta(days=3), done=True)
    ctx = ReportContext(demo_plan(TODAY), TODAY)
    for status, expected in (("in_progress", True), ("achieved", False), ("deferred", False)):
        goal = Goal("learn-to-follow", "A goal", status=status, actions=[late, done])
        assert ctx.action_overdue(goal, late) is expected
        assert ctx.action_overdue(goal, done) is False
    assert ctx.average_percent([Goal("x", "Deferred", status="deferred")]) is None


def test_empty_sections_speak_about_the_clinician_to_the_manager(empty_plan):
    pdf = read_pdf(_pdf(empty_plan))
    glance = flat(pdf.pages[page_of_section(pdf, "At a glance")])
    assert "No self-assessment recorded yet." in glance
    assert "yourself" not in glance and " you " not in f" {glance} "


LONGEST = "Oluwaseun Adeyemi-Johnson-" * 3, "Dr Catherine Fitzgerald, Matron " * 3


@pytest.mark.parametrize(
    "names",
    [(layout_plans.LONG_NAME, layout_plans.LONG_MANAGER), LONGEST],
    ids=["three-line-intro", "longest-names"],
)
def test_signatures_share_the_page_with_the_prompts_for_long_names(names, core_framework):
    plan = layout_plans.heavy_plan(core_framework)
    plan.profile.name, plan.profile.manager = names
    pdf = read_pdf(_pdf(plan))
    last = flat(pdf.pages[-1])
    assert "Manager review and sign-off" in last
    for word in ("Goal", "Reality", "Options", "Will", "Changes to goals", "Agreed and signed"):
        assert word in last
    assert "We have discussed this plan and agree the goals" in last
    assert "Next review date" in last and "Signature" in last
    # The manager's name wraps in its box rather than being cut.
    assert flat(names[1])[:70] in last


def _contrast(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_writing_lines_are_dark_enough_to_print():
    data = _pdf(demo_plan(TODAY))
    reader = PdfReader(__import__("io").BytesIO(data))
    page = reader.pages[-1]
    stroke = (0.0, 0.0, 0.0)
    light_lines = dark_lines = 0
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"RG":
            stroke = tuple(float(v) for v in operands)
        elif operator == b"l":
            if _contrast(stroke) >= 3:
                dark_lines += 1
            else:
                light_lines += 1
    # Only the running header's and footer's rules are light.
    assert light_lines <= 2
    assert dark_lines >= 10
    assert _contrast(WRITING_LINE.rgb()) >= 3
    # In greyscale too (the printer's view): the line's grey level against white.
    grey = sum(w * c for w, c in zip((0.299, 0.587, 0.114), WRITING_LINE.rgb(), strict=True))
    assert _contrast((grey, grey, grey)) >= 3


def test_emoji_in_names_and_titles_print_as_a_named_stand_in():
    plan = demo_plan(TODAY)
    plan.framework = plan.framework
    plan.goals[0].title = "Celebrate wins 🎉"
    plan.assessments.append(SelfAssessment(plan.framework.skills[0].id, TODAY, 3))
    pdf = read_pdf(_pdf(plan))
    assert "Celebrate wins [party popper]" in pdf.text
    assert "\ufffd" not in pdf.text


# Labels that head a part of a goal or reflection, as the PDF prints them in bold.
_LABELS = {
    "Progress history",
    "Actions",
    "Support needed",
    "How I will know it is achieved",
    "Reflections on this goal",
    "Agreed actions, and what the plan records of each",
}


@pytest.mark.parametrize("name", PLANS)
def test_no_heading_is_the_last_line_of_a_page(name, core_framework):
    runs = text_runs(_named_pdf(name, core_framework))
    pages = {r.page for r in runs}
    for page in pages:
        # The body's lines: between the running header and the footer.
        body = [r for r in runs if r.page == page and 75 < r.y < 770]
        if not body:
            continue
        lowest = min(r.y for r in body)
        last_line = [r for r in body if abs(r.y - lowest) < 2]
        text = " ".join(r.text.strip() for r in last_line)
        heading = all(r.bold for r in last_line) and (
            max(r.size for r in last_line) >= 13 or text in _LABELS
        )
        assert not heading, f"page {page} ends with the heading {text!r}"
        # A heading whose part runs on overleaf has more than a line of it below.
        headings = [r for r in body if r.bold and r.size >= 13]
        overleaf = " ".join(r.text for r in runs if r.page == page + 1 and r.y > 770)
        if headings and "(continued)" in overleaf:
            last = min(headings, key=lambda r: r.y)
            below = {round(r.y) for r in body if r.y < last.y - 2}
            assert len(below) >= 2, f"page {page} strands {last.text!r} at its foot"


def test_a_table_never_leaves_one_row_alone_on_either_side_of_a_page_break():
    # Every place a page could break a 6-row table: the rows on each page are read
    # back from the PDF; none holds a single row of the table while another holds
    # the rest (a lone row overleaf reads as part of whatever follows it).
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from planner.report.fonts import register_fonts
    from planner.report.sections.flow import grid

    register_fonts()
    splits = set()
    for space in range(540, 680, 4):
        rows = [["Date", "Note"]] + [[f"{i + 1} Mar 2026", f"Row {i + 1}"] for i in range(6)]
        out = io.BytesIO()
        SimpleDocTemplate(out).build([Spacer(1, space), grid(rows, [40 * mm, 80 * mm])])
        per_page = tuple(
            sum(line.startswith("Row ") for line in page.extract_text().splitlines())
            for page in PdfReader(out).pages
        )
        split = tuple(n for n in per_page if n)
        assert 1 not in split or split == (1,), (space, per_page)
        splits.add(split)
    assert {(4, 2), (2, 4), (6,)} <= splits  # it did break across pages
