"""`/api/v1/search/offers` and `/api/v1/offers/{offer_id}`: courses and apprenticeships."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.provision.finder import MAX_RADIUS_KM
from skillshub.provision.offer_search import MAX_LIMIT

search_router = Router()
offers_router = Router()


class OfferSearchParams(Schema):
    q: str = Field(
        "",
        max_length=8000,
        description="The need in plain words, e.g. 'maintain PLC control systems'.",
        examples=["maintain PLC control systems"],
    )
    postcode: str = Field(
        "",
        max_length=20,
        description="A postcode (B1 1AA) or postcode district (B1).",
        examples=["B1 1AA"],
    )
    radius_km: float = Field(
        25.0,
        gt=0,
        le=MAX_RADIUS_KM,
        description="Straight-line distance from the postcode, in km.",
    )
    level: list[int] = Field(
        [], max_length=10, description="Only these levels (repeat: level=4&level=5)."
    )
    type: list[str] = Field(
        [], max_length=20, description="Offer types: apprenticeship, htq, hnc, hnd, ..."
    )
    delivery: list[str] = Field(
        [], max_length=20, description="classroom, online, blended, workplace, ..."
    )
    max_duration_months: float | None = Field(None, ge=0, le=1200)
    max_cost_gbp: float | None = Field(None, ge=0, le=10_000_000)
    funded: bool = Field(False, description="Only publicly funded or free offers.")
    funding: list[str] = Field(
        [],
        max_length=20,
        description="Only offers naming one of these funding routes: advanced-learner-loan, "
        "apprenticeship, skills-bootcamp, free-courses-for-jobs, student-finance.",
    )
    start_within_months: int | None = Field(None, ge=0, le=120)
    sort: str = Field("relevance", max_length=40, description="relevance, distance or start_date.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


class ProviderRef(Schema):
    ukprn: int
    name: str


class StandardRef(Schema):
    reference: str
    title: str


class OfferHitOut(Schema):
    offer_id: str
    title: str
    type: str
    level: int | None
    provider: ProviderRef
    relevance: float
    distance_km: float | None
    distance_miles: float | None
    location_free: bool
    venue_postcode: str | None
    delivery_mode: str
    study_mode: str | None
    hours_per_week: float | None
    duration_months: float | None
    cost_to_learner_gbp: str | None
    cost_to_employer_gbp: str | None
    funding_routes: list[str]
    next_start: str | None
    flexible_start: bool
    standards: list[StandardRef]
    reasons: list[str]
    url: str


class MatchedStandard(Schema):
    reference: str
    title: str
    level: int
    share: float


class OfferSearchOut(Schema):
    query: str
    postcode: str | None
    radius_km: float | None
    total: int
    offset: int
    standards: list[MatchedStandard]
    results: list[OfferHitOut]
    notes: list[str]
    offers_loaded: int


def _search(params: OfferSearchParams) -> Any:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace
    from skillshub.domain.search import QueryError
    from skillshub.provision import finder
    from skillshub.provision import vocabulary as v
    from skillshub.provision.offer_search import (
        MAX_LIMIT,
        MAX_RADIUS_KM,
        negative_filter,
        offer_search,
    )

    if not 1 <= params.limit <= MAX_LIMIT or params.offset < 0:
        raise Problem(400, "Invalid paging", f"limit must be 1 to {MAX_LIMIT}, offset 0 or more.")
    if not 0 < params.radius_km <= MAX_RADIUS_KM:
        raise Problem(
            400,
            "Invalid radius",
            f"radius_km must be more than 0 and at most {MAX_RADIUS_KM:g}.",
        )
    if not params.q.strip() and not params.postcode.strip():
        raise Problem(
            400, "Invalid query", "Give q (the need in plain words), a postcode, or both."
        )
    if params.sort not in v.SORTS:
        raise Problem(400, "Invalid sort", f"sort must be one of {', '.join(v.SORTS)}.")
    if name := negative_filter(
        max_duration_months=params.max_duration_months,
        max_cost_gbp=params.max_cost_gbp,
        start_within_months=params.start_within_months,
    ):
        raise Problem(400, "Invalid filter", f"{name} cannot be negative.")
    try:
        search = offer_search(
            need=params.q,
            postcode=params.postcode,
            radius_km=params.radius_km,
            levels=params.level,
            types=params.type,
            delivery=params.delivery,
            max_duration_months=params.max_duration_months,
            max_cost_gbp=params.max_cost_gbp,
            funded=params.funded,
            funding=params.funding,
            start_within_months=params.start_within_months,
            sort=params.sort,
            limit=params.limit,
            offset=params.offset,
        )
    except v.UnknownCode as error:
        raise Problem(400, "Invalid filter", str(error)) from error
    try:
        results = finder.find_offers(search, today=timezone.localdate())
    except QueryError as error:
        raise Problem(400, "Invalid query", str(error)) from error
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error
    return finder.results_as_dict(results)


@search_router.get(
    "/offers", response=OfferSearchOut, operation_id="search_offers", url_name="search_offers"
)
def search_offers(request: HttpRequest, params: Query[OfferSearchParams]) -> Any:
    """Courses and apprenticeships that meet a need near a postcode, with distance, cost and time.

    Offers linked to the standards the need matches come first; online and national offers are
    always included. Distances are straight-line. No course data ships with Skills Hub: when
    none is loaded, `offers_loaded` is 0 and `notes` says how to load it (higher education
    providers near a postcode, which do ship, are at `/api/v1/providers`).
    """
    body = _search(params)
    if body["offers_loaded"] == 0:
        from skillshub.provision.ingest import COMMAND

        body["notes"].append(
            f"No course data is loaded: an operator runs `{COMMAND}`. The colleges and "
            "universities near a postcode that teach higher education are at /api/v1/providers."
        )
    return body


@offers_router.get("/{offer_id}", operation_id="get_offer", url_name="get_offer")
def get_offer(request: HttpRequest, offer_id: str) -> dict[str, Any]:
    """One offer as a schema.org `Course` (JSON-LD)."""
    from skillshub.domain.provision import course_jsonld
    from skillshub.provision import models, store

    row = (
        models.Offer.objects.select_related("provider")
        .filter(store.live_offers(), offer_id=offer_id)
        .first()
    )
    if row is None:
        raise Problem(404, "Offer not found", f"There is no live offer '{offer_id}'.")
    offer = store.offer_from_row(row, links=store.aim_links())
    return course_jsonld(offer, store.to_domain_provider(row.provider))
