"""`/api/v1/standards/{reference}/similar` and `/api/v1/families`: related standards."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import ValidationError

from skillshub.api.problems import Problem
from skillshub.catalogue import families
from skillshub.catalogue.families import (
    FamiliesRequest,
    FamiliesResult,
    SimilarStandardsQuery,
    SimilarStandardsResult,
)

standards_router = Router()
router = Router()


@standards_router.get(
    "/{reference}/similar",
    response=SimilarStandardsResult,
    operation_id="similar_standards",
    url_name="similar_standards",
)
def similar_standards(
    request: HttpRequest, reference: str, params: Query[SimilarStandardsQuery]
) -> SimilarStandardsResult:
    """A current standard's family of related occupations and its most similar standards,
    each with the share of knowledge and skills they have in common, a few of the shared
    statements and what the other adds."""
    try:
        wanted = families.SimilarStandardsRequest(reference=reference, **params.model_dump())
        return families.find_similar(wanted)
    except (ValidationError, families.UnknownStandard) as error:
        raise Problem(
            404,
            "Standard not found",
            f"There is no standard with reference '{reference}'. References look like ST0116; "
            "list them at /api/v1/standards.",
        ) from error


@router.get("", response=FamiliesResult, operation_id="list_families", url_name="list_families")
def list_families(request: HttpRequest, params: Query[FamiliesRequest]) -> FamiliesResult:
    """Every family of related current standards (by route, then name), each with its members
    by level; `route` and `level` narrow the list."""
    return families.list_families(params)
