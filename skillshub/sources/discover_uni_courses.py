"""Discover Uni courses at Level 4-5 from the official dataset zip: offers at teaching locations.

Format followed: the HESA Unistats / Discover Uni record (C25061, 2025-26) as CSV files in the
zip published at https://www.hesa.ac.uk/support/tools-and-downloads/unistats. ``KISCOURSE.csv``
has one row per course and mode: ``PUBUKPRN``, ``UKPRN``, ``KISCOURSEID``, ``KISMODE`` (01 full
time, 02 part time, 03 both), ``TITLE``, ``KISAIMCODE``, ``KISLEVEL`` (03 first degree, 04 other
undergraduate), ``NUMSTAGE`` (stages, years when full time), ``DISTANCE`` (0 not by distance
learning, 1 only by distance learning, 2 optionally), ``CRSEURL``; ``HECOS`` repeats (one column
per subject). ``COURSELOCATION.csv`` links ``PUBUKPRN``/``UKPRN``/``KISCOURSEID``/``KISMODE`` to
a ``LOCID`` of ``LOCATION.csv`` (keyed by the registering ``UKPRN``; HESA's entity notes say
LOCID may be null); ``UCASCOURSEID.csv`` carries the same link and stands in when
COURSELOCATION is missing. A Level 4-5 course is one
at KISLEVEL 04 or with a Level 4-5 aim (CertHE, DipHE, foundation degrees, HND, AdvDip).
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from skillshub.domain.geography import Point
from skillshub.domain.provision import (
    DeliveryMode,
    Offer,
    OfferType,
    Provider,
    Provision,
    StudyMode,
    validate_ukprn,
)
from skillshub.sources import discover_uni
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import max_bytes, read_member
from skillshub.sources.tables import (
    RowError,
    RowReader,
    header_failed,
    numbered_rows,
    parse_url,
    read_table,
    refuse_errors,
)

COURSE_COLUMNS = ("PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE", "TITLE", "KISAIMCODE", "KISLEVEL")
LINK_COLUMNS = ("PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE", "LOCID")
REPEATED_COLUMNS = frozenset({"HECOS", "HECOSW"})
OTHER_UNDERGRADUATE = "04"
# Aim code -> (level, offer type). From KISAIM.csv: 028 CertHE, 029 DipHE, 030-036 and 130
# foundation degrees (FD, FDA, FDArts, FDEd, FDEng, FDS, FdSc, FdA), 038 HND, 178 AdvDip.
LEVEL_4_5_AIMS: dict[str, tuple[int, OfferType]] = {
    "028": (4, OfferType.OTHER),
    "029": (5, OfferType.OTHER),
    **{code: (5, OfferType.FOUNDATION_DEGREE) for code in ("030", "031", "032", "033")},
    **{code: (5, OfferType.FOUNDATION_DEGREE) for code in ("034", "035", "036", "130")},
    "038": (5, OfferType.HND),
    "178": (5, OfferType.OTHER),
}
_MODES = {"01": StudyMode.FULL_TIME, "02": StudyMode.PART_TIME, "03": StudyMode.FLEXIBLE}
_DISTANCE = {"0": DeliveryMode.CLASSROOM, "1": DeliveryMode.ONLINE, "2": DeliveryMode.BLENDED}
MEMBERS = ("KISCOURSE.csv", "LOCATION.csv", "INSTITUTION.csv")


def is_dataset_zip(data: bytes) -> bool:
    """Whether bytes are a zip holding KISCOURSE.csv (the Discover Uni dataset)."""
    if data[:2] != b"PK":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_base(name) == "KISCOURSE.CSV" for name in archive.namelist())
    except zipfile.BadZipFile:
        return False


def _base(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].upper()


def read_zip(data: bytes, *, source: str) -> dict[str, bytes]:
    """The dataset's CSV files by upper-case file name; SourceError naming what is missing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [i for i in archive.infolist() if _base(i.filename).endswith(".CSV")]
            if sum(i.file_size for i in members) > max_bytes():
                raise SourceError(
                    "the zip's CSV files add up to more than SKILLSHUB_MAX_FILE_MB unzipped",
                    source=source,
                )
            files = {
                _base(info.filename): read_member(archive, info, source=source) for info in members
            }
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError(f"this is not a readable zip file ({error})", source=source) from None
    missing = [name for name in MEMBERS if name.upper() not in files]
    if "COURSELOCATION.CSV" not in files and "UCASCOURSEID.CSV" not in files:
        missing.append("COURSELOCATION.csv")
    if missing:
        raise SourceError(
            f"the Discover Uni zip has no {', '.join(missing)}: download the whole dataset "
            f"from {discover_uni.DOWNLOAD_PAGE}",
            source=source,
        )
    return files


