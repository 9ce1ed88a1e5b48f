"""The NCS course directory reader: published files, provider uploads and every row error."""

from __future__ import annotations

import csv
import functools
import io
import urllib.request
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.geography import distance_km
from skillshub.domain.provision import (
    AttendancePattern,
    DeliveryMode,
    FundingRoute,
    OfferType,
    Point,
    ProviderStatus,
    Provision,
    StudyMode,
)
from skillshub.sources.course_directory import (
    COURSE_COLUMNS,
    PROVIDER_COLUMNS,
    InvalidRows,
    RowError,
    fetch_course_directory,
    parse_courses,
    parse_providers,
    read_course_directory,
    validate_rows,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import fetch

FIXTURES = Path(__file__).parents[1] / "fixtures" / "provision"
PROVIDERS = FIXTURES / "course_directory_providers.csv"
COURSES = FIXTURES / "course_directory_courses.csv"
MAPPING = {
    "TESTHTQ1": "ST0662",
    "TESTHTQ2": "ST0999",
    "TESTHTQ3": "ST0841",
    "TESTFD01": ("ST0999", "ST0662"),
}
GOOD = {
    "PROVIDER_UKPRN": "19999901",
    "COURSE_ID": "c1",
    "COURSE_RUN_ID": "r1",
    "LEARN_AIM_REF": "TESTHTQ1",
    "COURSE_NAME": "[TEST] Upload row",
    "DELIVER_MODE": "1",
    "STUDY_MODE": "2",
    "ATTENDANCE_PATTERN": "1",
    "FLEXIBLE_STARTDATE": "False",
    "STARTDATE": "11/01/2027",
    "DURATION_UNIT": "3",
    "DURATION_VALUE": "12",
    "COST": "1250.00",
    "NATIONAL": "False",
    "LOCATION_POSTCODE": "B4 7ET",
    "COURSE_TYPE": "3",
    "EDUCATION_LEVEL": "4",
}


def table(*rows: dict[str, str], columns: tuple[str, ...] = COURSE_COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def row(**changes: str) -> dict[str, str]:
    return {**GOOD, **changes}


def problems(text: str, **options: object) -> list[tuple[int, str]]:
    return [(e.row, e.column) for e in validate_rows(text, **options)]  # type: ignore[arg-type]


# --- the published files -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def provision() -> Provision:
    return read_course_directory(PROVIDERS, COURSES, lars_to_standard=MAPPING)


def test_fixture_has_the_published_columns_in_order() -> None:
    header = COURSES.read_text().splitlines()[0].split(",")
    assert tuple(header) == COURSE_COLUMNS and len(header) == 36
    assert tuple(PROVIDERS.read_text().splitlines()[0].split(",")) == PROVIDER_COLUMNS


def test_reads_every_provider_and_course(provision: Provision) -> None:
    assert [p.ukprn for p in provision.providers] == [
        19999901,
        19999902,
        19999903,
        19999904,
        19999905,
    ]
    assert len(provision.offers) == 9
    assert all(p.status is ProviderStatus.ACTIVE for p in provision.providers)
    assert provision.providers[0].name == "Test Fixture College Birmingham"  # trading name
    assert provision.providers[2].name == "TEST FIXTURE UNIVERSITY CENTRE"
    assert provision.providers[0].website == "https://www.example.ac.uk/test-fixture-college"


def test_course_codes_become_domain_values(provision: Provision) -> None:
    offers = {o.offer_id.removeprefix("ncs:")[-2:]: o for o in provision.offers}
    htq = offers["a1"]
    assert htq.offer_type is OfferType.HTQ
    assert htq.accreditation == "Higher Technical Qualification"
    assert htq.level == 4
    assert htq.qualification_reference == "TESTHTQ1"
    assert htq.standard_references == ("ST0662",)
    assert htq.delivery_mode is DeliveryMode.CLASSROOM
    assert htq.study_mode is StudyMode.PART_TIME
    assert htq.attendance_pattern is AttendancePattern.DAY_OR_BLOCK_RELEASE
    assert htq.duration_months == 24.0
    assert htq.cost_to_learner_gbp == Decimal("6165.00")
    assert htq.funding_routes == (FundingRoute.STUDENT_FINANCE,)
    assert htq.start_dates == (date(2027, 1, 11),)
    assert htq.venue_postcode == "B4 7PS"
    assert htq.awarding_body == "PEARSON"
    assert htq.url.endswith("/htq-automation")
    short = offers["a3"]
    assert short.offer_type is OfferType.SHORT_COURSE
    assert short.flexible_start and short.start_dates == ()
    assert short.duration_months == 0.16  # 5 days
    bootcamp = offers["a4"]
    assert bootcamp.offer_type is OfferType.SKILLS_BOOTCAMP
    assert bootcamp.delivery_mode is DeliveryMode.BLENDED
    assert bootcamp.funding_routes == (FundingRoute.SKILLS_BOOTCAMP,)
    assert bootcamp.cost_to_learner_gbp == 0 and bootcamp.is_funded
    assert bootcamp.duration_months == 2.76  # 12 weeks
    online = offers["a5"]
    assert online.national and online.location_free and online.venue_postcode is None
    assert online.funding_routes == (FundingRoute.ADVANCED_LEARNER_LOAN,)
    assert offers["a6"].offer_type is OfferType.FOUNDATION_DEGREE
    assert offers["a6"].standard_references == ("ST0999", "ST0662")
    assert offers["a9"].venue_postcode == "LS1 4AP"


def test_venue_points_come_from_latitude_and_longitude(provision: Provision) -> None:
    college = provision.providers[0]
    sites = {location.postcode: location for location in college.locations}
    assert set(sites) == {"B4 7PS", "B4 7ET"}
    # The venue replaced the contact address because it has a point; within 5 m of ONSPD.
    assert sites["B4 7PS"].name == "Test Fixture College - Engineering Centre"
    assert distance_km(sites["B4 7PS"].point, Point(407612, 287260)) < 0.005  # type: ignore[arg-type]


def test_without_a_mapping_no_standards_are_guessed() -> None:
    provision = read_course_directory(PROVIDERS, COURSES)
    assert all(offer.standard_references == () for offer in provision.offers)


# --- every row error, by row and column --------------------------------------------------------


def test_the_bad_row_fixture_names_every_bad_cell() -> None:
    errors = validate_rows((FIXTURES / "courses_bad_row.csv").read_bytes())
    assert {e.row for e in errors} == {3}
    assert [e.column for e in errors] == [
        "PROVIDER_UKPRN",
        "DELIVER_MODE",
        "FLEXIBLE_STARTDATE",
        "STARTDATE",
        "DURATION_VALUE",
        "COST",
        "LOCATION_POSTCODE",
        "COURSE_URL",
    ]
    assert all(e.message for e in errors)


def test_errors_in_many_rows_are_all_collected() -> None:
    text = table(
        row(PROVIDER_UKPRN="12"),
        row(COURSE_RUN_ID="r2"),
        row(COURSE_RUN_ID="r3", COST="lots", STARTDATE="2027-13-01"),
        row(COURSE_RUN_ID="r4", DELIVER_MODE=""),
    )
    assert problems(text) == [
        (2, "PROVIDER_UKPRN"),
        (4, "STARTDATE"),
        (4, "COST"),
        (5, "DELIVER_MODE"),
    ]
    offers, errors = parse_courses(text, source="upload.csv")
    assert [o.offer_id for o in offers] == ["ncs:r2"]
    assert len(errors) == 4


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("PROVIDER_UKPRN", "ABCDEFGH", "8 digits"),
        ("PROVIDER_UKPRN", "", "blank"),
        ("COURSE_NAME", "", "blank"),
        ("COURSE_NAME", "x" * 256, "255"),
        ("LEARN_AIM_REF", "603/1234", "learning aim"),
        ("DELIVER_MODE", "5", "1, 2, 3, 4"),
        ("STUDY_MODE", "4", "1, 2, 3"),
        ("ATTENDANCE_PATTERN", "Lunchtime", "1, 2, 3, 4"),
        ("FLEXIBLE_STARTDATE", "Sometimes", "True or False"),
        ("STARTDATE", "31/02/2027", "day/month/year"),
        ("DURATION_UNIT", "6", "1, 2, 3, 4, 5"),
        ("DURATION_VALUE", "1.5", "whole number"),
        ("DURATION_VALUE", "0", "whole number"),
        ("COST", "£1,2x0", "price"),
        ("COST", "-10", "price"),
        ("NATIONAL", "perhaps", "True or False"),
        ("LOCATION_POSTCODE", "B99", "postcode"),
        ("LOCATION_LATITUDE", "40.1", "outside the UK"),
        ("LOCATION_LONGITUDE", "east", "not a number"),
        ("COURSE_URL", "not a web address", "web address"),
        ("COURSE_TYPE", "14", "valid code"),
        ("EDUCATION_LEVEL", "9", "level"),
    ],
)
def test_each_malformed_cell_names_its_row_and_column(column: str, value: str, words: str) -> None:
    errors = validate_rows(table(row(), row(COURSE_RUN_ID="r2", **{column: value})))
    assert [(e.row, e.column) for e in errors] == [(3, column)]
    assert words in errors[0].message


