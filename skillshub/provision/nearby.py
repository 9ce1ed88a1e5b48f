"""Colleges and universities that teach higher education near a postcode (Discover Uni sites).

Pages, the API and the CLI all call ``find_providers``; it raises InvalidPostcode or
UnknownPlace with a message ready to show. Works whether or not any course data is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from skillshub.domain import provision as domain
from skillshub.domain.geography import Location, km_to_miles
from skillshub.geo import places
from skillshub.provision import index as provision_index
from skillshub.provision.finder import DEFAULT_RADIUS_KM, MAX_RADIUS_KM

__all__ = ["DEFAULT_RADIUS_KM", "MAX_RADIUS_KM", "ProviderResults", "find_providers"]


@dataclass(frozen=True)
class ProviderResults:
    """Providers teaching higher education within the radius, nearest first."""

    location: Location
    radius_km: float
    hits: list[domain.ProviderHit]
    total: int
    loaded: int
    """How many higher education providers are loaded at all (0: the data is not loaded)."""
    offset: int = 0


def find_providers(
    postcode: str, *, radius_km: float = DEFAULT_RADIUS_KM, limit: int = 20, offset: int = 0
) -> ProviderResults:
    """Providers teaching higher education within ``radius_km`` of the postcode or district."""
    location = places.locate(postcode)
    providers = provision_index.current().he_providers
    hits, total = domain.providers_near(
        providers, origin=location.point, radius_km=radius_km, limit=limit, offset=offset
    )
    return ProviderResults(location, radius_km, hits, total, len(providers), offset)


def hit_as_dict(hit: domain.ProviderHit) -> dict[str, Any]:
    """One provider as plain data for the API and the CLI's JSON."""
    return {
        "ukprn": hit.provider.ukprn,
        "name": hit.provider.name,
        "website": hit.provider.website or None,
        "distance_km": hit.distance_km,
        "distance_miles": round(km_to_miles(hit.distance_km), 1),
        "nearest_site": hit.site.name,
        "sites_within_radius": hit.sites_within,
        "path": reverse("provision:provider", args=[hit.provider.ukprn]),
    }


def results_as_dict(results: ProviderResults) -> dict[str, Any]:
    notes = []
    if results.location.precision == "outcode":
        notes.append(
            f"Distances are measured from the centre of the {results.location.query} "
            "postcode district."
        )
    if results.loaded == 0:
        notes.append(
            "No higher education providers are loaded: an operator runs `skillshub ingest`."
        )
    return {
        "postcode": results.location.query,
        "radius_km": results.radius_km,
        "total": results.total,
        "offset": results.offset,
        "results": [hit_as_dict(hit) for hit in results.hits],
        "notes": notes,
        "providers_loaded": results.loaded,
        "attribution": "Contains Discover Uni (Unistats) data, Office for Students / HESA",
    }
