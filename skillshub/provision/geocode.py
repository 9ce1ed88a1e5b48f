"""Put venues on the national grid: the course file's own coordinates, else the postcode's."""

from __future__ import annotations

from collections.abc import Iterable

from skillshub.domain.geography import InvalidPostcode, Point, UnknownPlace
from skillshub.domain.provision import Offer, Provider, venue_points
from skillshub.geo import places


def point_for_postcode(postcode: str | None) -> Point | None:
    """The postcode's grid point (its district's centre for a postcode without one), or None."""
    if not postcode:
        return None
    try:
        return places.locate(postcode).point
    except (InvalidPostcode, UnknownPlace):
        return None


def place_offers(
    offers: Iterable[Offer], providers: Iterable[Provider] = ()
) -> dict[str, Point | None]:
    """Each offer's venue point by offer_id; online and national offers have none."""
    point_of = venue_points(
        providers, fallback=lambda offer: point_for_postcode(offer.venue_postcode)
    )
    return {offer.offer_id: None if offer.location_free else point_of(offer) for offer in offers}
