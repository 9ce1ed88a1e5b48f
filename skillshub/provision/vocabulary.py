"""Short, stable codes for the provision vocabularies, shared by the web forms, API and CLI."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from skillshub.domain.provision import DeliveryMode, FundingRoute, OfferType, StudyMode

E = TypeVar("E", bound=StrEnum)

OFFER_TYPES: dict[str, OfferType] = {
    "apprenticeship": OfferType.APPRENTICESHIP,
    "htq": OfferType.HTQ,
    "hnc": OfferType.HNC,
    "hnd": OfferType.HND,
    "foundation-degree": OfferType.FOUNDATION_DEGREE,
    "short-course": OfferType.SHORT_COURSE,
    "skills-bootcamp": OfferType.SKILLS_BOOTCAMP,
    "module": OfferType.MODULE,
    "other": OfferType.OTHER,
}
DELIVERY_MODES: dict[str, DeliveryMode] = {
    "classroom": DeliveryMode.CLASSROOM,
    "online": DeliveryMode.ONLINE,
    "blended": DeliveryMode.BLENDED,
    "workplace": DeliveryMode.WORKPLACE,
    "day-release": DeliveryMode.DAY_RELEASE,
    "block-release": DeliveryMode.BLOCK_RELEASE,
}
STUDY_MODES: dict[str, StudyMode] = {
    "full-time": StudyMode.FULL_TIME,
    "part-time": StudyMode.PART_TIME,
    "flexible": StudyMode.FLEXIBLE,
}
FUNDING_ROUTES: dict[str, FundingRoute] = {
    "apprenticeship": FundingRoute.APPRENTICESHIP,
    "advanced-learner-loan": FundingRoute.ADVANCED_LEARNER_LOAN,
    "skills-bootcamp": FundingRoute.SKILLS_BOOTCAMP,
    "free-courses-for-jobs": FundingRoute.FREE_COURSES_FOR_JOBS,
    "student-finance": FundingRoute.STUDENT_FINANCE,
}
SORTS = {"relevance": "Best match", "distance": "Nearest", "start_date": "Soonest start"}

_LABELS: dict[StrEnum, str] = {
    OfferType.APPRENTICESHIP: "Apprenticeship",
    OfferType.HTQ: "Higher Technical Qualification (HTQ)",
    OfferType.HNC: "Higher National Certificate (HNC)",
    OfferType.HND: "Higher National Diploma (HND)",
    OfferType.FOUNDATION_DEGREE: "Foundation degree",
    OfferType.SHORT_COURSE: "Short course",
    OfferType.SKILLS_BOOTCAMP: "Skills Bootcamp",
    OfferType.MODULE: "Module of a larger qualification",
    OfferType.OTHER: "Other qualification",
    DeliveryMode.CLASSROOM: "Classroom",
    DeliveryMode.ONLINE: "Online",
    DeliveryMode.BLENDED: "Blended (online and classroom)",
    DeliveryMode.WORKPLACE: "At the workplace",
    DeliveryMode.DAY_RELEASE: "Day release",
    DeliveryMode.BLOCK_RELEASE: "Block release",
    StudyMode.FULL_TIME: "Full time",
    StudyMode.PART_TIME: "Part time",
    StudyMode.FLEXIBLE: "Flexible",
    FundingRoute.APPRENTICESHIP: "Apprenticeship funding (levy or co-investment)",
    FundingRoute.ADVANCED_LEARNER_LOAN: "Advanced Learner Loan",
    FundingRoute.SKILLS_BOOTCAMP: "Skills Bootcamp funding",
    FundingRoute.FREE_COURSES_FOR_JOBS: "Free Courses for Jobs",
    FundingRoute.STUDENT_FINANCE: "Student finance",
}


def label(value: StrEnum) -> str:
    """Words for one vocabulary value, as a heading or option shows them."""
    return _LABELS.get(value, value.value[:1].upper() + value.value[1:])


def code_of(codes: dict[str, E], value: E) -> str:
    return next(code for code, known in codes.items() if known == value)


class UnknownCode(ValueError):
    """A code that is not in the vocabulary; the message lists the allowed codes."""


def canonical(codes: Mapping[str, object], values: Iterable[str], *, what: str) -> list[str]:
    """Codes from a request (``HTQ``, ``day_release``, ``Skills Bootcamp``) as the codes we list,
    each once, in the order given; UnknownCode names a code we do not know and lists ours."""
    found: list[str] = []
    for value in values:
        key = value.strip().lower().replace("_", "-").replace(" ", "-")
        if not key:
            continue
        if key not in codes:
            raise UnknownCode(f"'{value}' is not a {what}; use one of: {', '.join(codes)}")
        if key not in found:
            found.append(key)
    return found


def decode(codes: dict[str, E], values: Iterable[str], *, what: str) -> frozenset[E]:
    """Codes from a request (``htq``, ``day-release``) as vocabulary values."""
    return frozenset(codes[key] for key in canonical(codes, values, what=what))
