"""Catalogue pages: browse by route and level, and one standard with its numbered KSBs."""

from __future__ import annotations

import pytest

from skillshub.catalogue import browse, views
from tests.page_checks import PageClient, one, tag


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


def test_browse_pages_keep_the_filter(
    client_request: PageClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    page = client_request.get("/standards/", level="4")
    nav = page.find("nav", class_="govuk-pagination")
    assert nav and nav.find("a", href="?level=4&page=2")
    assert page.find("a", class_="govuk-pagination__link", attrs={"aria-current": "page"})


@pytest.mark.parametrize("asked", ["99", "two", "-4"])
def test_browse_shows_the_last_page_past_the_end_and_the_first_for_nonsense(
    client_request: PageClient, monkeypatch: pytest.MonkeyPatch, asked: str
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    count = browse.list_standards(browse.StandardsListRequest(level=4)).count
    last = -(-count // 2)
    assert last > 2, "the fixture has enough level 4 standards for three pages of two"
    page = client_request.get("/standards/", level="4", page=asked)
    shown = last if asked == "99" else 1
    current = page.find("a", class_="govuk-pagination__link", attrs={"aria-current": "page"})
    assert current and current.get_text(strip=True) == str(shown)
    assert len(page.select("tbody tr")) == (count - 2 * (last - 1) if shown == last else 2)
    assert f"{count} standards" in page.get_text()


def test_browse_with_an_unknown_filter_says_so(client_request: PageClient) -> None:
    page = client_request.get("/standards/", route="Underwater basket weaving")
    assert "Select a valid choice" in page.get_text()


def test_standard_page_shows_numbered_ksbs_and_their_version(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0116/")
    assert one(page, "h1").get_text(strip=True) == "Software developer (level 4)"
    text = page.get_text(" ")
    assert "K1" in text and "S1" in text and "B1" in text
    assert "those of version 1.2" in text
    assert "Higher National Certificate" in text
    assert page.find(id="knowledge") and page.find(id="skills") and page.find(id="behaviours")
    assert "439 hours" in text  # minimum off-the-job training
    caption = tag(page.find("caption", string="Versions"), "caption 'Versions'")
    versions = tag(caption.find_parent("table"), "table of versions")
    links = [a["href"] for a in versions.select("a:not(.app-term)")]  # not glossary terms
    assert links == ["/standards/ST0116/versions/1.0/", "/standards/ST0116/versions/1.1/"]
    assert "1.2 (shown on this page)" in versions.get_text()


def test_an_older_version_is_served_and_says_which_version_is_current(
    client_request: PageClient,
) -> None:
    page = client_request.get("/standards/ST0116/versions/1.0/")
    text = page.get_text(" ")
    assert "This is version 1.0 (retired)" in text
    assert "The hub shows version 1.2" in text
    assert page.find("a", href="/standards/ST0116/")
    client_request.get("/standards/ST0116/versions/7.7/", status=404)


def test_standard_with_duties_shows_them(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST1299/")
    caption = tag(page.find("caption", string="Duties"), "caption 'Duties'")
    duties = tag(caption.find_parent("table"), "table of duties")
    assert len(duties.select("tbody tr")) == 13
    assert "Occupation cluster" in page.get_text()


def test_retired_standard_is_marked(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0011/")
    assert "This apprenticeship is not current: retired" in page.get_text()


def test_foundation_apprenticeship_and_unit_pages(client_request: PageClient) -> None:
    foundation = client_request.get("/standards/FA0005/")
    text = " ".join(foundation.get_text(" ").split())
    assert "Foundation apprenticeship FA0005" in text
    assert foundation.find("a", href="/standards/ST0128/")
    unit = client_request.get("/standards/AU0001/")
    text = " ".join(unit.get_text(" ").split())
    assert "Apprenticeship unit AU0001" in text
    assert "People you already employ" in text
    assert "140 hours" in text and "£3,200" in text
    assert "headline facts only" in text


@pytest.mark.parametrize("url", ["/standards/ST9999/", "/no-such-page/"])
def test_not_found_pages(client_request: PageClient, url: str) -> None:
    page = client_request.get(url, status=404)
    assert one(page, "h1").get_text(strip=True) == "Page not found"
