"""Discover Uni (Unistats): higher education providers in England and where they teach.

Format followed: the HESA Unistats / Discover Uni record (C25061, 2025-26) as published in the
dataset's CSV files. ``INSTITUTION.csv`` has one row per publishing provider (``PUBUKPRN``, the
provider that teaches and is named in ``LEGAL_NAME``) and registering provider (``UKPRN``), so a
franchised college appears once per university it teaches for; ``PROVADDRESS`` is one line
ending in the postcode; ``PROVURL`` is often a bare domain; ``PUBUKPRNCOUNTRY`` is ``XF`` for
England. ``LOCATION.csv`` has one row per teaching location, keyed by the registering ``UKPRN``
and ``LOCID``; ``LOCUKPRN`` names the provider that teaches there (blank: the registering one);
``LATITUDE``/``LONGITUDE`` are WGS84 degrees, put on the British National Grid here because the
provision search measures distances on the grid. ``KISAIM.csv`` labels qualification aims.

Nothing here touches the web or the database: readers take bytes and return domain types.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from skillshub.domain.geography import InvalidPostcode, Point, latlon_to_bng, normalise_postcode
from skillshub.domain.provision import (
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    validate_ukprn,
)
from skillshub.sources.tables import (
    RowError,
    RowReader,
    header_failed,
    numbered_rows,
    parse_url,
    read_table,
    refuse_errors,
)

ENGLAND = "XF"
DOWNLOAD_PAGE = "https://www.hesa.ac.uk/support/tools-and-downloads/unistats"
LICENCE = "Discover Uni (Unistats) data, Office for Students / HESA: free to use with attribution"
ATTRIBUTION = "Contains Discover Uni (Unistats) data, Office for Students / HESA"
INSTITUTION_COLUMNS = ("PUBUKPRN", "UKPRN", "LEGAL_NAME", "PROVADDRESS", "PUBUKPRNCOUNTRY")
LOCATION_COLUMNS = ("UKPRN", "LOCID", "LOCNAME", "LATITUDE", "LONGITUDE")
AIM_COLUMNS = ("KISAIMCODE", "KISAIMLABEL")
_LATITUDES, _LONGITUDES = (-90.0, 90.0), (-180.0, 180.0)
# Great Britain and its islands, generously. A few providers teach abroad too (the University of
# London Institute in Paris): such a place is not on the British grid, so it is left out.
_GB_LATITUDES, _GB_LONGITUDES = (49.0, 61.5), (-8.7, 2.1)
_TRAILING_POSTCODE = re.compile(r"([A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Institution:
    """One provider that teaches higher education, as Discover Uni publishes it."""

    ukprn: int
    """The publishing UKPRN (``PUBUKPRN``): the provider that teaches and is named."""
    name: str
    legal_name: str
    address: str
    postcode: str | None
    telephone: str
    website: str
    registering_ukprns: tuple[int, ...]
    """The ``UKPRN`` of each provider that registers its students (itself, or a university)."""


@dataclass(frozen=True)
class TeachingLocation:
    """A place a provider teaches, on the grid."""

    registering_ukprn: int
    locid: str
    name: str
    teaching_ukprn: int
    point: Point
    country: str


def postcode_of_address(address: str) -> str | None:
    """The postcode that ends a one-line address, in standard form, or None when there is none."""
    found = _TRAILING_POSTCODE.search(address.strip())
    if not found:
        return None
    try:
        return normalise_postcode(found.group(1))
    except InvalidPostcode:
        return None


def _tidy_url(value: str) -> str:
    try:
        return parse_url(value.strip()) if value.strip() else ""
    except ValueError:
        return ""


def _degrees(reader: RowReader, column: str, bounds: tuple[float, float]) -> float | None:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a number of degrees") from None
        if not bounds[0] <= number <= bounds[1]:
            raise ValueError(f"{number} is not between {bounds[0]} and {bounds[1]} degrees")
        return number

    return reader.convert(column, parse, required=True)


def _inside(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


def read_institutions(data: bytes | str, *, source: str) -> tuple[Institution, ...]:
    """The English providers in INSTITUTION.csv, one per PUBUKPRN; raises InvalidRows."""
    _, rows, errors = read_table(data, source=source, required=INSTITUTION_COLUMNS)
    if header_failed(errors):
        refuse_errors(errors, source=source)
    found: dict[int, Institution] = {}
    registering: dict[int, list[int]] = defaultdict(list)
    for number, cells in numbered_rows(rows):
        if cells.get("PUBUKPRNCOUNTRY", "").upper() != ENGLAND:
            continue
        reader = RowReader(number, cells, errors)
        ukprn = reader.convert("PUBUKPRN", validate_ukprn, required=True)
        registered_by = reader.convert("UKPRN", validate_ukprn, required=True)
        legal_name = reader.text("LEGAL_NAME", required=True, max_length=300)
        if ukprn is None or registered_by is None or not legal_name:
            continue
        registering[ukprn].append(registered_by)
        if ukprn in found:
            continue  # the same provider again, for another registering university
        address = reader.text("PROVADDRESS")
        found[ukprn] = Institution(
            ukprn=ukprn,
            name=reader.text("FIRST_TRADING_NAME") or legal_name,
            legal_name=legal_name,
            address=address,
            postcode=postcode_of_address(address),
            telephone=reader.text("PROVTEL"),
            website=_tidy_url(reader.text("PROVURL")),
            registering_ukprns=(),
        )
    refuse_errors(errors, source=source)
    return tuple(
        replace(item, registering_ukprns=tuple(dict.fromkeys(registering[u])))
        for u, item in found.items()
    )


def read_locations(data: bytes | str, *, source: str) -> tuple[TeachingLocation, ...]:
    """Every teaching location in Great Britain in LOCATION.csv, on the grid; raises InvalidRows.

    A location abroad is left out; a coordinate that is not a latitude or longitude at all is
    a row error.
    """
    _, rows, errors = read_table(data, source=source, required=LOCATION_COLUMNS)
    if header_failed(errors):
        refuse_errors(errors, source=source)
    found: list[TeachingLocation] = []
    seen: set[tuple[int, str]] = set()
    for number, cells in numbered_rows(rows):
        reader = RowReader(number, cells, errors)
        registering = reader.convert("UKPRN", validate_ukprn, required=True)
        teaching = reader.convert("LOCUKPRN", validate_ukprn) if cells.get("LOCUKPRN") else None
        locid = reader.text("LOCID", required=True)
        name = reader.text("LOCNAME", required=True, max_length=300)
        lat = _degrees(reader, "LATITUDE", _LATITUDES)
        lon = _degrees(reader, "LONGITUDE", _LONGITUDES)
        if registering is None or not locid or not name or lat is None or lon is None:
            continue
        if (registering, locid) in seen:
            reader.fail("LOCID", f"location {locid} of UKPRN {registering} is listed twice")
            continue
        seen.add((registering, locid))
        if not (_inside(lat, _GB_LATITUDES) and _inside(lon, _GB_LONGITUDES)):
            continue  # abroad: not a place anyone in England searches near
        found.append(
            TeachingLocation(
                registering_ukprn=registering,
                locid=locid,
                name=name,
                teaching_ukprn=teaching or registering,
                point=latlon_to_bng(lat, lon),
                country=cells.get("LOCCOUNTRY", ""),
            )
        )
    refuse_errors(errors, source=source)
    return tuple(found)


def read_aims(data: bytes | str, *, source: str) -> dict[str, str]:
    """KISAIM.csv: qualification aim code ("029") -> label ("DipHE")."""
    _, rows, errors = read_table(data, source=source, required=AIM_COLUMNS)
    aims: dict[str, str] = {}
    for number, cells in numbered_rows(rows):
        reader = RowReader(number, cells, errors)
        code = reader.text("KISAIMCODE", required=True)
        label = reader.text("KISAIMLABEL", required=True)
        if code and not code.isdigit():
            reader.fail("KISAIMCODE", f"'{code}' is not an aim code like 029")
        elif code and label:
            aims[code.zfill(3)] = label
    refuse_errors(errors, source=source)
    return aims


def providers(
    institutions: Iterable[Institution],
    locations: Iterable[TeachingLocation],
    *,
    locate: Callable[[str], Point | None],
) -> tuple[Provider, ...]:
    """Domain providers: each with the locations it teaches at, else the place of its address.

    A location belongs to the provider that teaches there (``LOCUKPRN``), so a college's campus
    listed under its validating university is the college's, not the university's. The same
    point listed under two registering providers is one site. ``locate`` gives a postcode's grid
    point (None when the postcode directory does not know it).
    """
    by_teacher: dict[int, dict[tuple[float, float], ProviderLocation]] = defaultdict(dict)
    for location in locations:
        key = (round(location.point.easting), round(location.point.northing))
        by_teacher[location.teaching_ukprn].setdefault(
            key, ProviderLocation(location.name, "", location.point)
        )
    found = []
    for item in institutions:
        sites = tuple(by_teacher.get(item.ukprn, {}).values())
        if not sites and item.postcode:
            sites = (
                ProviderLocation(item.address or item.name, item.postcode, locate(item.postcode)),
            )
        found.append(
            Provider(
                ukprn=item.ukprn,
                name=item.name,
                type=ProviderType.OTHER,  # Discover Uni does not say college or university
                status=ProviderStatus.UNKNOWN,  # registers (OfS, RoATP) say that
                website=item.website,
                locations=sites,
            )
        )
    return tuple(found)


__all__ = [
    "ATTRIBUTION",
    "DOWNLOAD_PAGE",
    "ENGLAND",
    "LICENCE",
    "Institution",
    "RowError",
    "TeachingLocation",
    "postcode_of_address",
    "providers",
    "read_aims",
    "read_institutions",
    "read_locations",
]
