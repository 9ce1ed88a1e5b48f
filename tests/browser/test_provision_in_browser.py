"""Provision pages in a real browser: search, offer, provider and provider-area pages pass axe."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

HTQ = "ncs:00000000-0000-4000-8000-0000000000a1"
PAGES = [
    "/training/",
    "/training/?q=maintain+PLC+control+systems&postcode=B1+1AA&radius=25",
    "/training/?postcode=B1+1AA&radius=50&type=htq&level=4",
    "/training/?q=&postcode=B1+1A",  # the error summary
    f"/training/offers/{HTQ}/",
    "/training/providers/19999901/",
    "/training/shortlist/",
    "/training/provider/sign-in/",
]
PASSWORD = "a long test passphrase 42"


def assert_self_contained_and_accessible(seen: Any, served: Any) -> None:
    assert seen.page.locator("h1").count() == 1
    outside = [url for url in seen.requests if not url.startswith((served.url, "data:", "blob:"))]
    assert outside == [], f"requests left the hub: {outside}"
    assert seen.axe_violations() == []


@pytest.mark.parametrize("path", PAGES)
def test_provision_page_is_accessible(visit: Any, served: Any, provision: None, path: str) -> None:
    assert_self_contained_and_accessible(visit(path), served)


def test_the_no_data_page_is_accessible(visit: Any, served: Any) -> None:
    seen = visit("/training/")
    assert "No course data has been loaded" in seen.page.inner_text("main")
    assert_self_contained_and_accessible(seen, served)


def test_shortlist_then_compare_and_print_button(visit: Any, served: Any, provision: None) -> None:
    seen = visit("/training/?postcode=B1+1AA&radius=25")
    add = seen.page.get_by_role("button", name="Add [TEST] HTQ Higher National Certificate")
    with seen.page.expect_navigation(wait_until="load"):
        add.first.click()
    seen.page.goto(served.url + "/training/shortlist/", wait_until="load")
    assert seen.page.locator("thead th").count() == 2
    assert seen.page.get_by_role("button", name="Print the shortlist").is_visible()
    assert seen.axe_violations() == []


def test_provider_signs_in_and_adds_a_course(visit: Any, served: Any, provision: None) -> None:
    from django.contrib.auth import get_user_model

    from skillshub.provision.models import Provider, ProviderAccount

    user = get_user_model().objects.create_user(username="college@example.ac.uk", password=PASSWORD)
    ProviderAccount.objects.create(user=user, provider=Provider.objects.get(ukprn=19999901))
    seen = visit("/training/provider/")
    seen.page.fill("#email", "college@example.ac.uk")
    seen.page.fill("#password", PASSWORD)
    with seen.page.expect_navigation(wait_until="load"):
        seen.page.get_by_role("button", name="Sign in").click()
    assert seen.page.locator("h1").inner_text() == "Your courses on Skills Hub"
    assert seen.axe_violations() == []
    with seen.page.expect_navigation(wait_until="load"):
        seen.page.get_by_role("button", name="Add a course").click()
    assert seen.axe_violations() == []
    with seen.page.expect_navigation(wait_until="load"):
        seen.page.get_by_role("button", name="Publish").click()  # empty: every error listed
    assert seen.page.locator(".govuk-error-summary").is_visible()
    assert seen.axe_violations() == []
    seen.page.goto(served.url + "/training/provider/upload/", wait_until="load")
    assert seen.axe_violations() == []
