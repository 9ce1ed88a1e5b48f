"""Every API error is an RFC 9457 problem document: bad parameters, routes, methods, sizes, 500s."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from skillshub.api.problems import PROBLEM_JSON

pytestmark = pytest.mark.django_db


def problem(response: object, status: int) -> dict:
    assert response.status_code == status, response.content[:300]  # type: ignore[attr-defined]
    assert response["Content-Type"] == PROBLEM_JSON  # type: ignore[index]
    body = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= set(body)
    return body


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/standards?page=184467440737095518",
        "/api/v1/standards?page=0",
        "/api/v1/standards?page_size=100000",
        "/api/v1/standards?level=99999999999999999999",
        "/api/v1/search/offers?q=welding&postcode=B1+1AA&start_within_months=100000",
        "/api/v1/search/offers?q=welding&max_cost_gbp=1e308&max_duration_months=-1",
        "/api/v1/search/offers?q=welding&offset=99999999999",
        "/api/v1/providers?postcode=B1+1AA&offset=-1",
        "/api/v1/pathways?from=ST0154&limit=1000",
    ],
)
def test_out_of_range_parameters_are_400_problems(client: Client, url: str) -> None:
    body = problem(client.get(url), 400)
    assert (body["errors"] and "must be" in body["detail"]) or "negative" in body["detail"]


def test_the_attack_requests_name_the_parameter(client: Client) -> None:
    body = problem(client.get("/api/v1/standards?page=184467440737095518"), 400)
    assert body["title"] == "Invalid paging"
    assert body["errors"] == [{"location": "query.page", "message": "must be at most 100000"}]
    body = problem(client.get("/api/v1/search/offers?q=x&start_within_months=100000"), 400)
    assert body["errors"] == [
        {"location": "query.start_within_months", "message": "must be at most 120"}
    ]


def test_unknown_route_is_a_404_problem(client: Client) -> None:
    body = problem(client.get("/api/v1/no-such-thing"), 404)
    assert body["instance"] == "/api/v1/no-such-thing"
    problem(client.get("/api/nothing/here/"), 404)


def test_the_site_404_page_is_still_html(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_wrong_method_is_a_405_problem_with_allow(client: Client) -> None:
    response = client.post("/api/v1/standards", {"x": "1"})
    body = problem(response, 405)
    assert body["title"] == "Method not allowed"
    assert "GET" in response["Allow"]
    problem(client.delete("/api/v1/standards/ST0154"), 405)


def test_too_long_address_is_a_414_problem(client: Client) -> None:
    body = problem(client.get("/api/v1/standards", {"route": "x" * 9000}), 414)
    assert "at most 8000" in body["detail"]


def test_too_long_page_address_is_a_plain_414(client: Client) -> None:
    response = client.get("/standards/", {"q": "x" * 9000})
    assert response.status_code == 414 and response["Content-Type"].startswith("text/plain")


def test_too_large_body_is_a_413_problem(client: Client) -> None:
    body = b"x" * (10 * 1024 * 1024 + 1)
    response = client.generic("POST", "/api/v1/standards", body, content_type="text/plain")
    assert problem(response, 413)["title"] == "Request too large"


def test_a_failure_is_a_500_problem_without_traceback(
    client: Client, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from skillshub.catalogue import queries

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("secret internals: /srv/skillshub/db password=hunter2")

    monkeypatch.setattr(queries, "standards", broken)
    with caplog.at_level(logging.ERROR, logger="skillshub.api"):
        response = client.get("/api/v1/standards")
    body = problem(response, 500)
    assert "hunter2" not in response.content.decode() and "Traceback" not in body["detail"]
    assert "hunter2" in caplog.text  # logged for the operator


def test_openapi_documents_every_error_response(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert "ProblemOut" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("400", "404", "405", "413", "414", "429", "500"):
                response = operation["responses"][status]
                assert PROBLEM_JSON in response["content"], (path, method, status)
    page = schema["paths"]["/api/v1/standards"]["get"]["parameters"]
    bounds = {p["name"]: p["schema"] for p in page}
    assert bounds["page"]["minimum"] == 1 and bounds["page"]["maximum"] == 100_000


@pytest.mark.django_db
def test_an_over_large_upload_is_refused_before_it_is_read(client: Client) -> None:
    body = b"x" * (10 * 1024 * 1024 + 1)
    response = client.generic(
        "POST", "/training/provider/upload/", body, content_type="multipart/form-data; boundary=x"
    )
    assert response.status_code == 413 and response["Content-Type"].startswith("text/plain")
