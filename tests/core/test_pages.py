"""Site pages: home and about (with provenance and attribution), and security headers."""

from __future__ import annotations

from django.test import Client

from tests.page_checks import PageClient, one


def test_home_explains_the_service(client_request: PageClient) -> None:
    page = client_request.get("/")
    assert "Describe what your team needs" in page.get_text()
    assert page.find("form", action="/standards/search/")


def test_about_shows_provenance_and_licences(client_request: PageClient) -> None:
    page = client_request.get("/about/")
    text = page.get_text(" ")
    assert "Open Government Licence v3.0" in text
    assert "mySociety" in text
    assert "standards" in text and "catalogue_sample.json.gz" in text


def test_footer_carries_the_attribution(client_request: PageClient) -> None:
    footer = one(client_request.get("/"), "footer")
    assert "Open Government Licence" in footer.get_text()


def test_pages_forbid_other_hosts(client: Client, db: None) -> None:
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "http" not in policy
