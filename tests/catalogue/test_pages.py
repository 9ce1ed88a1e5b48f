"""Catalogue pages: browse by route and level, and one standard with its numbered KSBs."""

from __future__ import annotations

import pytest

from tests.page_checks import PageClient


def test_browse_lists_current_standards(client_request: PageClient) -> None:
    page = client_request.get("/standards/")
    rows = page.select("tbody tr")
    assert rows
    assert "Software developer" in page.get_text()
    assert page.find("select", id="route") and page.find("select", id="level")


def test_browse_filters_by_route_and_level(client_request: PageClient) -> None:
    page = client_request.get("/standards/", route="Digital", level="4")
    cells = [row.find_all(["th", "td"]) for row in page.select("tbody tr")]
    assert cells
    assert all(
        c[1].get_text(strip=True) == "4" and c[2].get_text(strip=True) == "Digital" for c in cells
    )
    assert page.find("option", selected=True, string="Digital")


def test_browse_with_an_unknown_filter_says_so(client_request: PageClient) -> None:
    page = client_request.get("/standards/", route="Underwater basket weaving")
    assert "Select a valid choice" in page.get_text()


def test_standard_page_shows_numbered_ksbs_and_their_origin(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0116/")
    assert page.h1.get_text(strip=True) == "Software developer (level 4)"
    text = page.get_text(" ")
    assert "K1" in text and "S1" in text and "B1" in text
    assert "version 1.0" in text and "current version may differ" in text
    assert "Higher National Certificate" in text
    assert page.find(id="knowledge") and page.find(id="skills") and page.find(id="behaviours")


def test_standard_with_duties_shows_them(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0155/")
    assert page.find("caption", string="Duties") or "Duties" not in page.get_text()


def test_retired_standard_is_marked(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0011/")
    assert "This standard is not current" in page.get_text()


@pytest.mark.parametrize("url", ["/standards/ST9999/", "/no-such-page/"])
def test_not_found_pages(client_request: PageClient, url: str) -> None:
    page = client_request.get(url, status=404)
    assert page.h1.get_text(strip=True) == "Page not found"
