"""`/api/v1/providers`: HE providers near a postcode, nearest first; problem details."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.provision.discover_uni_loading import load_he_providers

pytestmark = pytest.mark.django_db
URL = "/api/v1/providers"


@pytest.fixture
def he_providers() -> None:
    load_he_providers()


def test_acceptance_providers_near_b1_1aa(client: Client, he_providers: None) -> None:
    response = client.get(URL, {"postcode": "b1 1aa", "radius_km": 5, "limit": 100})
    assert response.status_code == 200
    body = response.json()
    assert body["postcode"] == "B1 1AA" and body["radius_km"] == 5
    assert body["providers_loaded"] == 433 and body["total"] == len(body["results"]) == 23
    by_name = {r["name"]: r for r in body["results"]}
    ucb = by_name["University College Birmingham"]
    assert ucb == {
        "ukprn": 10000712,
        "name": "University College Birmingham",
        "website": "https://www.ucb.ac.uk",
        "distance_km": 0.6,
        "distance_miles": 0.4,
        "nearest_site": "University College Birmingham",
        "sites_within_radius": 1,
        "path": "/training/providers/10000712/",
    }
    bmet = by_name["Birmingham Metropolitan College"]
    assert bmet["distance_km"] == 1.2 and bmet["website"] is None
    distances = [r["distance_km"] for r in body["results"]]
    assert distances == sorted(distances)
    assert (
        body["attribution"] == "Contains Discover Uni (Unistats) data, Office for Students / HESA"
    )


def test_paging(client: Client, he_providers: None) -> None:
    first = client.get(URL, {"postcode": "B1 1AA", "radius_km": 5, "limit": 5}).json()
    second = client.get(URL, {"postcode": "B1 1AA", "radius_km": 5, "limit": 5, "offset": 5})
    assert len(first["results"]) == 5 and second.json()["offset"] == 5
    assert not {r["ukprn"] for r in first["results"]} & {
        r["ukprn"] for r in second.json()["results"]
    }


def test_an_outcode_is_measured_from_the_district_centre(
    client: Client, he_providers: None
) -> None:
    body = client.get(URL, {"postcode": "B1"}).json()
    assert body["postcode"] == "B1" and body["total"] > 20
    assert "centre of the B1 postcode district" in body["notes"][0]


def test_without_data_it_says_so(client: Client) -> None:
    body = client.get(URL, {"postcode": "B1 1AA"}).json()
    assert body["total"] == 0 and body["providers_loaded"] == 0
    assert "skillshub ingest" in body["notes"][0]


@pytest.mark.parametrize(
    ("params", "title", "detail"),
    [
        ({"postcode": "B1 1A"}, "Invalid postcode", "not a full UK postcode"),
        ({"postcode": "B1 1AA", "radius_km": 0}, "Invalid radius", "more than 0"),
        ({"postcode": "B1 1AA", "radius_km": 401}, "Invalid radius", "at most 400"),
        ({"postcode": "B1 1AA", "limit": 0}, "Invalid paging", "limit must be at least 1"),
    ],
)
def test_bad_input_is_a_problem_document(
    client: Client, he_providers: None, params: dict[str, object], title: str, detail: str
) -> None:
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == title and detail in body["detail"]


def test_a_missing_postcode_is_a_problem_document(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"
