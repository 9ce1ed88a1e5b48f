"""National Careers Service course directory: the published providers and courses CSV files.

Format followed (checked 22 Nov 2026 against public code; no data dictionary was found):

* Courses file ``LiveCoursesWithRegionsAndVenuesReport-YYYYMMDD.csv`` on GOV.UK "National
  Careers Service course directory". The 36 columns, in order, as a public ingest script
  ("Vocari"; the search index does not name its repository) lists them from the published
  27 July 2026 file (``REAL_PUBLISHED_HEADERS``); the same names are the CsvHelper ``[Name(...)]``
  attributes of the generator, ``SkillsFundingAgency/dfc-coursedirectory``
  ``src/Dfc.CourseDirectory.WebV2/Features/OpenData/Reporting/LiveCourseWithRegionsAndVenuesReport.cs``
  (there ``COURSE_DESCRIPTION``; the published file says ``WHO_THIS_COURSE_IS_FOR``, so both are
  read) and the test ``AllCoursesReportTests.cs`` (admin report, which adds PROVIDER_NAME).
  Booleans are CsvHelper's ``True``/``False``; dates ``dd/MM/yyyy``; ``COST`` ``0.00`` or blank.
* Code values, from ``dfc-coursedirectory`` ``src/Dfc.CourseDirectory.Core/Models``:
  DELIVER_MODE 1 classroom based, 2 online, 3 work based, 4 blended learning; STUDY_MODE 1 full
  time, 2 part time, 3 flexible; ATTENDANCE_PATTERN 1 daytime, 2 evening, 3 weekend, 4 day/block
  release; DURATION_UNIT 1 days, 2 weeks, 3 months, 4 years, 5 hours; COURSE_TYPE 1 Essential
  Skills, 2 T Levels, 3 HTQs, 4 Free Courses for Jobs, 5 Multiply, 6 Skills Bootcamp, 7 AS level,
  8 A level, 9 RQF, 10 VRQ, 11 Degree, 12 non-regulated, 13 NVQ; EDUCATION_LEVEL "Entry Level" or
  1-7. The same codes appear in ``feat`` (DfE) ``Models/Staging/FAC/Enums``.
* Providers file ``LiveCourseProvidersReport``: PROVIDER_UKPRN, PROVIDER_NAME, TRADING_NAME,
  CONTACT_ADDRESS1, CONTACT_ADDRESS2, CONTACT_TOWN, CONTACT_POSTCODE, CONTACT_WEBSITE,
  CONTACT_PHONE, CONTACT_EMAIL (``LiveCourseProvidersReport.cs`` in the same repository).
* Older exports used QUALIFICATION_COURSE_TITLE and NOTIONAL_NVQ_LEVELV2; they are read as
  fallbacks for COURSE_NAME and EDUCATION_LEVEL.

A provider's own upload in the courses format is checked by ``validate_rows``, which returns
every problem (row and column) rather than stopping at the first. Rows are numbered as a
spreadsheet shows them: the header is row 1, the first course row 2.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from skillshub.domain.geography import Point, latlon_to_bng, normalise_postcode
from skillshub.domain.provision import (
    AttendancePattern,
    DeliveryMode,
    DurationUnit,
    FundingRoute,
    Offer,
    OfferType,
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    Provision,
    StudyMode,
    months_from_duration,
    parse_cost_gbp,
    standards_for,
    validate_ukprn,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch

PUBLICATION_PAGE = (
    "https://www.gov.uk/government/publications/national-careers-service-course-directory"
)
LICENCE = "Open Government Licence v3.0 (Crown copyright, Department for Education)"

COURSE_COLUMNS = (
    "PROVIDER_UKPRN",
    "COURSE_ID",
    "COURSE_RUN_ID",
    "LEARN_AIM_REF",
    "COURSE_NAME",
    "WHO_THIS_COURSE_IS_FOR",
    "DELIVER_MODE",
    "STUDY_MODE",
    "ATTENDANCE_PATTERN",
    "FLEXIBLE_STARTDATE",
    "STARTDATE",
    "DURATION_UNIT",
    "DURATION_VALUE",
    "COST",
    "COST_DESCRIPTION",
    "NATIONAL",
    "REGIONS",
    "LOCATION_NAME",
    "LOCATION_ADDRESS1",
    "LOCATION_ADDRESS2",
    "LOCATION_COUNTY",
    "LOCATION_EMAIL",
    "LOCATION_LATITUDE",
    "LOCATION_LONGITUDE",
    "LOCATION_POSTCODE",
    "LOCATION_TELEPHONE",
    "LOCATION_TOWN",
    "LOCATION_WEBSITE",
    "COURSE_URL",
    "UPDATED_DATE",
    "ENTRY_REQUIREMENTS",
    "HOW_YOU_WILL_BE_ASSESSED",
    "COURSE_TYPE",
    "SECTOR",
    "EDUCATION_LEVEL",
    "AWARDING_BODY",
)
"""The 36 columns of the published courses file, in order."""

PROVIDER_COLUMNS = (
    "PROVIDER_UKPRN",
    "PROVIDER_NAME",
    "TRADING_NAME",
    "CONTACT_ADDRESS1",
    "CONTACT_ADDRESS2",
    "CONTACT_TOWN",
    "CONTACT_POSTCODE",
    "CONTACT_WEBSITE",
    "CONTACT_PHONE",
    "CONTACT_EMAIL",
)

DELIVER_MODES = {
    "1": DeliveryMode.CLASSROOM,
    "2": DeliveryMode.ONLINE,
    "3": DeliveryMode.WORKPLACE,
    "4": DeliveryMode.BLENDED,
    "classroom based": DeliveryMode.CLASSROOM,
    "classroom": DeliveryMode.CLASSROOM,
    "online": DeliveryMode.ONLINE,
    "work based": DeliveryMode.WORKPLACE,
    "blended learning": DeliveryMode.BLENDED,
}
STUDY_MODES = {
    "1": StudyMode.FULL_TIME,
    "2": StudyMode.PART_TIME,
    "3": StudyMode.FLEXIBLE,
    "full-time": StudyMode.FULL_TIME,
    "full time": StudyMode.FULL_TIME,
    "part-time": StudyMode.PART_TIME,
    "part time": StudyMode.PART_TIME,
    "flexible": StudyMode.FLEXIBLE,
}
ATTENDANCE_PATTERNS = {
    "1": AttendancePattern.DAYTIME,
    "2": AttendancePattern.EVENING,
    "3": AttendancePattern.WEEKEND,
    "4": AttendancePattern.DAY_OR_BLOCK_RELEASE,
    "daytime": AttendancePattern.DAYTIME,
    "evening": AttendancePattern.EVENING,
    "weekend": AttendancePattern.WEEKEND,
    "day/block release": AttendancePattern.DAY_OR_BLOCK_RELEASE,
}
DURATION_UNITS = {
    "1": DurationUnit.DAYS,
    "2": DurationUnit.WEEKS,
    "3": DurationUnit.MONTHS,
    "4": DurationUnit.YEARS,
    "5": DurationUnit.HOURS,
    **{unit.value: unit for unit in DurationUnit},
}
COURSE_TYPES = {str(code): code for code in range(1, 14)}
HTQ, FREE_COURSES_FOR_JOBS, SKILLS_BOOTCAMP, NON_REGULATED = 3, 4, 6, 12

_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0"})
_AIM_REF = re.compile(r"^[A-Z0-9]{8}$")
_HNC = re.compile(r"\b(hnc|higher national certificate)\b", re.IGNORECASE)
_HND = re.compile(r"\b(hnd|higher national diploma)\b", re.IGNORECASE)
_FOUNDATION = re.compile(r"\b(foundation degree|fdsc|fda|fdeng)\b", re.IGNORECASE)
_FUNDING_WORDS = (
    (re.compile(r"advanced learner loan", re.IGNORECASE), FundingRoute.ADVANCED_LEARNER_LOAN),
    (re.compile(r"student finance|tuition fee loan", re.IGNORECASE), FundingRoute.STUDENT_FINANCE),
    (re.compile(r"free courses? for jobs", re.IGNORECASE), FundingRoute.FREE_COURSES_FOR_JOBS),
)
T = TypeVar("T")


@dataclass(frozen=True)
class RowError:
    """One problem in an uploaded table: the spreadsheet row, the column and what to change."""

    row: int
    column: str
    message: str

    def describe(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class InvalidRows(SourceError):
    """A file with one or more bad rows; ``errors`` lists every one of them."""

    def __init__(self, errors: list[RowError], *, source: str) -> None:
        self.errors = errors
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        super().__init__(
            f"{first.message}{more}", source=source, record=first.row, field=first.column
        )


def decode_text(data: bytes | str, *, source: str) -> str:
    """Text from a file's bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel saves."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data[:2] == b"PK":
        raise SourceError(
            "this is a spreadsheet workbook (.xlsx), not a CSV file: save it as 'CSV UTF-8' first",
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(
    data: bytes | str, *, source: str, required: Iterable[str] = ()
) -> tuple[list[str], list[dict[str, str]], list[RowError]]:
    """Header names (upper case), rows keyed by them, and any header or shape problems."""
    reader = csv.reader(io.StringIO(decode_text(data, source=source), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [], [RowError(1, "(header)", "the file is empty: it needs a header row")]
    except csv.Error as error:
        return [], [], [RowError(1, "(header)", f"the header row cannot be read as CSV ({error})")]
    names = [name.strip().upper() for name in header]
    errors = [
        RowError(1, name, f"the column '{name}' appears more than once")
        for position, name in enumerate(names)
        if name and name in names[:position]
    ]
    errors += [
        RowError(1, name, f"the header row has no '{name}' column; add it (see the format notes)")
        for name in required
        if name not in names
    ]
    rows: list[dict[str, str]] = []
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                rows.append({})
                continue
            if len(cells) > len(names):
                errors.append(
                    RowError(
                        number,
                        "(row)",
                        f"this row has {len(cells)} cells but the header has {len(names)}: "
                        "check for an unquoted comma",
                    )
                )
            rows.append({name: cell.strip() for name, cell in zip(names, cells, strict=False)})
    except csv.Error as error:
        errors.append(RowError(len(rows) + 2, "(row)", f"the row cannot be read as CSV ({error})"))
    return names, rows, errors


class RowReader:
    """Reads typed cells from one row, noting each problem rather than stopping at the first."""

    def __init__(self, number: int, cells: Mapping[str, str], errors: list[RowError]) -> None:
        self.number = number
        self.cells = cells
        self.errors = errors

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def text(self, *columns: str, required: bool = False, max_length: int = 0) -> str:
        """The first non-blank of ``columns`` (later ones are older names for the same thing)."""
        value = next((self.cells[c] for c in columns if self.cells.get(c)), "")
        if required and not value:
            self.fail(columns[0], "this cell is blank; it must be filled in")
        if max_length and len(value) > max_length:
            self.fail(columns[0], f"this is {len(value)} characters; keep it to {max_length}")
        return value

    def convert(
        self, column: str, parse: Callable[[str], T], *, required: bool = False
    ) -> T | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.fail(column, str(error))
            return None

    def code(self, column: str, codes: Mapping[str, T], *, required: bool = False) -> T | None:
        def parse(value: str) -> T:
            key = value.strip().lower()
            if key not in codes:
                allowed = ", ".join(k for k in codes if k.isdigit()) or ", ".join(codes)
                raise ValueError(f"'{value}' is not a valid code here (use one of: {allowed})")
            return codes[key]

        return self.convert(column, parse, required=required)

    def flag(self, column: str) -> bool:
        def parse(value: str) -> bool:
            key = value.lower()
            if key in _TRUE or key in _FALSE:
                return key in _TRUE
            raise ValueError(f"'{value}' is not True or False")

        return bool(self.convert(column, parse))

    def day(self, column: str) -> date | None:
        return self.convert(column, parse_day)

    def ukprn(self, column: str) -> int | None:
        return self.convert(column, validate_ukprn, required=True)


def parse_day(value: str) -> date:
    """A date as the course directory writes it (dd/MM/yyyy), or ISO yyyy-mm-dd."""
    text = value.strip().split(" ")[0]
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%Y/%m/%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{value}' is not a date: write it as day/month/year, like 01/09/2026")


def parse_level(value: str) -> int | None:
    """EDUCATION_LEVEL (``Entry Level``, ``1``-``7``, ``Level 4``) or a notional NVQ level code."""
    text = value.strip().lower().removeprefix("level").strip()
    if text in {"entry level", "entry", "e", "x", "h", "u", "m"}:
        return None
    if text.isdigit() and 1 <= int(text) <= 8:
        return int(text)
    raise ValueError(f"'{value}' is not a level: use Entry Level or a number from 1 to 8")


def parse_aim_ref(value: str) -> str:
    reference = value.replace("/", "").strip().upper()
    if not _AIM_REF.match(reference):
        raise ValueError(f"'{value}' is not a learning aim reference (8 letters or digits)")
    return reference


def parse_url(value: str) -> str:
    if re.match(r"^https?://\S+\.\S+$", value, re.IGNORECASE):
        return value
    if re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", value):
        return "https://" + value
    raise ValueError(f"'{value}' is not a web address (like https://www.example.ac.uk)")


def parse_whole_number(value: str) -> int:
    if not value.isdigit() or int(value) == 0:
        raise ValueError(f"'{value}' is not a whole number above 0")
    return int(value)


def parse_coordinate(low: float, high: float) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a number") from None
        if not low <= number <= high:
            raise ValueError(f"{value} is outside the UK (expected {low} to {high})")
        return number

    return parse


def offer_type_for(course_type: int | None, title: str) -> OfferType:
    """COURSE_TYPE decides HTQs and Bootcamps; HNC/HND/foundation degree are named in titles."""
    if course_type == HTQ:
        return OfferType.HTQ
    if course_type == SKILLS_BOOTCAMP:
        return OfferType.SKILLS_BOOTCAMP
    for pattern, offer_type in (
        (_HNC, OfferType.HNC),
        (_HND, OfferType.HND),
        (_FOUNDATION, OfferType.FOUNDATION_DEGREE),
    ):
        if pattern.search(title):
            return offer_type
    return OfferType.SHORT_COURSE if course_type == NON_REGULATED else OfferType.OTHER


def funding_for(course_type: int | None, *texts: str) -> tuple[FundingRoute, ...]:
    """Funding the file states: the course type, or a route named in the cost description."""
    routes: list[FundingRoute] = []
    if course_type == SKILLS_BOOTCAMP:
        routes.append(FundingRoute.SKILLS_BOOTCAMP)
    if course_type == FREE_COURSES_FOR_JOBS:
        routes.append(FundingRoute.FREE_COURSES_FOR_JOBS)
    joined = " ".join(texts)
    for pattern, route in _FUNDING_WORDS:
        if pattern.search(joined) and route not in routes:
            routes.append(route)
    return tuple(routes)


def _course(
    row: RowReader, lars_to_standard: Mapping[str, str | Iterable[str]] | None
) -> tuple[Offer, Point | None] | None:
    """One course row as an Offer and its venue's grid point (from LOCATION_LATITUDE/LONGITUDE)."""
    before = len(row.errors)
    ukprn = row.ukprn("PROVIDER_UKPRN")
    title = row.text("COURSE_NAME", "QUALIFICATION_COURSE_TITLE", required=True, max_length=255)
    aim = row.convert("LEARN_AIM_REF", parse_aim_ref)
    mode = row.code("DELIVER_MODE", DELIVER_MODES, required=True)
    study = row.code("STUDY_MODE", STUDY_MODES)
    attendance = row.code("ATTENDANCE_PATTERN", ATTENDANCE_PATTERNS)
    flexible = row.flag("FLEXIBLE_STARTDATE")
    start = row.day("STARTDATE")
    if start is None and not flexible and "STARTDATE" not in _failed(row, before):
        row.fail("STARTDATE", "give a start date, or set FLEXIBLE_STARTDATE to True")
    unit = row.code("DURATION_UNIT", DURATION_UNITS)
    amount = row.convert("DURATION_VALUE", parse_whole_number)
    months = None
    if unit is not None and amount is not None:
        months = months_from_duration(amount, unit)
    elif (unit is None) != (amount is None) and not {"DURATION_UNIT", "DURATION_VALUE"} & _failed(
        row, before
    ):
        missing = "DURATION_VALUE" if amount is None else "DURATION_UNIT"
        row.fail(missing, "DURATION_UNIT and DURATION_VALUE go together: fill in both or neither")
    cost = row.convert("COST", parse_cost_gbp)
    cost_text = row.text("COST_DESCRIPTION", max_length=255)
    national = row.flag("NATIONAL")
    postcode = row.convert("LOCATION_POSTCODE", normalise_postcode)
    if (
        postcode is None
        and not national
        and mode in (DeliveryMode.CLASSROOM, DeliveryMode.BLENDED)
        and "LOCATION_POSTCODE" not in _failed(row, before)
    ):
        row.fail("LOCATION_POSTCODE", "classroom and blended courses need the venue's postcode")
    latitude = row.convert("LOCATION_LATITUDE", parse_coordinate(49.0, 61.0))
    longitude = row.convert("LOCATION_LONGITUDE", parse_coordinate(-8.7, 2.0))
    url = row.convert("COURSE_URL", parse_url) or ""
    course_type = row.code("COURSE_TYPE", COURSE_TYPES)
    level_column = "EDUCATION_LEVEL" if row.text("EDUCATION_LEVEL") else "NOTIONAL_NVQ_LEVELV2"
    level = row.convert(level_column, parse_level)
    if len(row.errors) > before or ukprn is None or mode is None:
        return None
    run_id = row.text("COURSE_RUN_ID") or row.text("COURSE_ID") or f"{ukprn}-row{row.number}"
    offer_type = offer_type_for(course_type, title)
    point = None
    if latitude is not None and longitude is not None and postcode:
        point = latlon_to_bng(latitude, longitude)
    try:
        offer = Offer(
            offer_id=f"ncs:{run_id}",
            ukprn=ukprn,
            offer_type=offer_type,
            title=title,
            delivery_mode=mode,
            level=level,
            qualification_reference=aim or "",
            standard_references=standards_for(aim, lars_to_standard) if aim else (),
            study_mode=study,
            attendance_pattern=attendance,
            duration_months=months,
            cost_to_learner_gbp=cost,
            funding_routes=funding_for(course_type, cost_text),
            awarding_body=row.text("AWARDING_BODY"),
            accreditation=OfferType.HTQ.value if offer_type is OfferType.HTQ else "",
            start_dates=(start,) if start else (),
            flexible_start=flexible,
            venue_name=row.text("LOCATION_NAME"),
            venue_postcode=postcode,
            national=national,
            description=row.text("WHO_THIS_COURSE_IS_FOR", "COURSE_DESCRIPTION"),
            url=url,
        )
    except ValueError as error:
        row.fail("LEARN_AIM_REF", str(error))
        return None
    return offer, point


def _failed(row: RowReader, since: int) -> set[str]:
    return {error.column for error in row.errors[since:]}


def parse_courses(
    data: bytes | str,
    *,
    source: str,
    lars_to_standard: Mapping[str, str | Iterable[str]] | None = None,
    expected_ukprn: int | None = None,
    known_ukprns: Collection[int] | None = None,
) -> tuple[list[Offer], list[RowError]]:
    """Every valid course row as an Offer, and every problem found (empty when all is well).

    ``lars_to_standard`` maps a LEARN_AIM_REF to the standard reference(s) it prepares for;
    ``expected_ukprn`` makes a provider's upload refuse rows for any other provider;
    ``known_ukprns`` refuses rows whose provider is not in the providers file.
    """
    located, errors = _parse_courses(
        data,
        source=source,
        lars_to_standard=lars_to_standard,
        expected_ukprn=expected_ukprn,
        known_ukprns=known_ukprns,
    )
    return [offer for offer, _ in located], errors


def _parse_courses(
    data: bytes | str,
    *,
    source: str,
    lars_to_standard: Mapping[str, str | Iterable[str]] | None,
    expected_ukprn: int | None,
    known_ukprns: Collection[int] | None,
) -> tuple[list[tuple[Offer, Point | None]], list[RowError]]:
    names, rows, errors = read_table(
        data, source=source, required=("PROVIDER_UKPRN", "DELIVER_MODE")
    )
    if names and not {"COURSE_NAME", "QUALIFICATION_COURSE_TITLE"} & set(names):
        errors.append(RowError(1, "COURSE_NAME", "the header row has no 'COURSE_NAME' column"))
    if any(error.row == 1 for error in errors):
        return [], errors
    offers: list[tuple[Offer, Point | None]] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        if not cells:
            continue
        row = RowReader(number, cells, errors)
        made = _course(row, lars_to_standard)
        if made is None:
            continue
        offer = made[0]
        if expected_ukprn is not None and offer.ukprn != expected_ukprn:
            row.fail(
                "PROVIDER_UKPRN", f"this upload is for UKPRN {expected_ukprn}, not {offer.ukprn}"
            )
            continue
        if known_ukprns is not None and offer.ukprn not in known_ukprns:
            row.fail(
                "PROVIDER_UKPRN", f"no provider with UKPRN {offer.ukprn} is in the providers file"
            )
            continue
        if offer.offer_id in seen:
            row.fail(
                "COURSE_RUN_ID", f"the same course run is already on row {seen[offer.offer_id]}"
            )
            continue
        seen[offer.offer_id] = number
        offers.append(made)
    return offers, errors


def validate_rows(
    data: bytes | str,
    *,
    kind: Literal["courses", "providers"] = "courses",
    source: str = "upload",
    expected_ukprn: int | None = None,
) -> list[RowError]:
    """Every problem in an uploaded courses (or providers) CSV, for a page that lists them all."""
    if kind == "providers":
        return parse_providers(data, source=source)[1]
    return parse_courses(data, source=source, expected_ukprn=expected_ukprn)[1]


def parse_providers(data: bytes | str, *, source: str) -> tuple[list[Provider], list[RowError]]:
    """Every valid row of the providers file as a Provider, and every problem found."""
    _, rows, errors = read_table(data, source=source, required=("PROVIDER_UKPRN", "PROVIDER_NAME"))
    if any(error.row == 1 for error in errors):
        return [], errors
    providers: list[Provider] = []
    seen: dict[int, int] = {}
    for number, cells in enumerate(rows, start=2):
        if not cells:
            continue
        row = RowReader(number, cells, errors)
        before = len(errors)
        ukprn = row.ukprn("PROVIDER_UKPRN")
        name = row.text("TRADING_NAME") or row.text("PROVIDER_NAME")
        row.text("PROVIDER_NAME", required=True)
        postcode = row.convert("CONTACT_POSTCODE", normalise_postcode)
        website = row.convert("CONTACT_WEBSITE", parse_url) or ""
        if len(errors) > before or ukprn is None:
            continue
        if ukprn in seen:
            row.fail("PROVIDER_UKPRN", f"this provider is already on row {seen[ukprn]}")
            continue
        seen[ukprn] = number
        contact = row.text("CONTACT_TOWN") or "Contact address"
        providers.append(
            Provider(
                ukprn=ukprn,
                name=name,
                type=ProviderType.OTHER,
                status=ProviderStatus.ACTIVE,
                website=website,
                locations=(ProviderLocation(contact, postcode),) if postcode else (),
            )
        )
    return providers, errors


def _with_venues(
    providers: Iterable[Provider], located: Iterable[tuple[Offer, Point | None]]
) -> tuple[Provider, ...]:
    """Add each provider's course venues (with their points when given) to its locations."""
    venues: dict[int, dict[str, ProviderLocation]] = {}
    for offer, point in located:
        if offer.venue_postcode:
            venues.setdefault(offer.ukprn, {}).setdefault(
                offer.venue_postcode,
                ProviderLocation(
                    offer.venue_name or offer.venue_postcode, offer.venue_postcode, point
                ),
            )
    result = []
    for provider in providers:
        sites = {location.postcode: location for location in provider.locations}
        for postcode, venue in venues.get(provider.ukprn, {}).items():
            known = sites.get(postcode)
            if known is None or (known.point is None and venue.point is not None):
                sites[postcode] = venue
        result.append(
            Provider(
                provider.ukprn,
                provider.name,
                provider.type,
                provider.status,
                provider.website,
                tuple(sites.values()),
            )
        )
    return tuple(result)


def parse_course_directory(
    providers_data: bytes | str,
    courses_data: bytes | str,
    *,
    providers_source: str,
    courses_source: str,
    lars_to_standard: Mapping[str, str | Iterable[str]] | None = None,
) -> Provision:
    """Both files, validated together; raises InvalidRows listing every bad row of either."""
    providers, provider_errors = parse_providers(providers_data, source=providers_source)
    if provider_errors:
        raise InvalidRows(provider_errors, source=providers_source)
    located, course_errors = _parse_courses(
        courses_data,
        source=courses_source,
        lars_to_standard=lars_to_standard,
        expected_ukprn=None,
        known_ukprns={provider.ukprn for provider in providers},
    )
    if course_errors:
        raise InvalidRows(course_errors, source=courses_source)
    offers = tuple(offer for offer, _ in located)
    return Provision(_with_venues(providers, located), offers, source=courses_source)


def read_course_directory(
    providers_path: Path,
    courses_path: Path,
    *,
    lars_to_standard: Mapping[str, str | Iterable[str]] | None = None,
) -> Provision:
    """Read and validate the providers and courses files from disk."""
    return parse_course_directory(
        _read(providers_path),
        _read(courses_path),
        providers_source=str(providers_path),
        courses_source=str(courses_path),
        lars_to_standard=lars_to_standard,
    )


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read the file ({error.strerror})", source=str(path)) from error


def fetch_course_directory(
    providers_url: str,
    courses_url: str,
    *,
    lars_to_standard: Mapping[str, str | Iterable[str]] | None = None,
    fetcher: Callable[..., Any] = fetch,
    progress: ProgressCallback | None = None,
) -> Provision:
    """Download both files (links change monthly: take them from the GOV.UK page) and read them."""
    providers = fetcher(providers_url, progress=progress)
    courses = fetcher(courses_url, timeout_s=600.0, progress=progress)
    return parse_course_directory(
        providers.content,
        courses.content,
        providers_source=providers_url,
        courses_source=courses_url,
        lars_to_standard=lars_to_standard,
    )


__all__ = [
    "COURSE_COLUMNS",
    "PROVIDER_COLUMNS",
    "InvalidRows",
    "RowError",
    "RowReader",
    "fetch_course_directory",
    "parse_course_directory",
    "parse_courses",
    "parse_providers",
    "read_course_directory",
    "read_table",
    "validate_rows",
]
