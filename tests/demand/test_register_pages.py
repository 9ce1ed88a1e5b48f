"""'Register a training need': one question a page, check answers, a private link to change it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client

from skillshub.demand.models import EmployerNeed
from tests.page_checks import PageClient, attr, check_page, one

pytestmark = pytest.mark.usefixtures("journey_data")

ANSWERS: list[tuple[str, dict[str, Any]]] = [
    ("what", {"need": "maintain and repair automated machinery and robots on our line"}),
    ("matches", {"standard_references": ["ST0662"]}),
    ("how-many", {"headcount": "3"}),
    ("when", {"needed_within_months": "6"}),
    ("format", {"delivery_format": "blended"}),
    ("level", {"level": "4"}),
    ("postcode", {"postcode": "B1 1AA"}),
    ("size", {"size_band": "small"}),
    ("sector", {"sic_section": "C"}),
]


@pytest.fixture(autouse=True)
def fresh_limits() -> None:
    caches["default"].clear()


def answer_all(client: Client, answers: list[tuple[str, dict[str, Any]]] = ANSWERS) -> None:
    for step, data in answers:
        response = client.post(f"/needs/register/{step}/", data)
        assert response.status_code == 302, f"{step}: {response.status_code}"


def register(client: Client) -> str:
    """Answer every question, register, and return the private link's path."""
    answer_all(client)
    response = client.post("/needs/register/check/", {})
    assert response.status_code == 302 and response["Location"] == "/needs/register/done/"
    done = check_page(client.get("/needs/register/done/").content.decode())
    link = done.select_one("a.app-break-anywhere")
    assert link is not None
    return "/" + attr(link, "href").split("/", 3)[3]


def test_the_start_page_explains_who_sees_what(client_request: PageClient) -> None:
    page = client_request.get("/needs/register/")
    assert "fewer than 5" in page.get_text()
    assert one(page, "a.govuk-button--start")["href"] == "/needs/register/what/"


def test_each_question_page_asks_one_thing(client_request: PageClient, client: Client) -> None:
    for step, data in ANSWERS:
        page = client_request.get(f"/needs/register/{step}/")
        assert len(page.select("form")) == 1
        assert page.select_one("h1") is not None
        client.post(f"/needs/register/{step}/", data)


def test_the_need_is_matched_and_shown_back(client: Client) -> None:
    client.post("/needs/register/what/", ANSWERS[0][1])
    page = check_page(client.get("/needs/register/matches/").content.decode())
    offered = [box["value"] for box in page.select("input[name=standard_references]")]
    assert "ST0662" in offered[:5] and offered[-1] == "none"


def test_a_registered_need_is_stored_with_the_district_only(client: Client) -> None:
    path = register(client)
    need = EmployerNeed.objects.get()
    assert (need.source, need.outcode, need.headcount, need.level) == ("register", "B1", 3, 4)
    assert need.standard_references == ["ST0662"]
    assert need.local_authority_code.startswith("E08") and need.easting and need.northing
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert len(token) >= 32 and token not in need.token_hash


def test_the_private_link_shows_changes_and_withdraws_it(client: Client) -> None:
    path = register(client)
    page = check_page(client.get(path).content.decode())
    assert "ST0662" in page.get_text()
    change = client.post(path + "change/")
    assert change["Location"] == "/needs/register/check/"
    assert client.post("/needs/register/how-many/?change=1", {"headcount": "7"})["Location"] == (
        "/needs/register/check/"
    )
    client.post("/needs/register/check/", {})
    assert EmployerNeed.objects.get().headcount == 7
    assert EmployerNeed.objects.count() == 1
    assert client.post(path + "withdraw/")["Location"] == path
    need = EmployerNeed.objects.get()
    assert need.withdrawn_at is not None and need.need == ""
    assert "You withdrew this need" in client.get(path).content.decode()


def test_a_wrong_link_is_not_found(client: Client) -> None:
    assert client.get("/needs/yours/not-a-real-token/").status_code == 404


def test_a_wrong_answer_re_renders_with_errors_and_keeps_the_rest(client: Client) -> None:
    answer_all(client, ANSWERS[:6])
    response = client.post("/needs/register/postcode/", {"postcode": "ZZ99 9ZZ"})
    assert response.status_code == 400
    page = check_page(response.content.decode())
    assert one(page, ".govuk-error-summary a")["href"] == "#postcode"
    assert one(page, "input#postcode")["value"] == "ZZ99 9ZZ"
    response = client.post("/needs/register/how-many/", {"headcount": "lots"})
    page = check_page(response.content.decode())
    assert one(page, "input#headcount")["value"] == "lots"
    earlier = check_page(client.get("/needs/register/format/").content.decode())
    assert one(earlier, "input[value=blended]").has_attr("checked")
    assert not EmployerNeed.objects.exists()


def test_a_later_question_sends_you_back_to_the_first_unanswered(client: Client) -> None:
    assert client.get("/needs/register/size/")["Location"] == "/needs/register/what/"
    assert client.get("/needs/register/check/")["Location"] == "/needs/register/what/"


def test_robots_filling_the_hidden_field_store_nothing(client: Client) -> None:
    data = {**ANSWERS[0][1], "website": "http://spam.example"}
    assert client.post("/needs/register/what/", data)["Location"] == "/needs/register/"
    answer_all(client)
    client.post("/needs/register/check/", {"website": "x"})
    assert not EmployerNeed.objects.exists()


def test_registering_is_rate_limited_per_address(client: Client) -> None:
    for _ in range(20):
        register(client)
    answer_all(client)
    response = client.post("/needs/register/check/", {})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert EmployerNeed.objects.count() == 20


def test_choosing_none_and_a_standard_together_is_an_error(client: Client) -> None:
    client.post("/needs/register/what/", ANSWERS[0][1])
    response = client.post("/needs/register/matches/", {"standard_references": ["ST0662", "none"]})
    assert response.status_code == 400
    assert "not both" in response.content.decode()


def test_forms_need_a_csrf_token() -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/needs/register/what/", ANSWERS[0][1]).status_code == 403


def test_a_need_with_nothing_to_match_on_is_an_error_that_keeps_it(client: Client) -> None:
    response = client.post("/needs/register/what/", {"need": "?!..."})
    assert response.status_code == 400
    page = check_page(response.content.decode())
    assert one(page, ".govuk-error-summary a")["href"] == "#need"
    assert one(page, "textarea#need").get_text().strip() == "?!..."
