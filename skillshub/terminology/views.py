"""Glossary pages: every term A to Z (with an optional filter), and one term on its own page."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from pydantic import ValidationError

from skillshub.terminology import presenters, services


def index(request: HttpRequest) -> HttpResponse:
    """All terms A to Z, each with its anchor (#term-slug), definition, source and related."""
    try:
        query = services.GlossaryRequest(q=request.GET.get("q", ""))
    except ValidationError:
        query = services.GlossaryRequest()
    result = services.list_terms(query)
    context = {
        "result": result,
        "groups": presenters.by_letter(result.entries),
        "query_input": presenters.query_input(query.q),
    }
    return render(request, "terminology/index.html", context)


def entry(request: HttpRequest, slug: str) -> HttpResponse:
    """One term; an alias or other spelling redirects to the term's own address."""
    try:
        found = services.explain_term(services.TermRequest(term=slug))
    except (services.UnknownTerm, ValidationError) as error:
        raise Http404(str(error)) from error
    if found.slug != slug:
        return redirect("terminology:entry", slug=found.slug, permanent=True)
    return render(request, "terminology/entry.html", {"entry": found})
