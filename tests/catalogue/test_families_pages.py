"""The standard page's family and similar standards, and 'How the standards fit together'."""

from __future__ import annotations

from tests.page_checks import PageClient, one, tag


def test_a_standard_page_shows_its_family_and_the_most_similar(
    client_request: PageClient,
) -> None:
    page = client_request.get("/standards/ST0116/")
    related = page.find(id="related")
    assert related is not None
    text = page.get_text(" ")
    assert "Family:" in text
    similar = page.find(id="similar")
    assert similar is not None
    first = tag(similar.find_next("h4"), "similar standard heading")
    assert one(first, "a")["href"] == "/standards/ST0128/"
    assert "of this standard's knowledge and skills are also in it" in text
    assert "Shared knowledge and skills" in tag(first.find_next("details"), "details").get_text()
    assert page.find("a", href="/standards/families/")


def test_a_retired_version_page_shows_no_family(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0116/versions/1.0/")
    assert page.find(id="related") is None


def test_how_the_standards_fit_together_by_route_and_level(client_request: PageClient) -> None:
    page = client_request.get("/standards/families/")
    assert one(page, "h1").get_text(strip=True) == "How the standards fit together"
    digital = page.find("h2", id="digital")
    assert digital is not None
    table = tag(digital.find_next("table"), "table after the Digital heading")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads[0] == "Family" and "Level 4" in heads
    assert table.find("a", href="/standards/ST0116/")
    browse = client_request.get("/standards/")
    assert browse.find("a", href="/standards/families/")
