"""The providers-near-a-postcode use case: its request's bounds and defaults, and the service."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from skillshub.domain.geography import InvalidPostcode, UnknownPlace
from skillshub.provision.nearby import ProviderSearchRequest, ProviderSearchResult, find_providers
from tests.provision.discover_uni_loading import load_he_providers

# The request


def test_defaults_are_25_km_and_the_first_20() -> None:
    request = ProviderSearchRequest(postcode=" B1 1AA ")
    assert (request.postcode, request.radius_km, request.limit, request.offset) == (
        "B1 1AA",
        25.0,
        20,
        0,
    )


def test_a_postcode_is_needed() -> None:
    with pytest.raises(ValidationError) as raised:
        ProviderSearchRequest()  # type: ignore[call-arg]
    assert [error["loc"] for error in raised.value.errors()] == [("postcode",)]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("radius_km", 0),
        ("radius_km", 400.1),
        ("limit", 0),
        ("limit", 101),
        ("offset", -1),
        ("offset", 100_001),
        ("postcode", "B" * 21),
    ],
)
def test_numbers_and_sizes_are_bounded(name: str, value: object) -> None:
    values: dict[str, Any] = {"postcode": "B1 1AA", name: value}
    with pytest.raises(ValidationError) as raised:
        ProviderSearchRequest(**values)
    assert [error["loc"] for error in raised.value.errors()] == [(name,)]


def test_the_api_keeps_its_query_parameters() -> None:
    assert list(ProviderSearchRequest.model_fields) == ["postcode", "radius_km", "limit", "offset"]


# The service


@pytest.fixture
def he_providers(db: None) -> None:
    load_he_providers()


def near(**values: Any) -> ProviderSearchResult:
    return find_providers(ProviderSearchRequest(**values))


def test_providers_near_b1_1aa_nearest_first(he_providers: None) -> None:
    result = near(postcode="b1 1aa", radius_km=5, limit=100)
    assert result.postcode == "B1 1AA" and result.radius_km == 5 and result.notes == []
    assert result.providers_loaded == 433 and result.total == len(result.results) == 23
    ucb = next(hit for hit in result.results if hit.name == "University College Birmingham")
    assert (ucb.ukprn, ucb.distance_km, ucb.distance_miles) == (10000712, 0.6, 0.4)
    assert ucb.path == "/training/providers/10000712/" and ucb.website == "https://www.ucb.ac.uk"
    distances = [hit.distance_km for hit in result.results]
    assert distances == sorted(distances)
    assert "Discover Uni" in result.attribution


def test_paging(he_providers: None) -> None:
    first = near(postcode="B1 1AA", radius_km=5, limit=5)
    second = near(postcode="B1 1AA", radius_km=5, limit=5, offset=5)
    assert second.offset == 5 and first.total == second.total == 23
    assert len(first.results) == len(second.results) == 5
    assert not {hit.ukprn for hit in first.results} & {hit.ukprn for hit in second.results}


def test_a_district_is_measured_from_its_centre(he_providers: None) -> None:
    result = near(postcode="B1")
    assert result.postcode == "B1" and result.total > 20
    assert result.notes == ["Distances are measured from the centre of the B1 postcode district."]


def test_without_providers_it_says_how_to_load_them(db: None) -> None:
    result = near(postcode="B1 1AA")
    assert result.total == 0 and result.providers_loaded == 0 and result.results == []
    assert "skillshub ingest" in result.notes[0]


@pytest.mark.parametrize(
    ("postcode", "error"), [("B1 1A", InvalidPostcode), ("B99 9ZZ", UnknownPlace)]
)
def test_bad_places_raise_errors_people_can_act_on(
    db: None, postcode: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        near(postcode=postcode)
