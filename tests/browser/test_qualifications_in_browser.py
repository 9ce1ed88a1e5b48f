"""The qualification pages in a real browser: render, load nothing from other hosts, pass axe."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/qualifications/",
    "/qualifications/?q=software+development&level=4",
    "/qualifications/?q=%3F%21",
    "/qualifications/60363393/",
    "/qualifications/60305435/",
]


@pytest.fixture(autouse=True)
def data(db: None) -> None:
    from tests.qualifications.loading import load_sample

    load_sample()


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_self_contained(visit: Any, served: Any, path: str) -> None:
    seen = visit(path)
    assert seen.page.locator("h1").count() == 1
    outside = [url for url in seen.requests if not url.startswith((served.url, "data:", "blob:"))]
    assert outside == [], f"requests left the hub: {outside}"
    assert seen.axe_violations() == []
