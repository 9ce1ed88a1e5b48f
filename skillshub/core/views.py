"""Site pages: home, about the data, and the error pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from skillshub.core.datasets import provenance_rows

SEARCH_LABEL = {"text": "What do you need your team to be able to do?", "classes": "govuk-label--m"}
SEARCH_HINT = {"text": "For example: keep our production line robots running"}
PROVENANCE_HEAD = [
    {"text": "Dataset"},
    {"text": "Source"},
    {"text": "Rows"},
    {"text": "Licence"},
    {"text": "Loaded"},
    {"text": "SHA-256"},
]


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/home.html", {"search_label": SEARCH_LABEL, "search_hint": SEARCH_HINT}
    )


def about(request: HttpRequest) -> HttpResponse:
    context = {"loads": provenance_rows(), "provenance_head": PROVENANCE_HEAD}
    return render(request, "core/about.html", context)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/not_found.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "core/server_error.html", status=500)
