"""Families and similar standards in a real browser: the pages pass axe, disclosures open."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_family_pages_pass_axe(visit: Any) -> None:
    for path in ("/standards/ST0116/", "/standards/ST1312/", "/standards/families/"):
        seen = visit(path)
        assert seen.page.locator("h1").count() == 1, path
        for summary in seen.page.locator("#related ~ details summary, #similar ~ * summary").all():
            summary.click()  # axe also checks what the disclosures show
        assert seen.axe_violations() == [], path
    assert seen.page.locator("table").count() > 0
