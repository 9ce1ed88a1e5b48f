"""RFC 9457 problem details: every API error has a type, title, status and a useful detail."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from skillshub.core.input_errors import describe

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("skillshub.api")

PAGING = frozenset({"page", "page_size", "limit", "offset"})
"""Parameters whose problems are titled "Invalid paging", as the handlers' own checks are."""
FILTERS = frozenset(
    {
        "max_duration_months",
        "max_cost_gbp",
        "start_within_months",
        "level",
        "route",
        "kind",
        "status",
        "type",
        "delivery",
        "funding",
    }
)
QUERY_MODEL = "params"
"""The handlers' name for their query model: an error located there is a rule of the whole
query (a model validator's, such as "give q, a postcode, or both"), titled "Invalid query"."""


class Problem(Exception):
    """Raise in a handler to answer with a problem details document."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.extra = extra


class ParameterErrorOut(Schema):
    location: str
    message: str


class ProblemOut(Schema):
    """An RFC 9457 problem details document (served as application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[ParameterErrorOut] | None = None


ERROR_RESPONSES: dict[int, str] = {
    400: "A parameter is missing or not valid; `errors` lists each one.",
    404: "Nothing is found at this address.",
    405: "The method is not allowed; the Allow header lists those that are.",
    413: "The request body is too large.",
    414: "The address (path and query string) is too long.",
    429: "Too many requests from this client; the Retry-After header says when to try again.",
    500: "The server failed; the problem was logged.",
    503: "The data this needs is not loaded yet.",
}
"""Every error status the API can answer, each a problem details document (in the OpenAPI)."""


def problem_body(
    request: HttpRequest, *, status: int, title: str, detail: str, **extra: Any
) -> dict[str, Any]:
    return {
        "type": f"https://skillshub.invalid/problems/{title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }


def json_problem(
    request: HttpRequest, *, status: int, title: str, detail: str, **extra: Any
) -> HttpResponse:
    """A problem details response without the API instance (for middleware)."""
    body = problem_body(request, status=status, title=title, detail=detail, **extra)
    return HttpResponse(json.dumps(body), status=status, content_type=PROBLEM_JSON)


def problem_response(
    api: NinjaAPI, request: HttpRequest, *, status: int, title: str, detail: str, **extra: Any
) -> HttpResponse:
    body = problem_body(request, status=status, title=title, detail=detail, **extra)
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM_JSON
    return response


def invalid_parameters(api: NinjaAPI, request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = []
    for error in exc.errors:
        location = tuple(str(part) for part in error.get("loc", ()))
        if location[-1:] == (QUERY_MODEL,):
            location = location[:-1]
            name = ""
        else:
            name = location[-1] if location else ""
        errors.append({"location": ".".join(location), "name": name, "message": describe(error)})
    names = {e["name"] for e in errors}
    title = "Invalid request"
    if names and names <= PAGING:
        title = "Invalid paging"
    elif names == {"radius_km"}:
        title = "Invalid radius"
    elif names == {"sort"}:
        title = "Invalid sort"
    elif names and names <= FILTERS:
        title = "Invalid filter"
    elif names == {""}:
        title = "Invalid query"
    where = "; ".join(f"{e['name']} {e['message']}".strip() for e in errors)
    return problem_response(
        api,
        request,
        status=400,
        title=title,
        detail=f"Some parameters are not valid: {where}. Correct them and try again.",
        errors=[{"location": e["location"], "message": e["message"]} for e in errors],
    )


def install(api: NinjaAPI) -> None:
    """Route every error the API can raise through problem details."""

    @api.exception_handler(Problem)
    def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
        return problem_response(
            api, request, status=exc.status, title=exc.title, detail=exc.detail, **exc.extra
        )

    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return invalid_parameters(api, request, exc)

    @api.exception_handler(Throttled)
    def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        # ninja adds Retry-After (whole seconds) to this response.
        return problem_response(
            api,
            request,
            status=429,
            title="Too many requests",
            detail="This client has made too many requests; wait for the number of seconds in "
            "the Retry-After header, then try again.",
        )

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return problem_response(
            api, request, status=exc.status_code, title="Request failed", detail=str(exc)
        )

    @api.exception_handler(AuthenticationError)
    def on_auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return problem_response(
            api, request, status=401, title="Not signed in", detail="Sign in to use this endpoint."
        )

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return problem_response(
            api, request, status=404, title="Not found", detail="Nothing is found at this address."
        )

    @api.exception_handler(Exception)
    def on_failure(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API request %s %s failed", request.method, request.path)
        return server_error(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 that never shows the traceback (it is in the log)."""
    return json_problem(
        request,
        status=500,
        title="Server error",
        detail="Something went wrong on our side and it was logged. Try again later.",
    )


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the problem schema and every error response to each operation of an OpenAPI doc."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ProblemOut"] = ProblemOut.json_schema()
    components["ProblemOut"].pop("$defs", None)
    components["ParameterErrorOut"] = ParameterErrorOut.json_schema()
    components["ProblemOut"]["properties"]["errors"] = {
        "anyOf": [
            {"type": "array", "items": {"$ref": "#/components/schemas/ParameterErrorOut"}},
            {"type": "null"},
        ]
    }
    reference = {"$ref": "#/components/schemas/ProblemOut"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_RESPONSES.items():
                responses.setdefault(
                    status,
                    {"description": description, "content": {PROBLEM_JSON: {"schema": reference}}},
                )
    return schema
