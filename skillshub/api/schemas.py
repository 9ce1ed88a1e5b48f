"""Response schemas shared by the API routers."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class KsbOut(Schema):
    ref: str
    text: str


class DutyOut(Schema):
    ref: str
    text: str
    ksb_refs: list[str]


class SourceOut(Schema):
    files: list[str]
    loaded_at: str | None
    sha256: str | None
    licence: str | None
    detail_version: str
    detail_updated: date | None
    ksb_origin: str
    note: str


class StandardSummaryOut(Schema):
    reference: str
    kind: str = Field(description="standard, foundation (apprenticeship) or unit")
    title: str
    level: int
    status: str
    version: str
    route: str
    typical_duration_months: int | None
    minimum_off_the_job_hours: int | None
    max_funding_gbp: int | None
    job_titles: list[str]
    url: str


class VersionOut(Schema):
    version: str
    status: str
    title: str
    level: int
    updated: date | None
    change: str
    url: str


class StandardOut(StandardSummaryOut):
    lars_code: int | None
    level_meaning: str
    pathway: str
    cluster: str
    occupation_code: str
    sector_subject_area: str
    epa_period_months: int | None
    starts_paused: bool
    approved_on: date | None
    existing_employees_only: bool
    related_standards: list[str]
    versions: list[VersionOut]
    overview: str
    knowledge: list[KsbOut]
    skills: list[KsbOut]
    behaviours: list[KsbOut]
    duties: list[DutyOut]
    official_page: str
    source: SourceOut


class StandardPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[StandardSummaryOut]
