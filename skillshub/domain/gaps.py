"""Gap analysis: employers' needs against the training that can reach them, per area and product.

Demand is counted in employers (each registered need or 'tell us you need this' signal is one
employer) and staff (the headcount they gave; a signal gives none). A need counts under its
best standard (the first confirmed one) so no employer is counted twice, and under that
standard's route and level.

A need is *reached* when an offer for any of its standards is within ``radius_km`` of its
postcode district, or is delivered nationally (at the employer's site), or is online and the
employer accepts online or any format. Supply for a figure is the number of offers (and
providers) that reach at least one of its needs.

**Gap score.** The number of employers whose need nothing reaches, *as the public sees that
figure*: a shown figure counts as itself, 'fewer than 5' as 1 and 'withheld' as 5 (the least
each could be), so a ranking never uses a hidden figure. Ties go to more published demand,
then to the reference. An unmet need (all of its employers unreached) therefore ranks above a
met one of the same size, whose score is 0.

**Cold spot.** A local authority and standard where some demand is reached by nothing.

Figures are protected together over the whole scope (every local authority of the regions an
area is in) with ``skillshub.domain.disclosure.protect``: one hierarchy of places (local
authority -> combined authority -> region) times one of products (standard -> route and
level -> route, level -> all).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from skillshub.domain.disclosure import (
    PRESETS,
    DisclosurePreset,
    Figure,
    Line,
    Status,
    figures,
    protect,
)
from skillshub.domain.geography import LocalAuthority, Point, distance_km

Node = tuple[str, str]
"""A place or a product: ("la", code), ("ca", code), ("region", code); ("standard", ref),
("route-level", "route|level"), ("route", name), ("level", "4"), ("all", "")."""
Cell = tuple[Node, Node]
ALL: Node = ("all", "")
UNKNOWN_ROUTE = "Route not known"


@dataclass(frozen=True)
class GapPreset:
    """Named settings for the gap analysis (``tiny`` for tests)."""

    name: str
    radius_km: float = 25.0
    """How far an employer's staff are taken to travel to in-person training."""
    cohort_km: float = 15.0
    """How close needs for one standard must be to make a possible cohort."""
    disclosure: DisclosurePreset = PRESETS["default"]

    def __post_init__(self) -> None:
        if not 0 < self.radius_km <= 200 or not 0 < self.cohort_km <= 200:
            raise ValueError("radius_km and cohort_km must be more than 0 and at most 200")


GAP_PRESETS = {
    "default": GapPreset("default"),
    "tiny": GapPreset("tiny", radius_km=10.0, cohort_km=5.0, disclosure=PRESETS["tiny"]),
}


@dataclass(frozen=True)
class Need:
    """One employer's need, as the analysis sees it (no free text, the district's point)."""

    need_id: str
    source: str
    standards: tuple[str, ...]
    local_authority_code: str
    point: Point | None
    headcount: int | None = None
    level: int | None = None
    accepts_online: bool = True
    created_on: date | None = None


@dataclass(frozen=True)
class Supply:
    """One live offer: what it teaches, where, and whether it reaches employers anywhere."""

    offer_id: str
    ukprn: int
    standards: tuple[str, ...]
    point: Point | None
    national: bool = False
    online: bool = False


@dataclass(frozen=True)
class StandardInfo:
    reference: str
    title: str
    route: str
    level: int


@dataclass(frozen=True)
class Measures:
    """One cell's public figures and its supply (supply is public: offers are published)."""

    employers: Figure
    staff: Figure
    unmet: Figure
    offers: int
    providers: int

    @property
    def score(self) -> int:
        """The gap score (module docstring): unmet employers as published, least value."""
        return self.unmet.floor


