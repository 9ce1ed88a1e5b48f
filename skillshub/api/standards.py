"""`/api/v1/standards`: the catalogue, filtered and paginated, one standard, its versions."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router

from skillshub.api.problems import Problem
from skillshub.catalogue import browse
from skillshub.catalogue.browse import StandardOut, StandardsList, StandardsListRequest

router = Router()


@router.get("", response=StandardsList, operation_id="list_standards", url_name="list_standards")
def list_standards(request: HttpRequest, params: Query[StandardsListRequest]) -> StandardsList:
    """Apprenticeship products: `status` is current (default), approved (the same), retired,
    in-development or all; `kind` is standard, foundation, unit or all (default)."""
    return browse.list_standards(params)


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
    try:
        return browse.get_standard(reference, version="" if version == "-" else version)
    except browse.UnknownStandard as error:
        raise _not_found(reference) from error
    except browse.UnknownVersion as error:
        raise Problem(
            404,
            "Version not found",
            f"{reference.upper()} has no version '{version}'; its versions are listed at "
            + reverse("api:get_standard", kwargs={"reference": reference.upper()}),
        ) from error


@router.get(
    "/{reference}", response=StandardOut, operation_id="get_standard", url_name="get_standard"
)
def get_standard(request: HttpRequest, reference: str) -> StandardOut:
    """One product (standard, foundation apprenticeship or unit) with its KSBs (K1, S1, B1...),
    duties, every version held and where the record came from."""
    try:
        return browse.get_standard(reference)
    except browse.UnknownStandard as error:
        raise _not_found(reference) from error
