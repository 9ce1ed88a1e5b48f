"""Search parameters as the page, API and CLI receive them, turned into one ``OfferSearch``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from skillshub.domain import provision as domain
from skillshub.provision import vocabulary as v
from skillshub.provision.finder import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, OfferSearch

MAX_LIMIT = 100
NON_NEGATIVE = ("max_duration_months", "max_cost_gbp", "start_within_months")

__all__ = ["MAX_LIMIT", "MAX_RADIUS_KM", "NON_NEGATIVE", "negative_filter", "offer_search"]


def negative_filter(
    *,
    max_duration_months: float | None,
    max_cost_gbp: float | None,
    start_within_months: int | None,
) -> str:
    """The name of the first filter below 0 (as in ``NON_NEGATIVE``), or '' when none is."""
    values = (max_duration_months, max_cost_gbp, start_within_months)
    return next(
        (
            name
            for name, value in zip(NON_NEGATIVE, values, strict=True)
            if value is not None and value < 0
        ),
        "",
    )


def offer_search(
    *,
    need: str = "",
    postcode: str = "",
    radius_km: float = DEFAULT_RADIUS_KM,
    levels: Iterable[int] = (),
    types: Iterable[str] = (),
    delivery: Iterable[str] = (),
    max_duration_months: float | None = None,
    max_cost_gbp: float | None = None,
    funded: bool = False,
    funding: Iterable[str] = (),
    start_within_months: int | None = None,
    sort: str = "relevance",
    limit: int = 20,
    offset: int = 0,
) -> OfferSearch:
    """The search that these codes ask for; UnknownCode names a code we do not know."""
    if sort not in v.SORTS:
        raise v.UnknownCode(f"'{sort}' is not a sort; use one of: {', '.join(v.SORTS)}")
    return OfferSearch(
        need=need,
        postcode=postcode,
        radius_km=radius_km,
        levels=frozenset(levels),
        offer_types=v.decode(v.OFFER_TYPES, types, what="type"),
        delivery_modes=v.decode(v.DELIVERY_MODES, delivery, what="delivery mode"),
        max_duration_months=max_duration_months,
        max_cost_gbp=max_cost_gbp,
        funded_only=funded,
        funding_routes=v.decode(v.FUNDING_ROUTES, funding, what="funding route"),
        start_within_months=start_within_months,
        sort=cast(domain.SortKey, sort),
        limit=limit,
        offset=offset,
    )