@pytest.mark.parametrize(
    ("changes", "column", "words"),
    [
        ({"STARTDATE": ""}, "STARTDATE", "FLEXIBLE_STARTDATE"),
        ({"DURATION_VALUE": ""}, "DURATION_VALUE", "both or neither"),
        ({"DURATION_UNIT": ""}, "DURATION_UNIT", "both or neither"),
        ({"LOCATION_POSTCODE": ""}, "LOCATION_POSTCODE", "venue's postcode"),
        ({"LOCATION_POSTCODE": "", "DELIVER_MODE": "4"}, "LOCATION_POSTCODE", "venue's postcode"),
    ],
)
def test_cells_that_depend_on_each_other(changes: dict[str, str], column: str, words: str) -> None:
    errors = validate_rows(table(row(**changes)))
    assert [(e.row, e.column) for e in errors] == [(2, column)]
    assert words in errors[0].message


def test_cells_that_may_be_blank() -> None:
    text = table(
        row(STARTDATE="", FLEXIBLE_STARTDATE="True"),
        row(COURSE_RUN_ID="r2", LOCATION_POSTCODE="", NATIONAL="True"),
        row(COURSE_RUN_ID="r3", LOCATION_POSTCODE="", DELIVER_MODE="2"),
        row(COURSE_RUN_ID="r4", DURATION_UNIT="", DURATION_VALUE="", COST="", LEARN_AIM_REF=""),
    )
    offers, errors = parse_courses(text, source="upload.csv")
    assert errors == []
    assert offers[0].flexible_start and offers[3].cost_to_learner_gbp is None
    assert offers[3].duration_months is None


