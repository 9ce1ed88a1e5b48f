"""RFC 9457 problem details: every API error has a type, title, status and a useful detail."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """Raise in a handler to answer with a problem details document."""

    def __init__(self, status: int, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.extra = extra


def problem_response(
    api: NinjaAPI, request: HttpRequest, *, status: int, title: str, detail: str, **extra: Any
) -> HttpResponse:
    body = {
        "type": f"https://skillshub.invalid/problems/{title.lower().replace(' ', '-')}",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.path,
        **extra,
    }
    response = api.create_response(request, body, status=status)
    response["Content-Type"] = PROBLEM_JSON
    return response


def install(api: NinjaAPI) -> None:
    """Route every error the API can raise through problem details."""

    @api.exception_handler(Problem)
    def on_problem(request: HttpRequest, exc: Problem) -> HttpResponse:
        return problem_response(
            api, request, status=exc.status, title=exc.title, detail=exc.detail, **exc.extra
        )

    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [
            {
                "location": ".".join(str(part) for part in error.get("loc", ())),
                "message": error.get("msg", "is not valid"),
            }
            for error in exc.errors
        ]
        where = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
        return problem_response(
            api,
            request,
            status=422,
            title="Invalid request",
            detail=f"Some parameters are not valid ({where}). Correct them and try again.",
            errors=errors,
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
