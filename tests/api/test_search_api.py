"""`/api/v1/search/standards`: the CLI's JSON shape, reasons, and problem details for bad input."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_results_have_the_shape_the_scorer_reads(client: Client) -> None:
    body = client.get("/api/v1/search/standards", {"q": "write and test software code"}).json()
    assert body["query"] == "write and test software code"
    first = body["results"][0]
    assert first["reference"] == "ST0116"
    assert {"reference", "title", "level", "score", "why"} <= set(first)
    assert first["why"] and {"kind", "ref", "text"} <= set(first["why"][0])


def test_reasons_quote_the_standard(client: Client) -> None:
    standard = client.get("/api/v1/standards/ST0116").json()
    texts = {
        item["text"] for kind in ("knowledge", "skills", "behaviours") for item in standard[kind]
    }
    body = client.get("/api/v1/search/standards", {"q": "debug code and test it"}).json()
    match = next(r for r in body["results"] if r["reference"] == "ST0116")
    ksb_reasons = [w for w in match["why"] if w["kind"] in {"knowledge", "skill", "behaviour"}]
    assert all(w["text"] in texts for w in ksb_reasons)


def test_level_filter(client: Client) -> None:
    body = client.get(
        "/api/v1/search/standards", {"q": "engineering maintenance", "level": 3}
    ).json()
    assert body["results"] and all(r["level"] == 3 for r in body["results"])


@pytest.mark.parametrize("q", ["", "   ", "\x00\x00"])
def test_empty_queries_are_problem_documents(client: Client, q: str) -> None:
    response = client.get("/api/v1/search/standards", {"q": q})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "Describe" in response.json()["detail"]


@pytest.mark.parametrize(
    "q", ['"gas" NEAR pipes OR *', "'; DROP TABLE x; --", "<b>weld</b>", "weld " * 1000]
)
def test_syntax_and_long_queries_still_answer(client: Client, q: str) -> None:
    response = client.get("/api/v1/search/standards", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_limit_is_checked(client: Client) -> None:
    response = client.get("/api/v1/search/standards", {"q": "software", "limit": 0})
    assert response.status_code == 400


def test_results_carry_their_level_group_and_plain_reasons(client: Client) -> None:
    body = client.get("/api/v1/search/standards", {"q": "maintain automation and robots"}).json()
    groups = [r["level_group"] for r in body["results"]]
    assert set(groups) <= {"level-4-5", "other-levels"}
    assert body["level_4_5_count"] == groups.count("level-4-5")
    assert body["other_levels_count"] == groups.count("other-levels")
    for result in body["results"]:
        assert (result["level"] in (4, 5)) == (result["level_group"] == "level-4-5")
        for reason in result["why"]:
            assert reason["kind"] != "keyword"  # a bare search word explains nothing
            assert reason["label"] and reason["explanation"]
            assert not reason["label"].startswith("Keyword")


@pytest.mark.parametrize("q", ["xyzzy", "asdf qwerty"])
def test_nonsense_gets_no_results_and_a_message(client: Client, q: str) -> None:
    body = client.get("/api/v1/search/standards", {"q": q}).json()
    assert body["results"] == [] and body["no_good_match"] is True
    assert any("Nothing in the catalogue is a good match" in note for note in body["notes"])


def test_brand_names_are_kept(client: Client) -> None:
    body = client.get("/api/v1/search/standards", {"q": "Siemens PLC"}).json()
    assert not any("instead of 'siemens'" in note for note in body["notes"])
    assert body["results"]
