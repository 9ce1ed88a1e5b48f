"""`/api/v1/standards/{reference}/next-steps`: Level 4-5 steps with the KSBs added and kept."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_next_steps_from_a_level_3_standard(client: Client) -> None:
    response = client.get("/api/v1/standards/st0154/next-steps", {"limit": 2})
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == "ST0154" and body["level"] == 3
    assert "0.6" in body["method"]
    results = body["results"]
    assert len(results) == 2
    assert [r["closeness"] for r in results] == sorted(
        (r["closeness"] for r in results), reverse=True
    )
    for result in results:
        assert result["level"] in (4, 5)
        assert result["url"] == f"/api/v1/standards/{result['reference']}"
        assert result["adds"] or result["carries_over"]
        for ksb in result["adds"] + result["carries_over"]:
            assert set(ksb) == {"kind", "ref", "text"}
            assert ksb["kind"] in {"knowledge", "skill", "behaviour"}


def test_level_5_has_no_higher_step(client: Client) -> None:
    body = client.get("/api/v1/standards/ST0431/next-steps").json()
    assert body["results"] == []


def test_the_standard_itself_still_resolves(client: Client) -> None:
    assert client.get("/api/v1/standards/ST0154").json()["reference"] == "ST0154"


def test_unknown_reference_is_a_problem_document(client: Client) -> None:
    response = client.get("/api/v1/standards/ST9999/next-steps")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "ST9999" in response.json()["detail"]


@pytest.mark.parametrize("limit", ["0", "21", "many"])
def test_bad_limit_is_a_problem_document(client: Client, limit: str) -> None:
    response = client.get("/api/v1/standards/ST0154/next-steps", {"limit": limit})
    assert response.status_code in {400, 422}
    assert response["Content-Type"] == "application/problem+json"
