"""ONS time series as domain values: observations, units, and how periods are labelled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Literal

Frequency = Literal["m", "q", "a"]
Unit = Literal["percent", "thousands", "gbp", "count", "other"]

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAME = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_PER_PERIOD: dict[Frequency, int] = {"m": 1, "q": 3, "a": 12}


@dataclass(frozen=True)
class Observation:
    """One value; ``period_end`` is the first day of the last month of the period it covers."""

    period_end: date
    value: float


@dataclass(frozen=True)
class Release:
    """When ONS published the figures and when it says the next figures are due."""

    published: date | None
    next_release: date | None


@dataclass(frozen=True)
class Series:
    """One ONS series (CDID) at one frequency, observations oldest first."""

    cdid: str
    title: str
    unit: Unit
    frequency: Frequency
    seasonally_adjusted: bool
    observations: tuple[Observation, ...]
    release: Release | None = None

    def __post_init__(self) -> None:
        ends = [o.period_end for o in self.observations]
        if any(a >= b for a, b in pairwise(ends)):
            raise ValueError(f"{self.cdid}: observations must be sorted with one per period")

    @property
    def latest(self) -> Observation | None:
        return self.observations[-1] if self.observations else None

    def value_at(self, period_end: date) -> float | None:
        """The value for the period ending in that month, or None when there is none."""
        for observation in reversed(self.observations):
            if observation.period_end == period_end:
                return observation.value
            if observation.period_end < period_end:
                return None
        return None


def months_before(day: date, months: int) -> date:
    """The first day of the month ``months`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def infer_unit(ons_unit: str, title: str, pre_unit: str = "") -> Unit:
    """Normalise the ONS unit field, falling back on the title, which often carries the unit."""
    unit = ons_unit.strip().lower()
    if unit == "%":
        return "percent"
    if unit in {"000's", "000s", "(000's)", "thousands"}:
        return "thousands"
    if pre_unit.strip() == "£" or unit == "£":
        return "gbp"
    if unit:
        return "other"
    text = title.lower()
    if "(%)" in text or "percentage" in text or text.rstrip().endswith("%"):
        return "percent"
    if "(£)" in text:
        return "gbp"
    if "thousands" in text or "000s" in text or "000's" in text:
        return "thousands"
    if text.startswith("number of") or "number of stoppages" in text:
        return "count"
    return "other"


_NOT_ADJUSTED = re.compile(r"\bNSA\b|not seasonally adjusted", re.IGNORECASE)
_ADJUSTED = re.compile(r"\bSA\b|seasonall?y adjusted", re.IGNORECASE)
# The Vacancy Survey's three-month series in LMS and UNEM ("UK Vacancies (thousands) - Total",
# "UK Job Vacancies (thousands) - Construction", the ratio per 100 jobs) are seasonally adjusted
# although their titles do not say so; its single-month estimates are not adjusted.
_VACANCY_SURVEY = re.compile(r"^UK (?:Job )?Vacancies\b(?!.*single month)", re.IGNORECASE)


def infer_seasonally_adjusted(title: str) -> bool:
    """ONS titles say SA or NSA (or spell it out); anything else is treated as not adjusted."""
    if _NOT_ADJUSTED.search(title):
        return False
    return bool(_ADJUSTED.search(title) or _VACANCY_SURVEY.search(title.strip()))


# Monthly figures from the Labour Force Survey, the Vacancy Survey and the three-month AWE growth
# rates are averages over three months, dated by their last month. ONS titles mark them in a few
# ways: "LFS:" prefixes, the LFS headline wording "(aged 16 ...", LFS breakdowns by age and
# inactivity, "Vacancies", and "Three Month Average". Claimant count, single-month AWE and
# everything else is a single month.
_THREE_MONTH_TITLE = re.compile(
    r"\bLFS\b|\(aged 16\b|vacanc|three month|\binactive\b|\binactivity\b|65 \+|year old|"
    r"weekly hours|discouraged workers|\beconomically active\b|\bemployment (?:level|rate)\b",
    re.IGNORECASE,
)
_SINGLE_MONTH_TITLE = re.compile(
    r"^claimant count|single month|eurostat|labour disputes", re.IGNORECASE
)


def is_three_month_average(series: Series) -> bool:
    """Whether each monthly value of this series covers the three months ending in its month."""
    if series.frequency != "m" or _SINGLE_MONTH_TITLE.search(series.title):
        return False
    return bool(_THREE_MONTH_TITLE.search(series.title))


# Workforce jobs are counted at a point in time, the end of each quarter: ONS says "March 2026".
_QUARTER_END_TITLE = re.compile(r"^workforce jobs", re.IGNORECASE)


def period_label(series: Series, observation: Observation) -> str:
    """ONS-style label: "Feb-Apr 2026" (three-month), "June 2026", "Jan-Mar 2026", "2025"."""
    end = observation.period_end
    if series.frequency == "a":
        return str(end.year)
    single_month = series.frequency == "m" and not is_three_month_average(series)
    if single_month or (series.frequency == "q" and _QUARTER_END_TITLE.search(series.title)):
        return f"{MONTH_NAME[end.month - 1]} {end.year}"
    start = months_before(end, 2)
    if start.year != end.year:
        return f"{MONTH_ABBR[start.month - 1]} {start.year}-{MONTH_ABBR[end.month - 1]} {end.year}"
    return f"{MONTH_ABBR[start.month - 1]}-{MONTH_ABBR[end.month - 1]} {end.year}"
