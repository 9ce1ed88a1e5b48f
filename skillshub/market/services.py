"""Local skills market use cases: an area's gaps and a provider's nearby demand. One request
model and one result model each, shared by the pages, the API and the CLI."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from skillshub.core.versioned_cache import VersionedCache
from skillshub.domain import cohorts as cohort_domain
from skillshub.domain import gaps as domain
from skillshub.domain.disclosure import Figure, Status
from skillshub.domain.geography import LocalAuthority, distance_km
from skillshub.market import queries
from skillshub.market.ingest import COMMAND as STARTS_COMMAND

MAX_RADIUS_KM = 100.0
_CODE = re.compile(r"E(06|07|08|09|10|12|47|61)\d{6}")


class UnknownArea(LookupError):
    """An area code the hub's geography does not hold; the message says what to use."""


class UnknownProvider(LookupError):
    """A UKPRN with no provider loaded."""


GssCode = Annotated[
    str,
    Field(
        min_length=9,
        max_length=9,
        description="GSS code of a combined authority (E47000007), local authority or region.",
        examples=["E47000007"],
    ),
]
"""An area's code as the request takes it; the API's path declares its `code` with this too."""


class AreaGapsQuery(BaseModel):
    """What an area's gaps request holds besides the area: the API's query parameters."""

    model_config = ConfigDict(frozen=True)

    radius_km: float = Field(
        domain.GAP_PRESETS["default"].radius_km,
        gt=0,
        le=MAX_RADIUS_KM,
        description="How far staff travel to in-person training, in km.",
    )


class AreaGapsRequest(AreaGapsQuery):
    """An area (combined authority E47, local authority E06-E10, region E12) and a travel radius."""

    area: GssCode

    @field_validator("area")
    @classmethod
    def _area(cls, value: str) -> str:
        code = value.strip().upper()
        if not _CODE.fullmatch(code):
            raise ValueError(
                "use a GSS code of an English combined authority (E47...), local authority "
                "(E06, E07, E08, E09 or E10...) or region (E12...), e.g. E47000007"
            )
        return code


class FigureOut(BaseModel):
    """A public figure: ``value`` only when ``status`` is 'shown'."""

    status: str
    value: int | None
    text: str

    @classmethod
    def of(cls, figure: Figure) -> FigureOut:
        return cls(status=figure.status.value, value=figure.value, text=figure.text)


class GapRow(BaseModel):
    """Demand against supply for one product (a standard, a route and level, or everything)."""

    key: str
    label: str
    route: str
    level: str
    employers: FigureOut
    staff: FigureOut
    unmet_employers: FigureOut
    offers_reaching: int
    providers_reaching: int
    gap_score: int


class PlaceRow(BaseModel):
    code: str
    name: str
    employers: FigureOut
    unmet_employers: FigureOut
    easting: float | None
    northing: float | None


class ColdSpot(BaseModel):
    local_authority_code: str
    local_authority_name: str
    standard: str
    title: str
    unmet_employers: FigureOut


class SourceRow(BaseModel):
    source: str
    name: str
    employers: FigureOut


class PeriodRow(BaseModel):
    period: str
    employers: FigureOut


class StartsRowOut(BaseModel):
    area_code: str
    area_name: str
    year: str
    level: str
    starts: int | None
    achievements: int | None
    participation: int | None
    symbols: dict[str, str]


class SupplyPoint(BaseModel):
    kind: str
    """'offer' (a course or apprenticeship venue) or 'he-site' (a university or college site)."""
    name: str
    easting: float
    northing: float


class LabourMarketOut(BaseModel):
    region: str
    summary: str = Field(description="The latest figure and its change, in a sentence")
    url: str = Field(description="The region's charts on the labour market dashboard")


class AreaGapsResult(BaseModel):
    area: str
    name: str
    kind: str
    """'combined authority', 'local authority' or 'region'."""
    radius_km: float
    threshold: int
    total: GapRow | None
    standards: list[GapRow]
    """Highest gap score first."""
    routes_and_levels: list[GapRow]
    places: list[PlaceRow]
    """The local authorities in the area (all of it for a local authority)."""
    cold_spots: list[ColdSpot]
    sources: list[SourceRow]
    trend: list[PeriodRow]
    """Employers registering needs by quarter of registration."""
    starts: list[StartsRowOut]
    starts_note: str
    supply_points: list[SupplyPoint]
    labour_market: list[LabourMarketOut]
    """The ONS figures held for the area's region (employment, inactivity, claimants)."""
    notes: list[str]
    method: str


