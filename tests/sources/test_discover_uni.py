"""Discover Uni readers: real rows of INSTITUTION, LOCATION and KISAIM, and broken variants."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from skillshub.domain.geography import Point, distance_km
from skillshub.sources import discover_uni as du
from skillshub.sources.errors import SourceError
from skillshub.sources.tables import InvalidRows

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "provision" / "discover_uni"
EMBEDDED = REPO / "data" / "providers" / "discover_uni_2025"


def fixture(name: str) -> bytes:
    return (FIXTURE / name).read_bytes()


def embedded(name: str) -> bytes:
    return gzip.decompress((EMBEDDED / f"{name}.gz").read_bytes())


def no_place(postcode: str) -> Point | None:
    return None


def replace_cell(data: bytes, *, row: int, column: str, value: str) -> bytes:
    """The CSV with one cell changed (row 2 is the first data row), quoting kept simple."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(data.decode())))
    rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def test_institutions_are_english_providers_named_with_address_postcode_and_website() -> None:
    found = {i.ukprn: i for i in du.read_institutions(fixture("INSTITUTION.csv"), source="I")}
    assert set(found) == {10000055, 10000163, 10000216, 10000291}
    abingdon = found[10000055]
    assert abingdon.name == "Abingdon and Witney College"
    assert abingdon.address == "Wootton Road, Abingdon, Oxfordshire, OX14 1GG"
    assert abingdon.postcode == "OX14 1GG"
    assert abingdon.website == "https://www.abingdon-witney.ac.uk"
    assert abingdon.registering_ukprns == (10004930,)  # Oxford Brookes validates its degrees
    assert found[10000216].name == "All Nations Christian College"  # the trading name
    assert found[10000216].legal_name == "All Nations Christian College Limited"


def test_the_whole_embedded_file_gives_433_english_providers_once_each() -> None:
    institutions = du.read_institutions(embedded("INSTITUTION.csv"), source="I")
    assert len(institutions) == 433
    by_ukprn = {i.ukprn: i for i in institutions}
    assert len(by_ukprn) == 433
    bmet = by_ukprn[10006442]
    assert bmet.name == "Birmingham Metropolitan College" and bmet.postcode == "B4 7PS"
    assert set(bmet.registering_ukprns) == {10006442, 10007139}
    assert by_ukprn[10000712].postcode == "B3 1JB"
    assert not any(i.ukprn == 10007856 for i in institutions)  # Aberystwyth: Wales
    assert sum(1 for i in institutions if i.postcode) == 420


@pytest.mark.parametrize(
    ("address", "postcode"),
    [
        ("Wootton Road, Abingdon, Oxfordshire, OX14 1GG", "OX14 1GG"),
        ("Summer Row, Birmingham, b3 1jb ", "B3 1JB"),
        ("Park Lane Campus, Park Lane, Leeds", None),
        ("", None),
        ("1 Road, Town, AB1 1CX", None),  # C is never used in the inward code
    ],
)
def test_postcode_is_read_from_the_end_of_the_address(address: str, postcode: str | None) -> None:
    assert du.postcode_of_address(address) == postcode


def test_locations_are_placed_on_the_grid_and_belong_to_the_teaching_provider() -> None:
    locations = {
        (loc.registering_ukprn, loc.locid): loc
        for loc in du.read_locations(fixture("LOCATION.csv"), source="L")
    }
    abingdon = locations[(10004930, "AW")]
    assert abingdon.teaching_ukprn == 10000055  # LOCUKPRN: the college, not Oxford Brookes
    assert abingdon.name == "Abingdon and Witney College"
    # OX14 1GG, the college's address, is at 449396 E, 198225 N (ONS Postcode Directory).
    assert distance_km(abingdon.point, Point(449396, 198225)) < 0.1
    assert locations[(10000163, "AE")].teaching_ukprn == 10000163  # blank LOCUKPRN: itself


