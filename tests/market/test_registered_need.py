"""A need registered through the pages counts in the area figures, suppressed, and leaves them
when its private link withdraws it."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client

from skillshub.market import services
from tests.demand.test_register_pages import register

pytestmark = pytest.mark.usefixtures("journey_data")
WEST_MIDLANDS = "E47000007"


def registered_row() -> services.GapRow | None:
    result = services.area_gaps(services.AreaGapsRequest(area=WEST_MIDLANDS))
    return next((row for row in result.standards if row.key == "ST0662"), None)


def test_a_registered_need_appears_suppressed_then_leaves_when_withdrawn(client: Client) -> None:
    caches["default"].clear()
    assert registered_row() is None
    private = register(client)  # 3 staff at B1 (Birmingham) for ST0662
    row = registered_row()
    assert row is not None
    assert row.employers.text == "fewer than 5" and row.employers.value is None
    assert row.staff.value is None
    page = client.get(f"/local-market/areas/{WEST_MIDLANDS}/").content.decode()
    assert "fewer than 5" in page and "robots on our line" not in page
    client.post(private + "withdraw/")
    assert registered_row() is None
