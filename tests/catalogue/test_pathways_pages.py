"""The old next-steps addresses lead to the progression pages; standards link to them."""

from __future__ import annotations

from tests.page_checks import PageClient


def test_old_next_steps_addresses_redirect_to_progression(client_request: PageClient) -> None:
    client = client_request.client
    assert client.get("/standards/st0154/next-steps/")["Location"] == "/progression/ST0154/"
    moved = client.get("/standards/next-steps/", {"job": "maintenance technician"})
    assert moved["Location"] == "/progression/?job=maintenance+technician"
    assert client.get("/standards/next-steps/")["Location"] == "/progression/"


def test_standard_page_links_to_next_steps_only_below_level_5(client_request: PageClient) -> None:
    link_text = "See the next Level 4-5 steps from this standard"
    page = client_request.get("/standards/ST0154/")
    link = page.find("a", string=link_text)
    assert link and link["href"] == "/progression/ST0154/"
    assert not client_request.get("/standards/ST0431/").find("a", string=link_text)
    assert not client_request.get("/standards/ST0024/").find("a", string=link_text)


def test_home_page_links_employees_to_the_job_question(client_request: PageClient) -> None:
    page = client_request.get("/")
    assert page.find("a", href="/progression/")


def test_from_level_5_there_is_no_higher_step(client_request: PageClient) -> None:
    page = client_request.get("/progression/ST0431/")
    assert "no higher Level 4 or 5 step" in " ".join(page.get_text().split())
    assert not page.select("h2.govuk-heading-l")
