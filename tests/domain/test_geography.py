"""Postcode parsing, grid conversions, distances and place resolution (pure domain code)."""

from __future__ import annotations

import math

import pytest

from skillshub.domain.geography import (
    InvalidPostcode,
    LocalAuthority,
    Location,
    Outcode,
    Point,
    PostcodeRecord,
    UnknownPlace,
    _project,
    bng_to_latlon,
    distance_km,
    is_full_postcode,
    is_outcode,
    km_to_miles,
    latlon_to_bng,
    normalise_outcode,
    normalise_postcode,
    outcode_of,
    parse_place,
    resolve_place,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("b11aa ", "B1 1AA"),
        ("B1 1AA", "B1 1AA"),
        ("sw1a2aa", "SW1A 2AA"),
        ("  w1a   1aa ", "W1A 1AA"),
        ("B1\u00a01AA", "B1 1AA"),  # a non-breaking space pasted from a web page
        ("hd1 2th", "HD1 2TH"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("gir0aa", "GIR 0AA"),  # Girobank's postcode: in the ONS directory, so accepted
    ],
)
def test_normalise_postcode(typed: str, expected: str) -> None:
    assert normalise_postcode(typed) == expected
    assert is_full_postcode(typed)


def test_a_postcode_cut_short_gets_the_message_a_person_can_act_on() -> None:
    with pytest.raises(InvalidPostcode) as raised:
        normalise_postcode("B1 1A")
    assert str(raised.value) == (
        "'B1 1A' is not a full UK postcode: it should look like B1 1AA or SW1A 2AA"
    )
    assert raised.value.text == "B1 1A"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "B1",
            "'B1' is only the first half of a postcode: enter the full postcode, "
            "for example B1 1AA",
        ),
        ("", "Enter a postcode: it should look like B1 1AA or SW1A 2AA"),
        ("hello", "'hello' is not a UK postcode: it should look like B1 1AA or SW1A 2AA"),
        # C, I, K, M, O and V are never used in the last two letters.
        ("B1 1AC", "'B1 1AC' is not a UK postcode: it should look like B1 1AA or SW1A 2AA"),
        ("NPT 0AD", "'NPT 0AD' is not a UK postcode: it should look like B1 1AA or SW1A 2AA"),
    ],
)
def test_invalid_postcodes(typed: str, message: str) -> None:
    with pytest.raises(InvalidPostcode) as raised:
        normalise_postcode(typed)
    assert str(raised.value) == message


def test_a_long_input_is_not_echoed_in_full() -> None:
    with pytest.raises(InvalidPostcode) as raised:
        normalise_postcode("x" * 500)
    assert len(str(raised.value)) < 100


def test_invalid_postcode_is_a_value_error_and_unknown_place_a_lookup_error() -> None:
    assert issubclass(InvalidPostcode, ValueError)
    assert issubclass(UnknownPlace, LookupError)


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("b1 1aa", "postcode", "B1 1AA"),
        ("B1", "outcode", "B1"),
        ("sw1a", "outcode", "SW1A"),
        ("B11", "outcode", "B11"),
        (" hd1 ", "outcode", "HD1"),
        ("SW1A2AA", "postcode", "SW1A 2AA"),
    ],
)
def test_parse_place(typed: str, kind: str, value: str) -> None:
    query = parse_place(typed)
    assert (query.kind, query.value) == (kind, value)


def test_a_space_marks_the_end_of_the_outcode() -> None:
    # "B1 1" is the start of a B1 postcode, not the district B11.
    with pytest.raises(InvalidPostcode, match=r"not a full UK postcode.*just the first half, B1$"):
        parse_place("B1 1")
    assert not is_outcode("B1 1")
    assert is_outcode("B11")


def test_parse_place_rejects_rubbish_with_both_forms_as_examples() -> None:
    with pytest.raises(InvalidPostcode) as raised:
        parse_place("Birmingham")
    assert "B1 1AA" in str(raised.value)
    assert "first half, such as B1" in str(raised.value)


def test_outcodes() -> None:
    assert normalise_outcode(" sw1a ") == "SW1A"
    assert outcode_of("sw1a2aa") == "SW1A"
    with pytest.raises(InvalidPostcode, match="should look like B1 or SW1A"):
        normalise_outcode("B1 1AA")


# --- Conversions: known points ------------------------------------------------------------------


def test_projection_matches_the_ordnance_survey_worked_example() -> None:
    # OS "A guide to coordinate systems in Great Britain", transverse Mercator example:
    # OSGB36 52°39'27.2531"N 1°43'4.5177"E is E 651409.903, N 313177.270.
    lat = math.radians(52 + 39 / 60 + 27.2531 / 3600)
    lon = math.radians(1 + 43 / 60 + 4.5177 / 3600)
    point = _project(lat, lon)
    assert point.easting == pytest.approx(651409.903, abs=0.01)
    assert point.northing == pytest.approx(313177.270, abs=0.01)


# Rows of doogal's postcode district file (data/geography), which carry both WGS84
# latitude/longitude (4-6 decimals, so good to a few metres) and the grid reference.
DOOGAL_ROWS = [
    ("B1", 52.4796, -1.90783, 406357, 286857),
    ("HD1", 53.6469, -1.78634, 414221, 416732),
    ("SW1A", 51.502, -0.133833, 529625, 179769),
    ("AB11", 57.1371, -2.09346, 394442, 805137),
    ("ZE1", 60.1516, -1.16818, 446285, 1141081),
    ("TR19", 50.1018, -5.62666, 140756, 28713),
    ("BT1", 54.5995, -5.92844, 146362, 529798),
]


