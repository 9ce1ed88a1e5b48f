"""Search parameters as codes -> one OfferSearch, shared by the search page, the API and the CLI."""

from __future__ import annotations

import pytest

from skillshub.domain.provision import DeliveryMode, FundingRoute, OfferType
from skillshub.provision import vocabulary as v
from skillshub.provision.finder import DEFAULT_RADIUS_KM, OfferSearch
from skillshub.provision.offer_search import negative_filter, offer_search


def test_codes_become_vocabulary_values() -> None:
    search = offer_search(
        need="maintain PLC control systems",
        postcode="B1 1AA",
        radius_km=10.0,
        levels=[4, 5, 4],
        types=["htq", "Skills Bootcamp"],
        delivery=["day_release", ""],
        funded=True,
        funding=["advanced-learner-loan"],
        max_cost_gbp=500.0,
        sort="distance",
        limit=5,
        offset=10,
    )
    assert search == OfferSearch(
        need="maintain PLC control systems",
        postcode="B1 1AA",
        radius_km=10.0,
        levels=frozenset({4, 5}),
        offer_types=frozenset({OfferType.HTQ, OfferType.SKILLS_BOOTCAMP}),
        delivery_modes=frozenset({DeliveryMode.DAY_RELEASE}),
        max_cost_gbp=500.0,
        funded_only=True,
        funding_routes=frozenset({FundingRoute.ADVANCED_LEARNER_LOAN}),
        sort="distance",
        limit=5,
        offset=10,
    )


def test_no_parameters_mean_any_offer_near_the_default_radius() -> None:
    search = offer_search(postcode="B1")
    assert search.radius_km == DEFAULT_RADIUS_KM
    assert not (search.levels or search.offer_types or search.delivery_modes)
    assert (search.sort, search.limit, search.offset) == ("relevance", 20, 0)


@pytest.mark.parametrize(
    ("options", "words"),
    [
        ({"types": ["spaceship"]}, "'spaceship' is not a type; use one of: apprenticeship, htq"),
        ({"delivery": ["post"]}, "'post' is not a delivery mode"),
        ({"funding": ["grant"]}, "'grant' is not a funding route"),
        ({"sort": "price"}, "'price' is not a sort; use one of: relevance, distance, start_date"),
    ],
)
def test_an_unknown_code_is_named_with_the_allowed_ones(
    options: dict[str, object], words: str
) -> None:
    with pytest.raises(v.UnknownCode, match=words):
        offer_search(postcode="B1", **options)  # type: ignore[arg-type]


def test_negative_filter_names_the_first_filter_below_zero() -> None:
    assert negative_filter(max_duration_months=0, max_cost_gbp=None, start_within_months=3) == ""
    assert (
        negative_filter(max_duration_months=1, max_cost_gbp=-1, start_within_months=-2)
        == "max_cost_gbp"
    )
