"""`/api/v1/areas/{code}/gaps`: an area's demand against supply, every figure protected."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Path, Query, Router, Schema

from skillshub.api.problems import Problem
from skillshub.market.services import MAX_RADIUS_KM, AreaGapsRequest, AreaGapsResult

router = Router()


class AreaPath(Schema):
    code: str = Field(
        ...,
        min_length=9,
        max_length=9,
        description="GSS code: combined authority (E47000007), local authority or region.",
        examples=["E47000007"],
    )


class GapParams(Schema):
    radius_km: float = Field(
        25.0, gt=0, le=MAX_RADIUS_KM, description="How far staff travel to training, in km."
    )


@router.get("/{code}/gaps", response=AreaGapsResult, operation_id="area_gaps", url_name="area_gaps")
def area_gaps(
    request: HttpRequest, path: Path[AreaPath], params: Query[GapParams]
) -> AreaGapsResult:
    """Employers' demand against the training that reaches it in an area, by standard and by
    route and level, with cold spots, sources and starts. Counts of fewer than 5 employers are
    'fewer than 5' (no value) and others are 'withheld' so that totals cannot reveal them."""
    from pydantic import ValidationError

    from skillshub.market import services

    try:
        query = AreaGapsRequest(area=path.code, radius_km=params.radius_km)
    except ValidationError as error:
        raise Problem(400, "Invalid area", error.errors()[0]["msg"]) from error
    try:
        return services.area_gaps(query)
    except services.UnknownArea as error:
        raise Problem(404, "Area not found", str(error)) from error
