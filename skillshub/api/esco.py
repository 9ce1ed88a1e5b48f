"""`/api/v1/standards/{reference}/esco`: each knowledge and skill statement's ESCO skills."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router
from pydantic import ValidationError

from skillshub.api.problems import Problem
from skillshub.catalogue import esco
from skillshub.catalogue.esco import StandardEscoResult

standards_router = Router()


@standards_router.get(
    "/{reference}/esco",
    response=StandardEscoResult,
    operation_id="standard_esco_skills",
    url_name="standard_esco_skills",
)
def standard_esco_skills(request: HttpRequest, reference: str) -> StandardEscoResult:
    """A current standard's knowledge and skill statements, each with its best one to three
    ESCO v1.1.1 skills, a confidence and a band (high, medium, low: check low ones)."""
    try:
        return esco.find_esco(esco.StandardEscoRequest(reference=reference))
    except (ValidationError, esco.UnknownStandard) as error:
        raise Problem(
            404,
            "Standard not found",
            f"There is no standard with reference '{reference}'. References look like ST0116; "
            "list them at /api/v1/standards.",
        ) from error
