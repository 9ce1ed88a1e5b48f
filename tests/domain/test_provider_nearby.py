"""providers_near: each provider's nearest placed site within the radius, nearest first."""

from __future__ import annotations

import pytest

from skillshub.domain.provision import Point, Provider, ProviderLocation, providers_near

ORIGIN = Point(406649, 286530)  # B1 1AA


def provider(ukprn: int, name: str, *points: Point | None) -> Provider:
    sites = tuple(ProviderLocation(f"{name} site {i}", "", p) for i, p in enumerate(points))
    return Provider(ukprn=ukprn, name=name, locations=sites)


def test_nearest_site_counts_and_order_is_by_distance_then_name() -> None:
    far_and_near = provider(10000001, "Zed College", Point(420000, 286530), Point(407649, 286530))
    same_distance = provider(10000002, "Alpha College", Point(405649, 286530))
    unplaced = provider(10000003, "Nowhere College", None)
    outside = provider(10000004, "Leeds College", Point(429363, 433330))
    hits, total = providers_near(
        [far_and_near, same_distance, unplaced, outside], origin=ORIGIN, radius_km=25
    )
    assert total == 2
    assert [(h.provider.name, h.distance_km, h.sites_within) for h in hits] == [
        ("Alpha College", 1.0, 1),
        ("Zed College", 1.0, 2),
    ]
    assert hits[1].site.name == "Zed College site 1"


def test_paging_and_a_bad_radius() -> None:
    many = [provider(10000010 + i, f"C{i}", Point(406649 + 100 * i, 286530)) for i in range(5)]
    hits, total = providers_near(many, origin=ORIGIN, radius_km=10, limit=2, offset=2)
    assert total == 5 and [h.provider.name for h in hits] == ["C2", "C3"]
    with pytest.raises(ValueError, match="more than 0 km"):
        providers_near(many, origin=ORIGIN, radius_km=0)
