"""Offer facts in plain words, and the short codes the forms, API and CLI share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from skillshub.domain.provision import DeliveryMode, FundingRoute, Offer, OfferType, StudyMode
from skillshub.provision import vocabulary as v
from skillshub.provision import words

TODAY = date(2026, 11, 22)


def offer(**changes: object) -> Offer:
    values: dict = {
        "offer_id": "test:1",
        "ukprn": 19999901,
        "offer_type": OfferType.HTQ,
        "title": "[TEST] A course",
        "delivery_mode": DeliveryMode.CLASSROOM,
    }
    return Offer(**{**values, **changes})


@pytest.mark.parametrize(
    ("months", "text"),
    [
        (None, "Length not stated"),
        (0.16, "5 days"),
        (0.03, "1 day"),
        (2.3, "10 weeks"),
        (2.76, "12 weeks"),
        (6.0, "6 months"),
        (12.0, "1 year"),
        (24.0, "2 years"),
        (18.0, "18 months"),
    ],
)
def test_duration_in_the_unit_a_person_would_use(months: float | None, text: str) -> None:
    assert words.duration(months) == text


def test_distance_in_km_and_miles() -> None:
    assert words.distance(1.2) == "1.2 km (0.7 miles)"
    assert words.distance(None) == "Not known"
    assert "anywhere in England" in words.distance(None, location_free=True)


def test_cost_says_who_pays() -> None:
    assert words.cost(offer(cost_to_learner_gbp=Decimal("6165.00"))) == "£6,165 to the learner"
    assert words.cost(offer(cost_to_learner_gbp=Decimal(0))) == "Free to the learner"
    both = offer(cost_to_learner_gbp=Decimal("99.50"), cost_to_employer_gbp=Decimal(1000))
    assert words.cost(both) == "£99.50 to the learner, £1,000 to the employer"
    assert words.cost(offer()) == "Not stated: ask the provider"
    apprenticeship = offer(offer_type=OfferType.APPRENTICESHIP)
    assert words.cost(apprenticeship).startswith("Free to the apprentice")


def test_time_format_starts_and_funding() -> None:
    course = offer(
        duration_months=24.0,
        study_mode=StudyMode.PART_TIME,
        hours_per_week=7.5,
        start_dates=(date(2026, 9, 1), date(2027, 1, 11), date(2027, 9, 6)),
        funding_routes=(FundingRoute.ADVANCED_LEARNER_LOAN,),
    )
    assert words.time_commitment(course) == "2 years, part time, 7.5 hours a week"
    assert words.delivery_format(course) == "Classroom"
    assert words.starts(course, today=TODAY) == "Next start 11 January 2027, then 6 September 2027"
    assert words.funding(course) == "Advanced Learner Loan"
    past = offer(start_dates=(date(2026, 9, 1),))
    assert words.starts(past, today=TODAY).startswith("Started 1 September 2026")
    assert words.starts(offer(flexible_start=True), today=TODAY) == "Start at any time"
    assert words.starts(offer(), today=TODAY) == "No start dates listed: ask the provider"


def test_codes_decode_and_unknown_codes_list_the_allowed_ones() -> None:
    assert v.decode(v.OFFER_TYPES, ["HTQ", "foundation_degree", ""], what="type") == {
        OfferType.HTQ,
        OfferType.FOUNDATION_DEGREE,
    }
    with pytest.raises(v.UnknownCode, match="use one of: apprenticeship, htq"):
        v.decode(v.OFFER_TYPES, ["spaceship"], what="type")
    assert v.label(DeliveryMode.DAY_RELEASE) == "Day release"
    assert all(v.label(value) for value in OfferType)
