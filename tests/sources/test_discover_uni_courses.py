"""KISCOURSE and COURSELOCATION readers on the 17 real KISCOURSE rows, and broken variants."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from skillshub.domain.provision import OfferType
from skillshub.sources import discover_uni_courses as courses
from skillshub.sources.errors import SourceError
from skillshub.sources.tables import InvalidRows

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "provision" / "discover_uni"
KISCOURSE = (FIXTURE / "KISCOURSE.csv").read_bytes()


def with_cell(row: int, column: str, value: str) -> bytes:
    rows = list(csv.reader(io.StringIO(KISCOURSE.decode())))
    rows[row - 1][rows[0].index(column)] = value  # the header repeats HECOS: index is the first
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def test_only_level_4_5_courses_are_kept_with_their_facts() -> None:
    found = courses.read_courses(KISCOURSE, source="KISCOURSE.csv")
    assert [(c.ukprn, c.course_id, c.mode) for c in found] == [
        (10000055, "FDA-BMP", "01"),
        (10000055, "FDA-BMP", "02"),
        (10000055, "FDA-EYA-AW", "01"),
        (10000055, "FDSC-ATR", "01"),
        (10000055, "FDSC-ATR", "02"),
        (10000216, "177650", "01"),
        (10000216, "177650", "02"),
    ]
    first = found[0]
    assert first.registering_ukprn == 10004930 and first.title == "Business and Management Practice"
    assert (first.aim_code, first.level, first.offer_type) == (
        "130",
        5,
        OfferType.FOUNDATION_DEGREE,
    )
    assert first.stages == 2 and found[1].stages is None  # part time: no stages given
    assert found[5].aim_code == "029" and found[5].level == 5  # DipHE


def test_an_hnd_aim_counts_even_at_another_kislevel() -> None:
    hnd = with_cell(17, "KISAIMCODE", "038")  # ARU Law, KISLEVEL 03, made an HND
    found = {c.course_id: c for c in courses.read_courses(hnd, source="K")}
    assert found["K00001"].offer_type is OfferType.HND and found["K00001"].level == 5


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("KISMODE", "07", "is not a mode"),
        ("NUMSTAGE", "0", "not a number of stages"),
        ("DISTANCE", "9", "is not 0, 1 or 2"),
        ("PUBUKPRN", "ABC", "exactly 8 digits"),
        ("TITLE", "", "blank"),
    ],
)
def test_a_bad_level_4_5_row_names_row_and_column(column: str, value: str, message: str) -> None:
    with pytest.raises(InvalidRows) as raised:
        courses.read_courses(with_cell(2, column, value), source="KISCOURSE.csv")
    assert (raised.value.record, raised.value.field) == (2, column)
    assert message in str(raised.value)


def test_a_malformed_course_link_is_left_blank_rather_than_stopping_the_load() -> None:
    found = courses.read_courses(with_cell(2, "CRSEURL", "not a link"), source="K")
    assert found[0].url == "" and found[1].url.startswith("https://www.brookes.ac.uk/")


def test_course_locations_link_each_course_and_mode_to_its_locids() -> None:
    links = courses.read_course_locations(
        (FIXTURE / "UCASCOURSEID.csv").read_bytes(), source="UCASCOURSEID.csv"
    )
    assert links[(10000055, "FDA-BMP", "02")] == ["AW"]
    assert links[(10000291, "K00001", "01")] == ["AA", "CC"]
    assert (10000216, "177650", "01") not in links


def test_a_zip_without_a_course_location_file_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("KISCOURSE.csv", "INSTITUTION.csv", "LOCATION.csv"):
            archive.writestr(name, (FIXTURE / name).read_bytes())
    data = buffer.getvalue()
    assert courses.is_dataset_zip(data)
    with pytest.raises(SourceError, match="no COURSELOCATION"):
        courses.read_zip(data, source="d.zip")
    assert not courses.is_dataset_zip(b"PK\x03\x04 not really a zip")
