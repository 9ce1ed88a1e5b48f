"""The Find training page: results grouped by route, refine in a disclosure, errors kept."""

from __future__ import annotations

import pytest

from tests.page_checks import PageClient, attr, one, tag

pytestmark = pytest.mark.usefixtures("journey_data")


def test_results_are_grouped_and_each_card_says_time_format_where_and_cost(
    client_request: PageClient,
) -> None:
    page = client_request.get(
        "/find-training/", q="maintain automation and robots", postcode="B1 1AA"
    )
    headings = [h.get_text(" ", strip=True) for h in page.select("section h2.govuk-heading-l")]
    assert headings[0].startswith("Apprenticeships")
    assert any(h.startswith("Qualifications") for h in headings)
    assert any(h.startswith("Colleges and universities within 25 km") for h in headings)
    first = page.select("section ol.govuk-list > li")[0]
    keys = [dt.get_text(strip=True) for dt in first.select(".govuk-summary-list__key")]
    assert keys == ["What it is", "Level", "Time", "Format", "Where", "Cost to you"]
    assert page.find("details", class_="govuk-details")
    assert page.find("a", string="See all apprenticeships")


def test_a_bad_postcode_keeps_every_answer(client_request: PageClient) -> None:
    page = client_request.get("/find-training/", q="bookkeeping", postcode="ZZ99 9ZZ", status=400)
    summary = one(page, ".govuk-error-summary")
    assert attr(one(summary, "a"), "href") == "#postcode"
    assert attr(one(page, "input#q"), "value") == "bookkeeping"
    assert attr(one(page, "input#postcode"), "value") == "ZZ99 9ZZ"


def test_nothing_near_offers_to_record_the_need(client_request: PageClient) -> None:
    page = client_request.get(
        "/find-training/", q="maintain automation and robots", postcode="HS1 2AA", radius="5"
    )
    form = one(page, 'form[action="/needs/tell-us/"]')
    assert attr(one(form, 'input[name="q"]'), "value") == "maintain automation and robots"


def test_the_standard_page_leads_to_training_near_a_postcode(client_request: PageClient) -> None:
    without = client_request.get("/standards/ST0662/")
    form = one(without, 'form[action="/find-training/"]')
    assert (
        attr(one(form, 'input[name="q"]'), "value")
        == "Automation and controls engineering technician"
    )
    assert form.find("input", attrs={"name": "postcode"})
    known = client_request.get("/standards/ST0662/", postcode="B1 1AA")
    link = tag(known.find("a", string="Find training for this near B1 1AA"), "link near B1 1AA")
    assert (
        attr(link, "href")
        == "/find-training/?q=Automation+and+controls+engineering+technician&postcode=B1+1AA"
    )
