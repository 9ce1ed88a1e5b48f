"""The catalogue's list of standards and one standard: typed requests and results, and the service
functions that build them, shared by the browse page, the API and the CLI."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

from django.urls import reverse
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from skillshub.catalogue import queries, store
from skillshub.catalogue.models import Standard as StandardRow
from skillshub.domain.standards import Standard, level_in_words

MAX_PAGE_SIZE = 200
MAX_PAGE = 100_000
"""Far past the last page; a bigger page number once overflowed the database's offset."""


class UnknownStandard(LookupError):
    """No product has this reference."""


class UnknownVersion(LookupError):
    """The product exists but has no version with this number."""


class StandardsListRequest(BaseModel):
    """Which products to list, and which page of them."""

    model_config = ConfigDict(str_strip_whitespace=True)

    level: int | None = Field(None, ge=0, le=8, description="Only this level (0 to 8).")
    route: str | None = Field(None, max_length=200, description="Only this occupational route.")
    status: queries.Status = Field(
        "current",
        description="current (the default; approved is the same), retired, in-development or all.",
    )
    kind: queries.Kind = Field("all", description="standard, foundation, unit or all (default).")
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="How many a page, 1 to 200.")

    @field_validator("status", "kind", mode="before")
    @classmethod
    def _known(cls, value: Any, info: ValidationInfo) -> Any:
        """Any case is accepted; an unknown value is named along with the ones there are."""
        assert info.field_name is not None
        choices = get_args(cls.model_fields[info.field_name].annotation)
        code = value.strip().lower() if isinstance(value, str) else value
        if code not in choices:
            raise ValueError(f"'{str(value)[:40]}' is not known; use one of {', '.join(choices)}")
        return code


class StandardSummaryOut(BaseModel):
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
    url: str = Field(description="The product in this API")


class StandardsList(BaseModel):
    """One page of the products that pass the filters, by title; `count` is all of them."""

    count: int
    page: int
    page_size: int
    results: list[StandardSummaryOut]

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.page_size))


class KsbOut(BaseModel):
    ref: str
    text: str


class DutyOut(BaseModel):
    ref: str
    text: str
    ksb_refs: list[str]


class SourceOut(BaseModel):
    files: list[str]
    loaded_at: str | None
    sha256: str | None
    licence: str | None
    detail_version: str
    detail_updated: date | None
    ksb_origin: str
    note: str


class VersionOut(BaseModel):
    version: str
    status: str
    title: str
    level: int
    updated: date | None
    change: str
    url: str


class StandardOut(StandardSummaryOut):
    """One product with its KSBs, duties, every version held and where the record came from."""

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


def _api_url(reference: str) -> str:
    # The summaries' `url` has always been the product's API address, for API clients to follow.
    return reverse("api:get_standard", kwargs={"reference": reference})


def _summary_fields(item: StandardRow | Standard) -> dict[str, Any]:
    """The summary's fields, from a stored row or a domain standard (they share the names)."""
    return {
        "reference": item.reference,
        "kind": item.kind,
        "title": item.title,
        "level": item.level,
        "status": item.status,
        "version": item.detail_version,
        "route": item.route,
        "typical_duration_months": item.typical_duration_months,
        "minimum_off_the_job_hours": item.minimum_off_the_job_hours,
        "max_funding_gbp": item.max_funding_gbp,
        "job_titles": list(item.job_titles),
        "url": _api_url(item.reference),
    }


def _summary(row: StandardRow) -> StandardSummaryOut:
    return StandardSummaryOut(**_summary_fields(row))


def list_standards(request: StandardsListRequest) -> StandardsList:
    """The products that pass the request's filters, one page of them (empty past the last)."""
    rows = queries.standards(
        level=request.level, route=request.route, status=request.status, kind=request.kind
    )
    start = (request.page - 1) * request.page_size
    return StandardsList(
        count=rows.count(),
        page=request.page,
        page_size=request.page_size,
        results=[_summary(row) for row in rows[start : start + request.page_size]],
    )


def _versions(reference: str) -> list[VersionOut]:
    return [
        VersionOut(
            version=v.version,
            status=v.status,
            title=v.title,
            level=v.level,
            updated=v.detail_updated,
            change=v.change_note,
            url=reverse(
                "api:get_standard_version",
                kwargs={"reference": reference, "version": v.version or "-"},
            ),
        )
        for v in store.versions_of(reference)
    ]


def get_standard(reference: str, *, version: str | None = None) -> StandardOut:
    """A product as the hub shows it, or one `version` of it as published ("" for a version with
    no number); raises UnknownStandard or UnknownVersion."""
    standard = store.get_standard(reference)
    if standard is None:
        raise UnknownStandard(reference)
    if version is not None:
        standard = store.get_version(reference, version)
        if standard is None:
            raise UnknownVersion(version)
    return _standard_out(standard)


def _standard_out(standard: Standard) -> StandardOut:
    load = queries.latest_load()
    return StandardOut(
        **_summary_fields(standard),
        lars_code=standard.lars_code,
        level_meaning=level_in_words(standard.level),
        pathway=standard.pathway,
        cluster=standard.cluster,
        occupation_code=standard.occupation_code,
        sector_subject_area=standard.sector_subject_area,
        epa_period_months=standard.epa_period_months,
        starts_paused=standard.starts_paused,
        approved_on=standard.approved_on,
        existing_employees_only=standard.existing_employees_only,
        related_standards=list(standard.related_standards),
        versions=_versions(standard.reference),
        overview=standard.overview,
        knowledge=[KsbOut(ref=k.ref, text=k.text) for k in standard.knowledge],
        skills=[KsbOut(ref=k.ref, text=k.text) for k in standard.skills],
        behaviours=[KsbOut(ref=k.ref, text=k.text) for k in standard.behaviours],
        duties=[
            DutyOut(ref=d.ref, text=d.text, ksb_refs=list(d.ksb_refs)) for d in standard.duties
        ],
        official_page=standard.standard_page_url,
        source=SourceOut(
            files=list(standard.sources),
            loaded_at=load.loaded_at.isoformat() if load else None,
            sha256=load.sha256 if load else None,
            licence=load.licence if load else None,
            detail_version=standard.detail_version,
            detail_updated=standard.detail_updated,
            ksb_origin=standard.ksb_origin,
            note=queries.ksb_note(standard),
        ),
    )
