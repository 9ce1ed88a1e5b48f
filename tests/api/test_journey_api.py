"""`/api/v1/search`: the Find training groups as JSON, and problem details for bad input."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("journey_data")


def test_the_groups_match_the_page(client: Client) -> None:
    body = client.get("/api/v1/search", {"q": "bookkeeping", "postcode": "B1 1AA"}).json()
    names = [group["name"] for group in body["groups"]]
    assert names[:2] == ["apprenticeships", "qualifications"] and "providers" in names
    card = body["groups"][0]["cards"][0]
    assert {"time", "format", "where", "cost", "cost_rule", "url", "level_words"} <= set(card)
    assert body["funding_rules"]["effective_from"] == "2026-08-01"


@pytest.mark.parametrize(
    ("params", "title"),
    [
        ({"q": "bookkeeping", "postcode": "ZZ99 9ZZ"}, "Invalid postcode"),
        ({"q": " "}, "Invalid query"),
    ],
)
def test_bad_input_is_a_problem_document(client: Client, params: dict, title: str) -> None:
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == title
