"""Next steps pages: from a job to a standard, and from a standard to the Level 4-5 steps above."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.page_checks import PageClient


def test_next_steps_from_a_level_3_standard(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0154/next-steps/")
    assert "Maintenance and operations engineering technician" in page.h1.get_text()
    steps = [h2.find("a") for h2 in page.select("h2.govuk-heading-l")]
    hrefs = [link["href"] for link in steps]
    # The fixture catalogue's current Level 4-5 products, none at level 3 or 6+; engineering
    # first for an engineering technician.
    level_4_5 = {"ST0116", "ST0431", "ST1312", "ST0624", "ST0662", "ST0999", "ST0841", "ST1299"}
    level_4_5 |= {"ST0540", "AU0009", "AU0010", "AU0011"}
    assert len(hrefs) == 5
    assert {href.split("/")[2] for href in hrefs} <= level_4_5
    assert hrefs[0] in {"/standards/ST0999/", "/standards/ST0841/", "/standards/ST0662/"}
    assert page.find(string=lambda s: s and s.startswith("What it adds"))
    assert page.select("ul.govuk-list--bullet li strong")
    assert page.find(class_="govuk-summary-list")
    assert page.find("a", class_="govuk-back-link")["href"] == "/standards/ST0154/"


def test_from_level_5_there_is_no_higher_step(client_request: PageClient) -> None:
    page = client_request.get("/standards/ST0431/next-steps/")
    assert "no higher Level 4 or 5 step" in page.get_text(" ")
    assert not page.select("h2.govuk-heading-l")


def test_unknown_standard_is_not_found(client_request: PageClient) -> None:
    response = client_request.client.get("/standards/ST9999/next-steps/")
    assert response.status_code == 404


def test_standard_page_links_to_next_steps_only_below_level_5(client_request: PageClient) -> None:
    link_text = "See the next Level 4-5 steps from this standard"
    page = client_request.get("/standards/ST0154/")
    link = page.find("a", string=link_text)
    assert link and link["href"] == "/standards/ST0154/next-steps/"
    assert not client_request.get("/standards/ST0431/").find("a", string=link_text)
    assert not client_request.get("/standards/ST0024/").find("a", string=link_text)


def test_home_page_links_employees_to_the_job_form(client_request: PageClient) -> None:
    page = client_request.get("/")
    assert page.find("a", href="/standards/next-steps/")


def test_job_form_then_pick_a_standard(client_request: PageClient) -> None:
    empty = client_request.get("/standards/next-steps/")
    assert empty.h1.get_text(strip=True) == "What is your job now?"
    assert not empty.find(class_="govuk-error-summary")

    page = client_request.get("/standards/next-steps/", job="maintenance engineering technician")
    links = [a["href"] for a in page.select("ul.govuk-list li a")]
    assert "/standards/ST0154/next-steps/" in links
    assert page.find("input", id="job")["value"] == "maintenance engineering technician"


def test_empty_job_shows_the_error_summary(client_request: PageClient) -> None:
    page = client_request.get("/standards/next-steps/", job="  ", status=400)
    summary = page.find(class_="govuk-error-summary")
    assert summary and "Enter your job title" in summary.get_text()
    assert summary.find("a")["href"] == "#job"
    assert page.title.get_text().startswith("Error: ")
    assert page.find(class_="govuk-error-message")


def test_job_with_no_searchable_words_is_an_error_not_a_crash(client_request: PageClient) -> None:
    page = client_request.get("/standards/next-steps/", job="!!! ???", status=400)
    assert page.find(class_="govuk-error-summary")


@pytest.fixture
def keyword_only_preset(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the hub as an operator would with SKILLSHUB_SEARCH_PRESET=bm25-only."""
    from skillshub.catalogue import matching
    from skillshub.settings import get_settings

    monkeypatch.setenv("SKILLSHUB_SEARCH_PRESET", "bm25-only")
    get_settings.cache_clear()
    matching._cache = None
    yield
    monkeypatch.undo()
    get_settings.cache_clear()
    matching._cache = None


def test_keyword_only_preset_explains_instead_of_failing(
    client_request: PageClient, keyword_only_preset: None
) -> None:
    page = client_request.get("/standards/ST0457/next-steps/")
    assert "keyword-only search preset" in page.get_text()
