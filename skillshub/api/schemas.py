"""Response schemas shared by the API routers."""

from __future__ import annotations

from datetime import date

from ninja import Schema


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
    title: str
    level: int
    status: str
    route: str
    typical_duration_months: int | None
    max_funding_gbp: int | None
    job_titles: list[str]
    url: str


class StandardOut(StandardSummaryOut):
    lars_code: int | None
    level_meaning: str
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
