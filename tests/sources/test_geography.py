"""Readers for the embedded geography files, on slices of the real files and on the files."""

from __future__ import annotations

import csv
import gzip
import shutil
from collections import Counter
from pathlib import Path

import pytest

from skillshub.domain.geography import Point, distance_km, resolve_place
from skillshub.sources.errors import SourceError
from skillshub.sources.geography import (
    DATA_DIR,
    LOCAL_AUTHORITIES_FILE,
    OUTCODE_AUTHORITIES_FILE,
    OUTCODE_CENTROIDS_FILE,
    read_combined_authorities,
    read_local_authorities,
    read_outcode_authorities,
    read_outcodes,
    read_regions,
)
from skillshub.sources.postcodes import PostcodeDirectory, write_outcode_summary

FIXTURES = Path(__file__).parents[1] / "fixtures" / "geography"


def test_local_authorities() -> None:
    authorities = read_local_authorities(FIXTURES)
    # Counties, combined authorities and Aylesbury Vale (abolished in 2020) are not districts.
    assert list(authorities) == [
        "E07000032",  # Amber Valley
        "E08000038",  # Barnsley
        "E08000025",  # Birmingham
        "E08000034",  # Kirklees
        "E09000033",  # Westminster
        "S12000033",  # Aberdeen City: England first, then the other nations
    ]
    birmingham = authorities["E08000025"]
    assert birmingham.name == "Birmingham"
    assert (birmingham.region_code, birmingham.region_name) == ("E12000005", "West Midlands")
    assert birmingham.combined_authority_code == "E47000007"
    assert birmingham.combined_authority_name == "West Midlands Combined Authority"
    assert birmingham.nation == "England"
    assert birmingham.point is not None
    # mySociety's own x/y for Birmingham: our conversion of its lat/long lands within a metre.
    assert distance_km(birmingham.point, Point(408598.283, 287855.294)) * 1000 < 1
    assert authorities["E09000033"].combined_authority_name == "Greater London Authority"


def test_barnsley_gets_the_code_the_postcode_directory_uses() -> None:
    barnsley = read_local_authorities(FIXTURES)["E08000038"]
    assert barnsley.former_codes == ("E08000016",)
    assert barnsley.combined_authority_code == "E47000002"


def test_districts_inherit_their_countys_combined_authority() -> None:
    amber_valley = read_local_authorities(FIXTURES)["E07000032"]
    assert amber_valley.combined_authority_code == "E47000013"
    assert amber_valley.combined_authority_name == "East Midlands Combined County Authority"


def test_other_nations_use_the_country_as_region() -> None:
    aberdeen = read_local_authorities(FIXTURES)["S12000033"]
    assert (aberdeen.region_code, aberdeen.region_name, aberdeen.nation) == (
        "S92000003",
        "Scotland",
        "Scotland",
    )
    assert aberdeen.combined_authority_code is None


def test_regions() -> None:
    regions = read_regions(FIXTURES)
    assert len(regions) == 10  # nine English regions, and Scotland from the fixture's LADs
    assert regions["E12000003"].name == "Yorkshire and The Humber"
    assert regions["S92000003"].name == "Scotland"


def test_combined_authorities() -> None:
    combined = read_combined_authorities(FIXTURES)
    assert list(combined) == ["E47000002", "E47000003", "E47000007", "E47000013", "E61000001"]
    assert combined["E47000003"].name == "West Yorkshire Combined Authority"
    assert combined["E47000003"].abbreviation == "WYCA"
    assert combined["E61000001"].name == "Greater London Authority"


def test_outcodes() -> None:
    outcodes = read_outcodes(FIXTURES)
    assert outcodes["B1"].point == Point(406357, 286857)
    assert outcodes["B1"].local_authority_code == "E08000025"
    assert outcodes["B1"].post_town == "Birmingham"
    assert outcodes["B1"].active_postcodes == 303
    assert outcodes["HD1"].local_authority_code == "E08000034"
    assert outcodes["SW1A"].local_authority_code == "E09000033"
    assert outcodes["S70"].local_authority_code == "E08000038"
    assert "GIR" not in outcodes


def test_channel_islands_outcodes_are_placed_from_latitude_and_longitude() -> None:
    guernsey = read_outcodes(FIXTURES)["GY1"]
    assert guernsey.local_authority_code is None  # the ONS pseudo code L99999999
    assert guernsey.point is not None
    # South of the grid's false origin, hence a negative northing.
    assert guernsey.point.northing < 0 < guernsey.point.easting


def test_non_geographic_outcodes_have_no_point() -> None:
    bfpo = read_outcodes(FIXTURES)["BF1"]
    assert (bfpo.point, bfpo.local_authority_code, bfpo.post_town) == (None, None, "BFPO")