def _authorities_in(code: str, everything: dict[str, LocalAuthority]) -> tuple[str, str, list]:
    """(kind, name, authorities) for an area code; raises UnknownArea."""
    if code in everything:
        la = everything[code]
        return "local authority", la.name, [la]
    members = [la for la in everything.values() if la.combined_authority_code == code]
    if members:
        return "combined authority", members[0].combined_authority_name or code, members
    members = [la for la in everything.values() if la.region_code == code]
    if members:
        return "region", members[0].region_name, members
    raise UnknownArea(
        f"no area has the code {code}: use a combined authority such as E47000007 (West "
        "Midlands), a local authority or a region (see /local-market/ for the list)"
    )


def _node(kind: str, code: str) -> domain.Node:
    return {"local authority": ("la", code), "combined authority": ("ca", code)}.get(
        kind, ("region", code)
    )


def _row(product: domain.Node, m: domain.Measures, table: domain.GapTable) -> GapRow:
    kind, key = product
    info = table.standards.get(key) if kind == "standard" else None
    route, level = "", ""
    if info:
        label, route, level = f"{info.title} ({key})", info.route, str(info.level)
    elif kind == "route-level":
        route, level = key.split("|")
        label = f"{route}, level {level}"
    elif kind == "all":
        label = "All needs"
    else:
        label = key
    return GapRow(
        key=key or "all",
        label=label,
        route=route,
        level=level,
        employers=FigureOut.of(m.employers),
        staff=FigureOut.of(m.staff),
        unmet_employers=FigureOut.of(m.unmet),
        offers_reaching=m.offers,
        providers_reaching=m.providers,
        gap_score=m.score,
    )


