"""The qualification pages, each fetched through the page checker."""

from __future__ import annotations

import pytest

from skillshub.core.models import DatasetLoad
from skillshub.qualifications import views
from tests.page_checks import PageClient, attr, one, tag
from tests.qualifications.loading import AAT, DANCE, LEVEL_1, SOFTWARE, load_sample


def text(soup: object) -> str:
    return " ".join(soup.get_text().split())  # type: ignore[attr-defined]


def test_list_of_level_4_5(client_request: PageClient, sample: None) -> None:
    soup = client_request.get("/qualifications/")
    assert one(soup, "h1").get_text() == "Qualifications approved for funding"
    assert "13 qualifications" in text(soup)
    assert soup.find("a", href=f"/qualifications/{AAT}/")
    assert not soup.find("a", href=f"/qualifications/{LEVEL_1}/")
    assert soup.find("form", action="/qualifications/")


def test_level_filter(client_request: PageClient, sample: None) -> None:
    soup = client_request.get("/qualifications/", level="5")
    assert "2 qualifications" in text(soup)
    assert all("Level 5" in row.get_text() for row in soup.select("tbody tr"))


def test_pagination(
    client_request: PageClient, sample: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    first = client_request.get("/qualifications/")
    assert len(first.select("tbody tr")) == 5
    assert first.find("a", href="?page=3")
    last = client_request.get("/qualifications/", page="3")
    assert len(last.select("tbody tr")) == 3
    for beyond in ("99", "99999999999999999999"):  # past the end, or any request's bound
        past = client_request.get("/qualifications/", page=beyond)  # shows the last page
        assert len(past.select("tbody tr")) == 3
    searched = client_request.get("/qualifications/", q="diploma", page="2")
    assert searched.select("ol.govuk-list")[0]["start"] == "6"


def test_search_shows_why(client_request: PageClient, sample: None) -> None:
    soup = client_request.get("/qualifications/", q="software development")
    assert "match your need" in text(soup)
    first = soup.select("ol.govuk-list > li")[0]
    assert first.find("a", href=f"/qualifications/{SOFTWARE}/")
    assert first.find("mark")


def test_a_search_with_nothing_to_search_is_an_error(
    client_request: PageClient, sample: None
) -> None:
    soup = client_request.get("/qualifications/", q="?!", status=400)
    assert one(soup, "title").get_text().startswith("Error:")
    assert soup.find(class_="govuk-error-summary")


def test_qualification_page(client_request: PageClient, sample: None) -> None:
    soup = client_request.get(f"/qualifications/{AAT}/")
    page = text(soup)
    assert one(soup, "h1").get_text() == "AAT Level 4 Diploma in Professional Accounting"
    assert "Association of Accounting Technicians" in page
    assert soup.find(
        "a", href="https://www.aat.org.uk/deliver/qualifications/specifications-outlines"
    )
    assert "Level 4 is the same level as a Higher National Certificate" in page
    assert "Advanced Learner Loan Yes, approved from 1 September 2022 to 31 July 2028" in page
    assert "Lifelong Learning Entitlement Yes, approved from 1 January 2027" in page
    assert "Funding for ages 16 to 19" in page
    assert "Apprenticeship standards this fits" in page
    assert "Open Government Licence" in page and "18 February 2025" in page


def test_linked_standards_with_reasons(client_request: PageClient, sample: None) -> None:
    soup = client_request.get(f"/qualifications/{SOFTWARE}/")
    link = soup.find("a", href="/standards/ST0116/")
    assert link is not None
    assert "Because both are about" in text(link.find_parent("li"))


def test_no_fit_and_other_levels_say_so(client_request: PageClient, sample: None) -> None:
    assert "shares enough of this qualification's subject words" in text(
        client_request.get(f"/qualifications/{DANCE}/")
    )
    assert "Level 4 and 5 only" in text(client_request.get(f"/qualifications/{LEVEL_1}/"))


def test_without_standards_the_page_says_so(client_request: PageClient) -> None:
    DatasetLoad.objects.filter(dataset="standards").delete()
    load_sample()
    page = text(client_request.get(f"/qualifications/{SOFTWARE}/"))
    assert "No apprenticeship standards were loaded" in page
    assert "skillshub ingest standards" in page


def test_unknown_and_malformed_numbers_are_not_found(
    client_request: PageClient, sample: None
) -> None:
    client_request.get("/qualifications/99999999/", status=404)
    client_request.get("/qualifications/not-a-number/", status=404)
    assert client_request.get("/qualifications/603/6339/3/", status=404)


def test_in_the_navigation_and_footer(client_request: PageClient) -> None:
    soup = client_request.get("/")
    item = soup.select_one('.govuk-service-navigation a[href="/qualifications/"]')
    assert item is not None and item.get_text(strip=True) == "Qualifications"
    assert "Department for Education list of qualifications approved for funding" in text(soup)


def test_a_level_4_qualification_shows_its_esco_skills(
    client_request: PageClient, sample: None
) -> None:
    soup = client_request.get(f"/qualifications/{SOFTWARE}/")
    section = soup.find(id="esco")
    assert section is not None and section.name == "h2"
    assert '"Software Development Methodologies"' in text(section.find_next("p"))
    first = one(tag(section.find_next("ul"), "list of ESCO skills"), "a")
    assert attr(first, "href").startswith("http://data.europa.eu/esco/skill/")
    assert "ESCO classification © European Union" in text(soup)
