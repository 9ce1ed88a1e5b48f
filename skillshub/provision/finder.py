"""One search over all provision: a need in plain words -> standards -> offers near a place.

Pages, the API and the CLI all call ``find_offers``; it raises the errors people can fix
(QueryError for an unsearchable need, InvalidPostcode / UnknownPlace for a place) with
messages ready to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from skillshub.domain import provision as domain
from skillshub.domain.geography import Location
from skillshub.geo import places
from skillshub.provision import index as provision_index

DEFAULT_RADIUS_KM = 25.0
MAX_RADIUS_KM = 400.0
STANDARDS_CONSIDERED = 10
# A standard whose match is below this share of the best one is too weak to pull in offers:
# the dense channel gives every standard some similarity to any text.
MIN_STANDARD_SHARE = 0.5


@dataclass(frozen=True)
class OfferSearch:
    """What someone asked for; empty filters mean any."""

    need: str = ""
    postcode: str = ""
    radius_km: float | None = DEFAULT_RADIUS_KM
    levels: frozenset[int] = frozenset()
    offer_types: frozenset[domain.OfferType] = frozenset()
    delivery_modes: frozenset[domain.DeliveryMode] = frozenset()
    max_duration_months: float | None = None
    max_cost_gbp: float | None = None
    funded_only: bool = False
    funding_routes: frozenset[domain.FundingRoute] = frozenset()
    start_within_months: int | None = None
    sort: domain.SortKey = "relevance"
    limit: int | None = 50
    offset: int = 0


@dataclass(frozen=True)
class StandardLink:
    """A standard the need matched, and how strongly (1.0 is the best match)."""

    reference: str
    title: str
    level: int
    share: float


@dataclass
class OfferResults:
    search: OfferSearch
    hits: list[domain.OfferHit]
    total: int
    location: Location | None
    standards: list[StandardLink]
    loaded: provision_index.LoadedProvision
    notes: list[str] = field(default_factory=list)

    def provider_name(self, ukprn: int) -> str:
        card = self.loaded.providers.get(ukprn)
        return card.name if card else f"UKPRN {ukprn}"

    def standard_titles(self) -> dict[str, str]:
        return {link.reference: link.title for link in self.standards}


def matched_standards(need: str) -> tuple[list[StandardLink], list[str]]:
    """The standards that meet a need, with shares of the best score; QueryError if unsearchable."""
    from skillshub.catalogue import matching

    try:
        outcome = matching.search_standards(need, limit=STANDARDS_CONSIDERED)
    except matching.CatalogueNotLoaded:
        return [], [
            "The apprenticeship standards are not loaded, so courses are matched on their "
            "titles only. An operator can load them with `skillshub ingest`."
        ]
    return standard_links(outcome.matches), list(outcome.notes)


def standard_links(matches: Sequence[Any]) -> list[StandardLink]:
    """Links for the best standards of a search (anything with reference, title, level and
    score, best first): each with its share of the best score, the weak ones left out."""
    top = max((match.score for match in matches[:STANDARDS_CONSIDERED]), default=0.0)
    return [
        StandardLink(match.reference, match.title, match.level, min(1.0, match.score / top))
        for match in matches[:STANDARDS_CONSIDERED]
        if top > 0 and match.score / top >= MIN_STANDARD_SHARE
    ]


def find_offers(
    search: OfferSearch, *, today: date, standards: list[StandardLink] | None = None
) -> OfferResults:
    """Offers that meet the need near the place, ranked; see the module docstring for errors.
    `standards`: the need's standards when the caller has searched them already."""
    notes: list[str] = []
    if standards is None:
        standards = []
        if search.need.strip():
            standards, notes = matched_standards(search.need)
    location = places.locate(search.postcode) if search.postcode.strip() else None
    if location is not None and location.precision == "outcode":
        notes.append(
            f"Distances are measured from the centre of the {location.query[:4].strip()} "
            "postcode district."
        )
    loaded = provision_index.current()
    query = domain.OfferQuery(
        today=today,
        standard_scores={link.reference: round(link.share, 4) for link in standards},
        text=search.need,
        origin=location.point if location else None,
        radius_km=search.radius_km if location else None,
        levels=search.levels,
        offer_types=search.offer_types,
        delivery_modes=search.delivery_modes,
        max_duration_months=search.max_duration_months,
        max_cost_gbp=search.max_cost_gbp,
        funded_only=search.funded_only,
        funding_routes=search.funding_routes,
        start_within_months=search.start_within_months,
        sort=search.sort,
        limit=search.limit,
        offset=search.offset,
    )
    hits, total = loaded.index.search_with_total(query)
    return OfferResults(search, hits, total, location, standards, loaded, notes)


def hit_as_dict(results: OfferResults, hit: domain.OfferHit) -> dict[str, Any]:
    """One result as plain data for the API and the CLI's JSON."""
    offer = hit.offer
    titles = results.standard_titles()
    return {
        "offer_id": offer.offer_id,
        "title": offer.title,
        "type": offer.offer_type.value,
        "level": offer.level,
        "provider": {"ukprn": offer.ukprn, "name": results.provider_name(offer.ukprn)},
        "relevance": hit.relevance,
        "distance_km": hit.distance_km,
        "distance_miles": None if hit.distance_km is None else round(hit.distance_km / 1.609344, 1),
        "location_free": offer.location_free,
        "venue_postcode": offer.venue_postcode,
        "delivery_mode": offer.delivery_mode.value,
        "study_mode": offer.study_mode.value if offer.study_mode else None,
        "hours_per_week": offer.hours_per_week,
        "duration_months": offer.duration_months,
        "cost_to_learner_gbp": _money(offer.cost_to_learner_gbp),
        "cost_to_employer_gbp": _money(offer.cost_to_employer_gbp),
        "funding_routes": [route.value for route in offer.funding_routes],
        "next_start": hit.next_start.isoformat() if hit.next_start else None,
        "flexible_start": offer.flexible_start,
        "standards": [
            {"reference": reference, "title": titles.get(reference, "")}
            for reference in offer.standard_references
        ],
        "reasons": list(hit.reasons),
        "url": offer.url,
    }


def _money(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def results_as_dict(results: OfferResults) -> dict[str, Any]:
    location = results.location
    return {
        "query": results.search.need,
        "postcode": location.query if location else None,
        "radius_km": results.search.radius_km if location else None,
        "total": results.total,
        "offset": results.search.offset,
        "standards": [
            {
                "reference": s.reference,
                "title": s.title,
                "level": s.level,
                "share": round(s.share, 3),
            }
            for s in results.standards
        ],
        "results": [hit_as_dict(results, hit) for hit in results.hits],
        "notes": results.notes,
        "offers_loaded": results.loaded.offer_count,
    }
