"""Local skills market pages: pick an area, an area's gaps (and its CSV, XLSX and printable
report), and a provider's nearby demand. Thin: parse, call the service, render."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from pydantic import ValidationError

from skillshub.market import exports, presenters, queries, services

WEST_MIDLANDS = "E47000007"


def choose(request: HttpRequest) -> HttpResponse:
    """Pick a combined authority or a local authority (West Midlands first)."""
    if request.GET.get("area"):
        return redirect(reverse("market:area", args=[request.GET["area"].strip().upper()[:9]]))
    authorities = queries.authorities().values()
    combined = sorted(
        {
            (la.combined_authority_code, la.combined_authority_name or "")
            for la in authorities
            if la.combined_authority_code
        },
        key=lambda item: (item[0] != WEST_MIDLANDS, item[1]),
    )
    local = sorted(
        ((la.code, la.name) for la in authorities if la.nation == "England"),
        key=lambda item: item[1],
    )
    items = [{"value": code, "text": name} for code, name in combined] + [
        {"value": code, "text": f"{name} (local authority)"} for code, name in local
    ]
    select = {
        "id": "area",
        "name": "area",
        "label": {"text": "Combined authority or local authority", "classes": "govuk-label--s"},
        "items": items or [{"value": WEST_MIDLANDS, "text": "West Midlands"}],
    }
    return render(request, "market/choose.html", {"select": select})


def _result(code: str, request: HttpRequest) -> services.AreaGapsResult:
    try:
        radius = float(
            request.GET.get("radius_km", services.domain.GAP_PRESETS["default"].radius_km)
        )
        return services.area_gaps(services.AreaGapsRequest(area=code, radius_km=radius))
    except (ValidationError, ValueError, services.UnknownArea) as error:
        raise Http404(str(error)) from error


def area(request: HttpRequest, code: str) -> HttpResponse:
    result = _result(code, request)
    context = {
        "result": result,
        "tables": presenters.area_tables(result),
        "map": presenters.area_map(result),
        "printable": request.GET.get("print") == "1",
    }
    return render(request, "market/area.html", context)


def area_csv(request: HttpRequest, code: str) -> HttpResponse:
    result = _result(code, request)
    response = HttpResponse(exports.to_csv(result), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="gaps-{result.area}.csv"'
    return response


def area_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    result = _result(code, request)
    response = HttpResponse(
        exports.to_xlsx(result),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="gaps-{result.area}.xlsx"'
    return response


def provider(request: HttpRequest, ukprn: int) -> HttpResponse:
    try:
        result = services.provider_demand(services.ProviderDemandRequest(ukprn=ukprn))
    except (ValidationError, services.UnknownProvider) as error:
        raise Http404(str(error)) from error
    context = {"result": result, "table": presenters.provider_table(result)}
    return render(request, "market/provider.html", context)
