"""The course directory's published columns, its code tables and the readers of coded cells."""

from __future__ import annotations

import re

from skillshub.domain.provision import (
    AttendancePattern,
    DeliveryMode,
    DurationUnit,
    FundingRoute,
    OfferType,
    StudyMode,
)

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

_AIM_REF = re.compile(r"^[A-Z0-9]{8}$")
_HNC = re.compile(r"\b(hnc|higher national certificate)\b", re.IGNORECASE)
_HND = re.compile(r"\b(hnd|higher national diploma)\b", re.IGNORECASE)
_FOUNDATION = re.compile(r"\b(foundation degree|fdsc|fda|fdeng)\b", re.IGNORECASE)
_FUNDING_WORDS = (
    (re.compile(r"advanced learner loan", re.IGNORECASE), FundingRoute.ADVANCED_LEARNER_LOAN),
    (re.compile(r"student finance|tuition fee loan", re.IGNORECASE), FundingRoute.STUDENT_FINANCE),
    (re.compile(r"free courses? for jobs", re.IGNORECASE), FundingRoute.FREE_COURSES_FOR_JOBS),
)


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
