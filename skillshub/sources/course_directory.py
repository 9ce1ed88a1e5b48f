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

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from skillshub.domain.geography import Point, latlon_to_bng, normalise_postcode
from skillshub.domain.provision import (
    DeliveryMode,
    Offer,
    OfferType,
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    Provision,
    months_from_duration,
    parse_cost_gbp,
    standards_for,
)
from skillshub.sources.course_directory_codes import (
    ATTENDANCE_PATTERNS,
    COURSE_COLUMNS,
    COURSE_TYPES,
    DELIVER_MODES,
    DURATION_UNITS,
    PROVIDER_COLUMNS,
    STUDY_MODES,
    funding_for,
    offer_type_for,
    parse_aim_ref,
    parse_level,
)
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.tables import (
    InvalidRows,
    RowError,
    RowReader,
    header_failed,
    numbered_rows,
    parse_url,
    read_bytes,
    read_table,
    refuse_errors,
)

PUBLICATION_PAGE = (
    "https://www.gov.uk/government/publications/national-careers-service-course-directory"
)
LICENCE = "Open Government Licence v3.0 (Crown copyright, Department for Education)"


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
    if start is None and not flexible and "STARTDATE" not in row.failed_since(before):
        row.fail("STARTDATE", "give a start date, or set FLEXIBLE_STARTDATE to True")
    unit = row.code("DURATION_UNIT", DURATION_UNITS)
    amount = row.convert("DURATION_VALUE", parse_whole_number)
    months = None
    if unit is not None and amount is not None:
        months = months_from_duration(amount, unit)
    elif (unit is None) != (amount is None) and not (
        {"DURATION_UNIT", "DURATION_VALUE"} & row.failed_since(before)
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
        and "LOCATION_POSTCODE" not in row.failed_since(before)
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
    if header_failed(errors):
        return [], errors
    offers: list[tuple[Offer, Point | None]] = []
    seen: dict[str, int] = {}
    for number, cells in numbered_rows(rows):
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
    if header_failed(errors):
        return [], errors
    providers: list[Provider] = []
    seen: dict[int, int] = {}
    for number, cells in numbered_rows(rows):
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
    refuse_errors(provider_errors, source=providers_source)
    located, course_errors = _parse_courses(
        courses_data,
        source=courses_source,
        lars_to_standard=lars_to_standard,
        expected_ukprn=None,
        known_ukprns={provider.ukprn for provider in providers},
    )
    refuse_errors(course_errors, source=courses_source)
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
        read_bytes(providers_path),
        read_bytes(courses_path),
        providers_source=str(providers_path),
        courses_source=str(courses_path),
        lars_to_standard=lars_to_standard,
    )


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
