"""The search page: a need in plain words, standards with highlighted reasons, helpful errors."""

from __future__ import annotations

import pytest

from tests.page_checks import PageClient, one, tag


def test_results_come_with_highlighted_reasons(client_request: PageClient) -> None:
    page = client_request.get("/standards/search/", q="write and test software code")
    results = page.select("ol.govuk-list > li")
    assert results
    first = results[0]
    assert one(first, "a")["href"] == "/standards/ST0116/"
    reasons = first.select(".app-result-why li")
    assert reasons, "each result says why it matched"
    assert first.find("mark", class_="app-highlight")


def test_level_4_5_results_come_first_in_their_own_group(client_request: PageClient) -> None:
    page = client_request.get("/standards/search/", q="maintain automation and robots")
    headings = [h.get_text(strip=True) for h in page.select("h2.govuk-heading-l")]
    assert headings and headings[0] == "Level 4 and 5"
    first_group = tag(one(page, "h2#level-4-5").find_next("ol"), "list after the level 4-5 heading")
    levels = [p.get_text() for p in first_group.select("li > p.govuk-body-s")[:3]]
    assert all("Level 4" in text or "Level 5" in text for text in levels if "Level" in text)
    assert "Keyword:" not in page.get_text()


def test_nonsense_says_no_good_match(client_request: PageClient) -> None:
    page = client_request.get("/standards/search/", q="xyzzy")
    assert one(page, "h2[role=status]").get_text(strip=True) == "No good match for your description"
    assert not page.select("ol.govuk-list > li")


def test_empty_query_shows_an_error_summary_and_keeps_filters(client_request: PageClient) -> None:
    page = client_request.get("/standards/search/", q="   ", level="4", status=400)
    summary = page.find(class_="govuk-error-summary")
    assert summary and "Describe the skills or tasks you need" in summary.get_text()
    assert one(summary, "a")["href"] == "#q"
    assert one(page, "title").get_text().startswith("Error: ")
    assert page.find("option", selected=True, value="4")


@pytest.mark.parametrize(
    "query",
    [
        '<script>alert("x")</script> welding',
        'software" OR 1=1; DROP TABLE standards; --',
        'NEAR(code* "test") AND -design',
        "x" * 10_000,
        "\x00\x01\x02 software \ufffd",
    ],
)
def test_hostile_queries_never_break_the_page(client_request: PageClient, query: str) -> None:
    response = client_request.client.get("/standards/search/", {"q": query})
    assert response.status_code in {200, 400, 414}  # 414: the address itself is too long
    html = response.content.decode()
    assert "<script>alert" not in html


def test_no_matches_gives_an_empty_state_that_helps(client_request: PageClient) -> None:
    page = client_request.get("/standards/search/", q="zzzzqqq xxyyzz")
    text = page.get_text(" ")
    assert "No standards match your need" in text or "Describe" in text
    assert "try describing" in text.lower() or "Describe the skills" in text