@dataclass
class GapTable:
    """Every protected figure in a scope; pages and exports read parts of it."""

    preset: GapPreset
    measures: dict[Cell, Measures]
    places: dict[Node, str]
    """Place node -> name."""
    children: dict[Node, tuple[Node, ...]]
    """Place node -> the places directly in it (a region's combined authorities, etc.)."""
    standards: dict[str, StandardInfo]
    by_source: dict[Node, dict[str, Figure]] = field(default_factory=dict)

    def cell(self, place: Node, product: Node) -> Measures | None:
        return self.measures.get((place, product))

    def products(self, place: Node, kind: str) -> list[tuple[Node, Measures]]:
        """The products of one kind with demand in a place, highest gap score first."""
        found = [
            (product, m)
            for (where, product), m in self.measures.items()
            if where == place and product[0] == kind
        ]
        return sorted(found, key=lambda item: (-item[1].score, -item[1].employers.floor, item[0]))

    def cold_spots(self, place: Node) -> list[tuple[Node, Node, Measures]]:
        """(local authority, standard, figures) in the place where some demand is not reached."""
        authorities = set(self.authorities_in(place))
        found = [
            (la, product, m)
            for (la, product), m in self.measures.items()
            if la in authorities and product[0] == "standard" and m.unmet.floor > 0
        ]
        return sorted(found, key=lambda item: (-item[2].score, self.places[item[0]], item[1]))

    def authorities_in(self, place: Node) -> list[Node]:
        if place[0] == "la":
            return [place]
        found: list[Node] = []
        for child in self.children.get(place, ()):
            found.extend(self.authorities_in(child))
        return sorted(set(found))


def product_nodes(info: StandardInfo | None, reference: str) -> list[Node]:
    """The product nodes one need counts under: its standard and every grouping above it."""
    route = info.route if info and info.route else UNKNOWN_ROUTE
    level = str(info.level) if info else "unknown"
    return [
        ("standard", reference),
        ("route-level", f"{route}|{level}"),
        ("route", route),
        ("level", level),
        ALL,
    ]


def place_nodes(authority: LocalAuthority) -> list[Node]:
    nodes: list[Node] = [("la", authority.code)]
    if authority.combined_authority_code:
        nodes.append(("ca", authority.combined_authority_code))
    nodes.append(("region", authority.region_code))
    return nodes


def reached(need: Need, offers: Sequence[Supply], *, radius_km: float) -> list[Supply]:
    """The offers that reach one need (module docstring)."""
    wanted = set(need.standards)
    found = []
    for offer in offers:
        if not wanted.intersection(offer.standards):
            continue
        anywhere = offer.national or (offer.online and need.accepts_online)
        near = need.point and offer.point and distance_km(need.point, offer.point) <= radius_km
        if anywhere or near:
            found.append(offer)
    return found


def _lines(
    cells: Iterable[Cell],
    children: Mapping[Node, tuple[Node, ...]],
    route_level: Mapping[str, str],
) -> list[Line[Cell]]:
    """Every 'these add up to that' relation between the cells, both ways."""
    present = set(cells)
    places = {place for place, _ in present}
    products = {product for _, product in present}
    product_groups: dict[Node, list[list[Node]]] = defaultdict(list)
    by_kind: dict[str, list[Node]] = defaultdict(list)
    for product in sorted(products):
        by_kind[product[0]].append(product)
    for pair in by_kind["route-level"]:
        members = [p for p in by_kind["standard"] if route_level.get(p[1]) == pair[1]]
        product_groups[pair].append(members)
    for route in by_kind["route"]:
        members = [p for p in by_kind["route-level"] if p[1].split("|")[0] == route[1]]
        product_groups[route].append(members)
    for level in by_kind["level"]:
        members = [p for p in by_kind["route-level"] if p[1].split("|")[1] == level[1]]
        product_groups[level].append(members)
    product_groups[ALL].extend([by_kind["route"], by_kind["level"]])
    lines: list[Line[Cell]] = []
    for place in sorted(places):
        for product, groups in sorted(product_groups.items()):
            for kinds in groups:
                along = tuple((place, p) for p in kinds if (place, p) in present)
                if along and (place, product) in present:
                    lines.append(Line(along, (place, product)))
    for parent, kids in sorted(children.items()):
        for product in sorted(products):
            along = tuple((child, product) for child in kids if (child, product) in present)
            if along and (parent, product) in present:
                lines.append(Line(along, (parent, product)))
    return lines


