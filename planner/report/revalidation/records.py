"""The records a regulator asks for, as the exports print them: reflections under their
form's headings, the CPD record with its totals, feedback and reflective discussions."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from planner.domain.learning import (
    CPD_METHODS,
    FEEDBACK_SOURCES,
    LearningActivity,
    hours_text,
    total_hours,
)
from planner.domain.models import Reflection
from planner.domain.reflection_models import CODE_THEMES, REFLECTION_MODELS
from planner.report.links import Mark, marked
from planner.report.paragraph import Paragraph
from planner.report.revalidation.context import RevalidationContext
from planner.report.sections.flow import grid, lead_in, paragraphs
from planner.report.styles import BODY_WIDTH
from planner.report.text import escape_plain, inline, markup, short_date

CPD_TITLE = "CPD record"
FEEDBACK_TITLE = "Practice-related feedback"
DISCUSSION_TITLE = "Reflective discussion"
TICKED, UNTICKED = "\u2611", "\u2610"
CPD_HEAD = (
    "Dates",
    "Method",
    "Topic, and how it related to practice",
    "Hours",
    "Participatory hours",
    "Code themes or standards",
    "Evidence",
)
# Each column holds its longest word at full size ("Participatory", "Professionalism"):
# the type is never made smaller to fit.
CPD_WIDTHS = [22 * mm, 21 * mm, 43 * mm, 14 * mm, 24 * mm, 26 * mm]


def section_heading(ctx: RevalidationContext, title: str, key: str) -> Paragraph:
    return marked(escape_plain(title), ctx.styles.h1, Mark(key, title, 0, title))


def themes_line(chosen: tuple[str, ...]) -> str:
    """The Code's four themes as boxes, the chosen ones ticked, in the Code's order; a
    line breaks between themes, never inside one."""
    return "   ".join(
        escape_plain(f"{TICKED if key in chosen else UNTICKED} {label}").replace(" ", "\u00a0")
        for key, label in CODE_THEMES.items()
    )


def reflection_body(
    ctx: RevalidationContext, reflection: Reflection, *, prompts: bool = False
) -> list[Flowable]:
    """A reflection's sections under its model's headings, in the model's order (any
    sections of another model after them), each with its text or "Not written."."""
    s = ctx.styles
    model = REFLECTION_MODELS.get(reflection.model)
    sections = model.sections if model else ()
    known = {sec.key for sec in sections}
    story: list[Flowable] = []
    for section in sections:
        story.append(Paragraph(inline(section.title), s.h3))
        if prompts:
            story.append(Paragraph(inline(section.prompt), s.muted))
        if section.key == "code" and reflection.model == "nmc":
            story.append(Paragraph(f"Themes: {themes_line(reflection.themes)}", s.body))
        story += paragraphs(
            reflection.sections.get(section.key), s.body, empty="<i>Not written.</i>"
        )
    for key, text in reflection.sections.items():
        if key not in known and text.strip():
            story.append(Paragraph(inline(key.replace("_", " ").capitalize()), s.h3))
            story += paragraphs(text, s.body)
    return story


def _dates(activity: LearningActivity) -> str:
    if activity.end and activity.end != activity.start:
        return f"{short_date(activity.start)} to {short_date(activity.end)}"
    return short_date(activity.start)


def _standards(activity: LearningActivity) -> str:
    return (
        "<br/>".join(escape_plain(CODE_THEMES.get(key, key)) for key in activity.code_themes)
        or "<font color='#4C6272'>None chosen</font>"
    )


def cpd_record(ctx: RevalidationContext) -> list[Flowable]:
    """The CPD record in the NMC template's columns, with the totals of hours and of
    participatory hours under it."""
    s = ctx.styles
    story: list[Flowable] = [
        CondPageBreak(80 * mm),
        section_heading(ctx, CPD_TITLE, "cpd"),
    ]
    activities = ctx.learning
    if not activities:
        story.append(Paragraph("No learning activities recorded in this period.", s.body))
        return story
    head = [
        Paragraph(h, s.cell_head_right if h in ("Hours", "Participatory hours") else s.cell_head)
        for h in CPD_HEAD
    ]
    rows: list[list] = [head]
    for activity in activities:
        topic = f"<b>{inline(activity.topic)}</b>"
        if activity.relevance.strip():
            topic += f"<br/>{markup(activity.relevance)}"
        rows.append(
            [
                Paragraph(_dates(activity), s.cell),
                Paragraph(escape_plain(CPD_METHODS.get(activity.method, activity.method)), s.cell),
                Paragraph(topic, s.cell),
                Paragraph(hours_text(activity.hours), s.cell_right),
                Paragraph(hours_text(activity.participatory_hours), s.cell_right),
                Paragraph(_standards(activity), s.cell),
                Paragraph(
                    markup(activity.evidence) or "<font color='#4C6272'>None noted</font>", s.cell
                ),
            ]
        )
    total = total_hours(a.hours for a in activities)
    participatory = total_hours(a.participatory_hours for a in activities)
    count = len(activities)
    rows.append(
        [
            Paragraph("<b>Total</b>", s.cell),
            Paragraph(f"{count} activit{'y' if count == 1 else 'ies'}", s.cell),
            [],
            Paragraph(f"<b>{hours_text(total)}</b>", s.cell_right),
            Paragraph(f"<b>{hours_text(participatory)}</b>", s.cell_right),
            [],
            [],
        ]
    )
    widths = [*CPD_WIDTHS, BODY_WIDTH - sum(CPD_WIDTHS)]
    story.append(
        grid(
            rows,
            widths,
            split_in_row=True,
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, "#4C6272")],
        )
    )
    return story


def feedback_list(ctx: RevalidationContext) -> list[Flowable]:
    """Practice-related feedback: who it came from by role, what it said and what was
    done with it. Never a name: the app records a role."""
    s = ctx.styles
    story: list[Flowable] = [
        *lead_in(section_heading(ctx, FEEDBACK_TITLE, "feedback"), room=70 * mm),
    ]
    if not ctx.feedback:
        story.append(Paragraph("No feedback recorded in this period.", s.body))
        return story
    rows: list[list] = [
        [Paragraph(h, s.cell_head) for h in ("Date", "From", "What it said", "What I did with it")]
    ]
    for entry in ctx.feedback:
        source = escape_plain(FEEDBACK_SOURCES.get(entry.source, entry.source))
        if entry.source_role.strip():
            source += f"<br/>{inline(entry.source_role)}"
        rows.append(
            [
                Paragraph(short_date(entry.date), s.cell),
                Paragraph(source, s.cell),
                Paragraph(markup(entry.summary), s.cell),
                Paragraph(markup(entry.response), s.cell),
            ]
        )
    widths = [21 * mm, 35 * mm, 57 * mm]
    story.append(grid(rows, [*widths, BODY_WIDTH - sum(widths)], split_in_row=True))
    return story


def discussion_record(ctx: RevalidationContext) -> list[Flowable]:
    """The reflective discussion: with whom (name and NMC PIN) and when."""
    s = ctx.styles
    story: list[Flowable] = [
        *lead_in(section_heading(ctx, DISCUSSION_TITLE, "discussion"), room=50 * mm),
        Paragraph(
            "The discussion of these accounts with another NMC registrant: who it was with "
            "and when. The regulator's own form for it is completed outside this app.",
            s.intro,
        ),
    ]
    if not ctx.discussions:
        story.append(Paragraph("No reflective discussion recorded in this period.", s.body))
        return story
    rows: list[list] = [
        [Paragraph(h, s.cell_head) for h in ("Date", "Registrant's name", "NMC PIN")]
    ]
    for discussion in ctx.discussions:
        rows.append(
            [
                Paragraph(short_date(discussion.date), s.cell),
                Paragraph(inline(discussion.partner_name), s.cell),
                Paragraph(inline(discussion.partner_pin), s.cell),
            ]
        )
    widths = [30 * mm, 90 * mm]
    story.append(grid(rows, [*widths, BODY_WIDTH - sum(widths)], split_in_row=True))
    return story
