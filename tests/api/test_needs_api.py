"""POST /api/v1/needs and /needs/adverts: a scoped partner key, problem details for every error."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import Client

from skillshub.demand import keys
from skillshub.demand.models import EmployerNeed

pytestmark = pytest.mark.usefixtures("journey_data")

NEED = {"need": "maintain our packing robots", "headcount": 3, "postcode": "B1 1AA"}
ADVERT = {"title": "Maintenance technician", "text": "PLC and robots", "location": "B1"}


def post(client: Client, path: str, body: object, key: str = "") -> HttpResponse:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(path, body, content_type="application/json", **headers)


@pytest.fixture
def key() -> str:
    return keys.make_key(name="Test partner", scopes=["needs:write"]).key


def test_a_partner_registers_a_need_and_gets_its_private_link(client: Client, key: str) -> None:
    response = post(client, "/api/v1/needs", NEED, key)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["private_path"].startswith("http://testserver/needs/yours/")
    need = EmployerNeed.objects.get()
    assert (need.source, need.partner, need.headcount) == ("partner-api", "Test partner", 3)
    assert need.standard_references  # matched, as no standard was named
    assert client.get(body["private_path"]).status_code == 200


@pytest.mark.parametrize("sent", ["", "shk_nope_nope", "Basic abc"])
def test_without_a_good_key_it_is_401_problem_json(client: Client, sent: str) -> None:
    response = post(client, "/api/v1/needs", NEED, sent)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert not EmployerNeed.objects.exists()


def test_a_key_without_the_scope_cannot_send_adverts(client: Client, key: str) -> None:
    body = {"adverts": [{**ADVERT, "date": "2026-11-02"}]}
    response = post(client, "/api/v1/needs/adverts", body, key)
    assert response.status_code == 401 and "adverts:write" in response.json()["detail"]


def test_adverts_are_stored_as_demand(client: Client) -> None:
    key = keys.make_key(name="Test partner", scopes=["adverts:write"]).key
    body = {"adverts": [{**ADVERT, "date": "2026-11-02"}]}
    response = post(client, "/api/v1/needs/adverts", body, key)
    assert response.status_code == 201 and response.json()["stored"] == 1
    bad = {"adverts": [{**ADVERT, "date": "someday"}]}
    response = post(client, "/api/v1/needs/adverts", bad, key)
    assert response.status_code == 400 and "DATE" in response.json()["detail"]


@pytest.mark.parametrize(
    "body, title",
    [
        ({**NEED, "headcount": 0}, "Invalid request"),
        ({**NEED, "postcode": "ZZ99 9ZZ"}, "Invalid postcode"),
        ({**NEED, "standard_references": ["ST9999"]}, "Unknown standard"),
    ],
)
def test_bad_needs_are_400_problem_json(client: Client, key: str, body: dict, title: str) -> None:
    response = post(client, "/api/v1/needs", body, key)
    assert response.status_code == 400 and response.json()["title"] == title
    assert not EmployerNeed.objects.exists()


def test_needs_and_adverts_with_nothing_to_match_on_are_kept_unmatched(client: Client) -> None:
    key = keys.make_key(name="Test partner", scopes=["needs:write", "adverts:write"]).key
    response = post(client, "/api/v1/needs", {**NEED, "need": "?!..."}, key)
    assert response.status_code == 201 and response.json()["summary"]["standards"] == []
    body = {"adverts": [{"title": "?!", "text": "...", "location": "B1", "date": "2026-11-02"}]}
    response = post(client, "/api/v1/needs/adverts", body, key)
    assert response.status_code == 201 and response.json()["unmatched"] == 1
