"""One search, every route: a need (and a postcode) -> apprenticeships, qualifications, providers
and courses near it, each as a card with time, format, where and what it costs this employer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict, Field

from skillshub.catalogue.services import StandardsSearchResult
from skillshub.domain import funding
from skillshub.domain.standards import Standard, level_in_words, months_text, time_commitment
from skillshub.provision.services import OfferMatch, OfferSearchResult
from skillshub.settings import get_settings
from skillshub.sources.funding_rules import read_embedded

CardKind = Literal["apprenticeship", "qualification", "provider", "course"]
STRONG_SHARE = 0.6
"""A Level 4-5 match at this share of the best score or more is listed before other levels."""


class TrainingSearchRequest(BaseModel):
    """An employer's question: what they need, where, and what the calculator needs to know."""

    model_config = ConfigDict(str_strip_whitespace=True)

    q: str = Field("", max_length=8000, description="The need in plain words.")
    postcode: str = Field("", max_length=10, description="Workplace postcode or district.")
    radius_km: float = Field(25.0, gt=0, le=400, description="How far to look, in km.")
    level: int | None = Field(None, ge=1, le=8, description="Only this level.")
    levy: funding.LevyStatus = Field("unknown", description="pays-levy, no-levy or unknown")
    employees: int | None = Field(None, ge=1, le=10_000_000, description="How many staff.")
    age: funding.AgeBand = Field("unknown", description="The apprentice's age band at start.")
    per_group: int = Field(5, ge=1, le=20, description="How many options in each group.")

    def context(self) -> str:
        """The query string that carries the need and place to the next page."""
        values = {"q": self.q, "postcode": self.postcode}
        return urlencode({k: v for k, v in values.items() if v})


class OptionCard(BaseModel):
    """One way to get the skill, in the terms a business owner compares options by."""

    kind: CardKind
    kind_name: str
    reference: str
    title: str
    one_line: str
    level: int | None
    level_words: str
    time: str
    format: str
    where: str
    cost: str
    cost_rule: str = ""
    url: str
    reasons: list[str] = []


class OptionGroup(BaseModel):
    name: str
    heading: str
    count: int = Field(description="How many there are in all (the cards show the best few)")
    see_all_url: str
    cards: list[OptionCard]
    note: str = ""


class FundingSource(BaseModel):
    name: str
    url: str


class FundingRulesOut(BaseModel):
    title: str
    effective_from: date
    checked_on: date
    sources: list[FundingSource]


class TrainingSearchResult(BaseModel):
    query: str
    postcode: str
    place: str | None = Field(description="Where distances are measured from")
    radius_km: float
    notes: list[str]
    no_good_match: bool
    nothing_near: bool = Field(
        description="A place was given and no provider or course is within the radius"
    )
    groups: list[OptionGroup]
    funding_rules: FundingRulesOut


def funding_rules() -> funding.FundingRules:
    """The dated funding rules under the data folder (read once per process)."""
    return read_embedded(get_settings().data_dir)


def _employer(request: TrainingSearchRequest) -> funding.Employer:
    return funding.Employer(levy=request.levy, employees=request.employees)


def _with_context(url: str, request: TrainingSearchRequest) -> str:
    context = request.context()
    return f"{url}?{context}" if context else url


def apprenticeship_card(
    standard: Standard, request: TrainingSearchRequest, *, reasons: list[str], where: str
) -> OptionCard:
    cost, rule = funding.product_cost(
        funding_rules(),
        kind=standard.kind,
        funding_band_gbp=standard.max_funding_gbp,
        employer=_employer(request),
        age=request.age,
    )
    one_line = standard.overview.split(". ")[0].rstrip(".") + "." if standard.overview else ""
    if standard.kind == "unit":
        fmt = "A short course for staff you already employ, with the training off the job"
    else:
        fmt = "Paid job with training: the apprentice works for you and trains off the job"
    return OptionCard(
        kind="apprenticeship",
        kind_name=standard.kind_name,
        reference=standard.reference,
        title=standard.title,
        one_line=one_line or standard.title,
        level=standard.level,
        level_words=level_in_words(standard.level),
        time=time_commitment(standard),
        format=fmt,
        where=where,
        cost=cost,
        cost_rule=rule,
        url=_with_context(f"/standards/{standard.reference}/", request),
        reasons=reasons,
    )


