"""`/api/v1/standards`: the catalogue, filtered and paginated, one standard, its next steps."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.api.schemas import (
    DutyOut,
    KsbOut,
    SourceOut,
    StandardOut,
    StandardPage,
    StandardSummaryOut,
    VersionOut,
)
from skillshub.catalogue import queries, store
from skillshub.catalogue.models import Standard as StandardRow
from skillshub.domain.standards import Standard, level_in_words

router = Router()
MAX_PAGE_SIZE = 200
MAX_PAGE = 100_000
"""Far past the last page; a bigger page number once overflowed the database's offset."""


class ListParams(Schema):
    level: int | None = Field(None, ge=0, le=8)
    route: str | None = Field(None, max_length=200)
    status: str = Field("current", max_length=40)
    kind: str = Field("all", max_length=40)
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


def _summary(row: StandardRow) -> StandardSummaryOut:
    return StandardSummaryOut(
        reference=row.reference,
        kind=row.kind,
        title=row.title,
        level=row.level,
        status=row.status,
        version=row.detail_version,
        route=row.route,
        typical_duration_months=row.typical_duration_months,
        minimum_off_the_job_hours=row.minimum_off_the_job_hours,
        max_funding_gbp=row.max_funding_gbp,
        job_titles=list(row.job_titles),
        url=reverse("api:get_standard", kwargs={"reference": row.reference}),
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


@router.get("", response=StandardPage, operation_id="list_standards", url_name="list_standards")
def list_standards(request: HttpRequest, params: Query[ListParams]) -> StandardPage:
    """Apprenticeship products: `status` is current (default), approved (the same), retired,
    in-development or all; `kind` is standard, foundation, unit or all (default)."""
    if params.page < 1 or not 1 <= params.page_size <= MAX_PAGE_SIZE:
        raise Problem(
            400,
            "Invalid paging",
            f"page must be 1 or more and page_size between 1 and {MAX_PAGE_SIZE}.",
        )
    try:
        rows = queries.standards(
            queries.CatalogueFilter(params.level, params.route, params.status, params.kind)
        )
    except queries.UnknownFilter as error:
        raise Problem(400, "Invalid filter", str(error)) from error
    count = rows.count()
    start = (params.page - 1) * params.page_size
    page_rows = rows[start : start + params.page_size]
    return StandardPage(
        count=count,
        page=params.page,
        page_size=params.page_size,
        results=[_summary(r) for r in page_rows],
    )


def _not_found(reference: str) -> Problem:
    return Problem(
        404,
        "Standard not found",
        f"There is no standard with reference '{reference}'. References look like ST0116, "
        "FA0001 or AU0001; list them at /api/v1/standards?status=all.",
    )


@router.get(
    "/{reference}/versions/{version}",
    response=StandardOut,
    operation_id="get_standard_version",
    url_name="get_standard_version",
)
def get_standard_version(request: HttpRequest, reference: str, version: str) -> StandardOut:
    """One version of a product as it was published (`-` for a version with no number)."""
    standard = store.get_version(reference, "" if version == "-" else version)
    if standard is None:
        if store.get_standard(reference) is None:
            raise _not_found(reference)
        raise Problem(
            404,
            "Version not found",
            f"{reference.upper()} has no version '{version}'; its versions are listed at "
            + reverse("api:get_standard", kwargs={"reference": reference.upper()}),
        )
    return _standard_out(standard)


@router.get(
    "/{reference}", response=StandardOut, operation_id="get_standard", url_name="get_standard"
)
def get_standard(request: HttpRequest, reference: str) -> StandardOut:
    """One product (standard, foundation apprenticeship or unit) with its KSBs (K1, S1, B1...),
    duties, every version held and where the record came from."""
    standard = store.get_standard(reference)
    if standard is None:
        raise _not_found(reference)
    return _standard_out(standard)


def _standard_out(standard: Standard) -> StandardOut:
    load = queries.latest_load()
    return StandardOut(
        reference=standard.reference,
        kind=standard.kind,
        title=standard.title,
        level=standard.level,
        status=standard.status,
        version=standard.detail_version,
        route=standard.route,
        typical_duration_months=standard.typical_duration_months,
        minimum_off_the_job_hours=standard.minimum_off_the_job_hours,
        max_funding_gbp=standard.max_funding_gbp,
        job_titles=list(standard.job_titles),
        url=reverse("api:get_standard", kwargs={"reference": standard.reference}),
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
