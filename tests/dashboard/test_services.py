"""The labour market use cases on the fixture ONS slices: headlines, the series list, one series."""

from __future__ import annotations

import pytest

from skillshub.dashboard import services
from tests.dashboard.conftest import load_fixture_ons

pytestmark = pytest.mark.django_db


def test_nothing_loaded_says_how_to_load_it() -> None:
    for call in (services.labour_market_headlines, services.list_series):
        with pytest.raises(services.DataNotLoaded, match="skillshub ingest ons"):
            call()


def test_headlines_carry_changes_source_and_release() -> None:
    load_fixture_ons()
    result = services.labour_market_headlines()
    lf24 = result.headlines[0]
    assert (lf24.cdid, lf24.value, lf24.period, lf24.unit) == (
        "LF24",
        75.1,
        "Feb-Apr 2026",
        "percent",
    )
    assert lf24.change_on_quarter is not None and lf24.change_on_quarter.difference == 0.1
    assert lf24.change_on_quarter.words.startswith("up 0.1")
    assert lf24.url == "/api/v1/labour-market/series/LF24"
    assert result.source.publisher == "Office for National Statistics"
    assert "lms_headline_extract.csv" in result.source.source


def test_series_are_listed_by_cdid_and_found_in_any_case() -> None:
    load_fixture_ons()
    listed = services.list_series()
    cdids = [s.cdid for s in listed.results]
    assert listed.count == len(cdids) and cdids == sorted(cdids) and "MGSX" in cdids
    mgsx = services.get_series(" mgsx ")
    assert mgsx.cdid == "MGSX" and mgsx.three_month_average
    assert mgsx.observations and mgsx.observations[-1].period.endswith("2026")


def test_an_unknown_series_says_what_cdids_look_like() -> None:
    load_fixture_ons()
    with pytest.raises(services.UnknownSeries, match="four characters such as LF24"):
        services.get_series("NOPE")
