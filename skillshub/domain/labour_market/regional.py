"""Compare regions and nations on one measure, and vacancies across industries (SIC sections)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from skillshub.domain.labour_market.figures import format_value
from skillshub.domain.labour_market.series import Series, period_label

Measure = Literal[
    "employment rate",
    "inactivity rate",
    "economic activity rate",
    "claimant count rate",
    "claimant count level",
    "workforce jobs",
]
AreaKind = Literal["region", "country", "total"]


@dataclass(frozen=True)
class Area:
    """An English region (ITL1), a UK nation, or Great Britain / the UK, with its GSS code."""

    name: str
    code: str
    kind: AreaKind


AREAS: tuple[Area, ...] = (
    Area("North East", "E12000001", "region"),
    Area("North West", "E12000002", "region"),
    Area("Yorkshire and The Humber", "E12000003", "region"),
    Area("East Midlands", "E12000004", "region"),
    Area("West Midlands", "E12000005", "region"),
    Area("East of England", "E12000006", "region"),
    Area("London", "E12000007", "region"),
    Area("South East", "E12000008", "region"),
    Area("South West", "E12000009", "region"),
    Area("England", "E92000001", "country"),
    Area("Wales", "W92000004", "country"),
    Area("Scotland", "S92000003", "country"),
    Area("Northern Ireland", "N92000002", "country"),
    Area("Great Britain", "K03000001", "total"),
    Area("United Kingdom", "K02000001", "total"),
)
_AREA_BY_NAME = {area.name.lower(): area for area in AREAS}
# Spellings seen in ONS titles ("Yorks & the Humber", "North West (GOR)", "East", "UK").
_AREA_ALIASES = {
    "yorks and humber": "yorkshire and the humber",
    "yorks and the humber": "yorkshire and the humber",
    "yorkshire and humber": "yorkshire and the humber",
    "east": "east of england",
    "uk": "united kingdom",
    "gb": "great britain",
}


def area_from_name(text: str) -> Area | None:
    """The area an ONS title calls ``text``, or None when it is not a region or nation."""
    key = " ".join(text.lower().replace("(gor)", "").replace("&", "and").split())
    return _AREA_BY_NAME.get(_AREA_ALIASES.get(key, key))


@dataclass(frozen=True)
class RegionalSeries:
    """What a regional series measures, where, and whether it is seasonally adjusted."""

    cdid: str
    measure: Measure
    area: Area
    seasonally_adjusted: bool


_LFS_MEASURES: dict[str, Measure] = {
    "employment rate": "employment rate",
    "economic activity rate": "economic activity rate",
    "economic inactivity rate": "inactivity rate",
}
_UK_EMPLOYMENT_RATE = re.compile(r"^employment rate \(aged 16 to 64,", re.IGNORECASE)
_WORKFORCE_JOBS = re.compile(r"^workforce jobs (?:N?SA) : (.+?) \(thousands\)$", re.IGNORECASE)


def _classify_lfs(parts: list[str]) -> tuple[Measure, Area] | None:
    """Parse "LFS: Employment rate: North East: Aged 16-64: All: %: SA" (16-64, all people)."""
    measure = _LFS_MEASURES.get(parts[1].lower()) if len(parts) > 3 else None
    area = area_from_name(parts[2]) if measure else None
    lowered = [p.lower() for p in parts[3:]]
    if not (measure and area and "all" in lowered):
        return None
    return (measure, area) if any(p.startswith("aged 16-64") for p in lowered) else None


def _classify_claimants(parts: list[str]) -> tuple[Measure, Area] | None:
    """Parse "Claimant Count : E12000001 North East : People : SA : Percentage (%)"."""
    if len(parts) != 5 or parts[2].lower() != "people":
        return None
    code_and_name = parts[1].split(maxsplit=1)
    area = area_from_name(code_and_name[-1])
    if area is None or code_and_name[0] != area.code:
        return None
    unit = parts[4].lower()
    if unit == "thousands":
        return "claimant count level", area
    return ("claimant count rate", area) if unit.startswith("percentage") else None


def classify_regional(series: Series) -> RegionalSeries | None:
    """Read measure and area from an ONS title; None for anything not a regional comparison."""
    title = series.title.strip()
    parts = [part.strip() for part in title.split(":")]
    found: tuple[Measure, Area] | None = None
    if parts[0].upper() == "LFS":
        found = _classify_lfs(parts)
    elif parts[0].lower() == "claimant count":
        found = _classify_claimants(parts)
    elif _UK_EMPLOYMENT_RATE.match(title):
        found = ("employment rate", _AREA_BY_NAME["united kingdom"])
    elif match := _WORKFORCE_JOBS.match(title):
        area = area_from_name(match.group(1))
        found = ("workforce jobs", area) if area else None
    if found is None:
        return None
    return RegionalSeries(series.cdid, found[0], found[1], series.seasonally_adjusted)


def find_regional(
    series_by_cdid: Mapping[str, Series],
    measure: Measure,
    area: Area,
    *,
    seasonally_adjusted: bool = True,
) -> Series | None:
    """The series of ``measure`` for ``area`` (the first by CDID if several), or None."""
    for cdid in sorted(series_by_cdid):
        found = classify_regional(series_by_cdid[cdid])
        if (
            found
            and (found.measure, found.area) == (measure, area)
            and found.seasonally_adjusted == seasonally_adjusted
        ):
            return series_by_cdid[cdid]
    return None


@dataclass(frozen=True)
class RegionalFigure:
    """One area's value for the period all compared areas share."""

    area: Area
    cdid: str
    value: float
    formatted: str
    period_end: date
    period_label: str


