"""Labour market pages: the dashboard, one area's charts as JSON, each chart's figures as CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.gzip import gzip_page

from skillshub.core.versioned_cache import VersionedCache
from skillshub.dashboard import charts, presenters, queries
from skillshub.domain.labour_market import headlines, staleness

DEFAULT_AREA = "E12000001"  # North East: the first region in the ONS order
AREA_ERROR = "Choose a region or nation from the list"

RENDERED: VersionedCache[SafeString] = VersionedCache()
"""Each section's charts as HTML, drawn once per ONS load: the tables behind 13 charts took
~45 ms of a 66 ms page to build and render, the same for every visitor until the next load."""


DERIVED: VersionedCache[list[charts.Area]] = VersionedCache()
"""Figures worked out from one ONS load (the areas with data: ~13 ms a request otherwise)."""


def _version(picture: queries.Picture) -> tuple[str, Any]:
    return (picture.provenance.sha256, picture.provenance.loaded_at)


def areas_of(picture: queries.Picture) -> list[charts.Area]:
    """The regions and nations with figures, worked out once per load."""
    return DERIVED.get(_version(picture), "areas", lambda: charts.areas_with_data(picture.series))


def charts_html(
    picture: queries.Picture, section: str, build: Callable[[], Sequence[charts.Chart]]
) -> SafeString:
    """A section's charts (``build`` gives them) as the page shows them, from the cache."""

    def draw() -> SafeString:
        blocks = [presenters.chart_block(chart) for chart in build()]
        return mark_safe(render_to_string("dashboard/_area_charts.html", {"area_charts": blocks}))

    return RENDERED.get(_version(picture), section, draw)


# The page and its area charts are gzipped here, not site-wide: they carry no secret (no CSRF
# token, no session data) for a compression attack to guess, and their chart data compresses 8:1.
@gzip_page
def index(request: HttpRequest) -> HttpResponse:
    try:
        picture = queries.picture()
    except queries.DataNotLoaded:
        return render(request, "dashboard/index.html", {"loaded": False})
    series = picture.series
    found = headlines(series)
    areas = areas_of(picture)
    chosen = request.GET.get("area", DEFAULT_AREA).strip().upper()
    area = next((a for a in areas if a.code == chosen), None)
    error = None if area is not None or not areas else AREA_ERROR
    industry = charts.industry_chart(series)
    context: dict[str, Any] = {
        "loaded": True,
        "release": presenters.release_summary(picture.provenance, found),
        "published": presenters.published_sentence(picture.provenance.publication),
        "stale": presenters.stale_notice(
            staleness(
                (s.latest.period_end for s in series.values() if s.latest),
                today=timezone.localdate(),
            )
        ),
        "periods_note": presenters.PERIODS_NOTE,
        "cards": presenters.headline_cards(found),
        "definitions": presenters.definitions(found),
        "national": charts_html(picture, "national", lambda: charts.national_charts(series)),
        "industries": charts_html(picture, "industries", lambda: [industry] if industry else []),
        "regional": charts_html(picture, "regional", lambda: charts.regional_charts(series)),
        "area": area,
        "area_select": presenters.area_select(areas, chosen, error),
        "area_charts": charts_html(
            picture, f"area:{area.code}", lambda: charts.area_charts(series, area)
        )
        if area
        else "",
        "area_charts_url": reverse("dashboard:area_charts", args=["AREA"]),
        "error_summary": presenters.error_summary(error),
    }
    return render(request, "dashboard/index.html", context, status=400 if error else 200)


@gzip_page
def area_charts(request: HttpRequest, code: str) -> JsonResponse:
    """One region or nation's charts (the page's own blocks), for charts.js to swap in."""
    try:
        picture = queries.picture()
    except queries.DataNotLoaded as error:
        raise Http404(str(error)) from error
    series = picture.series
    area = next((a for a in areas_of(picture) if a.code == code.upper()), None)
    if area is None:
        raise Http404(f"No labour market figures for an area with the code {code}")
    html = charts_html(picture, f"area:{area.code}", lambda: charts.area_charts(series, area))
    return JsonResponse({"code": area.code, "name": area.name, "html": str(html)})


def chart_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """Every value one chart is drawn from, as CSV (the time charts' full history)."""
    try:
        series = queries.picture().series
    except queries.DataNotLoaded as error:
        raise Http404(str(error)) from error
    chart = charts.chart_by_slug(series, slug)
    if chart is None:
        raise Http404(f"No labour market chart called {slug}")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="labour-market-{slug}.csv"'
    csv.writer(response, lineterminator="\n").writerows(charts.csv_rows(chart))
    return response
