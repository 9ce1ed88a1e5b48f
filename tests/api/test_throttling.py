"""API throttling: past SKILLSHUB_API_RATE a client gets 429 problem details with Retry-After."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from skillshub.api.app import ClientThrottle, throttle

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """Three requests a minute, on a clock the test moves."""
    fake = Clock()
    cache.clear()
    monkeypatch.setattr(throttle, "num_requests", 3)
    monkeypatch.setattr(throttle, "duration", 60)
    monkeypatch.setattr(throttle, "timer", fake)
    yield fake
    cache.clear()


def test_past_the_rate_the_answer_is_429_with_retry_after(client: Client, clock: Clock) -> None:
    for _ in range(3):
        assert client.get("/api/v1/standards").status_code == 200
    refused = client.get("/api/v1/standards")
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["title"] == "Too many requests"
    assert 1 <= int(refused["Retry-After"]) <= 60
    clock.now += 61
    assert client.get("/api/v1/standards").status_code == 200


def test_each_client_address_has_its_own_allowance(client: Client, clock: Clock) -> None:
    for _ in range(3):
        client.get("/api/v1/standards")
    assert client.get("/api/v1/standards").status_code == 429
    assert client.get("/api/v1/standards", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_a_forwarded_address_is_ignored_without_a_trusted_proxy(
    client: Client, clock: Clock
) -> None:
    for number in range(4):
        response = client.get("/api/v1/standards", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert response.status_code == 429


def test_the_rate_comes_from_the_settings() -> None:
    assert ClientThrottle("300/m").parse_rate("300/m") == (300, 60)
