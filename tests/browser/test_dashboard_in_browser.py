"""The labour market page in a real browser: light, quick to draw, offline, by keyboard, axe-clean.

These tests serve the hub as `skillshub serve` does: static files collected with hashed names and
gzip and brotli copies, served by WhiteNoise, so the bytes counted are the bytes a visitor gets.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.servers.basehttp import WSGIRequestHandler
from django.db import connections
from django.test import override_settings

from tests.browser.conftest import SharedConnectionServer, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

URL = "/labour-market/"
BUDGET_BYTES = 1_200_000
"""Everything the page downloads (HTML, CSS, JavaScript, data), compressed as sent."""
DRAW_BUDGET_MS = 2000
"""From the load event to the event the page fires when its last chart is drawn."""
DRAW_TRIES = 3
COMPRESSED = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "skillshub.web.storage.HubStaticStorage"},
}
# The admin's and the API docs' files are not on the page: skipping them halves the collection.
NOT_ON_THE_PAGE = ["admin", "ninja", "axe.min.js", "*.map"]
# Recorded from the first moment of each page: when it loaded, and when its charts were drawn.
TIMINGS = """
window.addEventListener('load', () => { window.__loadAt = performance.now(); });
document.addEventListener('app:charts-drawn', (event) => {
  window.__drawnAt = performance.now();
  window.__drawnCharts = event.detail.charts;
});
"""
DRAWN = "() => window.__drawnAt !== undefined"
ALL_DRAWN = (
    "() => document.body.getAttribute('data-charts-drawn') === 'true' && "
    "document.querySelectorAll('.app-chart[data-drawn=true]').length === "
    "document.querySelectorAll('.app-chart').length"
)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=COMPRESSED):
        call_command(
            "collectstatic", interactive=False, verbosity=0, ignore_patterns=NOT_ON_THE_PAGE
        )
    return root


@pytest.fixture
def hub(collected: Path, db: None) -> Iterator[str]:
    """The hub over HTTP on a free port, serving the collected, compressed static files.

    Each request thread uses this test's database connection (as Django's live server does for
    in-memory SQLite), so the server sees the data loaded in the test's transaction and nothing
    is flushed afterwards."""
    from tests.dashboard.conftest import load_fixture_ons

    load_fixture_ons()
    connection = connections["default"]  # the object itself, not the per-thread proxy
    with override_settings(STATIC_ROOT=collected, STORAGES=COMPRESSED):
        application = WSGIHandler()  # its WhiteNoise reads the collected files now
        server = SharedConnectionServer(
            ("127.0.0.1", 0),
            QuietHandler,
            allow_reuse_address=False,
            connections_override={"default": connection},
        )
        server.set_app(application)
        # Closing the server waits for its request threads, so none outlives the test's data.
        server.daemon_threads = False
        connection.inc_thread_sharing()
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
            connection.dec_thread_sharing()


@pytest.fixture
def visit(browser: Any, hub: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def open_page(path: str = URL) -> Visit:
        page = context.new_page()
        page.add_init_script(TIMINGS)
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(hub + path, wait_until="load")
        page.wait_for_function(DRAWN)
        return Visit(page, requests)

    yield open_page
    context.close()


def test_the_page_is_light_and_draws_every_chart_within_two_seconds(visit: Any, hub: str) -> None:
    seen = visit()
    page = seen.page
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__drawnCharts") == page.locator(".app-chart").count() == 13
    sizes = page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')]
                 .map((entry) => [entry.name, entry.transferSize, entry.encodedBodySize])"""
    )
    total = sum(transfer for _, transfer, _ in sizes)
    assert all(transfer > 0 for _, transfer, _ in sizes), "a response came from no network"
    assert total <= BUDGET_BYTES, f"{total:,} bytes: {sorted(sizes, key=lambda s: -s[1])[:3]}"
    plotly = next(s for s in sizes if "/static/vendor/plotly-basic.min." in s[0])
    assert plotly[2] < 400_000, "plotly.js was not sent compressed"
    # The best of up to three loads: on two cores shared with the rest of the suite one load can
    # wait on the others; the page's own cost is its quickest draw (each reload draws afresh).
    draws = [page.evaluate("window.__drawnAt - window.__loadAt")]
    while min(draws) > DRAW_BUDGET_MS and len(draws) < DRAW_TRIES:
        page.reload(wait_until="load")
        page.wait_for_function(DRAWN)
        draws.append(page.evaluate("window.__drawnAt - window.__loadAt"))
    assert min(draws) <= DRAW_BUDGET_MS, f"charts drawn {draws} ms after load"


def test_static_files_have_hashed_names_and_a_long_cache(visit: Any, hub: str) -> None:
    seen = visit()
    responses: dict[str, Any] = {}
    seen.page.on("response", lambda r: responses.setdefault(r.url, r))
    seen.page.reload(wait_until="networkidle")
    charts = next(r for url, r in responses.items() if "/static/dashboard/charts." in url)
    assert charts.url.rsplit("/", 1)[1].count(".") == 2  # charts.<hash>.js
    assert "immutable" in charts.headers["cache-control"]
    assert charts.headers.get("content-encoding") in {"br", "gzip"}