def _place_note(where: str, request: TrainingSearchRequest) -> str:
    return where if request.postcode else "Add your postcode to see providers near you."


def _standards(request: TrainingSearchRequest) -> StandardsSearchResult:
    from skillshub.catalogue import services as catalogue

    return catalogue.search_standards(
        catalogue.StandardsSearchRequest(q=request.q, limit=20, level=request.level)
    )


def _apprenticeships(
    request: TrainingSearchRequest,
    result: StandardsSearchResult,
    offers: OfferSearchResult | None,
) -> OptionGroup:
    from skillshub.catalogue.matching import get_index

    index = get_index()
    nearest: dict[str, OfferMatch] = {}
    for hit in offers.results if offers else []:
        for standard in hit.standards:
            held = nearest.get(standard.reference)
            if held is None or (hit.distance_km or 0) < (held.distance_km or 0):
                nearest[standard.reference] = hit
    # Strong Level 4-5 matches first (in rank order), then the rest: the hub's own offer leads,
    # but a weak Level 4-5 match does not jump a close match at another level.
    top = max((m.score for m in result.results), default=0.0)
    ranked = sorted(
        result.results,
        key=lambda m: not (m.level_group == "level-4-5" and m.score >= STRONG_SHARE * top),
    )
    cards = []
    for match in ranked[: request.per_group]:
        found = nearest.get(match.reference)
        if found is not None:
            where = f"{found.provider.name}, " + (
                f"{found.distance_km:.1f} km away" if found.distance_km is not None else "online"
            )
        else:
            where = _place_note(
                "No provider of this apprenticeship is listed near you yet: ask the colleges "
                "and universities below.",
                request,
            )
        cards.append(
            apprenticeship_card(
                index.standard(match.reference),
                request,
                reasons=[f"{r.label}: {r.text} ({r.explanation})" for r in match.why[:2]],
                where=where,
            )
        )
    group = OptionGroup(
        name="apprenticeships",
        heading="Apprenticeships",
        count=len(result.results),
        see_all_url="/standards/search/?" + urlencode({"q": request.q}),
        cards=cards,
        note=(
            "Apprenticeships, foundation apprenticeships and apprenticeship units; Level 4 and "
            "5 first."
        ),
    )
    return group


def _level_number(text: str) -> int | None:
    digits = [int(c) for c in text if c.isdigit()]
    return max(digits) if digits else None


def _qualifications(request: TrainingSearchRequest) -> OptionGroup:
    from skillshub.qualifications import services as qualifications

    levels = (request.level,) if request.level else (4, 5)
    found = qualifications.find_qualifications(
        qualifications.QualificationQuery(
            need=request.q, levels=levels, page_size=request.per_group
        )
    )
    cards = []
    for hit in found.results:
        level = _level_number(hit.level)
        learner = (
            "The learner can pay with an Advanced Learner Loan (aged 19 or over)."
            if hit.advanced_learner_loan
            else "No Advanced Learner Loan for this qualification."
        )
        if hit.lifelong_learning_entitlement:
            learner += " It is approved for the Lifelong Learning Entitlement."
        cards.append(
            OptionCard(
                kind="qualification",
                kind_name="Qualification",
                reference=hit.number,
                title=hit.title,
                one_line=f"Awarded by {hit.awarding_organisation}; {hit.sector_subject_area}.",
                level=level,
                level_words=level_in_words(level) if level else hit.level,
                time="Set by the provider (not in the funding list)",
                format="Set by the provider: ask about part-time and online study",
                where=_place_note(
                    "The funding list names no providers: ask the colleges and universities below.",
                    request,
                ),
                cost="Price set by the provider (not in the data). " + learner,
                cost_rule=(
                    "From the Department for Education list of qualifications approved for "
                    "funding (February 2025)."
                ),
                url=_with_context(hit.page_url, request),
                reasons=[f"{why.kind.capitalize()}: {why.text}" for why in hit.why[:2]],
            )
        )
    return OptionGroup(
        name="qualifications",
        heading="Qualifications",
        count=found.count,
        see_all_url="/qualifications/?" + urlencode({"q": request.q}),
        cards=cards,
        note="Regulated Level 4 and 5 qualifications approved for public funding.",
    )