def test_a_providers_own_upload_may_use_words_and_pound_signs() -> None:
    text = table(
        row(
            DELIVER_MODE="Classroom based",
            STUDY_MODE="Part-time",
            ATTENDANCE_PATTERN="Day/Block release",
            DURATION_UNIT="Weeks",
            DURATION_VALUE="10",
            COST="£1,250",
            FLEXIBLE_STARTDATE="yes",
            STARTDATE="2027-01-11",
            LEARN_AIM_REF="603/1234/5",
            EDUCATION_LEVEL="Level 4",
            COURSE_URL="www.example.ac.uk/course",
        ),
        row(COURSE_RUN_ID="r2", COST="Free", EDUCATION_LEVEL="Entry Level"),
    )
    offers, errors = parse_courses(
        text, source="upload.csv", lars_to_standard={"60312345": "ST0662"}
    )
    assert errors == []
    first, second = offers
    assert first.cost_to_learner_gbp == Decimal("1250.00")
    assert first.duration_months == 2.3
    assert first.qualification_reference == "60312345"
    assert first.standard_references == ("ST0662",)
    assert first.url == "https://www.example.ac.uk/course"
    assert first.level == 4
    assert second.cost_to_learner_gbp == 0 and second.level is None


def test_an_upload_is_for_one_provider_and_each_run_once() -> None:
    text = table(row(), row(PROVIDER_UKPRN="19999902", COURSE_RUN_ID="r2"), row())
    errors = validate_rows(text, expected_ukprn=19999901)
    assert [(e.row, e.column) for e in errors] == [(3, "PROVIDER_UKPRN"), (4, "COURSE_RUN_ID")]
    assert "already on row 2" in errors[1].message


def test_older_column_names_are_read() -> None:
    columns = (
        "PROVIDER_UKPRN",
        "QUALIFICATION_COURSE_TITLE",
        "NOTIONAL_NVQ_LEVELV2",
        "DELIVER_MODE",
        "FLEXIBLE_STARTDATE",
        "LOCATION_POSTCODE",
    )
    text = table(
        {
            "PROVIDER_UKPRN": "19999901",
            "QUALIFICATION_COURSE_TITLE": "[TEST] Old format",
            "NOTIONAL_NVQ_LEVELV2": "5",
            "DELIVER_MODE": "1",
            "FLEXIBLE_STARTDATE": "True",
            "LOCATION_POSTCODE": "b47et",
        },
        columns=columns,
    )
    offers, errors = parse_courses(text, source="old.csv")
    assert errors == []
    assert offers[0].title == "[TEST] Old format" and offers[0].level == 5
    assert offers[0].venue_postcode == "B4 7ET"
    assert offers[0].offer_id == "ncs:19999901-row2"


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("", "(header)", "empty"),
        ("PROVIDER_UKPRN,COURSE_NAME\n19999901,x\n", "DELIVER_MODE", "no 'DELIVER_MODE'"),
        ("PROVIDER_UKPRN,DELIVER_MODE\n19999901,1\n", "COURSE_NAME", "no 'COURSE_NAME'"),
        ("PROVIDER_UKPRN,COURSE_NAME,DELIVER_MODE,COST,COST\n", "COST", "more than once"),
    ],
)
def test_header_problems_are_row_one(text: str, column: str, words: str) -> None:
    errors = validate_rows(text)
    assert errors[0].row == 1 and errors[0].column == column
    assert words in errors[0].message


