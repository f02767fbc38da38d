"""When the next review is planned, and a framework's own word for its parts."""

import dataclasses
import datetime as dt

from planner.domain import Framework, Plan, Profile, Review, planned_next_review
from planner.domain.validation import check_plan, check_review

MAY, JUNE = dt.date(2026, 5, 1), dt.date(2026, 6, 1)


def _plan(*reviews: Review) -> Plan:
    return Plan(Profile("Ann"), Framework("f", "F"), reviews=list(reviews))


def test_the_next_review_is_the_one_the_latest_review_agreed():
    earlier = Review(MAY, next_review=dt.date(2026, 8, 1))
    later = Review(JUNE, next_review=dt.date(2026, 9, 1))
    assert planned_next_review(_plan(later, earlier)) == dt.date(2026, 9, 1)


def test_no_next_review_when_the_latest_review_agreed_none_or_there_are_no_reviews():
    assert planned_next_review(_plan()) is None
    # An older review's date has been overtaken by the latest conversation.
    earlier = Review(MAY, next_review=dt.date(2026, 8, 1))
    assert planned_next_review(_plan(earlier, Review(JUNE))) is None


def test_of_two_reviews_on_one_date_the_later_saved_one_counts():
    first = Review(JUNE, next_review=dt.date(2026, 7, 1), id=4)
    second = Review(JUNE, next_review=dt.date(2026, 7, 8), id=9)
    assert planned_next_review(_plan(second, first)) == dt.date(2026, 7, 8)
    # Straight from a plan file there are no ids: the later in the list counts.
    unsaved = [dataclasses.replace(r, id=None) for r in (first, second)]
    assert planned_next_review(_plan(*unsaved)) == dt.date(2026, 7, 8)


def test_a_next_review_may_not_come_before_the_review_itself():
    assert check_review(Review(JUNE, next_review=JUNE)) == []
    assert check_review(Review(JUNE, next_review=MAY), "reviews[2]") == [
        "reviews[2].next_review: before the date of the review itself"
    ]


def test_a_framework_counts_its_parts_in_its_own_word():
    core = Framework("core", "Core")
    hlm = Framework("hlm", "HLM", part_singular="dimension", part_plural="dimensions")
    assert (core.parts(1), core.parts(3), core.parts(0)) == ("1 skill", "3 skills", "0 skills")
    assert (hlm.parts(1), hlm.parts(9)) == ("1 dimension", "9 dimensions")


def test_a_plan_whose_framework_words_are_not_short_lower_case_text_is_refused(sample_plan):
    sample_plan.framework = dataclasses.replace(
        sample_plan.framework, part_singular="Domain", part_plural=" "
    )
    assert check_plan(sample_plan) == [
        "framework.part.singular: expected lower case, e.g. 'dimension'",
        "framework.part.plural: expected non-empty text",
    ]
