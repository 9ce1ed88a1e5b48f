"""Area and provider pages: GOV.UK table parameters and an offline SVG map (British grid)."""

from __future__ import annotations

from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from skillshub.market.services import AreaGapsResult, GapRow, ProviderDemandResult

NUMERIC = {"format": "numeric"}


def _cell(text: str, *, numeric: bool = False) -> dict[str, Any]:
    return {"text": text, **(NUMERIC if numeric else {})}


def _head(*names: str, numeric_from: int = 1) -> list[dict[str, Any]]:
    return [_cell(name, numeric=i >= numeric_from) for i, name in enumerate(names)]


def gap_table(rows: list[GapRow], *, caption: str, first: str) -> dict[str, Any]:
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": _head(first, "Employers", "Staff", "Not reached", "Offers reaching", "Gap score"),
        "rows": [
            [
                _cell(row.label),
                _cell(row.employers.text, numeric=True),
                _cell(row.staff.text, numeric=True),
                _cell(row.unmet_employers.text, numeric=True),
                _cell(f"{row.offers_reaching:,}", numeric=True),
                _cell(str(row.gap_score), numeric=True),
            ]
            for row in rows
        ],
    }


def area_tables(result: AreaGapsResult) -> dict[str, Any]:
    """Every table of the area page, ready for the upstream table macro."""
    return {
        "unmet": gap_table(
            result.standards[:10], caption="Top unmet needs, by standard", first="Standard"
        ),
        "routes": gap_table(
            result.routes_and_levels,
            caption="Demand and supply by route and level",
            first="Route and level",
        ),
        "places": {
            "caption": "Demand by local authority",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": _head("Local authority", "Employers", "Not reached"),
            "rows": [
                [
                    _cell(p.name),
                    _cell(p.employers.text, numeric=True),
                    _cell(p.unmet_employers.text, numeric=True),
                ]
                for p in result.places
            ],
        },
        "cold": {
            "caption": "Cold spots: demand that no training reaches",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": _head("Local authority", "Standard", "Employers not reached", numeric_from=2),
            "rows": [
                [
                    _cell(c.local_authority_name),
                    _cell(f"{c.title} ({c.standard})"),
                    _cell(c.unmet_employers.text, numeric=True),
                ]
                for c in result.cold_spots
            ],
        },
        "sources": {
            "caption": "Where the demand comes from",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": _head("Source", "Employers"),
            "rows": [
                [_cell(s.name), _cell(s.employers.text, numeric=True)] for s in result.sources
            ],
        },
        "trend": {
            "caption": "Employers registering needs, by quarter",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": _head("Quarter", "Employers"),
            "rows": [
                [_cell(t.period), _cell(t.employers.text, numeric=True)] for t in result.trend
            ],
        },
        "starts": {
            "caption": "Apprenticeship starts (Department for Education)",
            "captionClasses": "govuk-table__caption--m",
            "firstCellIsHeader": True,
            "head": _head("Area and year", "Level", "Starts", "Achievements", numeric_from=2),
            "rows": [
                [
                    _cell(f"{s.area_name or s.area_code}, {s.year}"),
                    _cell(s.level),
                    _cell(_measure(s.starts, s.symbols.get("starts")), numeric=True),
                    _cell(_measure(s.achievements, s.symbols.get("achievements")), numeric=True),
                ]
                for s in result.starts
            ],
        },
    }


def _measure(value: int | None, symbol: str | None) -> str:
    if value is not None:
        return f"{value:,}"
    return {"low": "fewer than 5", "c": "confidential"}.get(symbol or "", "not available")


WIDTH, HEIGHT, PAD = 600, 480, 30


def area_map(result: AreaGapsResult) -> SafeString:
    """Local authorities (circles sized by published demand, red where some is not reached) and
    training venues (squares), placed by their grid references. No tiles, no requests."""
    places = [p for p in result.places if p.easting is not None and p.northing is not None]
    points = [(p.easting, p.northing) for p in places] + [
        (s.easting, s.northing) for s in result.supply_points
    ]
    if not points:
        return SafeString("")
    east = [float(e) for e, _ in points if e is not None]
    north = [float(n) for _, n in points if n is not None]
    span = max(max(east) - min(east), max(north) - min(north), 5000.0)
    scale = min(WIDTH - 2 * PAD, HEIGHT - 2 * PAD) / span

    def xy(e: float, n: float) -> tuple[float, float]:
        return (
            round(PAD + (e - min(east)) * scale, 1),
            round(HEIGHT - PAD - (n - min(north)) * scale, 1),
        )

    supply = format_html_join(
        "",
        '<rect class="app-map__{}" fill="{}" x="{}" y="{}" width="8" height="8"><title>{}</title>'
        "</rect>",
        (
            (
                s.kind,
                "#1d70b8" if s.kind == "offer" else "#4c2c92",
                xy(s.easting, s.northing)[0] - 4,
                xy(s.easting, s.northing)[1] - 4,
                s.name,
            )
            for s in result.supply_points
        ),
    )
    demand = format_html_join(
        "",
        '<g><circle fill="{}" fill-opacity="0.75" cx="{}" cy="{}" r="{}"><title>{}: {} '
        'employers</title></circle><text fill="#0b0c0c" font-size="12" x="{}" y="{}">{}</text>'
        "</g>",
        (
            (
                "#d4351c" if p.unmet_employers.value != 0 else "#00703c",
                x,
                y,
                4 + min(p.employers.value or 2, 40) ** 0.5 * 2,
                p.name,
                p.employers.text,
                x + 8,
                y + 4,
                p.name,
            )
            for p in places
            for x, y in (xy(float(p.easting or 0), float(p.northing or 0)),)
        ),
    )
    return format_html(
        '<svg class="app-map" viewBox="0 0 {} {}" role="img" aria-labelledby="map-title map-desc"'
        ' xmlns="http://www.w3.org/2000/svg"><title id="map-title">Map of demand and training in'
        ' {}</title><desc id="map-desc">Circles are local authorities with demand (red where some'
        " is not reached, larger for more employers); squares are training venues. The tables "
        "on this page give the same figures.</desc>{}{}</svg>",
        WIDTH,
        HEIGHT,
        result.name,
        supply,
        demand,
    )


def provider_table(result: ProviderDemandResult) -> dict[str, Any]:
    matches = {"offered": "You offer this", "same route": "In a route you teach", "other": "New"}
    return {
        "caption": f"Possible cohorts within {result.radius_km:g} km of your venues",
        "captionClasses": "govuk-table__caption--m",
        "firstCellIsHeader": True,
        "head": _head("Standard", "Employers", "Staff", "Within", "Where", "Fit", numeric_from=1),
        "rows": [
            [
                _cell(f"{c.title} ({c.standard})"),
                _cell(c.employers.text, numeric=True),
                _cell(c.staff.text, numeric=True),
                _cell(f"{c.within_km:g} km", numeric=True),
                _cell(", ".join(c.places)),
                _cell(matches[c.match] + ("" if c.reached_by_others else "; no one else near")),
            ]
            for c in result.cohorts
        ],
    }