def _providers(request: TrainingSearchRequest) -> OptionGroup:
    from skillshub.provision.nearby import ProviderSearchRequest, find_providers

    found = find_providers(
        ProviderSearchRequest(
            postcode=request.postcode, radius_km=request.radius_km, limit=request.per_group
        )
    )
    cards = [
        OptionCard(
            kind="provider",
            kind_name="College or university",
            reference=str(hit.ukprn),
            title=hit.name,
            one_line="Teaches higher education (Discover Uni).",
            level=None,
            level_words="",
            time="Depends on the course",
            format="College or university courses; many run apprenticeships too",
            where=f"{hit.distance_km:.1f} km ({hit.distance_miles:.1f} miles) away"
            + (f", {hit.nearest_site}" if hit.nearest_site else ""),
            cost="Ask the provider",
            url=hit.path,
        )
        for hit in found.results
    ]
    return OptionGroup(
        name="providers",
        heading=f"Colleges and universities within {request.radius_km:g} km",
        count=found.total,
        see_all_url="/training/?" + request.context(),
        cards=cards,
    )


def _gbp(amount: str) -> str:
    return f"£{Decimal(amount):,.0f}"


def _offer_card(hit: OfferMatch) -> OptionCard:
    time = months_text(hit.duration_months)
    if hit.hours_per_week:
        time += f", {hit.hours_per_week:g} hours a week"
    if hit.national or hit.distance_km is None:
        where = f"{hit.provider.name}, online or nationally"
    else:
        where = f"{hit.provider.name}, {hit.distance_km:.1f} km away"
    if hit.cost_to_employer_gbp is not None:
        cost = f"{_gbp(hit.cost_to_employer_gbp)} to the employer (provider's price)"
    elif hit.cost_to_learner_gbp is not None:
        cost = f"{_gbp(hit.cost_to_learner_gbp)} (provider's price)"
    else:
        cost = "Price not stated"
    return OptionCard(
        kind="course",
        kind_name=hit.type.capitalize(),
        reference=hit.offer_id,
        title=hit.title,
        one_line=hit.description.split(". ")[0][:200] if hit.description else hit.title,
        level=hit.level,
        level_words=level_in_words(hit.level) if hit.level else "Level not stated",
        time=time,
        format=hit.delivery_mode.capitalize(),
        where=where,
        cost=cost,
        url=f"/training/offers/{hit.offer_id}/",
        reasons=hit.reasons[:2],
    )


def find_training(request: TrainingSearchRequest, *, today: date) -> TrainingSearchResult:
    """Every route to the skill; raises QueryError for an unsearchable need and InvalidPostcode /
    UnknownPlace for a place that cannot be found (messages ready to show)."""
    from skillshub.provision.finder import standard_links
    from skillshub.provision.services import OfferSearchRequest, find_offers

    standards = _standards(request)  # searched once: the courses are ranked by these standards
    offers = find_offers(
        OfferSearchRequest(
            q=request.q,
            postcode=request.postcode,
            radius_km=request.radius_km,
            level=[request.level] if request.level else [],
            limit=50,
        ),
        today=today,
        standards=standard_links(standards.results),
    )
    apprenticeships = _apprenticeships(request, standards, offers)
    no_good_match, notes = standards.no_good_match, standards.notes
    groups = [apprenticeships]
    if not no_good_match:
        groups.append(_qualifications(request))
        course_cards = [_offer_card(hit) for hit in offers.results[: request.per_group]]
        if offers.offers_loaded:
            groups.append(
                OptionGroup(
                    name="courses",
                    heading="Courses",
                    count=offers.total,
                    see_all_url="/training/?" + request.context(),
                    cards=course_cards,
                )
            )
    providers = _providers(request) if request.postcode else None
    if providers is not None:
        groups.append(providers)
    nothing_near = (
        bool(request.postcode)
        and (providers is None or providers.count == 0)
        and not (offers.total)
    )
    rules = funding_rules()
    return TrainingSearchResult(
        query=request.q,
        postcode=request.postcode,
        place=offers.postcode,
        radius_km=request.radius_km,
        notes=list(dict.fromkeys([*notes, *offers.notes])),
        no_good_match=no_good_match,
        nothing_near=nothing_near,
        groups=groups,
        funding_rules=FundingRulesOut(
            title=rules.title,
            effective_from=rules.effective_from,
            checked_on=rules.checked_on,
            sources=[FundingSource(name=s.name, url=s.url) for s in rules.sources],
        ),
    )
