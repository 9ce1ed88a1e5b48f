"""Request limits (414, 413) for the whole site, and problem details for every /api/ error."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse

from skillshub.api.problems import PROBLEM_JSON, json_problem, server_error

API_PREFIX = "/api/"
log = logging.getLogger("skillshub.api")

TITLES = {
    400: ("Bad request", "The request could not be read."),
    403: ("Forbidden", "This request is not allowed."),
    404: ("Not found", "Nothing is found at this address; the API is described at /api/docs."),
    405: ("Method not allowed", "Use one of the methods in the Allow header."),
    413: ("Request too large", "The request body is larger than this API accepts."),
    414: ("Address too long", "The path and query string are too long; shorten them."),
    500: ("Server error", "Something went wrong on our side and it was logged."),
}

Handler = Callable[[HttpRequest], HttpResponse]


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


class RequestLimitsMiddleware:
    """Refuse over-long addresses (414) and, before anything reads them, over-large bodies (413;
    Django's own limits do not count uploaded files, which it would first write to disk)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = getattr(settings, "MAX_URL_LENGTH", 8000)
        length = len(request.path) + len(request.META.get("QUERY_STRING", ""))
        if length > limit:
            detail = f"The address is {length} characters; this site answers at most {limit}."
            return _refusal(request, 414, "Address too long", detail)
        body = request.META.get("CONTENT_LENGTH") or "0"
        most = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        if most and body.isdigit() and int(body) > most:  # uploads too: refused before reading
            detail = f"The request body is {int(body):,} bytes; this site accepts at most {most:,}."
            return _refusal(request, 413, "Request too large", detail)
        return self.get_response(request)


def _refusal(request: HttpRequest, status: int, title: str, detail: str) -> HttpResponse:
    if _is_api(request):
        return json_problem(request, status=status, title=title, detail=detail)
    return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")


class ApiProblemMiddleware:
    """Turn Django's own error pages under /api/ (unknown route, 405, 413...) into problems."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _is_api(request) or response.status_code < 400:
            return response
        content_type = response.get("Content-Type", "")
        if content_type.startswith(PROBLEM_JSON):
            return response
        title, detail = TITLES.get(
            response.status_code, ("Request failed", "The request could not be answered.")
        )
        problem = json_problem(request, status=response.status_code, title=title, detail=detail)
        for header in ("Allow", "Retry-After"):
            if header in response:
                problem[header] = response[header]
        return problem

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        expected = (Http404, PermissionDenied, SuspiciousOperation, BadRequest)
        if not _is_api(request) or isinstance(exception, expected):
            return None  # Django answers these (404, 403, 400) and __call__ converts them
        log.exception("API request %s %s failed", request.method, request.path)
        return server_error(request)