def test_a_location_abroad_is_left_out_of_the_embedded_file() -> None:
    locations = du.read_locations(embedded("LOCATION.csv"), source="L")
    assert len(locations) == 985
    assert not any("Paris" in loc.name for loc in locations)


def test_embedded_providers_get_their_sites_or_their_address() -> None:
    providers = du.providers(
        du.read_institutions(embedded("INSTITUTION.csv"), source="I"),
        du.read_locations(embedded("LOCATION.csv"), source="L"),
        locate=lambda postcode: Point(1.0, 2.0),
    )
    by_ukprn = {p.ukprn: p for p in providers}
    bmet = by_ukprn[10006442]
    # Listed under itself twice and under Worcester once at the Matthew Boulton campus: 2 sites.
    assert sorted(site.name for site in bmet.locations) == [
        "James Watt College",
        "Matthew Boulton College",
    ]
    # B4 7PS (the college's address) is at 407612 E, 287260 N: the campus is that point.
    matthew = next(s for s in bmet.locations if s.name == "Matthew Boulton College")
    assert matthew.point and distance_km(matthew.point, Point(407612, 287260)) < 0.05
    soas = by_ukprn[10007780]
    assert soas.locations  # no address postcode but a teaching location
    with_address_only = [p for p in providers if p.locations and p.locations[0].postcode]
    assert len(with_address_only) == 31
    assert all(p.locations[0].point == Point(1.0, 2.0) for p in with_address_only)
    assert sum(1 for p in providers if not p.locations) == 1


def test_aims_are_labelled() -> None:
    aims = du.read_aims(fixture("KISAIM.csv"), source="A")
    assert aims["029"] == "DipHE" and aims["038"] == "HND" and aims["178"] == "AdvDip"
    assert len(aims) == 199


def test_a_bad_ukprn_names_file_row_and_column() -> None:
    broken = replace_cell(fixture("INSTITUTION.csv"), row=3, column="PUBUKPRN", value="1000016")
    with pytest.raises(InvalidRows) as raised:
        du.read_institutions(broken, source="INSTITUTION.csv")
    assert raised.value.record == 3 and raised.value.field == "PUBUKPRN"
    assert "file INSTITUTION.csv, record 3, field 'PUBUKPRN'" in str(raised.value)
    assert "exactly 8 digits" in str(raised.value)


def test_a_missing_column_is_refused() -> None:
    text = fixture("LOCATION.csv").decode().replace("LATITUDE", "LAT", 1).encode()
    with pytest.raises(InvalidRows) as raised:
        du.read_locations(text, source="LOCATION.csv")
    assert raised.value.record == 1 and raised.value.field == "LATITUDE"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("LATITUDE", "fifty", "not a number of degrees"),
        ("LONGITUDE", "-200", "not between -180.0 and 180.0"),
        ("LOCID", "", "blank"),
        ("LOCUKPRN", "12", "exactly 8 digits"),
    ],
)
def test_a_bad_location_cell_names_file_row_and_column(
    column: str, value: str, message: str
) -> None:
    broken = replace_cell(fixture("LOCATION.csv"), row=5, column=column, value=value)
    with pytest.raises(InvalidRows) as raised:
        du.read_locations(broken, source="LOCATION.csv")
    assert (raised.value.record, raised.value.field) == (5, column)
    assert message in str(raised.value)


def test_a_location_listed_twice_is_refused() -> None:
    data = fixture("LOCATION.csv")
    lines = data.decode().splitlines()
    with pytest.raises(InvalidRows) as raised:
        du.read_locations("\n".join([*lines, lines[1]]).encode(), source="LOCATION.csv")
    assert raised.value.field == "LOCID" and "listed twice" in str(raised.value)


def test_a_workbook_is_not_read_as_csv() -> None:
    with pytest.raises(SourceError, match="not a CSV file"):
        du.read_institutions(b"PK\x03\x04rest", source="INSTITUTION.xlsx")
