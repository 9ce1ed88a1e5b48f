"""`/api/v1/standards`: the catalogue, filtered and paginated, one standard, its next steps."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.api.schemas import (
    DutyOut,
    KsbOut,
    SourceOut,
    StandardOut,
    StandardPage,
    StandardSummaryOut,
)
from skillshub.catalogue import queries, store
from skillshub.catalogue.models import Standard as StandardRow
from skillshub.domain.standards import level_in_words

router = Router()
MAX_PAGE_SIZE = 200


class ListParams(Schema):
    level: int | None = None
    route: str | None = None
    status: str = "current"
    page: int = 1
    page_size: int = 50


def _summary(row: StandardRow) -> StandardSummaryOut:
    return StandardSummaryOut(
        reference=row.reference,
        title=row.title,
        level=row.level,
        status=row.status,
        route=row.route,
        typical_duration_months=row.typical_duration_months,
        max_funding_gbp=row.max_funding_gbp,
        job_titles=list(row.job_titles),
        url=reverse("api:get_standard", kwargs={"reference": row.reference}),
    )


@router.get("", response=StandardPage, operation_id="list_standards", url_name="list_standards")
def list_standards(request: HttpRequest, params: Query[ListParams]) -> StandardPage:
    """Standards in the catalogue; `status` is current (default), retired, not-listed or all."""
    if params.page < 1 or not 1 <= params.page_size <= MAX_PAGE_SIZE:
        raise Problem(
            400,
            "Invalid paging",
            f"page must be 1 or more and page_size between 1 and {MAX_PAGE_SIZE}.",
        )
    try:
        rows = queries.standards(queries.CatalogueFilter(params.level, params.route, params.status))
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


class NextStepKsbOut(Schema):
    kind: str
    ref: str
    text: str


class NextStepOut(Schema):
    reference: str
    title: str
    level: int
    route: str
    typical_duration_months: int | None
    max_funding_gbp: int | None
    closeness: float
    url: str
    adds: list[NextStepKsbOut]
    carries_over: list[NextStepKsbOut]


class NextStepsOut(Schema):
    reference: str
    title: str
    level: int
    method: str
    results: list[NextStepOut]


MAX_NEXT_STEPS = 20


# Declared before `/{reference}` so that route can never shadow it.
@router.get(
    "/{reference}/next-steps",
    response=NextStepsOut,
    operation_id="get_next_steps",
    url_name="get_next_steps",
)
def get_next_steps(request: HttpRequest, reference: str, limit: int = 5) -> NextStepsOut:
    """The closest current Level 4-5 standards above this one, the KSBs each adds and keeps."""
    from skillshub.catalogue import pathways  # loads the embedding model on first use only
    from skillshub.domain import pathways as rules

    if not 1 <= limit <= MAX_NEXT_STEPS:
        raise Problem(400, "Invalid limit", f"limit must be between 1 and {MAX_NEXT_STEPS}.")
    standard = store.get_standard(reference)
    if standard is None:
        raise Problem(
            404,
            "Standard not found",
            f"There is no standard with reference '{reference}'. References look like ST0154; "
            "list them at /api/v1/standards?status=all.",
        )
    steps = pathways.next_steps(standard.reference, limit=limit)
    return NextStepsOut(
        reference=standard.reference,
        title=standard.title,
        level=standard.level,
        method=(
            "Current level 4-5 standards above this one, ranked by closeness: cosine of the two "
            f"standards' mean text vectors, plus {rules.ROUTE_BONUS} for the same route and "
            f"{rules.PATHWAY_BONUS} for the same pathway. A KSB carries over when a KSB of this "
            f"standard has cosine {rules.COVERED_AT} or more with it; otherwise it is added."
        ),
        results=[
            NextStepOut(
                reference=step.reference,
                title=step.title,
                level=step.level,
                route=step.route,
                typical_duration_months=step.typical_duration_months,
                max_funding_gbp=step.max_funding_gbp,
                closeness=round(step.closeness, 4),
                url=reverse("api:get_standard", kwargs={"reference": step.reference}),
                adds=[NextStepKsbOut(kind=k.kind, ref=k.ref, text=k.text) for k in step.adds],
                carries_over=[
                    NextStepKsbOut(kind=k.kind, ref=k.ref, text=k.text) for k in step.carries_over
                ],
            )
            for step in steps
        ],
    )


@router.get(
    "/{reference}", response=StandardOut, operation_id="get_standard", url_name="get_standard"
)
def get_standard(request: HttpRequest, reference: str) -> StandardOut:
    """One standard with its KSBs (K1, S1, B1...), duties and where the record came from."""
    standard = store.get_standard(reference)
    if standard is None:
        raise Problem(
            404,
            "Standard not found",
            f"There is no standard with reference '{reference}'. References look like ST0116; "
            "list them at /api/v1/standards?status=all.",
        )
    load = queries.latest_load()
    return StandardOut(
        reference=standard.reference,
        title=standard.title,
        level=standard.level,
        status=standard.status,
        route=standard.route,
        typical_duration_months=standard.typical_duration_months,
        max_funding_gbp=standard.max_funding_gbp,
        job_titles=list(standard.job_titles),
        url=reverse("api:get_standard", kwargs={"reference": standard.reference}),
        lars_code=standard.lars_code,
        level_meaning=level_in_words(standard.level),
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
