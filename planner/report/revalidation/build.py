"""Assembles the revalidation exports: the NMC record (reflective accounts one a page,
the CPD record, feedback, the reflective discussion) and the appraisal record (last
year's PDP and outcomes, CPD, reflections, feedback, this year's PDP)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from planner.domain.models import Plan, Reflection
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.report.links import Mark, marked, reflection_key
from planner.report.paragraph import Paragraph
from planner.report.revalidation.context import RevalidationContext
from planner.report.revalidation.cover import TITLES, cover
from planner.report.revalidation.pdp import previous_pdp, this_pdp
from planner.report.revalidation.records import (
    cpd_record,
    discussion_record,
    feedback_list,
    reflection_body,
    section_heading,
)
from planner.report.templates import NumberedCanvas, RunningText, plan_document
from planner.report.text import escape_plain, inline, printable, short_date, shorten

ACCOUNTS_TITLE = "Reflective accounts"
REFLECTIONS_TITLE = "Reflections"
IDENTIFIERS = "Nothing in this account should identify a patient, service user or colleague."
KEYWORDS = {
    "nmc": ("revalidation", "NMC", "reflective accounts", "CPD"),
    "gmc": ("appraisal", "GMC", "personal development plan", "CPD"),
}


def build_revalidation_bytes(
    plan: Plan,
    body: str,
    *,
    include_private: bool = False,
    today: dt.date | None = None,
    invariant: bool = False,
) -> tuple[bytes, int]:
    """Lays out the record for ``body`` ("nmc" or "gmc"); returns the PDF's bytes and
    its page count."""
    ctx = RevalidationContext(plan, body, today or dt.date.today(), include_private)
    running = RunningText(
        person=shorten(ctx.person, 90),
        exported=short_date(ctx.today),
        private_included=bool(ctx.private_printed),
    )
    out = io.BytesIO()
    title = TITLES[body]
    doc = plan_document(
        out,
        running,
        title=f"{title}: {shorten(ctx.person, 120)}",
        subject=f"{title}, from Leadership Planner",
        keywords=KEYWORDS[body],
        invariant=invariant,
    )
    story = cover(ctx) + (_nmc(ctx) if body == "nmc" else _gmc(ctx))
    doc.build(story, canvasmaker=NumberedCanvas)
    return out.getvalue(), doc.page


def _nmc(ctx: RevalidationContext) -> list[Flowable]:
    story = [*_accounts(ctx), PageBreak(), *cpd_record(ctx), *feedback_list(ctx)]
    return story + discussion_record(ctx)


def _gmc(ctx: RevalidationContext) -> list[Flowable]:
    story = previous_pdp(ctx) + cpd_record(ctx) + _reflections(ctx) + feedback_list(ctx)
    return story + this_pdp(ctx)


def _left_out(count: int, what: str) -> str:
    if not count:
        return ""
    verb = "is" if count == 1 else "are"
    return f" {count} private {what}{'' if count == 1 else 's'} {verb} not included in this copy."


def _accounts(ctx: RevalidationContext) -> list[Flowable]:
    """The NMC reflective accounts, one a page, under the form's headings in order."""
    s = ctx.styles
    accounts = ctx.reflections(ctx.printed_model)
    others = ctx.others_in_period("nmc")
    intro = (
        f"{len(accounts)} written reflective account{'' if len(accounts) == 1 else 's'} "
        "on the NMC form in this period, each on a page of its own."
    )
    if others:
        intro += (
            f" {others} other reflection{'' if others == 1 else 's'} in this period could be "
            "turned into accounts in the app."
        )
    intro += _left_out(ctx.private_left_out("nmc"), "account")
    story: list[Flowable] = [
        section_heading(ctx, ACCOUNTS_TITLE, "accounts"),
        Paragraph(intro, s.intro),
    ]
    if not accounts:
        story.append(Paragraph("No reflective accounts written in this period yet.", s.body))
    for number, account in enumerate(accounts, start=1):
        if number > 1:
            story.append(PageBreak())
        story += _reflection(ctx, account, f"Reflective account {number} of {len(accounts)}")
        story.append(Paragraph(IDENTIFIERS, s.muted))
    return story


def _reflections(ctx: RevalidationContext) -> list[Flowable]:
    """The appraisal year's reflections of every model, medical ones under their
    headings."""
    s = ctx.styles
    shown = ctx.reflections()
    intro = "Reflections written in the appraisal year, each under its model's headings."
    intro += _left_out(ctx.private_left_out(), "reflection")
    story: list[Flowable] = [
        PageBreak(),
        section_heading(ctx, REFLECTIONS_TITLE, "reflections"),
        Paragraph(intro, s.intro),
    ]
    if not shown:
        story.append(Paragraph("No reflections written in this appraisal year.", s.body))
    for reflection in shown:
        story.append(CondPageBreak(60 * mm))
        story += _reflection(ctx, reflection, "")
    return story


def _reflection(ctx: RevalidationContext, reflection: Reflection, label: str) -> list[Flowable]:
    s = ctx.styles
    model = REFLECTION_MODELS.get(reflection.model)
    title = " ".join(printable(reflection.title).split()) or "Untitled reflection"
    about = [short_date(reflection.date)]
    if label:
        about.insert(0, label)
    else:
        about.append(escape_plain(model.name) if model else "Free-form reflection")
    if reflection.private:
        about.append("<b>Private</b>")
    running = f"{short_date(reflection.date)} {shorten(title, 60)}"
    heading = marked(
        inline(reflection.title) or "Untitled reflection",
        s.h2,
        Mark(reflection_key(reflection), f"{short_date(reflection.date)} {title}", 1, running),
    )
    line = Paragraph(" · ".join(about), s.muted)
    line.keepWithNext = 1
    return [heading, line, *reflection_body(ctx, reflection, prompts=reflection.model == "nmc")]
