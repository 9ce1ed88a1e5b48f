"""`/api/v1/search/offers` and `/api/v1/offers/{id}`: offers near a place; problem details."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/api/v1/search/offers"


def test_acceptance_need_near_a_postcode(client: Client, provision: None) -> None:
    response = client.get(
        URL, {"q": "maintain PLC control systems", "postcode": "B1 1AA", "radius_km": 25}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["postcode"] == "B1 1AA" and body["radius_km"] == 25
    assert {s["reference"] for s in body["standards"]} & {"ST0662", "ST0999"}
    results = body["results"]
    assert results
    assert [r["relevance"] for r in results] == sorted(
        (r["relevance"] for r in results), reverse=True
    )
    assert {s["reference"] for s in results[0]["standards"]} & {"ST0662", "ST0999"}
    for result in results:
        assert result["location_free"] or result["distance_km"] <= 25
        assert {"cost_to_learner_gbp", "duration_months", "distance_miles"} <= set(result)


def test_postcode_only_with_filters(client: Client, course_directory: None) -> None:
    body = client.get(URL, {"postcode": "B1 1AA", "type": ["htq", "foundation-degree"]}).json()
    assert body["total"] == 4 and body["offers_loaded"] == 9
    assert {r["type"] for r in body["results"]} == {
        "Higher Technical Qualification",
        "foundation degree",
    }
    first = body["results"][0]
    assert first["provider"]["ukprn"] in {19999901, 19999903}
    assert first["distance_km"] < 5 and first["cost_to_learner_gbp"] is not None
    online = client.get(URL, {"postcode": "B1 1AA", "delivery": "online"}).json()["results"]
    assert [r["location_free"] for r in online] == [True] and online[0]["distance_km"] is None
    student = client.get(URL, {"postcode": "B1 1AA", "funding": "student-finance"}).json()
    assert student["total"] == 3
    paged = client.get(URL, {"postcode": "B1 1AA", "limit": 2, "offset": 2}).json()
    assert paged["total"] == 7 and len(paged["results"]) == 2 and paged["offset"] == 2


def test_one_offer_as_schema_org_course(client: Client, course_directory: None) -> None:
    body = client.get("/api/v1/offers/ncs:00000000-0000-4000-8000-0000000000a5").json()
    assert body["@type"] == "Course"
    assert body["hasCourseInstance"][0]["location"]["@type"] == "VirtualLocation"
    missing = client.get("/api/v1/offers/ncs:nope")
    assert missing.status_code == 404 and missing["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("params", "title", "detail"),
    [
        ({"postcode": "B1 1A"}, "Invalid postcode", "not a full UK postcode"),
        ({"postcode": "B99 9ZZ"}, "Invalid postcode", "We could not find B99 9ZZ"),
        ({}, "Invalid query", "Give q"),
        ({"q": "?!", "postcode": "B1 1AA"}, "Invalid query", "Describe the skills"),
        ({"postcode": "B1 1AA", "radius_km": 0}, "Invalid radius", "radius_km"),
        ({"postcode": "B1 1AA", "limit": 500}, "Invalid paging", "limit"),
        ({"postcode": "B1 1AA", "type": "spaceship"}, "Invalid filter", "htq"),
        ({"postcode": "B1 1AA", "sort": "price"}, "Invalid sort", "relevance"),
        ({"postcode": "B1 1AA", "max_cost_gbp": -1}, "Invalid filter", "negative"),
        ({"postcode": "B1 1AA", "delivery": "post"}, "Invalid filter", "classroom, online"),
        ({"postcode": "B1 1AA", "funding": "grant"}, "Invalid filter", "student-finance"),
        ({"postcode": "B1 1AA", "offset": -1}, "Invalid paging", "offset cannot be negative"),
    ],
)
def test_bad_input_is_a_problem_document(
    client: Client, course_directory: None, params: dict, title: str, detail: str
) -> None:
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["title"] == title and detail in body["detail"]
    assert "Value error" not in body["detail"] and "params" not in body["detail"]


def test_a_rule_of_the_whole_query_is_located_at_the_query(client: Client) -> None:
    body = client.get(URL, {"q": " ", "postcode": ""}).json()
    assert body["errors"] == [
        {"location": "query", "message": "Give q (the need in plain words), a postcode, or both"}
    ]


def test_each_result_has_its_facts_in_words(client: Client, course_directory: None) -> None:
    body = client.get(URL, {"postcode": "B1 1AA", "type": "HTQ", "limit": 1}).json()
    (first,) = body["results"]
    assert first["facts"]["distance"] == "1.2 km (0.7 miles)"
    assert first["facts"]["cost"] == "£6,165 to the learner"
    assert first["provider"]["status"] == "active" and first["national"] is False


def test_a_wrongly_typed_parameter_is_a_problem_document(client: Client) -> None:
    response = client.get(URL, {"postcode": "B1 1AA", "radius_km": "far"})
    assert response.status_code == 400  # a bad query parameter is 400, like the other checks
    assert response.json()["errors"] == [
        {"location": "query.radius_km", "message": "must be a number"}
    ]
    assert response["Content-Type"] == "application/problem+json"


def test_without_data_the_answer_says_how_to_load_it(client: Client) -> None:
    body = client.get(URL, {"postcode": "B1 1AA"}).json()
    assert body["offers_loaded"] == 0 and body["results"] == []
    assert any("skillshub ingest provision --file" in note for note in body["notes"])
    assert any("/api/v1/providers" in note for note in body["notes"])


def test_openapi_documents_the_endpoints(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/search/offers" in paths and "/api/v1/search/standards" in paths
    assert "/api/v1/offers/{offer_id}" in paths
