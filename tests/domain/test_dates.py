"""Reading typed UK dates: every form a clinician might type, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.dates import DateTextError, describe_date, parse_date, short_date

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/2027", dt.date(2027, 1, 15)),
        ("15/1/27", dt.date(2027, 1, 15)),
        ("5-3-2027", dt.date(2027, 3, 5)),
        ("05.03.2027", dt.date(2027, 3, 5)),
        ("15 Jan 2027", dt.date(2027, 1, 15)),
        ("15 january 2027", dt.date(2027, 1, 15)),
        ("15th January 2027", dt.date(2027, 1, 15)),
        ("15-Jan-2027", dt.date(2027, 1, 15)),
        ("Fri 15 Jan 2027", dt.date(2027, 1, 15)),
        ("31 Dec 2026", dt.date(2026, 12, 31)),
        ("3 Sept 2027", dt.date(2027, 9, 3)),
        ("Jan 15 2027", dt.date(2027, 1, 15)),
        ("January 15th, 2027", dt.date(2027, 1, 15)),
        ("15 Jan", dt.date(2026, 1, 15)),
        ("2027-01-15", dt.date(2027, 1, 15)),
        ("  2027-1-5 ", dt.date(2027, 1, 5)),
        ("today", TODAY),
        ("Today", TODAY),
        ("tomorrow", dt.date(2026, 11, 21)),
        ("yesterday", dt.date(2026, 11, 19)),
        ("29/02/2028", dt.date(2028, 2, 29)),
    ],
)
def test_typed_uk_dates_are_understood(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_blank_text_means_no_date(text):
    assert parse_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("31/02/2027", "no day 31"),
        ("29/02/2027", "no day 29"),
        ("15/13/2027", "no month 13"),
        ("next week", "not a date"),
        ("15 Janvier 2027", "not a date"),
        ("2027", "not a date"),
        ("15/01", "not a date"),
        ("<b>x</b>", "not a date"),
    ],
)
def test_text_that_is_not_a_date_is_refused_with_a_reason(text, says):
    with pytest.raises(DateTextError, match=says):
        parse_date(text, TODAY)


def test_day_comes_before_month_as_in_the_uk():
    assert parse_date("01/02/2027", TODAY) == dt.date(2027, 2, 1)


def test_describe_date_names_the_weekday_in_full():
    assert describe_date(dt.date(2027, 1, 15)) == "Friday 15 January 2027"
    assert short_date(dt.date(2027, 1, 5)) == "5 Jan 2027"
    assert short_date(None) == ""


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31))


@given(dates)
def test_every_way_the_app_writes_a_date_reads_back_the_same(day):
    for text in (
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%Y}",
        short_date(day),
        describe_date(day),
    ):
        assert parse_date(text, TODAY) == day, text


@given(st.text(max_size=40))
def test_any_text_gives_a_date_none_or_a_clear_refusal(text):
    try:
        result = parse_date(text, TODAY)
    except DateTextError as exc:
        assert str(exc)
    else:
        assert result is None or isinstance(result, dt.date)