@pytest.mark.parametrize(("outcode", "lat", "lon", "easting", "northing"), DOOGAL_ROWS)
def test_latlon_to_bng_on_known_points(
    outcode: str, lat: float, lon: float, easting: int, northing: int
) -> None:
    point = latlon_to_bng(lat, lon)
    assert distance_km(point, Point(easting, northing)) * 1000 < 5


@pytest.mark.parametrize(("outcode", "lat", "lon", "easting", "northing"), DOOGAL_ROWS)
def test_bng_to_latlon_on_known_points(
    outcode: str, lat: float, lon: float, easting: int, northing: int
) -> None:
    back_lat, back_lon = bng_to_latlon(easting, northing)
    # 0.00005 degrees is about 5 m north-south and 3 m east-west.
    assert back_lat == pytest.approx(lat, abs=5e-5)
    assert back_lon == pytest.approx(lon, abs=5e-5)


def test_conversions_round_trip() -> None:
    for lat, lon in [(52.4796, -1.90783), (60.15, -1.17), (49.96, -5.2)]:
        point = latlon_to_bng(lat, lon)
        assert bng_to_latlon(point.easting, point.northing) == pytest.approx((lat, lon), abs=1e-7)


def test_distances() -> None:
    assert distance_km(Point(0, 0), Point(3000, 4000)) == 5.0
    assert km_to_miles(1.609344) == pytest.approx(1.0)
    # Birmingham B1 1AA to Westminster SW1A 2AA (directory points): about 163 km as the crow flies.
    birmingham, whitehall = Point(406649, 286530), Point(530047, 179951)
    assert distance_km(birmingham, whitehall) == pytest.approx(163.06, abs=0.01)


# --- Resolving what a person typed ----------------------------------------------------------------

BIRMINGHAM = LocalAuthority(
    code="E08000025",
    name="Birmingham",
    region_code="E12000005",
    region_name="West Midlands",
    combined_authority_code="E47000007",
    combined_authority_name="West Midlands Combined Authority",
    nation="England",
    point=Point(408598.3, 287855.3),
)
AUTHORITIES = {BIRMINGHAM.code: BIRMINGHAM}
# Real records from the ONS directory and doogal: B13 3AH has no grid reference in the directory.
RECORDS = {
    "B1 1AA": PostcodeRecord("B1 1AA", Point(406649, 286530), "E08000025"),
    "B13 3AH": PostcodeRecord("B13 3AH", None, None),
    "GY1 1AA": PostcodeRecord("GY1 1AA", None, "L99999999"),
    "GIR 0AA": PostcodeRecord("GIR 0AA", None, None),
}
OUTCODES = {
    "B1": Outcode("B1", Point(406357, 286857), "E08000025", "Birmingham", 303),
    "B13": Outcode("B13", Point(408067, 281887), "E08000025", "Birmingham", 671),
    "GY1": Outcode("GY1", latlon_to_bng(49.4669, -2.54798), "L99999999"),
    "BF1": Outcode("BF1", None, None, "BFPO", 48),
}


def resolve(text: str) -> Location:
    return resolve_place(
        text, directory=RECORDS.get, outcodes=OUTCODES, local_authorities=AUTHORITIES
    )


def test_a_full_postcode_resolves_to_its_own_point() -> None:
    assert resolve("b11aa") == Location(
        query="B1 1AA",
        kind="postcode",
        point=Point(406649, 286530),
        local_authority_code="E08000025",
        precision="postcode",
    )


def test_an_outcode_resolves_to_its_centroid() -> None:
    location = resolve("b1")
    assert (location.kind, location.precision, location.point) == (
        "outcode",
        "outcode",
        Point(406357, 286857),
    )
    assert location.local_authority_code == "E08000025"


def test_a_postcode_without_coordinates_falls_back_to_its_district() -> None:
    location = resolve("B13 3AH")
    assert location.kind == "postcode"
    assert location.precision == "outcode"
    assert location.point == Point(408067, 281887)
    assert location.local_authority_code == "E08000025"  # from the district


def test_pseudo_authority_codes_become_none() -> None:
    location = resolve("GY1 1AA")
    assert location.local_authority_code is None
    assert location.precision == "outcode"


def test_unknown_postcode_suggests_the_first_half() -> None:
    with pytest.raises(UnknownPlace) as raised:
        resolve("B99 9ZZ")
    assert (
        str(raised.value) == "We could not find B99 9ZZ; check it, or try the first half, e.g. B99"
    )
    assert raised.value.query == "B99 9ZZ"


def test_unknown_and_unplaceable_outcodes() -> None:
    with pytest.raises(UnknownPlace, match="could not find the postcode district B99"):
        resolve("B99")
    with pytest.raises(UnknownPlace, match="know the postcode district BF1 but not where it is"):
        resolve("BF1")
    with pytest.raises(UnknownPlace, match="know GIR 0AA but not where it is"):
        resolve("GIR 0AA")


def test_invalid_input_raises_invalid_postcode() -> None:
    with pytest.raises(InvalidPostcode):
        resolve("B1 1A")
