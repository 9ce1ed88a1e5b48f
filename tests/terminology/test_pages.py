"""Glossary pages through the page checker, and terms explained on the hub's other pages."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory

from tests.page_checks import PageClient, attr, check_page


def test_the_glossary_a_to_z(client_request: PageClient) -> None:
    page = client_request.get("/glossary/")
    assert page.h1 is not None and page.h1.get_text() == "Glossary"
    heading = page.find(id="term-higher-technical-qualification")
    assert heading is not None and heading.get_text().strip() == "Higher Technical Qualification"
    entry = heading.find_parent("div")
    assert entry is not None
    assert "HTQ" in entry.get_text() and "Level 4 or 5" in entry.get_text()
    hrefs = [attr(a, "href") for a in entry.find_all("a")]
    assert any(href.startswith("https://www.gov.uk/") for href in hrefs)
    assert "#term-level-4" in hrefs
    letters = [h2.get_text() for h2 in page.select("main h2")]
    assert letters == sorted(letters)
    assert page.select("a.app-term") == [], "the glossary is not explained in itself"


def test_the_glossary_filtered(client_request: PageClient) -> None:
    page = client_request.get("/glossary/", q="levy")
    terms = [h3.get_text().strip() for h3 in page.find_all("h3")]
    assert terms[0] == "apprenticeship levy" or "apprenticeship levy" in terms
    assert "T Level" not in terms
    assert "for ‘levy’" in page.get_text()
    empty = client_request.get("/glossary/", q="xyzzy")
    assert "No term matches" in empty.get_text()


def test_one_term(client_request: PageClient) -> None:
    page = client_request.get("/glossary/apprenticeship-unit/")
    assert page.h1 is not None and page.h1.get_text() == "apprenticeship unit"
    assert page.title is not None and page.title.get_text().startswith("apprenticeship unit")
    related = [a.get_text() for a in page.select("ul.govuk-list a")]
    assert "apprenticeship levy" in related


def test_an_alias_redirects_to_the_term(client: Client) -> None:
    response = client.get("/glossary/HTQ/")
    assert response.status_code == 301
    assert response["Location"] == "/glossary/higher-technical-qualification/"


def test_an_unknown_term_is_404(client_request: PageClient) -> None:
    client_request.get("/glossary/widgets/", status=404)


@pytest.mark.django_db
def test_other_pages_explain_their_terms(client: Client) -> None:
    """The qualifications page says 'Advanced Learner Loan' and 'Level 4' in its introduction:
    each becomes a link to its entry, described by its first sentence, and the page still
    passes every check."""
    response = client.get("/qualifications/")
    assert response.status_code == 200
    soup = check_page(response.content.decode())
    links = soup.select("main a.app-term")
    assert links, "no term explained"
    assert len(links) <= 10
    assert len({a["data-glossary-term"] for a in links}) == len(links)
    for link in links:
        assert attr(link, "href").startswith("/glossary/#term-")
        description = soup.find(id=link["aria-describedby"])
        assert description is not None and description.get_text().strip()
        assert link.find_parent(["h1", "h2", "h3", "label", "button", "summary"]) is None
    assert not soup.select("header a.app-term, footer a.app-term")
    timing = response["Server-Timing"]
    assert timing.startswith("glossary;dur=")


@pytest.mark.django_db
def test_the_api_and_non_html_are_untouched(client: Client) -> None:
    body = client.get("/api/v1/glossary/HTQ").content.decode()
    assert "app-term" not in body
    assert "Server-Timing" not in client.get("/api/v1/glossary/HTQ")


@pytest.mark.django_db
def test_a_view_can_opt_out(rf: RequestFactory) -> None:
    from django.http import HttpResponse

    from skillshub.terminology.middleware import ExplainTermsMiddleware

    html = '<html><body><main><p class="govuk-body">An HNC.</p></main></body></html>'

    def view(request: object) -> HttpResponse:
        response = HttpResponse(html)
        response.explain_terms = False
        return response

    def plain(request: object) -> HttpResponse:
        return HttpResponse(html)

    request = rf.get("/somewhere/")
    assert ExplainTermsMiddleware(view)(request).content.decode() == html
    explained = ExplainTermsMiddleware(plain)(request)
    assert "app-term" in explained.content.decode()

    def sized(request: object) -> HttpResponse:
        response = HttpResponse(html)
        response["Content-Length"] = str(len(html))
        return response

    resized = ExplainTermsMiddleware(sized)(request)
    assert resized["Content-Length"] == str(len(resized.content)) != str(len(html))


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/about/",
        "/standards/",
        "/standards/ST0116/",
        "/standards/search/?q=bookkeeping",
        "/find-training/?q=bookkeeping",
        "/qualifications/",
        "/progression/",
        "/training/",
    ],
)
def test_pages_with_terms_explained_still_pass_every_check(
    client_request: PageClient, url: str
) -> None:
    page = client_request.get(url)
    links = page.select("a.app-term")
    assert len(links) <= 10
    for link in links:
        assert page.find(id=link["aria-describedby"]) is not None
        assert link.find_parent(["a", "h1", "h2", "h3", "h4", "button", "label", "summary"]) is None
