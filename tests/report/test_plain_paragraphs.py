"""Plain-text paragraphs skip reportlab's markup parser: they must come out exactly as
the parser would have made them, in every style the report uses."""

from __future__ import annotations

import dataclasses

import pytest
from reportlab.platypus import Paragraph as ReportlabParagraph

from planner.report.flowables import Paragraph, _plain_frags
from planner.report.styles import stylesheet

TEXTS = [
    "Learn to follow",
    "  Leading   and following\nare\tlinked  ",
    "Siân Okafor, Łukasz Nowak, Ελένη, Олена, 王芳",
    "A long note " * 200,
    "Quotes \" and ' and > stay as they are",
    "Emoji 👩‍⚕️ beyond the Basic Multilingual Plane",
    "1",
]


def _styles():
    sheet = stylesheet()
    return [getattr(sheet, f.name) for f in dataclasses.fields(sheet)]


def _frag_state(paragraph) -> list[dict]:
    return [dict(vars(frag)) for frag in paragraph.frags]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_text_gives_the_parsers_fragments_and_lines_in_every_style(text):
    for style in _styles():
        ours = Paragraph(text, style)
        theirs = ReportlabParagraph(text, style)
        assert _frag_state(ours) == _frag_state(theirs), style.name
        assert ours.text == theirs.text
        assert ours.wrap(300, 800) == theirs.wrap(300, 800), style.name
        assert [line[1] for line in ours.blPara.lines] == [
            line[1] for line in theirs.blPara.lines
        ], style.name


def test_each_plain_paragraph_has_fragments_of_its_own():
    style = stylesheet().body
    first, second = Paragraph("one", style), Paragraph("two", style)
    assert first.frags[0] is not second.frags[0]
    assert first.frags[0].link is not second.frags[0].link
    assert first.frags[0].us_lines is not second.frags[0].us_lines
    assert (first.frags[0].text, second.frags[0].text) == ("one", "two")


@pytest.mark.parametrize("text", ["<b>bold</b> words", "Tom &amp; Jerry", "a &lt; b", ""])
def test_markup_entities_and_empty_text_still_go_through_the_parser(text):
    style = stylesheet().body
    assert _frag_state(Paragraph(text, style)) == _frag_state(ReportlabParagraph(text, style))


def test_a_long_plain_paragraph_still_splits_across_pages():
    style = stylesheet().body
    paragraph = Paragraph("Words that go on and on. " * 400, style)
    paragraph.wrap(400, 300)
    pieces = paragraph.split(400, 300)
    assert len(pieces) == 2
    assert all(isinstance(piece, Paragraph) for piece in pieces)
    assert _plain_frags("x", style) is not None
