"""Terms explained in place, in a real browser: axe passes, each link is reached with Tab, and
its accessible description is the term's short definition."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("path", ["/standards/ST0116/", "/find-training/?q=bookkeeping"])
def test_explained_terms_pass_axe_and_are_described(visit: Any, path: str) -> None:
    seen = visit(path)
    links = seen.page.locator("main a.app-term")
    assert links.count() > 0
    assert seen.axe_violations() == []
    first = links.first
    described = seen.page.evaluate(
        "(a) => document.getElementById(a.getAttribute('aria-describedby')).textContent",
        first.element_handle(),
    )
    slug = first.get_attribute("data-glossary-term")
    term, _, short = described.partition(": ")
    assert term.lower().replace(" ", "-").replace(",", "") == slug and short.endswith(".")
    assert not seen.page.locator(".app-term-descriptions").is_visible()


def test_an_explained_term_is_reached_with_the_keyboard(visit: Any) -> None:
    seen = visit("/standards/ST0116/")
    target = seen.page.locator("main a.app-term").first.get_attribute("href")
    for _ in range(200):
        seen.page.keyboard.press("Tab")
        if seen.page.evaluate("document.activeElement.classList.contains('app-term')"):
            break
    else:
        pytest.fail("Tab never reached an explained term")
    assert seen.page.evaluate("document.activeElement.getAttribute('href')") == target
    seen.page.keyboard.press("Enter")
    seen.page.wait_for_url("**/glossary/**")
    assert seen.page.locator("h1").inner_text() == "Glossary"
