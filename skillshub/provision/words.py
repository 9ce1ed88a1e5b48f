"""Offer facts in plain words: distance, cost, time commitment, format and start dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from skillshub.domain.geography import km_to_miles
from skillshub.domain.provision import Offer, OfferType
from skillshub.domain.provision.model import DAYS_PER_MONTH
from skillshub.provision import vocabulary as v


def plural(count: float, word: str) -> str:
    shown = f"{count:g}"
    return f"{shown} {word}" if shown == "1" else f"{shown} {word}s"


def distance(km: float | None, *, location_free: bool = False) -> str:
    if location_free:
        return "Online or at your workplace: available anywhere in England"
    if km is None:
        return "Not known"
    return f"{km:.1f} km ({km_to_miles(km):.1f} miles)"


def money(amount: Decimal | None) -> str:
    if amount is None:
        return "Not stated"
    if amount == 0:
        return "Free"
    whole = amount == amount.to_integral_value()
    return f"£{amount:,.0f}" if whole else f"£{amount:,.2f}"


def cost(offer: Offer) -> str:
    """What the learner and the employer pay, as far as the provider says."""
    if offer.offer_type is OfferType.APPRENTICESHIP and offer.cost_to_employer_gbp is None:
        return "Free to the apprentice; the employer pays through the levy or co-investment"
    parts = []
    if offer.cost_to_learner_gbp is not None:
        parts.append(
            "Free to the learner"
            if offer.cost_to_learner_gbp == 0
            else f"{money(offer.cost_to_learner_gbp)} to the learner"
        )
    if offer.cost_to_employer_gbp is not None:
        parts.append(f"{money(offer.cost_to_employer_gbp)} to the employer")
    return ", ".join(parts) or "Not stated: ask the provider"


def duration(months: float | None) -> str:
    """A length in months in the unit a person would use: '2 years', '12 weeks', '5 days'."""
    if months is None:
        return "Length not stated"
    days = months * DAYS_PER_MONTH
    if days < 6.5:
        return plural(max(1, round(days)), "day")
    if months < 3:
        return plural(round(days / 7), "week")
    if months >= 12 and round(months) % 12 == 0 and abs(months - round(months)) < 0.05:
        return plural(round(months) // 12, "year")
    return plural(round(months, 1), "month")


def time_commitment(offer: Offer) -> str:
    parts = [duration(offer.duration_months)]
    if offer.study_mode:
        parts.append(v.label(offer.study_mode).lower())
    if offer.hours_per_week is not None:
        parts.append(f"{offer.hours_per_week:g} hours a week")
    return ", ".join(parts)


def delivery_format(offer: Offer) -> str:
    parts = [v.label(offer.delivery_mode)]
    if offer.attendance_pattern:
        parts.append(offer.attendance_pattern.value)
    if offer.national and offer.delivery_mode is not v.DELIVERY_MODES["online"]:
        parts.append("anywhere in England")
    return ", ".join(parts)


def day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def starts(offer: Offer, *, today: date) -> str:
    upcoming = [start for start in offer.start_dates if start >= today]
    parts = []
    if upcoming:
        parts.append(f"Next start {day(upcoming[0])}")
        if len(upcoming) > 1:
            parts.append(f"then {', '.join(day(start) for start in upcoming[1:4])}")
    if offer.flexible_start:
        parts.append("start at any time" if parts else "Start at any time")
    if parts:
        return ", ".join(parts)
    if offer.start_dates:
        return f"Started {day(offer.start_dates[-1])}: ask the provider about the next start"
    return "No start dates listed: ask the provider"


def funding(offer: Offer) -> str:
    if offer.funding_routes:
        return ", ".join(v.label(route) for route in offer.funding_routes)
    if offer.cost_to_learner_gbp == 0:
        return "Free to the learner"
    return "None stated"


def level(value: int | None) -> str:
    return f"Level {value}" if value else "No numbered level"
