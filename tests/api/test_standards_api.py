"""The standards API: list with filters and paging, one standard, problem details for errors."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_one_standard_has_ksbs_and_source(client: Client) -> None:
    body = client.get("/api/v1/standards/ST0116").json()
    assert body["reference"] == "ST0116"
    assert body["title"] == "Software developer"
    assert body["level"] == 4
    assert body["status"] == "Approved for delivery"
    for kind in ("knowledge", "skills", "behaviours"):
        assert body[kind] and all(set(item) == {"ref", "text"} for item in body[kind])
    assert body["knowledge"][0]["ref"] == "K1"
    assert body["typical_duration_months"] == 24
    assert body["max_funding_gbp"] is not None
    assert len(body["source"]["sha256"]) == 64
    assert "version 1.2" in body["source"]["note"]
    assert (body["kind"], body["version"], body["minimum_off_the_job_hours"]) == (
        "standard",
        "1.2",
        439,
    )
    assert [v["version"] for v in body["versions"]] == ["1.0", "1.1", "1.2"]


def test_an_older_version_is_served_by_its_number(client: Client) -> None:
    versions = client.get("/api/v1/standards/ST0116").json()["versions"]
    body = client.get(versions[0]["url"]).json()
    assert (body["version"], body["status"]) == ("1.0", "Retired")
    missing = client.get("/api/v1/standards/ST0116/versions/9.9")
    assert missing.status_code == 404 and missing.json()["title"] == "Version not found"
    assert (
        client.get("/api/v1/standards/ST9999/versions/1.0").json()["title"] == "Standard not found"
    )


def test_foundation_apprenticeships_and_units_are_served(client: Client) -> None:
    foundation = client.get("/api/v1/standards/FA0001").json()
    assert foundation["kind"] == "foundation" and foundation["level"] == 2
    assert foundation["minimum_off_the_job_hours"] == 187 and foundation["knowledge"]
    unit = client.get("/api/v1/standards/AU0001").json()
    assert unit["kind"] == "unit" and unit["existing_employees_only"]
    assert unit["related_standards"] == ["ST0265"]
    units = client.get("/api/v1/standards", {"kind": "unit", "status": "all"}).json()
    assert units["count"] == 11
    assert client.get("/api/v1/standards", {"kind": "course"}).status_code == 400


def test_reference_is_case_insensitive(client: Client) -> None:
    assert client.get("/api/v1/standards/st0116").status_code == 200


def test_unknown_reference_is_a_problem_document(client: Client) -> None:
    response = client.get("/api/v1/standards/ST9999")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Standard not found"
    assert "ST9999" in body["detail"]


def test_list_filters_and_pages(client: Client) -> None:
    body = client.get("/api/v1/standards", {"level": 4, "page_size": 2}).json()
    assert body["count"] >= 2 and len(body["results"]) == 2
    assert all(r["level"] == 4 for r in body["results"])
    everything = client.get("/api/v1/standards", {"status": "all", "page_size": 200}).json()
    current = client.get("/api/v1/standards", {"page_size": 200}).json()
    assert everything["count"] > current["count"]
    retired = client.get("/api/v1/standards", {"status": "retired"}).json()
    assert all(r["status"] in {"Retired", "Withdrawn"} for r in retired["results"])


@pytest.mark.parametrize(
    "params",
    [{"status": "nonsense"}, {"page": 0}, {"page_size": 1000}, {"level": "four"}],
)
def test_bad_parameters_are_problem_documents(client: Client, params: dict) -> None:
    response = client.get("/api/v1/standards", params)
    assert response.status_code in {400, 422}
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]


def test_openapi_is_published(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/standards/{reference}" in schema["paths"]
    assert client.get("/api/docs").status_code == 200


def test_status_and_kind_are_any_case_and_an_unknown_one_is_an_invalid_filter(
    client: Client,
) -> None:
    assert client.get("/api/v1/standards", {"status": "Retired", "kind": "UNIT"}).status_code == 200
    body = client.get("/api/v1/standards", {"status": "nonsense"}).json()
    assert body["title"] == "Invalid filter"
    assert body["errors"] == [
        {
            "location": "query.status",
            "message": "'nonsense' is not known; use one of current, approved, retired, "
            "in-development, all",
        }
    ]
    schema = client.get("/api/openapi.json").json()
    parameters = schema["paths"]["/api/v1/standards"]["get"]["parameters"]
    kind = next(p for p in parameters if p["name"] == "kind")
    assert kind["schema"]["enum"] == ["standard", "foundation", "unit", "all"]
