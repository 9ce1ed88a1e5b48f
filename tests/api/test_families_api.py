"""`/api/v1/standards/{reference}/similar` and `/api/v1/families`."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_similar_standards_with_what_they_share(client: Client) -> None:
    body = client.get("/api/v1/standards/ST0116/similar", {"limit": 3}).json()
    assert body["reference"] == "ST0116" and body["family"]["members"]
    assert len(body["similar"]) == 3
    first = body["similar"][0]
    assert first["reference"] == "ST0128"
    assert first["shared"][0]["own"]["ref"] and first["shared"][0]["other"]["ref"]
    assert {"overlap", "share_of_own", "share_of_other", "only_there", "different"} <= set(first)
    assert body["method"]


def test_families(client: Client) -> None:
    body = client.get("/api/v1/families", {"route": "Digital"}).json()
    assert body["family_count"] == len(body["families"]) > 0
    assert all(f["route"] == "Digital" for f in body["families"])
    members = [m["reference"] for f in body["families"] for m in f["members"]]
    assert "ST0116" in members


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/standards/ST9999/similar", 404),
        ("/api/v1/standards/nonsense/similar", 404),
        ("/api/v1/standards/ST0116/similar?limit=0", 400),
        ("/api/v1/families?level=12", 400),
    ],
)
def test_bad_requests_are_problem_documents(client: Client, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
