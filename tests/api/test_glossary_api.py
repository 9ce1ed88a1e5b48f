"""`/api/v1/glossary`: every term, a filter, one term, and problem details for unknown terms."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_whole_glossary(client: Client) -> None:
    """Acceptance (issue 14): at least 40 terms, including these two."""
    body = client.get("/api/v1/glossary").json()
    terms = [entry["term"] for entry in body["entries"]]
    assert body["count"] == len(terms) >= 40
    assert "Higher Technical Qualification" in terms
    assert "apprenticeship unit" in terms
    first = body["entries"][0]
    assert {"term", "slug", "aliases", "definition", "short", "source_name", "source_url"} <= set(
        first
    )
    assert all(entry["source_url"].startswith("https://") for entry in body["entries"])


def test_a_filter(client: Client) -> None:
    body = client.get("/api/v1/glossary", {"q": "levy"}).json()
    assert body["query"] == "levy"
    assert body["entries"][0]["term"] == "apprenticeship levy"
    assert body["count"] < 20


@pytest.mark.parametrize(
    "name", ["HTQ", "htq", "Higher Technical Qualification", "higher-technical-qualification"]
)
def test_one_term_by_any_name(client: Client, name: str) -> None:
    body = client.get(f"/api/v1/glossary/{name}").json()
    assert body["term"] == "Higher Technical Qualification"
    assert body["url"] == "/glossary/higher-technical-qualification/"
    assert {r["term"] for r in body["related"]} >= {"Level 4", "Level 5"}


def test_an_unknown_term_is_a_404_problem(client: Client) -> None:
    response = client.get("/api/v1/glossary/widgets")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "'widgets' is not in the glossary" in response.json()["detail"]


def test_a_too_long_filter_is_a_400_problem(client: Client) -> None:
    response = client.get("/api/v1/glossary", {"q": "x" * 201})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
