"""The labour market use cases: the ONS headlines, the stored series and one series, each one
typed result shared by the API and `skillshub report labour-market`."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from pydantic import BaseModel, Field

from skillshub.dashboard import queries
from skillshub.dashboard.queries import DataNotLoaded
from skillshub.domain.labour_market import (
    Change,
    Headline,
    Series,
    direction_words,
    headlines,
    is_three_month_average,
    period_label,
)

__all__ = ["DataNotLoaded", "UnknownSeries", "get_series", "labour_market_headlines", "list_series"]
FREQUENCY_NAMES = {"m": "monthly", "q": "quarterly", "a": "annual"}


class UnknownSeries(LookupError):
    """No stored series has this CDID (the message says what CDIDs look like)."""


class ObservationOut(BaseModel):
    period_end: str = Field(description="The last month of the period, YYYY-MM")
    period: str = Field(description="As ONS labels it: Feb-Apr 2026, June 2026, 2025")
    value: float


class ReleaseOut(BaseModel):
    published: date | None
    next_release: date | None


class LabourSourceOut(BaseModel):
    publisher: str
    source: str
    licence: str
    loaded_at: str
    sha256: str


class SeriesSummaryOut(BaseModel):
    cdid: str
    title: str
    unit: str
    frequency: str
    seasonally_adjusted: bool
    url: str


class SeriesOut(SeriesSummaryOut):
    three_month_average: bool
    release: ReleaseOut
    source: LabourSourceOut
    observations: list[ObservationOut]


class SeriesList(BaseModel):
    count: int
    results: list[SeriesSummaryOut]


class ChangeOut(BaseModel):
    months: int
    difference: float = Field(
        description="Percentage points for % series, thousands for thousands series"
    )
    relative_percent: float | None = Field(description="Levels only")
    previous_value: float
    previous_period_end: str
    previous_period: str
    words: str = Field(description="Such as 'up 0.1 points on the quarter'")


class HeadlineOut(BaseModel):
    cdid: str
    name: str
    description: str
    unit: str
    value: float
    formatted: str
    period_end: str
    period: str
    change_on_quarter: ChangeOut | None
    change_on_year: ChangeOut | None
    summary: str
    url: str


class HeadlinesOut(BaseModel):
    headlines: list[HeadlineOut]
    source: LabourSourceOut
    release: ReleaseOut = Field(description="The ONS release the figures come from, when known")


def _source(provenance: queries.Provenance) -> LabourSourceOut:
    return LabourSourceOut(
        publisher="Office for National Statistics",
        source=provenance.source,
        licence=provenance.licence,
        loaded_at=provenance.loaded_at.isoformat(),
        sha256=provenance.sha256,
    )


def _url(cdid: str) -> str:
    return reverse("api:get_labour_market_series", kwargs={"cdid": cdid})


def _summary(series: Series) -> SeriesSummaryOut:
    return SeriesSummaryOut(
        cdid=series.cdid,
        title=series.title,
        unit=series.unit,
        frequency=FREQUENCY_NAMES[series.frequency],
        seasonally_adjusted=series.seasonally_adjusted,
        url=_url(series.cdid),
    )


def _change(series: Series, found: Change | None) -> ChangeOut | None:
    if found is None:
        return None
    return ChangeOut(
        months=found.months,
        difference=found.difference,
        relative_percent=found.relative_percent,
        previous_value=found.previous.value,
        previous_period_end=f"{found.previous.period_end:%Y-%m}",
        previous_period=period_label(series, found.previous),
        words=direction_words(series, found),
    )


def _headline(headline: Headline, series: Series) -> HeadlineOut:
    return HeadlineOut(
        cdid=headline.cdid,
        name=headline.name,
        description=headline.description,
        unit=series.unit,
        value=headline.value,
        formatted=headline.formatted,
        period_end=f"{headline.period_end:%Y-%m}",
        period=headline.period_label,
        change_on_quarter=_change(series, headline.change_on_quarter),
        change_on_year=_change(series, headline.change_on_year),
        summary=headline.summary,
        url=_url(headline.cdid),
    )


def labour_market_headlines() -> HeadlinesOut:
    """The latest headline figures with their changes; DataNotLoaded before `ingest ons`."""
    picture = queries.picture()
    provenance = picture.provenance
    return HeadlinesOut(
        headlines=[_headline(h, picture.series[h.cdid]) for h in headlines(picture.series)],
        source=_source(provenance),
        release=ReleaseOut(published=provenance.published, next_release=provenance.next_release),
    )


def list_series() -> SeriesList:
    """Every stored ONS series, by CDID; DataNotLoaded before `ingest ons`."""
    series = queries.picture().series
    return SeriesList(count=len(series), results=[_summary(series[c]) for c in sorted(series)])


def get_series(cdid: str) -> SeriesOut:
    """One series with every observation; UnknownSeries or DataNotLoaded."""
    picture = queries.picture()
    series = picture.series.get(cdid.strip().upper())
    if series is None:
        raise UnknownSeries(
            f"There is no labour market series with CDID '{cdid}'. CDIDs are four characters "
            "such as LF24 or MGSX; list them at /api/v1/labour-market/series."
        )
    release = series.release
    return SeriesOut(
        **_summary(series).model_dump(),
        three_month_average=is_three_month_average(series),
        release=ReleaseOut(
            published=release.published if release else None,
            next_release=release.next_release if release else None,
        ),
        source=_source(picture.provenance),
        observations=[
            ObservationOut(
                period_end=f"{o.period_end:%Y-%m}", period=period_label(series, o), value=o.value
            )
            for o in series.observations
        ],
    )
