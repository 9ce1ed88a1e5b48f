"""Register a training need in a real browser at 320 px: every page, an error page included,
passes axe with no violations and never scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]
NARROW = {"width": 320, "height": 640}


def check(page: Any, where: str) -> None:
    assert Visit(page, []).axe_violations() == [], where
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], where


def test_the_need_journey_is_accessible(browser: Any, served: Any) -> None:
    context = browser.new_context(viewport=NARROW)
    page = context.new_page()

    def proceed(name: str = "Continue") -> None:
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name=name).click()

    try:
        page.goto(served.url + "/needs/register/", wait_until="load")
        check(page, "start")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Start now").click()
        check(page, "what")
        proceed()  # nothing typed: the error summary
        assert page.locator(".govuk-error-summary").is_visible()
        check(page, "what, with an error")
        page.fill("#need", "maintain and repair automated machinery and robots")
        proceed()
        check(page, "matches")
        page.locator("input[name=standard_references]").first.check()
        proceed()
        page.fill("#headcount", "3")
        proceed()
        for step in ("when", "format", "level"):
            check(page, step)
            page.locator("input[type=radio]").first.check()
            proceed()
        page.fill("#postcode", "B1 1AA")
        proceed()
        for step in ("size", "sector"):
            check(page, step)
            page.locator("input[type=radio]").first.check()
            proceed()
        assert page.url.endswith("/needs/register/check/")
        check(page, "check your answers")
        proceed("Register this need")
        check(page, "confirmation")
        link = page.locator("a.app-break-anywhere").get_attribute("href")
        page.goto(link, wait_until="load")
        check(page, "private page")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name="Withdraw this need").click()
        check(page, "withdraw")
    finally:
        context.close()
