"""The labour market API: headlines with changes, one series by CDID, problem details."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from skillshub.core.ingest import run_ingest
from skillshub.dashboard.ingest import embedded_plan
from tests.dashboard.conftest import load_fixture_ons

pytestmark = pytest.mark.django_db
DATA = Path(__file__).resolve().parents[2] / "data"
HEADLINES = "/api/v1/labour-market/headlines"


@pytest.fixture
def ons() -> None:
    load_fixture_ons()


def by_cdid(body: dict) -> dict[str, dict]:
    return {h["cdid"]: h for h in body["headlines"]}


def test_headlines_have_value_period_and_changes(client: Client, ons: None) -> None:
    body = client.get(HEADLINES).json()
    found = by_cdid(body)
    assert list(found) == ["LF24", "MGSX", "LF2S", "AP2Y", "BCJD", "BCJE", "KAC3", "KAI9"]
    lf24 = found["LF24"]
    assert (lf24["value"], lf24["period_end"], lf24["period"]) == (75.1, "2026-04", "Feb-Apr 2026")
    assert lf24["change_on_quarter"] == {
        "months": 3,
        "difference": 0.1,
        "relative_percent": None,
        "previous_value": 75.0,
        "previous_period_end": "2026-01",
        "previous_period": "Nov 2025-Jan 2026",
        "words": "up 0.1 points on the quarter",
    }
    assert lf24["change_on_year"]["difference"] == -0.1
    assert found["MGSX"]["value"] == 4.9 and found["MGSX"]["change_on_quarter"]["difference"] == 0
    ap2y = found["AP2Y"]
    assert (ap2y["unit"], ap2y["formatted"]) == ("thousands", "712,000")
    assert ap2y["change_on_year"]["relative_percent"] == pytest.approx(-18 / 730 * 100)
    assert found["BCJD"]["period"] == "June 2026"
    assert lf24["url"] == "/api/v1/labour-market/series/LF24"
    assert body["source"]["publisher"] == "Office for National Statistics"
    assert len(body["source"]["sha256"]) == 64


@pytest.mark.data
def test_embedded_data_gives_the_published_headlines(client: Client) -> None:
    run_ingest(embedded_plan(DATA))
    found = by_cdid(client.get(HEADLINES).json())
    assert (found["LF24"]["value"], found["LF24"]["period_end"]) == (75.1, "2026-04")
    assert found["LF24"]["period"] == "Feb-Apr 2026"
    assert (found["MGSX"]["value"], found["MGSX"]["period_end"]) == (4.9, "2026-04")
    assert found["AP2Y"]["value"] == 712.0


def test_one_series_with_every_observation(client: Client, ons: None) -> None:
    body = client.get("/api/v1/labour-market/series/LF24").json()
    assert body["title"] == "Employment rate (aged 16 to 64, seasonally adjusted): %"
    assert (body["unit"], body["frequency"], body["seasonally_adjusted"]) == (
        "percent",
        "monthly",
        True,
    )
    assert body["three_month_average"] is True
    assert body["observations"][-1] == {
        "period_end": "2026-04",
        "period": "Feb-Apr 2026",
        "value": 75.1,
    }
    assert len(body["observations"]) == 16
    assert body["release"] == {"published": None, "next_release": None}


def test_single_month_and_quarterly_series_are_labelled_as_ons_does(
    client: Client, ons: None
) -> None:
    claimants = client.get("/api/v1/labour-market/series/bcjd").json()
    assert claimants["three_month_average"] is False
    assert claimants["observations"][-1]["period"] == "June 2026"
    jobs = client.get("/api/v1/labour-market/series/JWT9").json()
    assert jobs["frequency"] == "quarterly" and jobs["observations"][-1]["period"] == "March 2026"


def test_unknown_cdid_is_a_problem_document(client: Client, ons: None) -> None:
    response = client.get("/api/v1/labour-market/series/ZZZZ")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert (body["status"], body["title"]) == (404, "Series not found")
    assert "ZZZZ" in body["detail"] and "/api/v1/labour-market/series" in body["detail"]


def test_series_list(client: Client, ons: None) -> None:
    body = client.get("/api/v1/labour-market/series").json()
    cdids = [s["cdid"] for s in body["results"]]
    assert body["count"] == len(cdids) and cdids == sorted(cdids) and "LF24" in cdids
    first = body["results"][0]
    assert client.get(first["url"]).status_code == 200


def test_not_loaded_is_a_problem_document(client: Client) -> None:
    response = client.get(HEADLINES)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert "skillshub ingest ons" in response.json()["detail"]


def test_endpoints_are_in_the_openapi_document(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/labour-market/headlines" in paths
    assert "/api/v1/labour-market/series/{cdid}" in paths
