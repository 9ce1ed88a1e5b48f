"""Qualification pages: the Level 4-5 list with a search box and level filter, and one page each."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from skillshub.core.pagination import pagination
from skillshub.qualifications import esco, forms, presenters, queries, services, store
from skillshub.sources.funded_qualifications import is_valid_number, normalise_number

PAGE_SIZE = 25


def _page_number(request: HttpRequest) -> int:
    try:
        return max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        return 1


def qualification_list(request: HttpRequest) -> HttpResponse:
    form = forms.QualificationsForm(request.GET or None)
    results = None
    if not form.is_bound or form.is_valid():
        query = form.query(page=_page_number(request), page_size=PAGE_SIZE)
        try:
            results = services.find_qualifications(query)
        except services.QueryError as error:
            form.add_error("q", str(error))
    if results is not None and results.count and not results.results:  # past the last page
        last = (results.count - 1) // PAGE_SIZE + 1
        results = services.find_qualifications(query.model_copy(update={"page": last}))
    context = {
        "query_input": form.query_input(),
        "level_select": form.level_select(),
        "error_summary": form.error_summary(),
        "results": results,
        "searched": bool(results and results.need),
        "table": presenters.results_table(results) if results else None,
        "hits": presenters.search_results(results) if results else [],
        "pagination": pagination(
            request.GET, page=results.page, total=results.count, page_size=PAGE_SIZE
        )
        if results is not None
        else None,
        "first_rank": (results.page - 1) * PAGE_SIZE + 1 if results else 1,
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "qualifications/list.html", context, status=status)


def detail(request: HttpRequest, number: str) -> HttpResponse:
    wanted = normalise_number(number)
    qualification = store.get_qualification(wanted) if is_valid_number(wanted) else None
    if qualification is None:
        raise Http404(f"No qualification {number}")
    load = queries.latest_load()
    context = {
        "qualification": qualification,
        "summary": presenters.summary(qualification),
        "funding": presenters.funding_summary(qualification, today=timezone.localdate()),
        "links": presenters.standard_links(qualification),
        "links_note": queries.links_note(qualification),
        "esco": esco.find_esco(qualification.number),
        "attribution": queries.ATTRIBUTION,
        "snapshot": qualification.snapshot,
        "load": load,
    }
    return render(request, "qualifications/detail.html", context)
