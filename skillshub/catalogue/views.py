"""Catalogue pages: browse, one standard, plain-language search, and next steps from a job."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from skillshub.catalogue import browse as browse_service
from skillshub.catalogue import esco, families, forms, presenters, queries, services, store
from skillshub.core.pagination import pagination
from skillshub.domain.standards import Standard, level_in_words

PAGE_SIZE = 50


def browse(request: HttpRequest) -> HttpResponse:
    form = forms.BrowseForm(request.GET or None, routes=queries.routes(), levels=queries.levels())
    wanted = form.list_request(page_size=PAGE_SIZE)
    result = browse_service.list_standards(wanted)
    if not result.results and wanted.page > result.pages:  # past the end: show the last page
        result = browse_service.list_standards(wanted.model_copy(update={"page": result.pages}))
    context = {
        "form_route": form.select_params("route", "Route"),
        "form_level": form.select_params("level", "Level"),
        "result": result,
        "table": presenters.standards_table(result.results),
        "pagination": pagination(
            request.GET, page=result.page, total=result.count, page_size=PAGE_SIZE
        ),
        "level_words": {level: level_in_words(level) for level in (4, 5)},
    }
    return render(request, "catalogue/browse.html", context)


def detail(request: HttpRequest, reference: str) -> HttpResponse:
    standard = store.get_standard(reference)
    if standard is None:
        raise Http404(f"No standard {reference}")
    return _detail(request, standard, shown=standard)


def version(request: HttpRequest, reference: str, version: str) -> HttpResponse:
    """An older (or draft) version of a product, kept so it stays queryable."""
    shown = store.get_standard(reference)
    record = store.get_version(reference, "" if version == "-" else version)
    if shown is None or record is None:
        raise Http404(f"No version {version} of {reference}")
    return _detail(request, record, shown=shown)


def _detail(request: HttpRequest, standard: Standard, *, shown: Standard) -> HttpResponse:
    versions = store.versions_of(standard.reference)
    is_shown_version = standard.detail_version == shown.detail_version
    postcode = request.GET.get("postcode", "").strip()[:10]
    related = None
    mapped = None
    if is_shown_version and standard.is_current:
        related = families.find_similar(
            families.SimilarStandardsRequest(reference=standard.reference)
        )
        mapped = esco.find_esco(esco.StandardEscoRequest(reference=standard.reference))
    context = {
        "related": related,
        "similar_cards": presenters.similar_cards(related) if related else [],
        "training_near": presenters.training_near(standard, postcode=postcode),
        "standard": standard,
        "is_shown_version": is_shown_version,
        "shown": shown,
        "versions_table": presenters.versions_table(
            versions, shown=standard.detail_version, reference=standard.reference
        ),
        "summary": presenters.standard_summary(standard),
        "ksb_note": queries.ksb_note(standard),
        "level_words": level_in_words(standard.level),
        "duties_table": presenters.duties_table(standard),
        "esco": mapped,
        "esco_summary": presenters.esco_summary(mapped),
        "ksb_groups": [
            {"id": group, "heading": heading, "items": presenters.ksb_items(items, mapped)}
            for group, heading, items in (
                ("knowledge", "Knowledge", standard.knowledge),
                ("skills", "Skills", standard.skills),
                ("behaviours", "Behaviours", standard.behaviours),
            )
        ],
        "status_warning": f"This {standard.kind_name.lower()} is not current: "
        f"{standard.status.lower()}. It is shown for reference and is left out of search.",
        "version_warning": (
            ""
            if is_shown_version
            else f"This is version {standard.detail_version or '(not numbered)'} "
            f"({standard.status.lower()}). The hub shows version {shown.detail_version} "
            f"({shown.status.lower()})."
        ),
    }
    return render(request, "catalogue/detail.html", context)


def fit_together(request: HttpRequest) -> HttpResponse:
    """How the standards fit together: families of related standards, by route and level."""
    result = families.list_families(families.FamiliesRequest())
    context = {"result": result, "routes": presenters.family_tables(result)}
    return render(request, "catalogue/families.html", context)


def search(request: HttpRequest) -> HttpResponse:
    from skillshub.catalogue.matching import CatalogueNotLoaded
    from skillshub.domain.search import QueryError

    form = forms.SearchForm(
        request.GET if "q" in request.GET else None,
        routes=queries.routes(),
        levels=queries.levels(),
    )
    result = None
    if form.is_valid():
        try:
            result = services.search_standards(form.search_request(limit=20))
        except QueryError as error:
            form.add_error("q", str(error))
        except CatalogueNotLoaded as error:
            form.add_error("q", str(error))
    context = {
        "form": form,
        "query_input": form.input_params(),
        "form_route": form.select_params("route", "Route"),
        "form_level": form.select_params("level", "Level"),
        "error_summary": form.error_summary(),
        "result": result,
        "groups": presenters.search_groups(result) if result else [],
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "catalogue/search.html", context, status=status)


def next_steps(request: HttpRequest, reference: str) -> HttpResponse:
    """The old address of next steps from a standard: now the progression pages."""
    return redirect("progression:steps", reference=reference.upper())


def start_from_job(request: HttpRequest) -> HttpResponse:
    """The old address of 'start from your job': now the progression pages."""
    job = request.GET.get("job", "").strip()
    target = reverse("progression:start")
    return redirect(f"{target}?{urlencode({'job': job})}" if job else target)
