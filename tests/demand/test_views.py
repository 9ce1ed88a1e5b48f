"""'Tell us you need this': stored with the postcode district only, guarded against robots."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client

from skillshub.demand.models import DemandSignal

pytestmark = pytest.mark.usefixtures("journey_data")


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    caches["default"].clear()


def test_a_need_is_recorded_with_the_district_and_matched_standards(client: Client) -> None:
    response = client.post(
        "/needs/tell-us/", {"q": "maintain automation and robots", "postcode": "B1 1AA"}
    )
    assert response.status_code == 200 and b"Your need is recorded" in response.content
    signal = DemandSignal.objects.get()
    assert (signal.source, signal.outcode) == ("nothing-near", "B1")
    assert signal.local_authority_code.startswith("E08")
    assert signal.standard_references


def test_robots_filling_the_hidden_field_store_nothing(client: Client) -> None:
    response = client.post("/needs/tell-us/", {"q": "x", "postcode": "B1 1AA", "website": "spam"})
    assert response.status_code == 200
    assert not DemandSignal.objects.exists()


@pytest.mark.parametrize(
    "data", [{"q": "", "postcode": "B1 1AA"}, {"q": "welding", "postcode": "ZZ99"}]
)
def test_bad_input_changes_nothing(client: Client, data: dict) -> None:
    assert client.post("/needs/tell-us/", data).status_code == 400
    assert not DemandSignal.objects.exists()


def test_too_many_from_one_address_is_429_with_retry_after(client: Client) -> None:
    for _ in range(20):
        client.post("/needs/tell-us/", {"q": "welding", "postcode": "B1 1AA"})
    response = client.post("/needs/tell-us/", {"q": "welding", "postcode": "B1 1AA"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert DemandSignal.objects.count() == 20


def test_only_post(client: Client) -> None:
    assert client.get("/needs/tell-us/").status_code == 405
