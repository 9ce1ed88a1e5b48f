"""`/api/v1/pathways`: from a standard or from a job, problem details for bad requests."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_from_a_standard(client: Client) -> None:
    body = client.get("/api/v1/pathways", {"from": "ST0128"}).json()
    assert body["start"]["reference"] == "ST0128"
    assert "ST0116" in [step["reference"] for step in body["steps"][:3]]
    first = body["steps"][0]
    assert {"held", "builds_on", "new", "themes", "time", "employer_cost"} <= set(first)


def test_from_text_and_no_match(client: Client) -> None:
    assert client.get("/api/v1/pathways", {"from_text": "software development"}).json()["start"]
    assert client.get("/api/v1/pathways", {"from_text": "xyzzy"}).json()["no_match"] is True


@pytest.mark.parametrize(
    ("params", "status"), [({}, 400), ({"from": "ST9999"}, 404), ({"from": "nonsense"}, 400)]
)
def test_bad_requests_are_problem_documents(client: Client, params: dict, status: int) -> None:
    response = client.get("/api/v1/pathways", params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
