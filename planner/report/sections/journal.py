"""Reflections, laid out in their model's structure, and reviews with the manager."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from planner.domain.models import Goal, Reflection, Review
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.domain.review_actions import AgreedAction, follow_up
from planner.report.flowables import keep_whole
from planner.report.links import Mark, goal_key, linked, marked, reflection_key, review_key
from planner.report.paragraph import Paragraph
from planner.report.sections.context import ReportContext
from planner.report.sections.flow import CELL_TEXT_LIMIT, field, paragraphs, ref_line
from planner.report.sections.requests import outcome
from planner.report.text import blocks, escape_plain, inline, printable, short_date, shorten

REVIEWS_TITLE = "Reviews with the line manager"


def reflections(ctx: ReportContext) -> list[Flowable]:
    """The reflections section; private reflections only when the user asked."""
    s = ctx.styles
    shown = ctx.reflections
    story: list[Flowable] = [
        PageBreak() if shown else CondPageBreak(70 * mm),
        marked("Reflections", s.h1, Mark("reflections", "Reflections", 0, "Reflections")),
    ]
    left_out = ctx.private_left_out
    intro = (
        "Structured reflections on practice. They are written to focus on learning and "
        "should not identify patients or colleagues."
    )
    if left_out:
        intro += (
            f" {left_out} private reflection{'s are' if left_out != 1 else ' is'} not "
            "included in this copy."
        )
    story.append(Paragraph(intro, s.intro))
    if not shown:
        story.append(Paragraph("No reflections to show yet.", s.body))
    printed = {g.uid: g for g in ctx.goals if g.uid}
    for reflection in shown:
        story.append(CondPageBreak(45 * mm))
        story += _reflection(ctx, reflection, printed)
    return story


def _reflection(
    ctx: ReportContext, reflection: Reflection, printed: dict[str, Goal]
) -> list[Flowable]:
    s = ctx.styles
    model = REFLECTION_MODELS.get(reflection.model)
    about = [short_date(reflection.date)]
    about.append(escape_plain(model.name) if model else "Free-form reflection")
    if reflection.skill and ctx.skill_name(reflection.skill):
        about.append(f"Skill: {escape_plain(shorten(ctx.skill_name(reflection.skill), 80))}")
    # Only a goal in this copy is named: one of a skill left out stays out.
    goal = printed.get(reflection.goal) if reflection.goal else None
    if goal is not None:
        title = escape_plain(shorten(goal.title, 120))
        about.append(f"Goal: {linked(title, goal_key(goal))}")
    if reflection.private:
        about.append("<b>Private</b>")
    title = " ".join(printable(reflection.title).split()) or "Untitled reflection"
    story: list[Flowable] = [
        marked(
            inline(reflection.title) or "Untitled reflection",
            s.h2,
            # A long reflection's later pages say which reflection they continue.
            Mark(
                reflection_key(reflection),
                f"{short_date(reflection.date)} {title}",
                1,
                f"{short_date(reflection.date)} {shorten(title, 60)}",
            ),
        ),
    ]
    line = Paragraph(" · ".join(about), s.muted)
    line = ref_line(line, goal_key(goal)) if goal is not None else line
    # Heading, this line and the first part's heading go over the page with the
    # first part's text: never a heading stranded at a page's foot.
    line.keepWithNext = 1
    story.append(line)
    titles = {sec.key: sec.title for sec in model.sections} if model else {}
    keys = list(titles) + [k for k in reflection.sections if k not in titles]
    for key in keys:
        title = titles.get(key) or key.replace("_", " ").capitalize()
        text = reflection.sections.get(key, "")
        story.append(Paragraph(inline(title), s.h3))
        story += paragraphs(text, s.body, empty="<i>Not written.</i>")
    story.append(Spacer(1, 3 * mm))
    return story


def reviews(ctx: ReportContext) -> list[Flowable]:
    """Reviews with the line manager, oldest first, each with notes and agreed actions."""
    s = ctx.styles
    story: list[Flowable] = [
        CondPageBreak(80 * mm if ctx.plan.reviews else 30 * mm),
        marked(REVIEWS_TITLE, s.h1, Mark("reviews", REVIEWS_TITLE, 0, REVIEWS_TITLE)),
    ]
    if not ctx.plan.reviews:
        story.append(
            Paragraph(
                "No reviews recorded yet. The sign-off page at the end of this plan can guide "
                "the first one.",
                s.body,
            )
        )
        return story
    for review in sorted(ctx.plan.reviews, key=lambda r: (r.date, r.id or 0)):
        # Whole on one page when it fits: no page of two leftover bullets.
        story += keep_whole(_review(ctx, review), min_start=40 * mm)
    return story


def _review(ctx: ReportContext, review: Review) -> list[Flowable]:
    s = ctx.styles
    heading = f"Review on {short_date(review.date)}"
    story: list[Flowable] = [
        marked(heading, s.h2, Mark(review_key(review), heading, 1, heading)),
    ]
    if review.reviewer.strip():
        story.append(Paragraph(f"With {inline(review.reviewer)}", s.muted))
    story += field("Notes", review.notes, s.label, s.body)
    agreed = follow_up(review, ctx.goals)
    if agreed:
        story.append(Paragraph("Agreed actions, and what the plan records of each", s.label))
        for item in agreed:
            story += _agreed_action(ctx, item)
    if review.next_review:
        story.append(
            Paragraph(f"Next review planned for <b>{short_date(review.next_review)}</b>.", s.body)
        )
    story.append(Spacer(1, 3 * mm))
    return story


def _agreed_action(ctx: ReportContext, item: AgreedAction) -> list[Flowable]:
    """One agreed action as a bullet, with what the plan records of it."""
    s = ctx.styles
    arrow = f"<font color='#4C6272'>→</font> {outcome(item)}"
    if len(item.text) <= CELL_TEXT_LIMIT:
        return [Paragraph(f"{inline(item.text)} {arrow}", s.bullet, bulletText="•")]
    # A very long action flows in pieces: reportlab re-wraps one huge paragraph at
    # every page break, seconds for each hundred thousand characters.
    first, *rest = blocks(item.text)
    return [
        Paragraph(first, s.bullet, bulletText="•"),
        *(Paragraph(piece, s.bullet) for piece in rest),
        Paragraph(arrow, s.bullet),
    ]
