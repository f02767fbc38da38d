"""The plan's dates as an iCalendar (.ics) file that Outlook and other calendars
import, built with the ``icalendar`` library: one all-day entry per date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner import version
from planner.domain.deadlines import DatedItem, dated_items
from planner.domain.models import Plan
from planner.files import write_atomically

PRODID = "-//Leadership Planner//Leadership Planner {version}//EN"
# Keys are made unique worldwide by the app's name, as RFC 5545 asks of a UID.
UID_DOMAIN = "leadership-planner.invalid"
REVIEW_SUMMARY = "Leadership plan review"
ACTION_SUMMARY = "{title} (action due)"


def summary(item: DatedItem) -> str:
    """An entry's only text: the goal's title (for an action, with "(action due)"), or
    a fixed phrase for the review, never the reviewer's name or any note."""
    if item.kind == "review":
        return REVIEW_SUMMARY
    if item.kind == "action":
        return ACTION_SUMMARY.format(title=item.goal_title)
    return item.goal_title


def describe(items: list[DatedItem]) -> str:
    """What a calendar holds, in words: "3 goal target dates, 1 action due date and the
    next review"."""
    kinds = [item.kind for item in items]

    def count(kind: str, noun: str) -> str:
        n = kinds.count(kind)
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

    review = "the next review" if "review" in kinds else "no next review"
    return f"{count('goal', 'goal target date')}, {count('action', 'action due date')} and {review}"


def calendar_bytes(
    plan: Plan, stamp: dt.datetime | None = None
) -> tuple[bytes, list[DatedItem]]:
    """The .ics file for ``plan`` and the dates it holds.

    Args:
        plan: the plan whose dates to list (``dated_items``).
        stamp: when the file was made (DTSTAMP, UTC); now by default.
    """
    from icalendar import Calendar, Event

    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID.format(version=version()))
    calendar.add("version", "2.0")
    # PUBLISH: entries to show, not invitations; Outlook imports them as such.
    calendar.add("method", "PUBLISH")
    items = dated_items(plan)
    for item in items:
        event = Event()
        event.add("uid", f"{item.key}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.date)
        # An all-day entry ends the next day (RFC 5545's exclusive end), which Outlook
        # needs to show it as all-day.
        event.add("dtend", item.date + dt.timedelta(days=1))
        event.add("summary", summary(item))
        # A date to keep in mind, not a meeting: the diary stays free.
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical(), items


def write_calendar(
    plan: Plan, path: Path, stamp: dt.datetime | None = None
) -> list[DatedItem]:
    """Writes the .ics file for ``plan`` to ``path`` whole (never over a database);
    returns the dates it holds."""
    data, items = calendar_bytes(plan, stamp)
    write_atomically(path, data)
    return items
