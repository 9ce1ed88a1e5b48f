"""The offer search use case: one typed request, one service function, one typed result, shared
by the search page, the API, the CLI and the training journey."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Annotated, Self, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from skillshub.domain import provision as domain
from skillshub.domain.geography import km_to_miles
from skillshub.provision import vocabulary as v
from skillshub.provision import words
from skillshub.provision.finder import (
    DEFAULT_RADIUS_KM,
    MAX_RADIUS_KM,
    StandardLink,
    matched_standards,
)

MAX_LIMIT = 100
NEED_OR_PLACE = "need_or_place"
"""The error type of a request with neither a need nor a postcode (a page may word it its way)."""
UNKNOWN_CODE = "unknown_code"
_CODES: dict[str, tuple[Mapping[str, object], str]] = {
    "type": (v.OFFER_TYPES, "type"),
    "delivery": (v.DELIVERY_MODES, "delivery mode"),
    "funding": (v.FUNDING_ROUTES, "funding route"),
}


def _error(kind: str, message: str) -> PydanticCustomError:
    # The message goes in as context: a code someone typed may hold braces.
    return PydanticCustomError(kind, "{message}", {"message": message})


PostcodeText = Annotated[
    str,
    Field(
        max_length=20,
        description="A postcode (B1 1AA) or postcode district (B1).",
        examples=["B1 1AA"],
    ),
]
"""A place as someone types it (checked when it is looked up), for every search near one."""
RadiusKm = Annotated[
    float,
    Field(gt=0, le=MAX_RADIUS_KM, description="Straight-line distance from the postcode, in km."),
]


class OfferSearchRequest(BaseModel):
    """What someone asks for: a need in plain words, a postcode, or both; empty filters mean any.
    Codes are checked against `skillshub.provision.vocabulary` and kept in its spelling."""

    model_config = ConfigDict(str_strip_whitespace=True)

    q: str = Field(
        "",
        max_length=8000,
        description="The need in plain words, e.g. 'maintain PLC control systems'.",
        examples=["maintain PLC control systems"],
    )
    postcode: PostcodeText = ""
    radius_km: RadiusKm = DEFAULT_RADIUS_KM
    level: list[int] = Field(
        [], max_length=10, description="Only these levels (repeat: level=4&level=5)."
    )
    type: list[str] = Field(
        [],
        max_length=20,
        description=f"Offer types: {', '.join(v.OFFER_TYPES)}.",
    )
    delivery: list[str] = Field(
        [], max_length=20, description=f"How it is taught: {', '.join(v.DELIVERY_MODES)}."
    )
    max_duration_months: float | None = Field(None, ge=0, le=1200)
    max_cost_gbp: float | None = Field(None, ge=0, le=10_000_000)
    funded: bool = Field(False, description="Only publicly funded or free offers.")
    funding: list[str] = Field(
        [],
        max_length=20,
        description="Only offers naming one of these funding routes: "
        f"{', '.join(v.FUNDING_ROUTES)}.",
    )
    start_within_months: int | None = Field(None, ge=0, le=120)
    sort: str = Field("relevance", max_length=40, description=f"Order: {', '.join(v.SORTS)}.")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)

    @field_validator("type", "delivery", "funding")
    @classmethod
    def _known_codes(cls, values: list[str], info: ValidationInfo) -> list[str]:
        codes, what = _CODES[str(info.field_name)]
        try:
            return v.canonical(codes, values, what=what)
        except v.UnknownCode as error:
            raise _error(UNKNOWN_CODE, str(error)) from None

    @field_validator("sort")
    @classmethod
    def _known_sort(cls, value: str) -> str:
        if value not in v.SORTS:
            raise _error(UNKNOWN_CODE, f"'{value}' is not a sort; use one of: {', '.join(v.SORTS)}")
        return value

    @model_validator(mode="after")
    def _need_or_place(self) -> Self:
        if not self.q and not self.postcode:
            raise _error(NEED_OR_PLACE, "Give q (the need in plain words), a postcode, or both")
        return self

    def offer_types(self) -> frozenset[domain.OfferType]:
        return frozenset(v.OFFER_TYPES[code] for code in self.type)

    def delivery_modes(self) -> frozenset[domain.DeliveryMode]:
        return frozenset(v.DELIVERY_MODES[code] for code in self.delivery)

    def funding_routes(self) -> frozenset[domain.FundingRoute]:
        return frozenset(v.FUNDING_ROUTES[code] for code in self.funding)

    def sort_key(self) -> domain.SortKey:
        return cast(domain.SortKey, self.sort)


class ProviderRef(BaseModel):
    ukprn: int
    name: str
    status: str | None = Field(
        description="active, not starting new apprentices or removed; null when not known"
    )


class StandardRef(BaseModel):
    reference: str
    title: str = Field(description="Its title when the need matched it; empty otherwise")


class OfferFacts(BaseModel):
    """What an employer decides on, in plain words, as the page and the CLI show it."""

    type: str = Field(examples=["Higher Technical Qualification (HTQ)"])
    level: str = Field(examples=["Level 4"])
    distance: str = Field(examples=["1.2 km (0.7 miles)"])
    cost: str = Field(examples=["£6,165 to the learner"])
    time: str = Field(examples=["2 years, part time"])
    format: str = Field(examples=["Classroom"])
    starts: str = Field(examples=["Next start 7 September 2027"])
    funding: str = Field(examples=["Advanced Learner Loan"])


class OfferMatch(BaseModel):
    """One offer that meets the search, with the facts as data and in words (`facts`)."""

    offer_id: str
    title: str
    type: str
    level: int | None
    provider: ProviderRef
    relevance: float
    distance_km: float | None
    distance_miles: float | None
    location_free: bool = Field(description="Online or national: available anywhere in England")
    national: bool
    venue_postcode: str | None
    delivery_mode: str
    study_mode: str | None
    hours_per_week: float | None
    duration_months: float | None
    cost_to_learner_gbp: str | None
    cost_to_employer_gbp: str | None
    funding_routes: list[str]
    next_start: date | None
    flexible_start: bool
    standards: list[StandardRef]
    reasons: list[str]
    description: str
    url: str
    facts: OfferFacts


class MatchedStandard(BaseModel):
    reference: str
    title: str
    level: int
    share: float = Field(description="How strongly the need matched it: the best is 1")


class OfferSearchResult(BaseModel):
    """Offers that meet the search, ranked, with the standards the need matched. `postcode` and
    `radius_km` are null without a place; `offers_loaded` is 0 when no course data is loaded."""

    query: str
    postcode: str | None = Field(description="The place distances are measured from")
    radius_km: float | None
    total: int
    offset: int
    standards: list[MatchedStandard]
    results: list[OfferMatch]
    notes: list[str]
    offers_loaded: int


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _facts(hit: domain.OfferHit, *, today: date) -> OfferFacts:
    offer = hit.offer
    return OfferFacts(
        type=v.label(offer.offer_type),
        level=words.level(offer.level),
        distance=words.distance(hit.distance_km, location_free=offer.location_free),
        cost=words.cost(offer),
        time=words.time_commitment(offer),
        format=words.delivery_format(offer),
        starts=words.starts(offer, today=today),
        funding=words.funding(offer),
    )


def offer_match(
    hit: domain.OfferHit,
    *,
    provider: ProviderRef,
    standard_titles: dict[str, str],
    today: date,
) -> OfferMatch:
    """One ranked offer as the result shows it."""
    offer = hit.offer
    return OfferMatch(
        offer_id=offer.offer_id,
        title=offer.title,
        type=offer.offer_type.value,
        level=offer.level,
        provider=provider,
        relevance=hit.relevance,
        distance_km=hit.distance_km,
        distance_miles=None if hit.distance_km is None else round(km_to_miles(hit.distance_km), 1),
        location_free=offer.location_free,
        national=offer.national,
        venue_postcode=offer.venue_postcode,
        delivery_mode=offer.delivery_mode.value,
        study_mode=offer.study_mode.value if offer.study_mode else None,
        hours_per_week=offer.hours_per_week,
        duration_months=offer.duration_months,
        cost_to_learner_gbp=_money(offer.cost_to_learner_gbp),
        cost_to_employer_gbp=_money(offer.cost_to_employer_gbp),
        funding_routes=[route.value for route in offer.funding_routes],
        next_start=hit.next_start,
        flexible_start=offer.flexible_start,
        standards=[
            StandardRef(reference=reference, title=standard_titles.get(reference, ""))
            for reference in offer.standard_references
        ],
        reasons=list(hit.reasons),
        description=offer.description,
        url=offer.url,
        facts=_facts(hit, today=today),
    )


def find_offers(
    request: OfferSearchRequest, *, today: date, standards: list[StandardLink] | None = None
) -> OfferSearchResult:
    """Offers that meet the need near the place, ranked. `standards`: the need's standards when
    the caller has searched them already. Raises the errors a person can fix, with messages
    ready to show: QueryError (an unsearchable need), InvalidPostcode or UnknownPlace."""
    from skillshub.geo import places
    from skillshub.provision import index as provision_index

    notes: list[str] = []
    if standards is None:
        standards, notes = matched_standards(request.q) if request.q else ([], [])
    location = places.locate(request.postcode) if request.postcode else None
    if location is not None and location.precision == "outcode":
        notes.append(
            f"Distances are measured from the centre of the {location.query[:4].strip()} "
            "postcode district."
        )
    loaded = provision_index.current()
    query = domain.OfferQuery(
        today=today,
        standard_scores={link.reference: round(link.share, 4) for link in standards},
        text=request.q,
        origin=location.point if location else None,
        radius_km=request.radius_km if location else None,
        levels=frozenset(request.level),
        offer_types=request.offer_types(),
        delivery_modes=request.delivery_modes(),
        max_duration_months=request.max_duration_months,
        max_cost_gbp=request.max_cost_gbp,
        funded_only=request.funded,
        funding_routes=request.funding_routes(),
        start_within_months=request.start_within_months,
        sort=request.sort_key(),
        limit=request.limit,
        offset=request.offset,
    )
    hits, total = loaded.index.search_with_total(query)
    titles = {link.reference: link.title for link in standards}

    def provider(ukprn: int) -> ProviderRef:
        card = loaded.providers.get(ukprn)
        if card is None:
            return ProviderRef(ukprn=ukprn, name=f"UKPRN {ukprn}", status=None)
        return ProviderRef(ukprn=ukprn, name=card.name, status=card.status.value)

    return OfferSearchResult(
        query=request.q,
        postcode=location.query if location else None,
        radius_km=request.radius_km if location else None,
        total=total,
        offset=request.offset,
        standards=[
            MatchedStandard(
                reference=link.reference,
                title=link.title,
                level=link.level,
                share=round(link.share, 3),
            )
            for link in standards
        ],
        results=[
            offer_match(
                hit, provider=provider(hit.offer.ukprn), standard_titles=titles, today=today
            )
            for hit in hits
        ],
        notes=notes,
        offers_loaded=loaded.offer_count,
    )
