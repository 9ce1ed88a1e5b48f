"""The employer journey in a real browser, at 320 px: need -> results -> standard -> training
near me -> shortlist; axe on every step, nothing scrolls sideways, focus kept on the shortlist."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture
def journey(db: None) -> None:
    from tests.provision.discover_uni_loading import load_he_providers
    from tests.provision.loading import load_all
    from tests.qualifications.loading import load_sample

    load_all()
    load_sample()
    load_he_providers()


@pytest.fixture
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 320, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def check(page: Any) -> None:
    """One h1, no axe violations, and nothing wider than the 320 px screen."""
    assert page.locator("h1").count() == 1
    assert Visit(page, []).axe_violations() == [], page.url
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} scrolls sideways: {width} px wide"


def test_need_to_results_to_standard_to_training_near_me_to_shortlist(
    phone: Any, served: Any, journey: None
) -> None:
    page = phone
    page.goto(served.url + "/find-training/", wait_until="load")
    check(page)
    page.fill("#q", "maintain PLC control systems")
    page.fill("#postcode", "B1 1AA")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Find training").click()
    check(page)
    first_group = page.locator("section[aria-labelledby^=group-]").first
    assert first_group.locator("h2").inner_text().startswith("Apprenticeships")
    # The results come before the refine disclosure on a small screen.
    results_top = first_group.bounding_box()["y"]
    refine_top = page.locator("main details.govuk-details").bounding_box()["y"]
    assert results_top < refine_top

    with page.expect_navigation(wait_until="load"):
        first_group.locator("h3 a").first.click()
    check(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="Find training for this near B1 1AA").click()
    check(page)
    assert page.input_value("#postcode") == "B1 1AA"

    with page.expect_navigation(wait_until="load"):
        page.get_by_role("link", name="See all courses").click()
    check(page)
    add = page.get_by_role("button", name="Add").first
    with page.expect_navigation(wait_until="load"):
        add.click()
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("offer-")
    status = page.locator(f"#{focused} [role=status]")
    assert status.inner_text().startswith("Added to your shortlist")
    check(page)


NARROW_PAGES = [
    "/",
    "/about/",
    "/find-training/?q=bookkeeping&postcode=B1+1AA",
    "/standards/",
    "/standards/ST0662/",
    "/standards/ST0662/versions/1.0/",
    "/standards/search/?q=maintain+PLC+control+systems",
    "/standards/ST0154/next-steps/",
    "/qualifications/",
    "/qualifications/60363393/",
    "/training/?postcode=B1+1AA&radius=25",
    "/training/shortlist/",
    "/training/providers/19999901/",
    "/labour-market/",
]


def test_no_page_scrolls_sideways_at_320_px(phone: Any, served: Any, journey: None) -> None:
    """One test over every page (the data loads once): each page's width at 320 px."""
    too_wide = {}
    for path in NARROW_PAGES:
        phone.goto(served.url + path, wait_until="load")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}, f"pages wider than 320 px: {too_wide}"
