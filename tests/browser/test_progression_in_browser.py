"""Progression in a real browser: the question pages and the steps pass axe, and the steps
page on a 375 px phone is under four screens tall before any disclosure is opened."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
SCREEN = {"width": 375, "height": 667}


def test_job_to_steps_on_a_phone(browser: Any, served: Any) -> None:
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    try:
        page.goto(served.url + "/progression/", wait_until="load")
        page.fill("#job", "software development")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Continue").click()
        page.locator("input[name=start]").first.check()
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Continue").click()
        assert page.url.endswith("/progression/ST0128/") or "/progression/ST" in page.url
        for path in ("/progression/", "/progression/ST0128/", "/progression/ST0128/ST0116/case/"):
            page.goto(served.url + path, wait_until="load")
            assert Visit(page, []).axe_violations() == [], path
        page.goto(served.url + "/progression/ST0128/", wait_until="load")
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 4 * SCREEN["height"], f"{height} px is four screens or more"
        assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]
    finally:
        context.close()