def test_no_request_leaves_the_hub_and_no_button_offers_the_cloud(visit: Any, hub: str) -> None:
    seen = visit()
    page = seen.page
    page.wait_for_function(ALL_DRAWN)
    page.wait_for_load_state("networkidle")
    assert page.locator(".app-chart .main-svg").count() >= 13
    assert page.locator(".app-chart__fallback").count() == 0
    outside = [url for url in seen.requests if not url.startswith((hub, "data:", "blob:"))]
    assert outside == [], f"requests left the hub: {outside}"
    titles = page.eval_on_selector_all(
        ".modebar-btn", "buttons => buttons.map(b => b.getAttribute('data-title') || '')"
    )
    assert any("png" in t.lower() for t in titles), titles  # the in-browser download stays
    words = ("share", "cloud", "studio", "plotly")  # plotly 4's cloud button is "Share chart..."
    leaving = [t for t in titles if any(w in t.lower() for w in words)]
    assert leaving == []
    assert page.locator(".app-chart a[href^='http']").count() == 0  # no Plotly logo link
    assert seen.axe_violations() == []


def test_no_script_errors_or_policy_violations(browser: Any, hub: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(hub + URL, wait_until="networkidle")
    page.wait_for_function(ALL_DRAWN)
    page.close()
    assert problems == []


def test_hover_shows_the_ons_period_and_value(visit: Any) -> None:
    seen = visit()
    seen.page.wait_for_function(ALL_DRAWN)
    seen.page.evaluate(
        """() => {
          const chart = document.getElementById('chart-employment-rate');
          const last = chart.data[0].x.length - 1;
          Plotly.Fx.hover(chart, [{curveNumber: 0, pointNumber: last}]);
        }"""
    )
    label = seen.page.locator("#chart-employment-rate .hoverlayer .hovertext")
    assert label.count() == 1
    text = label.text_content()
    assert "Feb-Apr 2026" in text and "75.1%" in text


@pytest.mark.parametrize("slug", ["employment-rate", "claimant-count"])
def test_the_script_labels_periods_as_the_tables_do(visit: Any, slug: str) -> None:
    """charts.js works out "Nov 2025-Jan 2026" or "June 2026" itself: it must match the domain."""
    page = visit().page
    page.wait_for_function(ALL_DRAWN)
    drawn = page.evaluate(
        "(id) => { const c = document.getElementById(id);"
        " return c.data[0].customdata.map((label, i) => [label, c.data[0].text[i]]); }",
        f"chart-{slug}",
    )
    block = page.locator("section", has=page.locator(f"#chart-{slug}"))
    rows = block.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.children].map(c => c.textContent.trim()))"
    )
    assert list(reversed(drawn))[: len(rows)] == [row[:2] for row in rows]
    labels = {label for label, _ in drawn}
    assert ("Nov 2025-Jan 2026" in labels) == (slug == "employment-rate")  # across a new year


def test_range_buttons_work_from_the_keyboard(visit: Any) -> None:
    page = visit().page
    page.wait_for_function(ALL_DRAWN)
    block = page.locator("section", has=page.locator("#chart-employment-rate"))
    group = block.locator(".app-chart-range")
    assert group.is_visible()
    two_years = group.get_by_role("button", name="2 years")
    two_years.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.getElementById('chart-employment-rate').layout.xaxis.range[0]"
        ".startsWith('2024-04')"
    )
    assert two_years.get_attribute("aria-pressed") == "true"
    assert group.get_by_role("button", name="10 years").get_attribute("aria-pressed") == "false"
    low, high = page.evaluate(
        "() => document.getElementById('chart-employment-rate').layout.yaxis.range"
    )
    shown = page.evaluate(
        "() => { const c = document.getElementById('chart-employment-rate');"
        " return c.data[0].y.filter((_, i) => c.data[0].x[i] >= '2024-04-01'); }"
    )
    # The value axis fits the years on show, with at least two points of span for a rate.
    assert low < min(shown) and high > max(shown) and 2 <= high - low < 3
    group.get_by_role("button", name="All years").press("Enter")
    page.wait_for_function(
        "() => document.getElementById('chart-employment-rate').layout.xaxis.autorange === true"
    )


def test_choosing_a_region_redraws_without_a_reload(visit: Any, hub: str) -> None:
    seen = visit()
    page = seen.page
    page.wait_for_function(ALL_DRAWN)
    page.evaluate("() => { window.__samePage = true; }")
    page.select_option("#area", label="London")
    page.get_by_role("button", name="Show this area").click()
    page.wait_for_function(ALL_DRAWN)
    page.wait_for_selector("#chart-e12000007-employment-rate[data-drawn=true]")
    assert page.evaluate("() => window.__samePage") is True, "the page reloaded"
    assert page.url.endswith("/labour-market/?area=E12000007#one-area")
    assert page.locator("#chart-e12000001-employment-rate").count() == 0
    legend = page.locator("#chart-e12000007-employment-rate .legend").text_content()
    assert "London" in legend and "United Kingdom" in legend
    assert page.locator("#area-status").text_content() == "Showing London."
    table = page.locator("section", has=page.locator("#chart-e12000007-employment-rate"))
    assert table.locator("table.govuk-table").count() == 1
    assert table.locator("a[href='/labour-market/data/e12000007-employment-rate.csv']").count()
    assert seen.axe_violations() == []
    page.go_back()
    page.wait_for_selector("#chart-e12000001-employment-rate[data-drawn=true]")
    assert page.evaluate("() => window.__samePage") is True
    assert page.locator("#area").input_value() == "E12000001"


def test_without_javascript_the_region_form_still_works(browser: Any, hub: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(hub + URL)
    assert page.locator(".app-chart__fallback").count() == 13
    page.select_option("#area", label="London")
    page.get_by_role("button", name="Show this area").click()
    page.wait_for_url("**/labour-market/?area=E12000007#one-area")
    heading = page.locator("#chart-e12000007-employment-rate-heading").text_content()
    assert heading == "Employment rate, aged 16 to 64: London"
    context.close()
