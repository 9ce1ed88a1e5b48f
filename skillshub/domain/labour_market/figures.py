"""Format ONS values for people, and describe how a series has changed over a lag."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skillshub.domain.labour_market.series import (
    MONTHS_PER_PERIOD,
    Observation,
    Series,
    Unit,
    months_before,
)

PERIOD_WORDS = {1: "on the month", 3: "on the quarter", 12: "on the year"}


@dataclass(frozen=True)
class Change:
    """The latest value against the value ``months`` earlier, in the series' own unit."""

    months: int
    latest: Observation
    previous: Observation
    difference: float  # percentage points for % series, thousands for thousands series
    relative_percent: float | None  # for levels only: a change in a rate is given in points


def _trim(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else number


def _people(count: float) -> str:
    """712000 -> "712,000"; 1688600 -> "1.69 million" (GOV.UK style for large numbers)."""
    rounded = round(count)
    if abs(rounded) >= 1_000_000:
        return f"{_trim(f'{rounded / 1_000_000:.2f}')} million"
    return f"{rounded:,}"


def format_amount(unit: Unit, value: float) -> str:
    """Format a value of the given unit: "75.1%", "712,000", "£733", "1,234"."""
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "thousands":
        return _people(value * 1000)
    if unit == "gbp":
        return f"£{value:,.0f}"
    if unit == "count":
        return f"{value:,.0f}"
    return _trim(f"{value:,.1f}")


def format_value(series: Series, value: float) -> str:
    """Format one value of ``series`` for display."""
    return format_amount(series.unit, value)


def change(series: Series, months: int = 3, *, at: date | None = None) -> Change | None:
    """The value ``at`` a period (the latest by default) against the one ``months`` earlier.

    None when either value is missing.
    """
    step = MONTHS_PER_PERIOD[series.frequency]
    if months <= 0 or months % step:
        raise ValueError(
            f"{series.cdid} is {series.frequency}: months must be a multiple of {step}"
        )
    latest = series.latest
    if at is not None:
        value = series.value_at(at)
        latest = Observation(at, value) if value is not None else None
    if latest is None:
        return None
    previous_end = months_before(latest.period_end, months)
    previous_value = series.value_at(previous_end)
    if previous_value is None:
        return None
    # Rounding removes binary noise (75.1 - 75.3 = -0.19999...) so "unchanged" is exact.
    difference = round(latest.value - previous_value, 6)
    relative = None
    if series.unit != "percent" and previous_value != 0:
        relative = round(difference / previous_value * 100, 6)
    return Change(
        months=months,
        latest=latest,
        previous=Observation(previous_end, previous_value),
        difference=difference,
        relative_percent=relative,
    )


def _magnitude(unit: Unit, size: float) -> str | None:
    """How big a change is, as shown to people, or None when it rounds to nothing."""
    if unit == "percent":
        points = round(size, 1)
        return f"{points:.1f} points" if points else None
    if unit == "thousands":
        return _people(size * 1000) if round(size * 1000) else None
    if unit in ("gbp", "count"):
        return format_amount(unit, size) if round(size) else None
    return format_amount(unit, size) if round(size, 1) else None


def change_words(unit: Unit, difference: float) -> str:
    """Words such as "up 0.2 points", "down 31,000" or "unchanged" for a difference."""
    magnitude = _magnitude(unit, abs(difference))
    if magnitude is None:
        return "unchanged"
    return f"{'up' if difference > 0 else 'down'} {magnitude}"


def direction_words(series: Series, change: Change) -> str:
    """Words such as "up 0.2 points on the quarter", "down 31,000 on the year", "unchanged"."""
    period = PERIOD_WORDS.get(change.months, f"over {change.months} months")
    return f"{change_words(series.unit, change.difference)} {period}"