def _quarter(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


AREAS: VersionedCache[AreaGapsResult] = VersionedCache()
"""Area results while the needs, signals and loads are unchanged: the analysis of a region
with thousands of needs takes seconds, and every visitor to the page asks the same."""


def area_gaps(request: AreaGapsRequest) -> AreaGapsResult:
    """Demand against supply in an area, with every public figure protected (see
    skillshub.domain.gaps and skillshub.domain.disclosure)."""
    return AREAS.get(queries.data_version(), request.model_dump_json(), lambda: _area_gaps(request))


def _area_gaps(request: AreaGapsRequest) -> AreaGapsResult:
    everything = queries.authorities()
    kind, name, members = _authorities_in(request.area, everything)
    regions = {la.region_code for la in members}
    scope = {code: la for code, la in everything.items() if la.region_code in regions}
    needs = queries.needs(scope)
    standards = queries.standards(r for n in needs for r in n.standards[:1])
    preset = domain.GapPreset("request", radius_km=request.radius_km)
    supply = queries.supply()
    table = domain.analyse(
        needs=needs, supply=supply, standards=standards, authorities=scope, preset=preset
    )
    place = _node(kind, request.area)
    threshold = preset.disclosure.threshold
    total = table.cell(place, domain.ALL)
    member_codes = {la.code for la in members}
    in_area = [n for n in needs if n.local_authority_code in member_codes]
    return AreaGapsResult(
        area=request.area,
        name=name,
        kind=kind,
        radius_km=request.radius_km,
        threshold=threshold,
        total=_row(domain.ALL, total, table) if total else None,
        standards=[_row(p, m, table) for p, m in table.products(place, "standard")],
        routes_and_levels=sorted(
            (_row(p, m, table) for p, m in table.products(place, "route-level")),
            key=lambda r: (r.route, r.level),
        ),
        places=_places(members, table),
        cold_spots=[
            ColdSpot(
                local_authority_code=la[1],
                local_authority_name=table.places[la],
                standard=product[1],
                title=standards[product[1]].title if product[1] in standards else product[1],
                unmet_employers=FigureOut.of(m.unmet),
            )
            for la, product, m in table.cold_spots(place)
        ],
        sources=[
            SourceRow(source=s, name=queries.SOURCE_NAMES.get(s, s), employers=FigureOut.of(f))
            for s, f in sorted(table.by_source.get(place, {}).items())
        ],
        trend=_trend(in_area, total.employers.status if total else Status.SHOWN, threshold),
        starts=[
            StartsRowOut(
                area_code=r.area_code,
                area_name=r.area_name,
                year=r.year_label,
                level=r.apps_level,
                starts=r.starts,
                achievements=r.achievements,
                participation=r.participation,
                symbols=r.symbols,
            )
            for r in queries.starts(member_codes)
            if r.subject == "Total"
        ],
        starts_note=_starts_note(member_codes),
        supply_points=_supply_points(members, supply, request.radius_km),
        labour_market=_labour_market(sorted(regions)),
        notes=_notes(needs, supply),
        method=METHOD.format(radius=f"{request.radius_km:g}", threshold=threshold),
    )


def _labour_market(region_codes: list[str]) -> list[LabourMarketOut]:
    """The region's ONS labour market sentences (empty when no ONS data is loaded)."""
    from django.urls import reverse

    from skillshub.dashboard import charts
    from skillshub.dashboard import queries as ons

    try:
        series = ons.picture().series
    except ons.DataNotLoaded:
        return []
    found = []
    for code in region_codes:
        region = charts.area_by_code(code)
        if region is None:
            continue
        url = f"{reverse('dashboard:index')}?area={code}#one-area"
        found += [
            LabourMarketOut(region=region.name, summary=chart.summary, url=url)
            for chart in charts.area_charts(series, region)
        ]
    return found


METHOD = (
    "Each employer's need counts once, under its best standard. It is met when an offer for "
    "any of its standards is within {radius} km of its postcode district, is delivered at the "
    "employer's site nationally, or is online and the employer accepts online training. The "
    "gap score is the number of employers whose need nothing meets, as published: 'fewer than "
    "{threshold}' counts as 1 and 'withheld' as {threshold}, so a ranking never uses a hidden "
    "figure. Counts of fewer than {threshold} employers are not shown, and other figures are "
    "withheld so that totals, and the pages of other areas, cannot reveal them. What an "
    "employer wrote is never shown."
)


def _places(members: list[LocalAuthority], table: domain.GapTable) -> list[PlaceRow]:
    rows = []
    for la in sorted(members, key=lambda la: la.name):
        m = table.cell(("la", la.code), domain.ALL)
        if m is None:
            continue
        rows.append(
            PlaceRow(
                code=la.code,
                name=la.name,
                employers=FigureOut.of(m.employers),
                unmet_employers=FigureOut.of(m.unmet),
                easting=la.point.easting if la.point else None,
                northing=la.point.northing if la.point else None,
            )
        )
    return rows


def _trend(needs: list[domain.Need], total: Status, threshold: int) -> list[PeriodRow]:
    counts: dict[str, int] = defaultdict(int)
    for need in needs:
        if need.created_on and need.standards:
            counts[_quarter(need.created_on)] += 1
    shown = domain.protect_breakdown(counts, total_status=total, threshold=threshold)
    return [PeriodRow(period=p, employers=FigureOut.of(f)) for p, f in sorted(shown.items())]


def _starts_note(codes: set[str]) -> str:
    if queries.starts(codes):
        return ""
    return (
        "No apprenticeship starts are loaded for this area: the hub ships none. Download the "
        "DfE 'Apprenticeships' data for local authority districts from Explore Education "
        f"Statistics and load it with `{STARTS_COMMAND}`."
    )


def _supply_points(
    members: list[LocalAuthority], supply: list[domain.Supply], radius_km: float
) -> list[SupplyPoint]:
    centres = [la.point for la in members if la.point]
    if not centres:
        return []

    def near(point: object) -> bool:
        return any(distance_km(c, point) <= radius_km for c in centres)  # type: ignore[arg-type]

    found = {
        (o.point.easting, o.point.northing): SupplyPoint(
            kind="offer",
            name=f"Offer {o.offer_id}",
            easting=o.point.easting,
            northing=o.point.northing,
        )
        for o in supply
        if o.point and near(o.point)
    }
    for _, provider, site, point in queries.he_sites():
        if near(point):
            found.setdefault(
                (point.easting, point.northing),
                SupplyPoint(
                    kind="he-site",
                    name=f"{provider}: {site}",
                    easting=point.easting,
                    northing=point.northing,
                ),
            )
    return sorted(found.values(), key=lambda p: (p.kind, p.name))


def _notes(needs: list[domain.Need], supply: list[domain.Supply]) -> list[str]:
    notes = []
    if not needs:
        notes.append(
            "No employer has registered a need in this region yet (Register a training need, "
            "partners' needs and 'tell us you need this' on Find training all count)."
        )
    if not supply:
        notes.append(
            "No course or apprenticeship offers are loaded, so no need can be met: an operator "
            "loads them with `skillshub ingest provision --file ...`."
        )
    return notes


# --- A provider's nearby demand ------------------------------------------------------------


class ProviderDemandRequest(BaseModel):
    model_config = ConfigDict(frozen=True)

    ukprn: int = Field(..., ge=10_000_000, le=99_999_999, description="The provider's UKPRN.")
    radius_km: float = Field(
        domain.GAP_PRESETS["default"].radius_km,
        gt=0,
        le=MAX_RADIUS_KM,
        description="How far from its venues the provider would teach, in km.",
    )


class CohortOut(BaseModel):
    standard: str
    title: str
    employers: FigureOut
    staff: FigureOut
    within_km: float
    places: list[str]
    distance_km: float
    """From the provider's nearest venue to the cohort's centre."""
    match: str
    """'offered' (the provider offers this standard), 'same route' or 'other'."""
    reached_by_others: bool


class ProviderDemandResult(BaseModel):
    ukprn: int
    name: str
    radius_km: float
    venues: int
    cohorts: list[CohortOut]
    notes: list[str]


def provider_demand(request: ProviderDemandRequest) -> ProviderDemandResult:
    """Possible cohorts within the provider's travel radius, matched to what it offers."""
    name = queries.provider_name(request.ukprn)
    if name is None:
        raise UnknownProvider(f"no provider with UKPRN {request.ukprn} is loaded")
    supply = queries.supply()
    own = [o for o in supply if o.ukprn == request.ukprn]
    venues = [o.point for o in own if o.point] + [
        point for ukprn, _, _, point in queries.he_sites() if ukprn == request.ukprn
    ]
    offered = {s for o in own for s in o.standards}
    everything = queries.authorities()
    needs = [
        n
        for n in queries.needs(everything)
        if n.point and any(distance_km(v, n.point) <= request.radius_km for v in venues)
    ]
    standards = queries.standards({s for n in needs for s in n.standards[:1]} | offered)
    routes = {standards[s].route for s in offered if s in standards}
    preset = domain.GAP_PRESETS["default"]
    threshold = preset.disclosure.threshold
    others = [o for o in supply if o.ukprn != request.ukprn]
    rows = []
    for cohort in cohort_domain.group(needs, cohort_km=preset.cohort_km):
        info = standards.get(cohort.standard)
        small = cohort.employers < threshold
        members = [n for n in needs if n.standards[:1] == (cohort.standard,)]
        rows.append(
            CohortOut(
                standard=cohort.standard,
                title=info.title if info else cohort.standard,
                employers=FigureOut.of(
                    Figure(
                        Status.FEWER if small else Status.SHOWN,
                        None if small else cohort.employers,
                        threshold,
                    )
                ),
                staff=FigureOut.of(
                    Figure(Status.WITHHELD, None, threshold)
                    if small or cohort.largest > preset.disclosure.dominance_share * cohort.staff
                    else Figure(Status.SHOWN, cohort.staff, threshold)
                ),
                within_km=cohort.within_km,
                places=sorted(
                    everything[c].name for c in cohort.local_authority_codes if c in everything
                ),
                distance_km=round(min(distance_km(v, cohort.centre) for v in venues), 1),
                match="offered"
                if cohort.standard in offered
                else "same route"
                if info and info.route in routes
                else "other",
                reached_by_others=any(
                    domain.reached(n, others, radius_km=request.radius_km) for n in members
                ),
            )
        )
    order = {"offered": 0, "same route": 1, "other": 2}
    rows.sort(key=lambda c: (order[c.match], -c.employers.value if c.employers.value else 0))
    notes = []
    if not venues:
        notes.append("This provider has no venue with a known place, so no demand is near it.")
    return ProviderDemandResult(
        ukprn=request.ukprn,
        name=name,
        radius_km=request.radius_km,
        venues=len(venues),
        cohorts=rows,
        notes=notes,
    )


__all__ = [
    "AreaGapsQuery",
    "AreaGapsRequest",
    "AreaGapsResult",
    "GssCode",
    "ProviderDemandRequest",
    "ProviderDemandResult",
    "UnknownArea",
    "UnknownProvider",
    "area_gaps",
    "provider_demand",
]
