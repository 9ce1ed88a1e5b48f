"""Providers near a place: each provider's nearest site within a radius, nearest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skillshub.domain.geography import Point, distance_km
from skillshub.domain.provision.model import Provider, ProviderLocation


@dataclass(frozen=True)
class ProviderHit:
    """A provider with a site within the radius: that nearest site and how far it is."""

    provider: Provider
    site: ProviderLocation
    distance_km: float
    sites_within: int
    """How many of the provider's sites are within the radius (the nearest is ``site``)."""


def providers_near(
    providers: Iterable[Provider],
    *,
    origin: Point,
    radius_km: float,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[ProviderHit], int]:
    """Providers with a placed site within ``radius_km`` of ``origin``, nearest first, and total.

    Distance is to the provider's nearest site, straight-line on the grid, rounded to 0.1 km.
    Ties are broken by name so the order is stable from one search to the next.
    """
    if radius_km <= 0:
        raise ValueError(f"the radius must be more than 0 km, not {radius_km}")
    hits = []
    for provider in providers:
        placed = [
            (distance_km(origin, site.point), site)
            for site in provider.locations
            if site.point is not None
        ]
        within = sorted(
            ((away, site) for away, site in placed if away <= radius_km), key=lambda p: p[0]
        )
        if within:
            away, site = within[0]
            hits.append(ProviderHit(provider, site, round(away, 1), len(within)))
    hits.sort(key=lambda hit: (hit.distance_km, hit.provider.name.lower(), hit.provider.ukprn))
    end = None if limit is None else offset + limit
    return hits[offset:end], len(hits)
