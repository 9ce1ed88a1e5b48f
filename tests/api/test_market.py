"""`GET /api/v1/areas/{code}/gaps`: the service result, and problem details for bad codes."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.market.data import SMALL, UNMET

pytestmark = pytest.mark.usefixtures("market_data")


def test_gaps_for_west_midlands(client: Client) -> None:
    body = client.get("/api/v1/areas/E47000007/gaps").json()
    assert body["standards"][0]["key"] == UNMET
    small = next(row for row in body["standards"] if row["key"] == SMALL)
    assert small["employers"]["text"] == "fewer than 5" and small["employers"]["value"] is None


@pytest.mark.parametrize(("code", "status"), [("E47000099", 404), ("X47000007", 400)])
def test_bad_codes_are_problems(client: Client, code: str, status: int) -> None:
    response = client.get(f"/api/v1/areas/{code}/gaps")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")


def test_radius_is_bounded(client: Client) -> None:
    assert client.get("/api/v1/areas/E47000007/gaps?radius_km=500").status_code == 400
