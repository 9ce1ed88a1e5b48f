"""The headline labour market figures and the plain-English sentences that describe them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from skillshub.domain.labour_market.figures import Change, change, direction_words, format_value
from skillshub.domain.labour_market.series import MONTHS_PER_PERIOD, Series, Unit, period_label


@dataclass(frozen=True)
class HeadlineSpec:
    """A headline series: a short name for a card, a sentence subject, and what it measures."""

    cdid: str
    name: str
    subject: str
    description: str
    unit: Unit


# Descriptions follow the ONS titles of these CDIDs in the LMS and UNEM datasets.
HEADLINE_SERIES: tuple[HeadlineSpec, ...] = (
    HeadlineSpec(
        "LF24",
        "Employment rate",
        "the employment rate (aged 16 to 64)",
        "People aged 16 to 64 in work, as a percentage of everyone that age; UK, seasonally "
        "adjusted, Labour Force Survey three-month average.",
        "percent",
    ),
    HeadlineSpec(
        "MGSX",
        "Unemployment rate",
        "the unemployment rate (aged 16 and over)",
        "Unemployed people aged 16 and over, as a percentage of those in work or looking for "
        "work; UK, seasonally adjusted, Labour Force Survey three-month average.",
        "percent",
    ),
    HeadlineSpec(
        "LF2S",
        "Economic inactivity rate",
        "the economic inactivity rate (aged 16 to 64)",
        "People aged 16 to 64 neither in work nor looking for work, as a percentage of everyone "
        "that age; UK, seasonally adjusted, Labour Force Survey three-month average.",
        "percent",
    ),
    HeadlineSpec(
        "AP2Y",
        "Job vacancies",
        "the number of job vacancies",
        "Job vacancies in the UK, in thousands; seasonally adjusted, Vacancy Survey "
        "three-month average.",
        "thousands",
    ),
    HeadlineSpec(
        "BCJD",
        "Claimant count",
        "the claimant count",
        "People claiming benefits mainly because they are unemployed, in thousands; UK, "
        "seasonally adjusted, single month.",
        "thousands",
    ),
    HeadlineSpec(
        "BCJE",
        "Claimant count rate",
        "the claimant count rate",
        "The claimant count as a percentage (the ONS claimant count rate); UK, seasonally "
        "adjusted, single month.",
        "percent",
    ),
    HeadlineSpec(
        "KAC3",
        "Pay growth (total pay)",
        "annual growth in average weekly earnings (total pay)",
        "Average weekly earnings, whole economy, total pay excluding arrears: growth of the "
        "three-month average on a year earlier, seasonally adjusted, before inflation.",
        "percent",
    ),
    HeadlineSpec(
        "KAI9",
        "Pay growth (regular pay)",
        "annual growth in average weekly earnings (regular pay, excluding bonuses)",
        "Average weekly earnings, whole economy, regular pay (excluding bonuses and arrears): "
        "growth of the three-month average on a year earlier, seasonally adjusted, before "
        "inflation.",
        "percent",
    ),
)
HEADLINES_BY_CDID = {spec.cdid: spec for spec in HEADLINE_SERIES}


@dataclass(frozen=True)
class Headline:
    """The latest figure of a headline series with its changes, ready to show."""

    cdid: str
    name: str
    description: str
    value: float
    formatted: str
    period_end: date
    period_label: str
    change_on_quarter: Change | None
    change_on_year: Change | None
    quarter_words: str | None
    year_words: str | None
    summary: str


def _changes(series: Series) -> tuple[Change | None, Change | None]:
    """Changes on the quarter and on the year, where the frequency allows them."""
    on_quarter = change(series, 3) if 3 % MONTHS_PER_PERIOD[series.frequency] == 0 else None
    return on_quarter, change(series, 12)


def summary_sentence(series: Series, *, subject: str | None = None) -> str:
    """One sentence built from the data: level, period, change on the quarter and on the year."""
    latest = series.latest
    if latest is None:
        raise ValueError(f"{series.cdid} has no observations to describe")
    if subject is None:
        spec = HEADLINES_BY_CDID.get(series.cdid)
        subject = spec.subject if spec else f"{series.title} ({series.cdid})"
    words = [direction_words(series, c) for c in _changes(series) if c is not None]
    tail = f", {' and '.join(words)}" if words else ""
    opening = subject[:1].upper() + subject[1:]
    value = format_value(series, latest.value)
    return f"{opening} was {value} in {period_label(series, latest)}{tail}."


def headlines(series_by_cdid: Mapping[str, Series]) -> list[Headline]:
    """The headline figures, in HEADLINE_SERIES order, for the series present and not empty."""
    result = []
    for spec in HEADLINE_SERIES:
        series = series_by_cdid.get(spec.cdid)
        if series is None or series.latest is None:
            continue
        latest = series.latest
        on_quarter, on_year = _changes(series)
        result.append(
            Headline(
                cdid=spec.cdid,
                name=spec.name,
                description=spec.description,
                value=latest.value,
                formatted=format_value(series, latest.value),
                period_end=latest.period_end,
                period_label=period_label(series, latest),
                change_on_quarter=on_quarter,
                change_on_year=on_year,
                quarter_words=direction_words(series, on_quarter) if on_quarter else None,
                year_words=direction_words(series, on_year) if on_year else None,
                summary=summary_sentence(series, subject=spec.subject),
            )
        )
    return result
