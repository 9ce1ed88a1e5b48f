"""`/api/v1/areas/{code}/gaps`: an area's demand against supply, every figure protected."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Path, Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.market.services import AreaGapsQuery, AreaGapsRequest, AreaGapsResult, GssCode

router = Router()


class AreaPath(Schema):
    code: GssCode


@router.get("/{code}/gaps", response=AreaGapsResult, operation_id="area_gaps", url_name="area_gaps")
def area_gaps(
    request: HttpRequest, path: Path[AreaPath], params: Query[AreaGapsQuery]
) -> AreaGapsResult:
    """Employers' demand against the training that reaches it in an area, by standard and by
    route and level, with cold spots, sources and starts. Counts of fewer than 5 employers are
    'fewer than 5' (no value) and others are 'withheld' so that totals cannot reveal them."""
    from pydantic import ValidationError

    from skillshub.market import services

    try:
        query = AreaGapsRequest(area=path.code, **params.model_dump())
    except ValidationError as error:
        raise Problem(400, "Invalid area", error.errors()[0]["msg"]) from error
    try:
        return services.area_gaps(query)
    except services.UnknownArea as error:
        raise Problem(404, "Area not found", str(error)) from error