def _table(data: bytes, *, source: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    _, rows, errors = read_table(data, source=source, required=required)
    # HECOS is one column per subject, so the record repeats it by design.
    errors = [
        e
        for e in errors
        if not (e.row == 1 and e.column in REPEATED_COLUMNS and "more than once" in e.message)
    ]
    if header_failed(errors):
        refuse_errors(errors, source=source)
    refuse_errors(errors, source=source)
    return rows


@dataclass(frozen=True)
class Course:
    """One Level 4-5 course in one mode, as KISCOURSE.csv describes it."""

    ukprn: int
    registering_ukprn: int
    course_id: str
    mode: str
    title: str
    aim_code: str
    level: int | None
    offer_type: OfferType
    stages: int | None
    distance: str
    url: str


def _stages(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 10:
        raise ValueError(f"'{value}' is not a number of stages from 1 to 10")
    return int(value)


def _course_url(value: str) -> str:
    """The course page, or blank: one malformed link must not stop a national load."""
    try:
        return parse_url(value) if value else ""
    except ValueError:
        return ""


def read_courses(data: bytes, *, source: str) -> tuple[Course, ...]:
    """The Level 4-5 courses in KISCOURSE.csv (other rows are read for errors, then dropped)."""
    rows = _table(data, source=source, required=COURSE_COLUMNS)
    errors: list[RowError] = []
    found = []
    for number, cells in numbered_rows(rows):
        aim = cells.get("KISAIMCODE", "").zfill(3) if cells.get("KISAIMCODE") else ""
        if cells.get("KISLEVEL", "").zfill(2) != OTHER_UNDERGRADUATE and aim not in LEVEL_4_5_AIMS:
            continue
        reader = RowReader(number, cells, errors)
        ukprn = reader.convert("PUBUKPRN", validate_ukprn, required=True)
        registering = reader.convert("UKPRN", validate_ukprn, required=True)
        course_id = reader.text("KISCOURSEID", required=True, max_length=60)
        mode = reader.text("KISMODE", required=True).zfill(2)
        if mode not in _MODES:
            reader.fail("KISMODE", f"'{mode}' is not a mode (01 full time, 02 part time, 03 both)")
        title = reader.text("TITLE", "TITLEW", required=True)
        distance = reader.text("DISTANCE") or "0"
        if distance not in _DISTANCE:
            reader.fail("DISTANCE", f"'{distance}' is not 0, 1 or 2")
        stages = reader.convert("NUMSTAGE", _stages)
        url = _course_url(cells.get("CRSEURL", ""))
        if ukprn is None or registering is None or not course_id or not title:
            continue
        level, offer_type = LEVEL_4_5_AIMS.get(aim, (None, OfferType.OTHER))
        found.append(
            Course(
                ukprn=ukprn,
                registering_ukprn=registering,
                course_id=course_id,
                mode=mode,
                title=title,
                aim_code=aim,
                level=level,
                offer_type=offer_type,
                stages=stages,
                distance=distance,
                url=url,
            )
        )
    refuse_errors(errors, source=source)
    return tuple(found)


def read_course_locations(data: bytes, *, source: str) -> dict[tuple[int, str, str], list[str]]:
    """(PUBUKPRN, KISCOURSEID, KISMODE) -> the LOCIDs it is taught at, in file order."""
    rows = _table(data, source=source, required=LINK_COLUMNS)
    errors: list[RowError] = []
    links: dict[tuple[int, str, str], list[str]] = defaultdict(list)
    for number, cells in numbered_rows(rows):
        reader = RowReader(number, cells, errors)
        ukprn = reader.convert("PUBUKPRN", validate_ukprn, required=True)
        course_id = reader.text("KISCOURSEID", required=True)
        mode = reader.text("KISMODE", required=True).zfill(2)
        locid = reader.text("LOCID")
        if ukprn is None or not course_id or not locid:
            continue  # a course with no fixed location (distance learning) has a blank LOCID
        known = links[(ukprn, course_id, mode)]
        if locid not in known:
            known.append(locid)
    refuse_errors(errors, source=source)
    return dict(links)


@dataclass(frozen=True)
class DiscoverUniProvision:
    """Everything the zip gives: providers with their sites, offers, and each offer's point."""

    provision: Provision
    points: Mapping[str, Point | None]
    courses_read: int


def offer_id(course: Course, locid: str) -> str:
    where = f":{locid}" if locid else ""
    return f"discover-uni:{course.ukprn}:{course.course_id}:{course.mode}{where}"


def _offer(course: Course, *, aims: Mapping[str, str], venue: str, locid: str) -> Offer:
    aim = aims.get(course.aim_code, "")
    title = (
        f"{aim} {course.title}" if aim and aim.lower() not in course.title.lower() else course.title
    )
    full_time = course.mode == "01"
    months = 12.0 * course.stages if course.stages and full_time else None
    length = f"{course.stages} year{'s' if course.stages != 1 else ''} full time" if months else ""
    delivery = _DISTANCE[course.distance]
    notes = [
        f"Qualification: {aim}" if aim else "",
        length,
        "Also available by distance learning." if course.distance == "2" else "",
    ]
    return Offer(
        offer_id=offer_id(course, locid),
        ukprn=course.ukprn,
        offer_type=course.offer_type,
        title=title[:255],
        delivery_mode=delivery,
        level=course.level,
        study_mode=_MODES[course.mode],
        duration_months=months,
        venue_name=venue,
        description=". ".join(note.rstrip(".") for note in notes if note) + "."
        if any(notes)
        else "",
        url=course.url,
    )


def parse_dataset(
    data: bytes, *, source: str, locate: Callable[[str], Point | None]
) -> DiscoverUniProvision:
    """Read and validate the zip: English providers, their sites and Level 4-5 course offers.

    Each course is an offer per location it is taught at (at the location's point); one with
    no location is placed at its provider's first site. Courses of providers outside England
    are dropped with them.
    """
    files = read_zip(data, source=source)
    label = f"{source}!"
    institutions = discover_uni.read_institutions(
        files["INSTITUTION.CSV"], source=label + "INSTITUTION.csv"
    )
    locations = discover_uni.read_locations(files["LOCATION.CSV"], source=label + "LOCATION.csv")
    aims = (
        discover_uni.read_aims(files["KISAIM.CSV"], source=label + "KISAIM.csv")
        if "KISAIM.CSV" in files
        else {}
    )
    courses = read_courses(files["KISCOURSE.CSV"], source=label + "KISCOURSE.csv")
    link_name = "COURSELOCATION.CSV" if "COURSELOCATION.CSV" in files else "UCASCOURSEID.CSV"
    links = read_course_locations(files[link_name], source=label + link_name.lower())
    providers: dict[int, Provider] = {
        p.ukprn: p for p in discover_uni.providers(institutions, locations, locate=locate)
    }
    by_key = {(loc.registering_ukprn, loc.locid): loc for loc in locations}
    offers: dict[str, Offer] = {}
    points: dict[str, Point | None] = {}
    for course in courses:
        provider = providers.get(course.ukprn)
        if provider is None:
            continue
        placed = [
            (locid, by_key.get((course.registering_ukprn, locid)))
            for locid in links.get((course.ukprn, course.course_id, course.mode), [])
        ]
        placed = [(locid, loc) for locid, loc in placed if loc is not None]
        if placed:
            for locid, loc in placed:
                offer = _offer(course, aims=aims, venue=loc.name if loc else "", locid=locid)
                offers[offer.offer_id] = offer
                points[offer.offer_id] = loc.point if loc else None
            continue
        site = next((s for s in provider.locations if s.point is not None), None)
        offer = _offer(course, aims=aims, venue=site.name if site else "", locid="")
        offers[offer.offer_id] = offer
        points[offer.offer_id] = site.point if site else None
    provision = Provision(tuple(providers.values()), tuple(offers.values()), source)
    return DiscoverUniProvision(provision, points, len(courses))
