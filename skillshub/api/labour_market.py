"""`/api/v1/labour-market`: the ONS headline figures with their changes, and any stored series."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from skillshub.api.problems import Problem
from skillshub.dashboard import services
from skillshub.dashboard.services import HeadlinesOut, SeriesList, SeriesOut

router = Router()


def _not_loaded(error: services.DataNotLoaded) -> Problem:
    return Problem(503, "Labour market data not loaded", str(error))


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
    try:
        return services.labour_market_headlines()
    except services.DataNotLoaded as error:
        raise _not_loaded(error) from error


@router.get(
    "/series",
    response=SeriesList,
    operation_id="list_labour_market_series",
    url_name="list_labour_market_series",
)
def list_series(request: HttpRequest) -> SeriesList:
    """Every stored ONS series: CDID, title, unit and frequency, with its address."""
    try:
        return services.list_series()
    except services.DataNotLoaded as error:
        raise _not_loaded(error) from error


@router.get(
    "/series/{cdid}",
    response=SeriesOut,
    operation_id="get_labour_market_series",
    url_name="get_labour_market_series",
)
def get_series(request: HttpRequest, cdid: str) -> SeriesOut:
    """One ONS series by CDID (such as LF24): title, unit, frequency and every observation."""
    try:
        return services.get_series(cdid)
    except services.DataNotLoaded as error:
        raise _not_loaded(error) from error
    except services.UnknownSeries as error:
        raise Problem(404, "Series not found", str(error)) from error
