"""`/api/v1/labour-market`: the ONS headline figures with their changes, and any stored series."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from skillshub.api.problems import Problem
from skillshub.dashboard import queries
from skillshub.domain.labour_market import (
    Change,
    Headline,
    Series,
    direction_words,
    headlines,
    is_three_month_average,
    period_label,
)

router = Router()
FREQUENCY_NAMES = {"m": "monthly", "q": "quarterly", "a": "annual"}


class ObservationOut(Schema):
    period_end: str  # the last month of the period, YYYY-MM
    period: str  # as ONS labels it: "Feb-Apr 2026", "June 2026", "Jan-Mar 2026", "2025"
    value: float


class ReleaseOut(Schema):
    published: date | None
    next_release: date | None


class LabourSourceOut(Schema):
    publisher: str
    source: str
    licence: str
    loaded_at: str
    sha256: str


class SeriesSummaryOut(Schema):
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


class SeriesList(Schema):
    count: int
    results: list[SeriesSummaryOut]


class ChangeOut(Schema):
    months: int
    difference: float  # percentage points for % series, thousands for thousands series
    relative_percent: float | None  # levels only
    previous_value: float
    previous_period_end: str
    previous_period: str
    words: str  # "up 0.1 points on the quarter"


class HeadlineOut(Schema):
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


class HeadlinesOut(Schema):
    headlines: list[HeadlineOut]
    source: LabourSourceOut


def _picture() -> queries.Picture:
    try:
        return queries.picture()
    except queries.DataNotLoaded as error:
        raise Problem(503, "Labour market data not loaded", str(error)) from error


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


@router.get(
    "/headlines",
    response=HeadlinesOut,
    operation_id="labour_market_headlines",
    url_name="labour_market_headlines",
)
def get_headlines(request: HttpRequest) -> HeadlinesOut:
    """The latest UK headline figures (LF24, MGSX, LF2S, AP2Y, BCJD, BCJE, KAC3, KAI9).

    Each has its period as ONS labels it, and its change on the quarter and on the year.
    """
    picture = _picture()
    return HeadlinesOut(
        headlines=[_headline(h, picture.series[h.cdid]) for h in headlines(picture.series)],
        source=_source(picture.provenance),
    )


@router.get(
    "/series",
    response=SeriesList,
    operation_id="list_labour_market_series",
    url_name="list_labour_market_series",
)
def list_series(request: HttpRequest) -> SeriesList:
    """Every stored ONS series: CDID, title, unit and frequency, with its address."""
    series = _picture().series
    return SeriesList(count=len(series), results=[_summary(series[c]) for c in sorted(series)])


@router.get(
    "/series/{cdid}",
    response=SeriesOut,
    operation_id="get_labour_market_series",
    url_name="get_labour_market_series",
)
def get_series(request: HttpRequest, cdid: str) -> SeriesOut:
    """One ONS series by CDID (such as LF24): title, unit, frequency and every observation."""
    picture = _picture()
    series = picture.series.get(cdid.strip().upper())
    if series is None:
        raise Problem(
            404,
            "Series not found",
            f"There is no labour market series with CDID '{cdid}'. CDIDs are four characters "
            "such as LF24 or MGSX; list them at /api/v1/labour-market/series.",
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