def test_a_row_with_too_many_cells_is_reported() -> None:
    text = table(row()) + "19999901,c2,r2,TESTHTQ1,x," + ",".join(["1"] * 40) + "\n"
    errors = validate_rows(text)
    assert (3, "(row)") in [(e.row, e.column) for e in errors]


def test_blank_lines_are_skipped_but_rows_keep_their_numbers() -> None:
    text = table(row()) + ",,,\n" + table(row(COURSE_RUN_ID="r3", COST="x")).split("\n", 1)[1]
    assert problems(text) == [(4, "COST")]


def test_windows_1252_and_bom_files_are_read() -> None:
    text = table(row(COURSE_NAME="[TEST] Café course – level 4"))
    assert parse_courses(text.encode("cp1252"), source="x")[0][0].title.startswith("[TEST] Caf")
    assert parse_courses(b"\xef\xbb\xbf" + text.encode(), source="x")[1] == []


def test_a_workbook_is_refused_with_advice() -> None:
    with pytest.raises(SourceError, match="CSV UTF-8"):
        validate_rows(b"PK\x03\x04rest of a zip file")


def test_providers_file_errors() -> None:
    text = table(
        {"PROVIDER_UKPRN": "19999901", "PROVIDER_NAME": "A", "CONTACT_POSTCODE": "B4 7PS"},
        {"PROVIDER_UKPRN": "1999990", "PROVIDER_NAME": ""},
        {"PROVIDER_UKPRN": "19999901", "PROVIDER_NAME": "A again"},
        {"PROVIDER_UKPRN": "19999903", "PROVIDER_NAME": "C", "CONTACT_WEBSITE": "not a site"},
        columns=PROVIDER_COLUMNS,
    )
    providers, errors = parse_providers(text, source="providers.csv")
    assert [p.ukprn for p in providers] == [19999901]
    assert [(e.row, e.column) for e in errors] == [
        (3, "PROVIDER_UKPRN"),
        (3, "PROVIDER_NAME"),
        (4, "PROVIDER_UKPRN"),
        (5, "CONTACT_WEBSITE"),
    ]
    assert validate_rows(text, kind="providers") == errors


def test_reading_both_files_refuses_courses_of_unknown_providers(tmp_path: Path) -> None:
    courses = tmp_path / "courses.csv"
    courses.write_text(table(row(), row(PROVIDER_UKPRN="19999999", COURSE_RUN_ID="r2")))
    with pytest.raises(InvalidRows) as caught:
        read_course_directory(PROVIDERS, courses)
    assert caught.value.errors == [
        RowError(3, "PROVIDER_UKPRN", "no provider with UKPRN 19999999 is in the providers file")
    ]
    assert caught.value.record == 3 and caught.value.field == "PROVIDER_UKPRN"
    assert str(courses) in str(caught.value)


def test_reading_the_bad_fixture_raises_with_every_error() -> None:
    with pytest.raises(InvalidRows) as caught:
        read_course_directory(PROVIDERS, FIXTURES / "courses_bad_row.csv")
    assert len(caught.value.errors) == 8
    assert "and 7 more problem(s)" in str(caught.value)


def test_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_course_directory(tmp_path / "none.csv", COURSES)


# --- download ----------------------------------------------------------------------------------


class FakeResponse:
    def __init__(self, body: bytes) -> None:
        self._body = io.BytesIO(body)
        self.headers = {"Content-Length": str(len(body)), "Content-Type": "text/csv"}

    def __enter__(self) -> FakeResponse:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def read(self, size: int = -1) -> bytes:
        return self._body.read(size)


def test_fetch_downloads_both_files_with_a_fake_opener() -> None:
    files = {
        "https://example.test/providers.csv": PROVIDERS,
        "https://example.test/courses.csv": COURSES,
    }
    asked: list[str] = []

    def opener(request: urllib.request.Request, timeout: float) -> Any:
        asked.append(request.full_url)
        return FakeResponse(files[request.full_url].read_bytes())

    seen: list[int] = []
    provision = fetch_course_directory(
        "https://example.test/providers.csv",
        "https://example.test/courses.csv",
        lars_to_standard=MAPPING,
        fetcher=functools.partial(fetch, opener=opener),
        progress=lambda received, total: seen.append(received),
    )
    assert asked == list(files)
    assert len(provision.offers) == 9 and seen
    assert provision.source == "https://example.test/courses.csv"
