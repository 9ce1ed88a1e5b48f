"""The local market area page in a real browser: axe finds nothing, it fits a 320 px screen,
and the map is drawn offline (no request leaves the site)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
AREA = "/local-market/areas/E47000007/"


def test_the_area_page_passes_axe(visit: Any, served: Any, market_data: None) -> None:
    for path in ("/local-market/", AREA, AREA + "?print=1"):
        page: Visit = visit(path)
        assert page.axe_violations() == [], path
        assert all(url.startswith(served.url) for url in page.requests), page.requests


def test_the_area_page_fits_320_px(browser: Any, served: Any, market_data: None) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(served.url + AREA, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"the page is {width} px wide"
        assert page.locator("svg.app-map").bounding_box()["width"] <= 320
    finally:
        context.close()
