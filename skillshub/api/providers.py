"""`/api/v1/providers`: colleges and universities that teach higher education near a postcode."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.provision.finder import MAX_RADIUS_KM
from skillshub.provision.services import MAX_LIMIT

router = Router()


class ProviderSearchParams(Schema):
    postcode: str = Field(
        ...,
        max_length=20,
        description="A postcode (B1 1AA) or postcode district (B1).",
        examples=["B1 1AA"],
    )
    radius_km: float = Field(
        25.0, gt=0, le=MAX_RADIUS_KM, description="Straight-line distance from the postcode, in km."
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="How many providers (1-100).")
    offset: int = Field(0, ge=0, le=100_000)


class ProviderNearOut(Schema):
    ukprn: int
    name: str
    website: str | None
    distance_km: float
    distance_miles: float
    nearest_site: str
    sites_within_radius: int
    path: str


class ProviderSearchOut(Schema):
    postcode: str
    radius_km: float
    total: int
    offset: int
    results: list[ProviderNearOut]
    notes: list[str]
    providers_loaded: int
    attribution: str


@router.get(
    "", response=ProviderSearchOut, operation_id="search_providers", url_name="search_providers"
)
def search_providers(request: HttpRequest, params: Query[ProviderSearchParams]) -> Any:
    """Colleges and universities teaching higher education near a postcode, nearest first.

    From the Discover Uni teaching locations that ship with Skills Hub (no course data is
    needed). Distance is straight-line to the provider's nearest teaching location.
    """
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.provision import nearby
    from skillshub.provision.services import MAX_LIMIT

    if not 1 <= params.limit <= MAX_LIMIT or params.offset < 0:
        raise Problem(400, "Invalid paging", f"limit must be 1 to {MAX_LIMIT}, offset 0 or more.")
    if not 0 < params.radius_km <= nearby.MAX_RADIUS_KM:
        raise Problem(
            400,
            "Invalid radius",
            f"radius_km must be more than 0 and at most {nearby.MAX_RADIUS_KM:g}.",
        )
    try:
        results = nearby.find_providers(
            params.postcode, radius_km=params.radius_km, limit=params.limit, offset=params.offset
        )
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error
    return nearby.results_as_dict(results)
