"""Explain glossary terms in every HTML page's main content (see terminology/explain.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from skillshub.terminology.explain import explain_terms
from skillshub.terminology.services import glossary

SKIP_PATHS = ("/api/", "/admin/", "/static/", "/glossary/")
"""The API and admin are not for the public; the glossary pages are the explanations."""


class ExplainTermsMiddleware:
    """Rewrites complete, uncompressed 200 text/html responses; a view opts out by setting
    `response.explain_terms = False`. The time taken is in the Server-Timing header."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not self._applies(request, response):
            return response
        started = time.perf_counter()
        page = response.content.decode(response.charset or "utf-8")
        explained = explain_terms(page, glossary())
        if explained != page:
            response.content = explained.encode(response.charset or "utf-8")
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        took = (time.perf_counter() - started) * 1000
        timing = f"glossary;dur={took:.2f}"
        existing = response.get("Server-Timing")
        response["Server-Timing"] = f"{existing}, {timing}" if existing else timing
        return response

    @staticmethod
    def _applies(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and getattr(response, "explain_terms", True)
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
            and not request.path.startswith(SKIP_PATHS)
        )