def analyse(
    *,
    needs: Sequence[Need],
    supply: Sequence[Supply],
    standards: Mapping[str, StandardInfo],
    authorities: Mapping[str, LocalAuthority],
    preset: GapPreset = GAP_PRESETS["default"],
) -> GapTable:
    """Count, reach and protect every figure for the needs of the given local authorities."""
    employers: dict[Cell, int] = defaultdict(int)
    staff: dict[Cell, int] = defaultdict(int)
    largest: dict[Cell, int] = defaultdict(int)
    unmet: dict[Cell, int] = defaultdict(int)
    offers: dict[Cell, set[str]] = defaultdict(set)
    providers: dict[Cell, set[int]] = defaultdict(set)
    sources: dict[Node, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    route_level: dict[str, str] = {}
    for need in sorted(needs, key=lambda n: n.need_id):
        authority = authorities.get(need.local_authority_code)
        if authority is None or not need.standards:
            continue
        reference = need.standards[0]
        info = standards.get(reference)
        products = product_nodes(info, reference)
        route_level[reference] = products[1][1]
        reaching = reached(need, supply, radius_km=preset.radius_km)
        for place in place_nodes(authority):
            sources[place][need.source] += 1
            for product in products:
                cell = (place, product)
                employers[cell] += 1
                staff[cell] += need.headcount or 0
                largest[cell] = max(largest[cell], need.headcount or 0)
                unmet[cell] += 0 if reaching else 1
                offers[cell].update(o.offer_id for o in reaching)
                providers[cell].update(o.ukprn for o in reaching)
    children = _children(authorities, {place for place, _ in employers})
    names = _names(authorities)
    lines = _lines(employers, children, route_level)
    threshold = preset.disclosure.threshold
    employer_status = protect(employers, lines, threshold=threshold)
    dominated = [
        cell
        for cell, total in staff.items()
        if employer_status[cell] is Status.FEWER
        or (total and largest[cell] > preset.disclosure.dominance_share * total)
    ]
    staff_status = protect(staff, lines, threshold=1, also_hide=dominated)
    unmet_status = protect(unmet, lines, threshold=threshold)
    shown_employers = figures(employers, employer_status, threshold=threshold)
    shown_staff = figures(staff, staff_status, threshold=threshold)
    shown_unmet = figures(unmet, unmet_status, threshold=threshold)
    measures = {
        cell: Measures(
            employers=shown_employers[cell],
            staff=_staff_figure(shown_staff[cell], threshold),
            unmet=shown_unmet[cell],
            offers=len(offers[cell]),
            providers=len(providers[cell]),
        )
        for cell in employers
    }
    by_source = {
        place: protect_breakdown(
            dict(counts), total_status=employer_status[(place, ALL)], threshold=threshold
        )
        for place, counts in sources.items()
    }
    return GapTable(
        preset=preset,
        measures=measures,
        places=names,
        children=children,
        standards=dict(standards),
        by_source=by_source,
    )


def _staff_figure(figure: Figure, threshold: int) -> Figure:
    """Staff figures hidden for any reason read 'withheld' (a staff figure is not a count of
    employers, so 'fewer than 5' would mislead)."""
    if figure.status is Status.SHOWN:
        return figure
    return Figure(Status.WITHHELD, None, threshold)


def protect_breakdown(
    counts: Mapping[str, int], *, total_status: Status, threshold: int
) -> dict[str, Figure]:
    """A one-line breakdown (by source, by quarter) of a total already published elsewhere
    with ``total_status``: hidden below the threshold, and so that the total gives none away."""
    values: dict[str, int] = dict(counts)
    values["__total__"] = sum(counts.values())
    hide = ["__total__"] if total_status is not Status.SHOWN else []
    line = Line(tuple(sorted(counts)), "__total__")
    statuses = protect(values, [line], threshold=threshold, also_hide=hide)
    shown = figures(values, statuses, threshold=threshold)
    return {name: shown[name] for name in counts}


def _children(
    authorities: Mapping[str, LocalAuthority], places: set[Node]
) -> dict[Node, tuple[Node, ...]]:
    """Region -> its combined authorities and the authorities in none; CA -> its authorities."""
    children: dict[Node, set[Node]] = defaultdict(set)
    for authority in authorities.values():
        la: Node = ("la", authority.code)
        if la not in places:
            continue
        region: Node = ("region", authority.region_code)
        if authority.combined_authority_code:
            combined: Node = ("ca", authority.combined_authority_code)
            children[combined].add(la)
            children[region].add(combined)
        else:
            children[region].add(la)
    return {parent: tuple(sorted(kids)) for parent, kids in children.items()}


def _names(authorities: Mapping[str, LocalAuthority]) -> dict[Node, str]:
    names: dict[Node, str] = {}
    for authority in authorities.values():
        names[("la", authority.code)] = authority.name
        names[("region", authority.region_code)] = authority.region_name
        if authority.combined_authority_code:
            names[("ca", authority.combined_authority_code)] = (
                authority.combined_authority_name or authority.combined_authority_code
            )
    return names
