"""The providers-near-a-postcode use case: one typed request, one service function, one typed
result, shared by the API, the CLI, the search pages and the training journey. Works whether or
not any course data is loaded: the providers are the Discover Uni teaching locations."""

from __future__ import annotations

from django.urls import reverse
from pydantic import BaseModel, ConfigDict, Field

from skillshub.domain import provision as domain
from skillshub.domain.geography import km_to_miles
from skillshub.geo import places
from skillshub.provision import index as provision_index
from skillshub.provision.finder import DEFAULT_RADIUS_KM
from skillshub.provision.services import MAX_LIMIT, PostcodeText, RadiusKm
from skillshub.sources.discover_uni import ATTRIBUTION

__all__ = [
    "ProviderNear",
    "ProviderSearchRequest",
    "ProviderSearchResult",
    "find_providers",
]


class ProviderSearchRequest(BaseModel):
    """A place, how far from it to look, and a page of the providers found."""

    model_config = ConfigDict(str_strip_whitespace=True)

    postcode: PostcodeText
    radius_km: RadiusKm = DEFAULT_RADIUS_KM
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"How many providers (1-{MAX_LIMIT}).")
    offset: int = Field(0, ge=0, le=100_000)


class ProviderNear(BaseModel):
    """One provider with a teaching location within the radius: the nearest one, how far."""

    ukprn: int
    name: str
    website: str | None
    distance_km: float
    distance_miles: float
    nearest_site: str
    sites_within_radius: int
    path: str = Field(description="Its page on this site")


class ProviderSearchResult(BaseModel):
    """Providers teaching higher education within the radius, nearest first. `providers_loaded`
    is 0 when none are loaded (`notes` then says how to load them)."""

    postcode: str = Field(description="The place distances are measured from")
    radius_km: float
    total: int
    offset: int
    results: list[ProviderNear]
    notes: list[str]
    providers_loaded: int
    attribution: str


def _near(hit: domain.ProviderHit) -> ProviderNear:
    return ProviderNear(
        ukprn=hit.provider.ukprn,
        name=hit.provider.name,
        website=hit.provider.website or None,
        distance_km=hit.distance_km,
        distance_miles=round(km_to_miles(hit.distance_km), 1),
        nearest_site=hit.site.name,
        sites_within_radius=hit.sites_within,
        path=reverse("provision:provider", args=[hit.provider.ukprn]),
    )


def find_providers(request: ProviderSearchRequest) -> ProviderSearchResult:
    """Providers teaching higher education within the radius of the postcode or district,
    nearest first. Raises InvalidPostcode or UnknownPlace with a message ready to show."""
    location = places.locate(request.postcode)
    providers = provision_index.current().he_providers
    hits, total = domain.providers_near(
        providers,
        origin=location.point,
        radius_km=request.radius_km,
        limit=request.limit,
        offset=request.offset,
    )
    notes = []
    if location.precision == "outcode":
        notes.append(
            f"Distances are measured from the centre of the {location.query} postcode district."
        )
    if not providers:
        notes.append(
            "No higher education providers are loaded: an operator runs `skillshub ingest`."
        )
    return ProviderSearchResult(
        postcode=location.query,
        radius_km=request.radius_km,
        total=total,
        offset=request.offset,
        results=[_near(hit) for hit in hits],
        notes=notes,
        providers_loaded=len(providers),
        attribution=ATTRIBUTION,
    )
