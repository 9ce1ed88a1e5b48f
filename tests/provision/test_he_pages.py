"""/training/ with the embedded HE providers: what is there, and providers near a postcode."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.page_checks import PageClient, attr, one, tag
from tests.provision.discover_uni_loading import dataset_zip, load_he_providers, load_zip
from tests.provision.loading import load_course_directory

pytestmark = pytest.mark.django_db
SEARCH = "/training/"


@pytest.fixture
def he_providers(db: None) -> None:
    load_he_providers()


def provider_rows(page: BeautifulSoup) -> list[list[str]]:
    table = page.find("table")
    assert table, "no providers table"
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.select("tbody tr")
    ]


def text_of(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def test_a_fresh_install_says_what_is_there_and_what_needs_a_download(
    client_request: PageClient, he_providers: None
) -> None:
    page = client_request.get(SEARCH)
    text = text_of(page)
    assert "433 colleges and universities in England that teach higher education" in text
    assert "801 teaching locations, from Discover Uni 2025-26" in text
    assert "Level 4 and 5 qualifications approved for public funding" in text
    assert "skillshub ingest provision --file PROVIDERS.csv --file COURSES.csv" in text
    assert "skillshub ingest provision --file discover_uni.zip" in text
    hesa = page.find("a", string="HESA")
    assert hesa and hesa["href"] == "https://www.hesa.ac.uk/support/tools-and-downloads/unistats"
    assert one(page, 'form[role="search"]').find("input", id="postcode")
    assert not page.find("table")


def test_near_b1_1aa_lists_the_birmingham_colleges_nearest_first_with_distances(
    client_request: PageClient, he_providers: None
) -> None:
    page = client_request.get(SEARCH, postcode="B1 1AA", radius="5")
    status = one(page, '[role="status"]').get_text(" ", strip=True)
    assert status.endswith("within 5 km of B1 1AA teach higher education")
    rows = provider_rows(page)
    names = [row[0] for row in rows]
    assert "Birmingham Metropolitan College" in names and "University College Birmingham" in names
    assert names.index("University College Birmingham") < names.index(
        "Birmingham Metropolitan College"
    )
    ucb = rows[names.index("University College Birmingham")]
    assert ucb[1] == "0.6 km (0.4 miles)" and ucb[3] == "www.ucb.ac.uk"
    bmet = rows[names.index("Birmingham Metropolitan College")]
    assert bmet[1] == "1.2 km (0.7 miles)" and bmet[2] == "Matthew Boulton College"
    assert bmet[3] == "Not listed"
    distances = [float(row[1].split(" km")[0]) for row in rows]
    assert distances == sorted(distances) and distances[-1] <= 5
    link = tag(page.find("a", string="University College Birmingham"), "link to the college")
    assert attr(link, "href") == "/training/providers/10000712/"
    assert "Contains Discover Uni (Unistats) data, Office for Students / HESA" in text_of(page)


def test_a_need_with_a_postcode_still_lists_providers_and_says_why_no_courses(
    client_request: PageClient, he_providers: None
) -> None:
    page = client_request.get(SEARCH, q="civil engineering", postcode="B1 1AA", radius="5")
    assert "University College Birmingham" in [row[0] for row in provider_rows(page)]
    assert "“civil engineering” could not be matched to courses" in text_of(page)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "civil engineering", "postcode": ""}, "Enter a postcode to find colleges"),
        ({"postcode": "B1 1A"}, "not a full UK postcode"),
        ({"q": "", "postcode": ""}, "Describe the skills you need, or enter a postcode"),
    ],
)
def test_a_search_that_cannot_list_providers_says_how_to_fix_it(
    client_request: PageClient, he_providers: None, params: dict[str, str], message: str
) -> None:
    page = client_request.get(SEARCH, status=400, **params)
    assert page.title and page.title.get_text().startswith("Error: ")
    summary = page.find(class_="govuk-error-summary")
    assert summary and message in summary.get_text()


def test_the_provider_page_shows_its_teaching_locations(
    client_request: PageClient, he_providers: None
) -> None:
    page = client_request.get("/training/providers/10006442/")
    facts = {
        dt.get_text(strip=True): " ".join(dd.get_text().split())
        for dt, dd in zip(page.select("dt"), page.select("dd"), strict=True)
    }
    assert facts["Type"] == "College or university teaching higher education"
    assert facts["Sites"] == "James Watt College, Matthew Boulton College"
    assert facts["Listed by"] == "Discover Uni (Office for Students / HESA)"


def test_with_courses_loaded_a_postcode_search_lists_offers_and_providers(
    client_request: PageClient, he_providers: None
) -> None:
    load_course_directory()
    page = client_request.get(SEARCH, postcode="B1 1AA", radius="5")
    assert page.select("ol.govuk-list h3")  # the offers
    caption = one(page, "caption").get_text(" ", strip=True)
    assert caption == (
        "Colleges and universities within 5 km of B1 1AA that teach higher education"
    )
    assert "Birmingham Metropolitan College" in [row[0] for row in provider_rows(page)]


def test_zip_courses_show_on_the_search_page(
    client_request: PageClient, db: None, tmp_path: Path
) -> None:
    load_zip(dataset_zip(tmp_path))
    page = client_request.get(SEARCH, postcode="OX14 1GG", radius="10")
    titles = [h.get_text(" ", strip=True) for h in page.select("ol.govuk-list h3")]
    assert "FdA Early Years" in titles and len(titles) == 5
    assert "Abingdon and Witney College" in [row[0] for row in provider_rows(page)]
    link = tag(page.find("a", string="FdA Early Years"), "link to FdA Early Years")
    offer = client_request.get(attr(link, "href"))
    facts = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(offer.select("dt"), offer.select("dd"), strict=False)
    }
    assert one(offer, "h1").get_text(strip=True) == "FdA Early Years"
    assert "Abingdon and Witney College" in " ".join(facts.values())
