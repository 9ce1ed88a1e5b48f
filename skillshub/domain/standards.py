"""Apprenticeship products (standards, foundation apprenticeships, units): types and levels."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

KsbKind = Literal["knowledge", "skill", "behaviour"]
KSB_PREFIX: dict[KsbKind, str] = {"knowledge": "K", "skill": "S", "behaviour": "B"}

APPROVED = "Approved for delivery"
RETIRED = "Retired"
WITHDRAWN = "Withdrawn"
IN_DEVELOPMENT = "In development"

ProductKind = Literal["standard", "foundation", "unit"]
PRODUCT_PREFIXES: dict[str, ProductKind] = {"ST": "standard", "FA": "foundation", "AU": "unit"}
"""Skills England numbers each kind of apprenticeship product with its own two-letter prefix."""
PRODUCT_NAMES: dict[ProductKind, str] = {
    "standard": "Apprenticeship",
    "foundation": "Foundation apprenticeship",
    "unit": "Apprenticeship unit",
}

KsbOrigin = Literal["structured", "published-text", "none"]
"""Where a standard's KSBs came from: the API's KSB lists, its older free-text page, or nowhere."""

LEVEL_EQUIVALENTS: dict[int, str] = {
    2: "the same level as GCSEs at grades 9 to 4 (A* to C)",
    3: "the same level as A levels or a T Level",
    4: "the same level as a Higher National Certificate (HNC) or the first year of a degree",
    5: "the same level as a Higher National Diploma (HND), a foundation degree "
    "or the second year of a degree",
    6: "the same level as a bachelor's degree with honours",
    7: "the same level as a master's degree",
}


def level_in_words(level: int) -> str:
    """Say what a qualification level is equivalent to, for people who do not know the scale."""
    equivalent = LEVEL_EQUIVALENTS.get(level)
    if equivalent is None:
        return f"Level {level}"
    return f"Level {level} is {equivalent}."


@dataclass(frozen=True)
class Ksb:
    """One knowledge, skill or behaviour statement, numbered as Skills England pages number them."""

    kind: KsbKind
    ref: str
    text: str


@dataclass(frozen=True)
class Duty:
    """A duty of the occupation and the KSB references it draws on."""

    ref: str
    text: str
    ksb_refs: tuple[str, ...] = ()
    core: bool = True


@dataclass(frozen=True)
class Standard:
    """One version of an apprenticeship product: a standard (ST), a foundation apprenticeship (FA)
    or an apprenticeship unit (AU), with its KSBs and duties."""

    reference: str
    title: str
    level: int
    status: str
    route: str
    lars_code: int | None = None
    pathway: str = ""
    typical_duration_months: int | None = None
    max_funding_gbp: int | None = None
    job_titles: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    overview: str = ""
    occupation_summary: str = ""
    entry_requirements: str = ""
    knowledge: tuple[Ksb, ...] = ()
    skills: tuple[Ksb, ...] = ()
    behaviours: tuple[Ksb, ...] = ()
    duties: tuple[Duty, ...] = ()
    detail_version: str = ""
    """The version of the standard this record is (1.0, 1.1, 2.0...)."""
    detail_updated: date | None = None
    ksb_origin: KsbOrigin = "none"
    integrated_degree: str = ""
    regulated: bool = False
    standard_page_url: str = ""
    assessment_plan_url: str = ""
    occupation_code: str = ""
    cluster: str = ""
    sector_subject_area: str = ""
    minimum_off_the_job_hours: int | None = None
    """The least off-the-job training a learner must have (Skills England's compliance hours)."""
    epa_period_months: int | None = None
    starts_paused: bool = False
    """Approved for delivery, but Skills England has paused new starts."""
    approved_on: date | None = None
    earliest_start: date | None = None
    latest_start: date | None = None
    change_note: str = ""
    related_standards: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())

    @property
    def is_current(self) -> bool:
        return self.status == APPROVED

    @property
    def kind(self) -> ProductKind:
        return PRODUCT_PREFIXES.get(self.reference[:2], "standard")

    @property
    def kind_name(self) -> str:
        return PRODUCT_NAMES[self.kind]

    @property
    def existing_employees_only(self) -> bool:
        """Apprenticeship units train people already employed; they are not a way to hire."""
        return self.kind == "unit"

    @property
    def ksbs(self) -> tuple[Ksb, ...]:
        return self.knowledge + self.skills + self.behaviours

    def ksb(self, ref: str) -> Ksb | None:
        return next((k for k in self.ksbs if k.ref == ref), None)


@dataclass(frozen=True)
class Catalogue:
    """Every version read, and per reference the one the hub shows (see choose_shown_version)."""

    shown: list[Standard]
    versions: list[Standard]
    duplicates_dropped: int = 0


def version_order(version: str, updated: date | None) -> tuple[tuple[int, ...], date]:
    """Sort key for versions ("1.10" after "1.9"); the record's date breaks ties."""
    numbers = tuple(int(part) for part in re.findall(r"\d+", version))
    return numbers, updated or date.min


def choose_shown_version(versions: Iterable[Standard]) -> Standard:
    """The version the hub shows for a reference: the highest approved for delivery; failing that
    the newest retired or withdrawn one (what was last delivered); failing that the newest draft.
    A newer version still in development never hides the approved one."""

    def rank(version: Standard) -> tuple[int, tuple[tuple[int, ...], date]]:
        published = 2 if version.status == APPROVED else int(version.status in _PUBLISHED)
        return published, version_order(version.detail_version, version.detail_updated)

    return max(versions, key=rank)


_PUBLISHED = {RETIRED, WITHDRAWN}


WEEKS_PER_MONTH = 52 / 12


def months_text(value: float | None) -> str:
    if not value:
        return "Length not stated"
    months = round(value)
    return f"{months} month{'s' if months != 1 else ''}"


def time_commitment(standard: Standard) -> str:
    """Months, and the off-the-job training it needs (in hours a week where the data allows)."""
    parts = [months_text(standard.typical_duration_months)]
    hours = standard.minimum_off_the_job_hours
    if hours:
        part = f"at least {hours:,} hours of off-the-job training"
        if standard.typical_duration_months:
            weekly = hours / (standard.typical_duration_months * WEEKS_PER_MONTH)
            part += f" (about {weekly:.0f} hour{'s' if round(weekly) != 1 else ''} a week)"
        parts.append(part)
    return ", ".join(parts)
