"""ESCO skills in a real browser: the standard and qualification pages pass axe."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def qualifications(db: None) -> None:
    from tests.qualifications.loading import load_sample

    load_sample()


def test_the_esco_skills_pass_axe(visit: Any, qualifications: None) -> None:
    seen = visit("/standards/ST0116/")
    assert seen.page.locator("#esco").count() == 1
    seen.page.locator("#esco ~ details summary").first.click()
    assert seen.page.get_by_text("low confidence: check").count() > 0
    assert seen.axe_violations() == []


def test_a_qualification_with_its_esco_skills_passes_axe(visit: Any, qualifications: None) -> None:
    from tests.qualifications.loading import SOFTWARE

    seen = visit(f"/qualifications/{SOFTWARE}/")
    assert seen.page.locator("#esco").count() == 1
    assert seen.axe_violations() == []
