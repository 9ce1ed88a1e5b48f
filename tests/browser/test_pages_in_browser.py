"""Every main page in a real browser: renders, loads nothing from other hosts, passes axe."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/",
    "/about/",
    "/standards/",
    "/standards/ST0116/",
    "/standards/search/?q=write+and+test+software+code",
    "/standards/search/?q=",
    "/standards/ST0154/next-steps/",
    "/standards/next-steps/?job=maintenance+engineering+technician",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_self_contained(visit: Any, served: Any, path: str) -> None:
    seen = visit(path)
    assert seen.page.locator("h1").count() == 1
    outside = [url for url in seen.requests if not url.startswith((served.url, "data:", "blob:"))]
    assert outside == [], f"requests left the hub: {outside}"
    assert seen.axe_violations() == []


def test_standard_page_in_arial_with_govuk_styles(visit: Any) -> None:
    seen = visit("/standards/ST0116/")
    font = seen.page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert font.lower().startswith("arial")
    assert "govuk-frontend-supported" in seen.page.evaluate("document.body.className")


def test_axe_harness_does_report_violations(browser: Any) -> None:
    """Guard against a silent harness: a page with known faults must fail axe."""
    from tests.browser.conftest import Visit

    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    ids = {v["id"] for v in Visit(page, []).axe_violations()}
    page.close()
    assert {"image-alt", "html-has-lang"} <= ids


def test_api_docs_load_nothing_from_other_hosts(visit: Any, served: Any) -> None:
    seen = visit("/api/docs")
    seen.page.wait_for_selector(".swagger-ui .info", timeout=15_000)
    outside = [url for url in seen.requests if not url.startswith((served.url, "data:"))]
    assert outside == [], f"the API docs page reached other hosts: {outside}"
