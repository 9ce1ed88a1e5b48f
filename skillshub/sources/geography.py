"""Readers for the embedded geography files: authorities, regions and postcode districts."""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from skillshub.domain.geography import (
    CombinedAuthority,
    LocalAuthority,
    Outcode,
    Point,
    Region,
    is_outcode,
    latlon_to_bng,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import CappedReader

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "geography"

LOCAL_AUTHORITIES_FILE = "mysociety_uk_local_authorities_current.csv"
LAD_CODES_FILE = "drkane_la_all_codes.csv"
REGIONS_FILE = "drkane_rgn_all_codes.csv"
OUTCODE_CENTROIDS_FILE = "postcode_districts_doogal.csv"
OUTCODE_AUTHORITIES_FILE = "outcode_local_authority_nspd.csv"

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
# mySociety's authority types for bodies above councils: combined (county) authorities and the
# Greater London Authority (a "strategic regional authority").
_STRATEGIC_TYPES = frozenset({"COMB", "SRA"})
# ONS pseudo codes used in the postcode directory for the Channel Islands and the Isle of Man,
# which have no local authority district.
PSEUDO_AUTHORITY_CODES = frozenset({"L99999999", "M99999999"})
# Rows of the doogal table that are not postcode districts a person can type: the Girobank
# "GIR" and the long-terminated "NPT" (old Newport) codes.
_NOT_DISTRICTS = frozenset({"GIR", "NPT"})
# Latitude and longitude that can belong to the UK, the Channel Islands or the Isle of Man.
_LAT_RANGE = (49.0, 61.0)
_LON_RANGE = (-9.0, 2.0)


Row = dict[str, str]


@contextmanager
def _rows(
    data_dir: Path | str, name: str, columns: tuple[str, ...]
) -> Iterator[Iterator[tuple[int, Row]]]:
    """Yield (line number, row) from ``name`` or ``name.gz``, after checking the header."""
    directory = Path(data_dir)
    path = directory / name
    if not path.exists() and (directory / f"{name}.gz").exists():
        path = directory / f"{name}.gz"
    if not path.exists():
        raise SourceError(
            f"file not found in {directory}; copy it from the shared data folder "
            "(see data/geography/README.md)",
            source=name,
        )
    with (
        gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb") as raw,
        io.TextIOWrapper(
            io.BufferedReader(CappedReader(raw, source=path.name, text=True)),
            encoding="utf-8-sig",
            newline="",
        ) as text,
    ):
        reader = csv.DictReader(text)
        header = reader.fieldnames or []
        for column in columns:
            if column not in header:
                raise SourceError(
                    f"column missing from the header (found: {', '.join(header) or 'nothing'})",
                    source=path.name,
                    record="header",
                    field=column,
                )

        def numbered() -> Iterator[tuple[int, Row]]:
            for row in reader:
                yield (
                    reader.line_num,
                    {key: (value or "").strip() for key, value in row.items() if key},
                )

        yield numbered()


def _number(
    row: Row, field: str, *, source: str, line: int, bounds: tuple[float, float] | None = None
) -> float | None:
    """``row[field]`` as a number (None when blank); SourceError if not a number or out of range."""
    text = row[field]
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise SourceError(
            f"{text!r} is not a number; fix or blank the value",
            source=source,
            record=line,
            field=field,
        ) from None
    if value != value or (bounds is not None and not bounds[0] <= value <= bounds[1]):
        raise SourceError(
            f"{text} is outside the expected range {bounds}",
            source=source,
            record=line,
            field=field,
        )
    return value


def _lat_lon_point(row: Row, lat: str, lon: str, *, source: str, line: int) -> Point | None:
    latitude = _number(row, lat, source=source, line=line, bounds=_LAT_RANGE)
    longitude = _number(row, lon, source=source, line=line, bounds=_LON_RANGE)
    if latitude is None or longitude is None:
        if (latitude is None) != (longitude is None):
            raise SourceError(
                "has a latitude or a longitude but not both", source=source, record=line, field=lat
            )
        return None
    return latlon_to_bng(latitude, longitude)


# --- Regions -----------------------------------------------------------------------------------


def read_regions(data_dir: Path | str = DATA_DIR) -> dict[str, Region]:
    """The nine English regions (drkane / ONS), then Wales, Scotland and Northern Ireland whole."""
    regions: dict[str, Region] = {}
    with _rows(data_dir, REGIONS_FILE, ("RGNCD", "RGNNM")) as rows:
        for line, row in rows:
            code, name = row["RGNCD"], row["RGNNM"]
            if not code.startswith("E12") or not name:
                raise SourceError(
                    f"expected an English region code (E12...) and a name, found {code!r} {name!r}",
                    source=REGIONS_FILE,
                    record=line,
                    field="RGNCD",
                )
            regions[code] = Region(code=code, name=name)
    nations: dict[str, Region] = {}
    with _rows(data_dir, LAD_CODES_FILE, ("CTRYCD", "CTRYNM")) as rows:
        for _, row in rows:
            if row["CTRYCD"] and not row["CTRYCD"].startswith("E"):
                nations[row["CTRYCD"]] = Region(code=row["CTRYCD"], name=row["CTRYNM"])
    return regions | dict(sorted(nations.items()))


# --- Combined authorities ------------------------------------------------------------------------

_AUTHORITY_COLUMNS = (
    "local-authority-code",
    "official-name",
    "nice-name",
    "gss-code",
    "nation",
    "region",
    "local-authority-type",
    "county-la",
    "combined-authority",
    "former-gss-codes",
    "current-authority",
    "lower-or-unitary",
    "lat",
    "long",
)


def _current_rows(data_dir: Path | str) -> list[tuple[int, Row]]:
    with _rows(data_dir, LOCAL_AUTHORITIES_FILE, _AUTHORITY_COLUMNS) as rows:
        current = []
        for line, row in rows:
            flag = row["current-authority"]
            if flag not in ("True", "False"):
                raise SourceError(
                    f"expected True or False, found {flag!r}",
                    source=LOCAL_AUTHORITIES_FILE,
                    record=line,
                    field="current-authority",
                )
            if flag == "True":
                current.append((line, row))
        return current


def _combined_by_abbreviation(
    current: list[tuple[int, Row]],
) -> dict[str, CombinedAuthority]:
    found: dict[str, CombinedAuthority] = {}
    for line, row in current:
        if row["local-authority-type"] not in _STRATEGIC_TYPES:
            continue
        code = row["gss-code"]
        if not (code.startswith("E47") or code.startswith("E61")) or len(code) != 9:
            raise SourceError(
                f"expected a combined authority GSS code (E47... or E61...), found {code!r}",
                source=LOCAL_AUTHORITIES_FILE,
                record=line,
                field="gss-code",
            )
        abbreviation = row["local-authority-code"]
        found[abbreviation] = CombinedAuthority(
            code=code, name=row["official-name"], abbreviation=abbreviation
        )
    return found


def read_combined_authorities(data_dir: Path | str = DATA_DIR) -> dict[str, CombinedAuthority]:
    """Current combined (county) authorities and the GLA, keyed by GSS code, from mySociety.

    mySociety lists each one as its own row (local-authority-type COMB, or SRA for the GLA),
    with the GSS code and official name, so no names need to be supplied from elsewhere.
    """
    by_abbreviation = _combined_by_abbreviation(_current_rows(data_dir))
    return {ca.code: ca for ca in sorted(by_abbreviation.values(), key=lambda ca: ca.code)}


# --- Local authorities --------------------------------------------------------------------------


def _active_codes(data_dir: Path | str) -> dict[str, tuple[str, str, str]]:
    """drkane: any LAD code since 2011 -> (active LAD code, region or country code, its name)."""
    active: dict[str, tuple[str, str, str]] = {}
    columns = ("LADCD", "LADCD_ACTIVE", "RGNCD", "RGNNM", "CTRYCD", "CTRYNM")
    with _rows(data_dir, LAD_CODES_FILE, columns) as rows:
        for line, row in rows:
            if not row["LADCD"] or not row["LADCD_ACTIVE"]:
                raise SourceError(
                    "a local authority code is blank",
                    source=LAD_CODES_FILE,
                    record=line,
                    field="LADCD" if not row["LADCD"] else "LADCD_ACTIVE",
                )
            region = (
                (row["RGNCD"], row["RGNNM"]) if row["RGNCD"] else (row["CTRYCD"], row["CTRYNM"])
            )
            active[row["LADCD"]] = (row["LADCD_ACTIVE"], *region)
    return active


def read_local_authorities(data_dir: Path | str = DATA_DIR) -> dict[str, LocalAuthority]:
    """Current lower-tier and unitary authorities of the UK (England first), keyed by GSS code.

    Three corrections are made, each from the data itself:
    - mySociety still has Barnsley and Sheffield under their pre-2024 codes (E08000016,
      E08000019); the code the postcode directory uses comes from drkane's active-code column
      and the old one is kept in ``former_codes``.
    - mySociety gives the combined authority of the county only, not of its districts, for the
      East Midlands and Greater Lincolnshire combined county authorities; districts inherit it
      from their ``county-la``.
    - The region code comes from drkane (ONS); for Wales, Scotland and Northern Ireland it is the
      country code, as ONS does in ITL1 tables.
    """
    current = _current_rows(data_dir)
    combined = _combined_by_abbreviation(current)
    active = _active_codes(data_dir)
    by_registry_code = {row["local-authority-code"]: row for _, row in current}
    predecessors: dict[str, set[str]] = {}
    for old, (new, _, _) in active.items():
        if old != new:
            predecessors.setdefault(new, set()).add(old)

    authorities: list[LocalAuthority] = []
    for line, row in current:
        if row["lower-or-unitary"] != "True" or row["local-authority-type"] in _STRATEGIC_TYPES:
            continue  # counties and combined authorities are not districts

        def fail(message: str, field: str, line: int = line) -> SourceError:
            return SourceError(message, source=LOCAL_AUTHORITIES_FILE, record=line, field=field)

        listed = row["gss-code"]
        if len(listed) != 9 or listed[0] not in "ESWN":
            raise fail(f"expected a 9-character GSS code, found {listed!r}", "gss-code")
        if listed not in active:
            raise fail(
                f"{listed} is not in {LAD_CODES_FILE}; update both files from the same date",
                "gss-code",
            )
        code, region_code, region_name = active[listed]
        nation = row["nation"]
        if nation not in NATIONS:
            raise fail(f"expected one of {', '.join(NATIONS)}, found {nation!r}", "nation")

        abbreviation = row["combined-authority"]
        county = by_registry_code.get(row["county-la"])
        if not abbreviation and county is not None:
            abbreviation = county["combined-authority"]
        combined_authority = None
        if abbreviation:
            combined_authority = combined.get(abbreviation)
            if combined_authority is None:
                raise fail(
                    f"{abbreviation!r} is not a current combined authority in this file",
                    "combined-authority",
                )
        former = set(predecessors.get(code, ()))
        former.update(c.strip() for c in row["former-gss-codes"].split(",") if c.strip())
        if listed != code:
            former.add(listed)
        former.discard(code)
        authorities.append(
            LocalAuthority(
                code=code,
                name=row["nice-name"] or row["official-name"],
                region_code=region_code,
                region_name=region_name,
                combined_authority_code=combined_authority.code if combined_authority else None,
                combined_authority_name=combined_authority.name if combined_authority else None,
                nation=nation,
                point=_lat_lon_point(row, "lat", "long", source=LOCAL_AUTHORITIES_FILE, line=line),
                former_codes=tuple(sorted(former)),
            )
        )
    authorities.sort(key=lambda la: (NATIONS.index(la.nation), la.name))
    result: dict[str, LocalAuthority] = {}
    for authority in authorities:
        if authority.code in result:
            raise SourceError(
                "two current authorities share this GSS code",
                source=LOCAL_AUTHORITIES_FILE,
                record=authority.code,
                field="gss-code",
            )
        result[authority.code] = authority
    return result


# --- Outcodes -------------------------------------------------------------------------------------

_CENTROID_COLUMNS = (
    "Postcode",
    "Latitude",
    "Longitude",
    "Easting",
    "Northing",
    "Active postcodes",
    "Post Town",
)


def read_outcode_authorities(data_dir: Path | str = DATA_DIR) -> dict[str, str]:
    """Outcode -> the LAD code holding most of its postcodes (derived from the ONS directory)."""
    found: dict[str, str] = {}
    columns = ("outcode", "lad_code", "lad_share", "postcodes")
    with _rows(data_dir, OUTCODE_AUTHORITIES_FILE, columns) as rows:
        for line, row in rows:
            outcode, code = row["outcode"], row["lad_code"]
            if not is_outcode(outcode) or outcode != outcode.upper():
                raise SourceError(
                    f"{outcode!r} is not an outcode such as B1 or SW1A",
                    source=OUTCODE_AUTHORITIES_FILE,
                    record=line,
                    field="outcode",
                )
            if len(code) != 9:
                raise SourceError(
                    f"expected a 9-character GSS code, found {code!r}",
                    source=OUTCODE_AUTHORITIES_FILE,
                    record=line,
                    field="lad_code",
                )
            _number(row, "lad_share", source=OUTCODE_AUTHORITIES_FILE, line=line, bounds=(0, 1))
            found[outcode] = code
    return found


def read_outcodes(
    data_dir: Path | str = DATA_DIR,
    *,
    local_authorities: dict[str, LocalAuthority] | None = None,
) -> dict[str, Outcode]:
    """Postcode districts: the doogal centroid joined to the authority holding most postcodes.

    Centroids come from doogal's easting/northing; the 21 Channel Islands and Isle of Man rows
    have only latitude/longitude, which are converted. Districts the ONS directory has but
    doogal lacks (e.g. JE1, IM86) are kept without a point. The authority is None for the
    Channel Islands and the Isle of Man (ONS pseudo codes).
    """
    authorities = (
        local_authorities if local_authorities is not None else read_local_authorities(data_dir)
    )
    current_code = {code: code for code in authorities}
    for authority in authorities.values():
        for former in authority.former_codes:
            current_code.setdefault(former, authority.code)

    by_outcode = read_outcode_authorities(data_dir)
    resolved: dict[str, str | None] = {}
    for outcode, code in by_outcode.items():
        if code in PSEUDO_AUTHORITY_CODES:
            resolved[outcode] = None
        elif code in current_code:
            resolved[outcode] = current_code[code]
        else:
            raise SourceError(
                f"{code} is not a current local authority; regenerate this file from the "
                "postcode directory and the local authority list of the same date",
                source=OUTCODE_AUTHORITIES_FILE,
                record=outcode,
                field="lad_code",
            )

    outcodes: dict[str, Outcode] = {}
    with _rows(data_dir, OUTCODE_CENTROIDS_FILE, _CENTROID_COLUMNS) as rows:
        for line, row in rows:
            code = row["Postcode"]
            if code in _NOT_DISTRICTS:
                continue
            if not is_outcode(code) or code != code.upper():
                raise SourceError(
                    f"{code!r} is not an outcode such as B1 or SW1A",
                    source=OUTCODE_CENTROIDS_FILE,
                    record=line,
                    field="Postcode",
                )
            if code in outcodes:
                raise SourceError(
                    "outcode listed twice",
                    source=OUTCODE_CENTROIDS_FILE,
                    record=line,
                    field="Postcode",
                )
            easting = _number(
                row, "Easting", source=OUTCODE_CENTROIDS_FILE, line=line, bounds=(0, 7e5)
            )
            northing = _number(
                row, "Northing", source=OUTCODE_CENTROIDS_FILE, line=line, bounds=(0, 1.3e6)
            )
            if easting is not None and northing is not None:
                point: Point | None = Point(easting, northing)
            elif easting is None and northing is None:
                point = _lat_lon_point(
                    row, "Latitude", "Longitude", source=OUTCODE_CENTROIDS_FILE, line=line
                )
            else:
                raise SourceError(
                    "has an easting or a northing but not both",
                    source=OUTCODE_CENTROIDS_FILE,
                    record=line,
                    field="Easting",
                )
            active = _number(
                row, "Active postcodes", source=OUTCODE_CENTROIDS_FILE, line=line, bounds=(0, 1e5)
            )
            outcodes[code] = Outcode(
                code=code,
                point=point,
                local_authority_code=resolved.get(code),
                post_town=row["Post Town"],
                active_postcodes=None if active is None else int(active),
            )
    for code, authority_code in resolved.items():
        if code not in outcodes:
            outcodes[code] = Outcode(code=code, point=None, local_authority_code=authority_code)
    return dict(sorted(outcodes.items()))
