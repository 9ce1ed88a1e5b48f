"""Progression question pages: one question each, errors keep answers, steps and the case."""

from __future__ import annotations

from tests.page_checks import PageClient, one


def test_question_one_asks_for_the_job(client_request: PageClient) -> None:
    page = client_request.get("/progression/")
    assert one(page, "h1").get_text(strip=True) == "What is your job now?"
    empty = client_request.get("/progression/", job="  ", status=400)
    assert one(empty, ".govuk-error-summary a")["href"] == "#job"


def test_a_job_leads_to_a_choice_then_the_steps(client_request: PageClient) -> None:
    response = client_request.client.get("/progression/", {"job": "software development"})
    assert response.status_code == 302 and response["Location"].startswith("/progression/choose/")
    page = client_request.get("/progression/choose/", job="software development")
    radios = page.select("input[name=start]")
    assert radios and page.find("a", class_="govuk-back-link")
    chosen = client_request.client.get(
        "/progression/choose/", {"job": "software development", "start": "ST0128"}
    )
    assert chosen["Location"] == "/progression/ST0128/"
    unanswered = client_request.get(
        "/progression/choose/", job="software development", start="", status=400
    )
    assert "Select the standard closest to your job" in unanswered.get_text()


def test_nonsense_is_sent_back_with_the_answer_kept(client_request: PageClient) -> None:
    page = client_request.get("/progression/choose/", job="xyzzy", status=400)
    assert "No standard matches 'xyzzy'" in one(page, ".govuk-error-summary").get_text()
    assert one(page, "input#job")["value"] == "xyzzy"


def test_steps_are_summarised_with_the_detail_behind_disclosures(
    client_request: PageClient,
) -> None:
    page = client_request.get("/progression/ST0128/")
    titles = [h2.get_text(strip=True) for h2 in page.select("h2.govuk-heading-m")]
    assert "Software developer" in titles and len(titles) <= 3
    assert page.find(string=lambda s: s and "of its skills you have" in s)
    assert page.select("details.govuk-details")
    assert page.find("a", href="/progression/ST0128/ST0116/case/")


def test_the_case_for_my_manager(client_request: PageClient) -> None:
    page = client_request.get("/progression/ST0128/ST0116/case/")
    assert one(page, "h1").get_text(strip=True) == "The case for Software developer"
    keys = [dt.get_text(strip=True) for dt in page.select(".govuk-summary-list__key")]
    assert keys[:5] == [
        "The step",
        "What it adds to the business",
        "Time",
        "Cost to the business",
        "How it is funded",
    ]
    client_request.get("/progression/ST0128/ST0787/case/", status=404)
    client_request.get("/progression/ST9999/", status=404)
