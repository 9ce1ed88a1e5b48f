"""The labour market page in a real browser: charts draw offline, work by keyboard, pass axe."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URL = "/labour-market/"
ALL_DRAWN = (
    "document.querySelectorAll('.app-chart').length > 0 && "
    "document.querySelectorAll('.app-chart[data-drawn=true]').length === "
    "document.querySelectorAll('.app-chart').length"
)


@pytest.fixture(autouse=True)
def ons(transactional_db: None) -> None:
    from tests.dashboard.conftest import load_fixture_ons

    load_fixture_ons()


def test_charts_render_offline_and_pass_axe(visit: Any, live_server: Any) -> None:
    seen = visit(URL)
    seen.page.wait_for_function(ALL_DRAWN)
    charts = seen.page.locator(".app-chart")
    assert charts.count() == 13
    assert seen.page.locator(".app-chart svg.main-svg").count() >= 13
    assert seen.page.locator(".app-chart__fallback").count() == 0
    outside = [
        url for url in seen.requests if not url.startswith((live_server.url, "data:", "blob:"))
    ]
    assert outside == [], f"requests left the hub: {outside}"
    assert any("/static/vendor/plotly-basic" in url for url in seen.requests)
    assert seen.axe_violations() == []


def test_no_script_errors_or_policy_violations(browser: Any, live_server: Any) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(live_server.url + URL, wait_until="networkidle")
    page.wait_for_function(ALL_DRAWN)
    page.close()
    assert problems == []


def test_hover_shows_the_ons_period_and_value(visit: Any) -> None:
    seen = visit(URL)
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


def test_range_buttons_work_from_the_keyboard(visit: Any) -> None:
    seen = visit(URL)
    page = seen.page
    page.wait_for_function(ALL_DRAWN)
    block = page.locator("section", has=page.locator("#chart-employment-rate"))
    group = block.locator(".app-chart-range")
    assert group.is_visible()
    two_years = group.get_by_role("button", name="2 years")
    two_years.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.getElementById('chart-employment-rate').layout.xaxis.range[0]"
        ".startsWith('2024-04')"
    )
    assert two_years.get_attribute("aria-pressed") == "true"
    assert group.get_by_role("button", name="10 years").get_attribute("aria-pressed") == "false"
    low, high = page.evaluate("document.getElementById('chart-employment-rate').layout.yaxis.range")
    shown = page.evaluate(
        "(() => { const c = document.getElementById('chart-employment-rate');"
        " return c.data[0].y.filter((_, i) => c.data[0].x[i] >= '2024-04-01'); })()"
    )
    # The value axis fits the years on show, with at least two points of span for a rate.
    assert low < min(shown) and high > max(shown) and 2 <= high - low < 3
    group.get_by_role("button", name="All years").press("Enter")
    page.wait_for_function(
        "document.getElementById('chart-employment-rate').layout.xaxis.autorange === true"
    )


def test_choosing_a_region_draws_its_charts(visit: Any) -> None:
    seen = visit(URL)
    page = seen.page
    page.wait_for_function(ALL_DRAWN)
    page.select_option("#area", label="London")
    page.get_by_role("button", name="Show this area").click()
    page.wait_for_url("**/labour-market/?area=E12000007#one-area")
    page.wait_for_function(ALL_DRAWN)
    assert page.locator("#chart-e12000007-employment-rate svg.main-svg").count() >= 1
    legend = page.locator("#chart-e12000007-employment-rate .legend").text_content()
    assert "London" in legend and "United Kingdom" in legend