def test_resolve_place_end_to_end() -> None:
    authorities = read_local_authorities(FIXTURES)
    outcodes = read_outcodes(FIXTURES, local_authorities=authorities)
    directory = PostcodeDirectory(FIXTURES / "postcodes")

    def resolve(text: str) -> tuple[str | None, str]:
        location = resolve_place(
            text, directory=directory, outcodes=outcodes, local_authorities=authorities
        )
        return location.local_authority_code, location.precision

    assert resolve("HD1 2TH") == ("E08000034", "postcode")
    assert resolve("hd1") == ("E08000034", "outcode")
    assert resolve("S70 2TA") == ("E08000038", "postcode")
    assert resolve("B13 3AH") == ("E08000025", "outcode")  # no coordinates: the district's
    assert resolve("GY1 1AA") == (None, "outcode")


# --- Malformed files ---------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _edit(path: Path, row_key: str, field: str, value: str | None) -> None:
    """Change one field of one row (value None drops the column), keeping the file's form."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    header = [name for name in rows[0] if not (value is None and name == field)]
    for row in rows:
        if value is None:
            row.pop(field)
        elif next(iter(row.values())) == row_key:
            row[field] = value
    with opener(path, "wt", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def test_missing_column_names_the_file_and_field(data_dir: Path) -> None:
    _edit(data_dir / LOCAL_AUTHORITIES_FILE, "", "lat", None)
    with pytest.raises(SourceError) as raised:
        read_local_authorities(data_dir)
    error = raised.value
    assert (error.source, error.record, error.field) == (LOCAL_AUTHORITIES_FILE, "header", "lat")
    assert "column missing" in str(error)


def test_non_numeric_latitude_names_the_row(data_dir: Path) -> None:
    _edit(data_dir / LOCAL_AUTHORITIES_FILE, "BIR", "lat", "52.48N")
    with pytest.raises(SourceError) as raised:
        read_local_authorities(data_dir)
    error = raised.value
    assert (error.source, error.record, error.field) == (LOCAL_AUTHORITIES_FILE, 5, "lat")
    assert str(error).startswith(
        f"file {LOCAL_AUTHORITIES_FILE}, record 5, field 'lat': '52.48N' is not a number"
    )


def test_non_numeric_easting_in_the_gzipped_centroids(data_dir: Path) -> None:
    _edit(data_dir / f"{OUTCODE_CENTROIDS_FILE}.gz", "B1", "Easting", "406,357")
    with pytest.raises(SourceError) as raised:
        read_outcodes(data_dir)
    assert (raised.value.source, raised.value.record, raised.value.field) == (
        OUTCODE_CENTROIDS_FILE,
        3,
        "Easting",
    )


def test_latitude_out_of_range(data_dir: Path) -> None:
    _edit(data_dir / LOCAL_AUTHORITIES_FILE, "KIR", "lat", "153.6")
    with pytest.raises(SourceError, match="outside the expected range"):
        read_local_authorities(data_dir)


def test_unknown_combined_authority(data_dir: Path) -> None:
    _edit(data_dir / LOCAL_AUTHORITIES_FILE, "KIR", "combined-authority", "XYCA")
    with pytest.raises(SourceError, match="'XYCA' is not a current combined authority") as raised:
        read_local_authorities(data_dir)
    assert raised.value.field == "combined-authority"


def test_outcode_authority_that_is_not_current(data_dir: Path) -> None:
    _edit(data_dir / OUTCODE_AUTHORITIES_FILE, "B1", "lad_code", "E08000099")
    with pytest.raises(SourceError, match="E08000099 is not a current local authority") as raised:
        read_outcodes(data_dir)
    assert (raised.value.record, raised.value.field) == ("B1", "lad_code")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="file not found") as raised:
        read_regions(tmp_path)
    assert raised.value.source == "drkane_rgn_all_codes.csv"


def test_the_summary_writer_and_reader_agree(tmp_path: Path) -> None:
    summaries = PostcodeDirectory(FIXTURES / "postcodes").summarise_outcodes()
    write_outcode_summary(summaries, tmp_path / OUTCODE_AUTHORITIES_FILE)
    assert read_outcode_authorities(tmp_path) == {
        s.outcode: s.local_authority_code for s in summaries
    }


# --- The embedded files ------------------------------------------------------------------------


def test_embedded_files() -> None:
    authorities = read_local_authorities(DATA_DIR)
    assert Counter(la.nation for la in authorities.values()) == {
        "England": 296,
        "Scotland": 32,
        "Wales": 22,
        "Northern Ireland": 11,
    }
    assert len(read_regions(DATA_DIR)) == 12
    combined = read_combined_authorities(DATA_DIR)
    assert len(combined) == 15
    members = Counter(la.combined_authority_code for la in authorities.values())
    assert members["E47000001"] == 10  # Greater Manchester
    assert members["E47000013"] == 17  # East Midlands: Derby, Nottingham and 15 districts
    assert members["E61000001"] == 33  # London boroughs and the City
    outcodes = read_outcodes(DATA_DIR, local_authorities=authorities)
    assert outcodes["HD1"].local_authority_code == "E08000034"
    assert outcodes["M1"].local_authority_code == "E08000003"  # Manchester
    assert outcodes["AB11"].local_authority_code == "S12000033"  # Aberdeen City
    assert sum(o.point is not None for o in outcodes.values()) > 3000
