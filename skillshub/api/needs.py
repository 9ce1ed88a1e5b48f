"""`/api/v1/needs`: partners send employers' training needs and job adverts with a scoped key."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.security import HttpBearer

from skillshub.api.problems import PROBLEM_JSON, Problem
from skillshub.demand import keys, services

router = Router()

KEY_REFUSED = {
    "responses": {
        "401": {
            "description": "The partner key is missing, unknown, revoked or lacks the scope.",
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemOut"}}},
        }
    }
}


class PartnerKeyAuth(HttpBearer):
    """'Authorization: Bearer shk_...' holding the scope the operation needs."""

    def __init__(self, scope: str) -> None:
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        try:
            return keys.check_key(token, scope=self.scope)
        except keys.KeyRefused as error:
            raise Problem(401, "Key refused", str(error)) from error


class AdvertIn(Schema):
    title: str
    text: str
    location: str
    date: str


class AdvertsIn(Schema):
    adverts: list[AdvertIn]


@router.post(
    "",
    response={201: services.NeedRegistered},
    auth=PartnerKeyAuth("needs:write"),
    operation_id="register_need",
    openapi_extra=KEY_REFUSED,
    url_name="register_need",
)
def register_need(
    request: HttpRequest, need: services.NeedRequest
) -> Status[services.NeedRegistered]:
    """Register one employer's training need for a partner (key scope `needs:write`). The
    answer holds the need's private link, shown once: pass it to the employer."""
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace

    try:
        registered = services.register_need(need, source="partner-api", partner=request.auth.name)
    except (InvalidPostcode, UnknownPlace) as error:
        raise Problem(400, "Invalid postcode", str(error)) from error
    except services.UnknownStandards as error:
        raise Problem(400, "Unknown standard", str(error)) from error
    path = registered.private_path
    return Status(
        201, registered.model_copy(update={"private_path": request.build_absolute_uri(path)})
    )


@router.post(
    "/adverts",
    response={201: services.AdvertsImported},
    auth=PartnerKeyAuth("adverts:write"),
    operation_id="import_job_adverts",
    openapi_extra=KEY_REFUSED,
    url_name="import_job_adverts",
)
def import_job_adverts(request: HttpRequest, body: AdvertsIn) -> Status[services.AdvertsImported]:
    """Job adverts as demand (key scope `adverts:write`): each is matched to standards and
    counted where it is. A location the hub cannot place refuses the whole upload."""
    import json

    from skillshub.sources.job_adverts import read_job_adverts
    from skillshub.sources.tables import InvalidRows

    data = json.dumps([a.model_dump() for a in body.adverts]).encode()
    try:
        adverts = read_job_adverts(data, source="request body")
        result = services.import_adverts(adverts, partner=request.auth.name)
    except InvalidRows as error:
        detail = "; ".join(e.describe() for e in error.errors[:20])
        raise Problem(400, "Invalid adverts", detail) from error
    except (services.UnplacedAdverts, ValueError) as error:
        raise Problem(400, "Invalid adverts", str(error)) from error
    return Status(201, result)
