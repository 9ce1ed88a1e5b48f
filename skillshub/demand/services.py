"""Recording a demand signal: one typed request, one service function, one typed result."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from skillshub.demand import models


class DemandSignalRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    need: str = Field(min_length=1, max_length=2000)
    postcode: str = Field("", max_length=10)


class DemandSignalResult(BaseModel):
    recorded: bool
    outcode: str
    standard_references: list[str]
    message: str


def record_nothing_near(request: DemandSignalRequest) -> DemandSignalResult:
    """Store 'we need this here' with the postcode district and the standards the need matched;
    raises InvalidPostcode / UnknownPlace for a place that cannot be found."""
    from skillshub.catalogue import services as catalogue
    from skillshub.domain.geography import outcode_of
    from skillshub.geo import places

    location = places.locate(request.postcode) if request.postcode else None
    outcode = ""
    if location is not None:
        outcode = location.query if location.kind == "outcode" else outcode_of(location.query)
    try:
        matched = catalogue.search_standards(
            catalogue.StandardsSearchRequest(q=request.need, limit=5)
        )
        references = [m.reference for m in matched.results]
    except Exception:  # the signal is worth keeping even when the need cannot be matched now
        references = []
    models.DemandSignal.objects.create(
        source="nothing-near",
        need=request.need,
        outcode=outcode,
        local_authority_code=(location.local_authority_code or "") if location else "",
        standard_references=references,
    )
    where = f" near {outcode}" if outcode else ""
    return DemandSignalResult(
        recorded=True,
        outcode=outcode,
        standard_references=references,
        message=(
            f"Thank you. We have recorded that an employer{where} needs this training. Local "
            "authorities and providers see these needs counted by area, never who asked."
        ),
    )
