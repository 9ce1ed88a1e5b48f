"""Apprenticeship (occupational) standards: the catalogue's core types and plain-English levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

KsbKind = Literal["knowledge", "skill", "behaviour"]
KSB_PREFIX: dict[KsbKind, str] = {"knowledge": "K", "skill": "S", "behaviour": "B"}

APPROVED = "Approved for delivery"
RETIRED = "Retired"
WITHDRAWN = "Withdrawn"
NOT_LISTED = "Not in the current list"
"""Approved in the January 2023 records but absent from the 2026 list of current standards."""

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
    """One occupational standard as the hub serves it: the current record plus its KSB detail."""

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
    """Version of the record the KSBs, duties and overview text come from."""
    detail_updated: date | None = None
    ksb_origin: KsbOrigin = "none"
    detail_is_current_version: bool = False
    """True when the detail comes from the same record as the current status (live API loads)."""
    in_current_list: bool = False
    integrated_degree: str = ""
    regulated: bool = False
    standard_page_url: str = ""
    assessment_plan_url: str = ""
    sources: tuple[str, ...] = field(default=())

    @property
    def is_current(self) -> bool:
        return self.in_current_list and self.status == APPROVED

    @property
    def ksbs(self) -> tuple[Ksb, ...]:
        return self.knowledge + self.skills + self.behaviours

    @property
    def detail_may_be_older(self) -> bool:
        """True when the KSB detail comes from an older snapshot than the current record."""
        return (
            self.in_current_list
            and self.ksb_origin != "none"
            and not self.detail_is_current_version
        )

    def ksb(self, ref: str) -> Ksb | None:
        return next((k for k in self.ksbs if k.ref == ref), None)
