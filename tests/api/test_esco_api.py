"""`/api/v1/standards/{reference}/esco`."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_each_statement_with_its_esco_skills(client: Client) -> None:
    response = client.get("/api/v1/standards/ST0116/esco")
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == "ST0116" and body["method"] and body["attribution"]
    statement = body["statements"][0]
    assert statement["kind"] == "knowledge" and statement["text"]
    skill = statement["skills"][0]
    expected = {"uri", "label", "skill_type", "reuse_level", "description", "cosine"}
    assert expected | {"shared_words", "confidence", "band"} == set(skill)
    assert statement["band"] == skill["band"] in {"high", "medium", "low"}


@pytest.mark.parametrize("url", ["/api/v1/standards/ST9999/esco", "/api/v1/standards/x/esco"])
def test_unknown_standards_are_problem_documents(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
