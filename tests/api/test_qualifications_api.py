"""`/api/v1/qualifications`: the acceptance checks on the embedded list, filters, problems."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.qualifications.loading import AAT, SOFTWARE, load_embedded, load_sample

pytestmark = pytest.mark.django_db


def get(client: Client, url: str, status: int = 200, **params: Any) -> dict[str, Any]:
    response = client.get(url, params)
    assert response.status_code == status, response.content
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.data
def test_acceptance_on_the_embedded_list(client: Client) -> None:
    load_embedded()
    aat = get(client, f"/api/v1/qualifications/{AAT}")
    assert aat["title"] == "AAT Level 4 Diploma in Professional Accounting"
    assert aat["awarding_organisation"] == "Association of Accounting Technicians"
    assert aat["advanced_learner_loan"] is True
    assert get(client, "/api/v1/qualifications")["count"] == 726
    both = get(client, "/api/v1/qualifications?level=4&level=5")
    assert both["count"] == 726 and both["levels"] == [4, 5]
    assert get(client, "/api/v1/qualifications", level=4)["count"] == 523
    assert get(client, "/api/v1/qualifications", level=5)["count"] == 203
    assert get(client, "/api/v1/qualifications", level=3)["count"] > 0  # every row is kept


def test_one_qualification_in_full(client: Client) -> None:
    load_sample()
    body = get(client, f"/api/v1/qualifications/{AAT}")
    assert body["level"] == "Level 4" and body["levels"] == [4]
    assert body["level_meaning"].startswith("Level 4 is the same level as")
    assert body["lifelong_learning_entitlement"] is True
    loan = next(f for f in body["funding"] if f["stream"] == "AdvancedLearnerLoans")
    assert loan == {
        "stream": "AdvancedLearnerLoans",
        "label": "Advanced Learner Loan",
        "approved": True,
        "starts": "2022-09-01",
        "ends": "2028-07-31",
        "notes": "",
        "status_today": loan["status_today"],
    }
    assert loan["status_today"] in {"available", "ended"}
    assert body["source"]["snapshot"] == "2025-02-18"
    assert "Open Government Licence" in body["source"]["attribution"]
    assert body["source"]["sha256"]
    assert body["esco"]["subject"] and body["esco"]["skills"][0]["uri"].startswith("http")


def test_links_with_reasons(client: Client) -> None:
    load_sample()
    body = get(client, f"/api/v1/qualifications/{SOFTWARE}")
    link = next(s for s in body["standards"] if s["reference"] == "ST0116")
    assert link["url"] == "/api/v1/standards/ST0116"
    assert link["reason"].startswith("both are about") and link["evidence"]


def test_search_with_q(client: Client) -> None:
    load_sample()
    body = get(client, "/api/v1/qualifications", q="software development", page_size=3)
    assert body["results"][0]["number"] == SOFTWARE
    assert body["results"][0]["why"] and body["results"][0]["score"] == 1.0
    assert len(body["results"]) <= 3


def test_spaces_and_lower_case_in_a_number_are_allowed(client: Client) -> None:
    load_sample()
    assert get(client, "/api/v1/qualifications/5004767x")["number"] == "5004767X"


@pytest.mark.parametrize(
    ("url", "status", "title"),
    [
        ("/api/v1/qualifications/99999999", 404, "Qualification not found"),
        ("/api/v1/qualifications/abc", 400, "Invalid qualification number"),
        ("/api/v1/qualifications?level=9", 400, "Invalid filter"),
        ("/api/v1/qualifications?q=%3F%21", 400, "Invalid query"),
    ],
)
def test_problems(client: Client, url: str, status: int, title: str) -> None:
    load_sample()
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == title


def test_a_bad_parameter_is_named_as_in_the_standards_list(client: Client) -> None:
    """The request model's own rules, reported by api/problems.py like every endpoint's."""
    for url in ("/api/v1/qualifications?level=9", "/api/v1/standards?level=9"):
        assert client.get(url).json()["title"] == "Invalid filter"
    body = client.get("/api/v1/qualifications?level=4&level=9").json()
    assert body["errors"] == [
        {"location": "query.level", "message": "must be 0 (Entry Level) to 8, not 9"}
    ]
    body = client.get("/api/v1/qualifications?page_size=101").json()
    assert body["title"] == "Invalid paging"
    assert body["errors"] == [{"location": "query.page_size", "message": "must be at most 100"}]


@pytest.mark.parametrize("query", ["page=0", "page_size=500", "level=four", "level=4&page=-1"])
def test_malformed_parameters_are_refused_as_problem_details(client: Client, query: str) -> None:
    """Refused either by the parameter schema (422, or 400 for paging) or by the request
    model (400): never answered with data."""
    load_sample()
    response = client.get(f"/api/v1/qualifications?{query}")
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]