def _latest_common_end(series: Iterable[Series]) -> date | None:
    periods = [{o.period_end for o in s.observations} for s in series]
    common = set.intersection(*periods) if periods else set()
    return max(common) if common else None


def regional_comparison(
    series_by_cdid: Mapping[str, Series], measure: Measure, *, seasonally_adjusted: bool = True
) -> list[RegionalFigure]:
    """Every area with ``measure`` at the latest period they all have, regions first."""
    chosen: dict[Area, Series] = {}
    for cdid in sorted(series_by_cdid):
        series = series_by_cdid[cdid]
        found = classify_regional(series)
        if found and found.measure == measure and found.seasonally_adjusted == seasonally_adjusted:
            chosen.setdefault(found.area, series)
    end = _latest_common_end(chosen.values())
    if end is None:
        return []
    figures = []
    for area in AREAS:
        if area in chosen:
            series = chosen[area]
            observation = next(o for o in series.observations if o.period_end == end)
            figures.append(
                RegionalFigure(
                    area=area,
                    cdid=series.cdid,
                    value=observation.value,
                    formatted=format_value(series, observation.value),
                    period_end=end,
                    period_label=period_label(series, observation),
                )
            )
    return figures


# Vacancy Survey series by UK SIC 2007 section. Section A (agriculture) is not surveyed;
# JP9Z ("Total Services", sections G to S) is an aggregate, so it is not listed as an industry.
VACANCY_INDUSTRY_SECTIONS = {
    "JP9H": "B",
    "JP9I": "C",
    "JP9J": "D",
    "JP9K": "E",
    "JP9L": "F",
    "JP9M": "G",
    "JP9N": "H",
    "JP9O": "I",
    "JP9P": "J",
    "JP9Q": "K",
    "JP9R": "L",
    "JP9S": "M",
    "JP9T": "N",
    "JP9U": "O",
    "JP9V": "P",
    "JP9W": "Q",
    "JP9X": "R",
    "JP9Y": "S",
}


def industry_name(title: str) -> str:
    """Turn "UK Job Vacancies (thousands) - Construction" into "Construction", tidied."""
    name = title.rsplit(" - ", 1)[-1].strip().rstrip(".").strip()
    name = name.replace(" & ", " and ").replace("Sewarage", "Sewerage")
    return name.replace("Air Con Supply", "Air Conditioning Supply")


@dataclass(frozen=True)
class IndustryFigure:
    """Vacancies in one SIC section at the latest period all sections share."""

    section: str
    industry: str
    cdid: str
    value: float
    formatted: str
    period_end: date
    period_label: str


def vacancies_by_industry(series_by_cdid: Mapping[str, Series]) -> list[IndustryFigure]:
    """Vacancies by industry, in SIC section order, for the latest period all of them have."""
    present = {c: series_by_cdid[c] for c in VACANCY_INDUSTRY_SECTIONS if c in series_by_cdid}
    end = _latest_common_end(present.values())
    if end is None:
        return []
    figures = []
    for cdid, series in present.items():
        observation = next(o for o in series.observations if o.period_end == end)
        figures.append(
            IndustryFigure(
                section=VACANCY_INDUSTRY_SECTIONS[cdid],
                industry=industry_name(series.title),
                cdid=cdid,
                value=observation.value,
                formatted=format_value(series, observation.value),
                period_end=end,
                period_label=period_label(series, observation),
            )
        )
    return figures
