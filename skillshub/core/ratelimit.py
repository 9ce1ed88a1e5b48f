"""Rate limits kept in Django's cache: who the client is, and lockout after repeated failures."""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable

from django.core.cache import caches
from django.http import HttpRequest

from skillshub.settings import get_settings

Clock = Callable[[], float]


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or X-Forwarded-For behind SKILLSHUB_TRUSTED_PROXIES.

    With N trusted proxies the client is the Nth address from the right (the ones further left
    are whatever the client chose to send, so they are never trusted).
    """
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = get_settings().trusted_proxies
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    addresses = [part.strip() for part in str(forwarded).split(",") if part.strip()]
    return addresses[-min(proxies, len(addresses))] if addresses else remote


class AttemptLimiter:
    """Count failures per key; after ``limit`` within ``window_s``, lock the key for that long.

    The state is a small dict in the cache; times come from ``clock`` (injectable for tests),
    so expiry is decided here and the cache timeout only cleans up.
    """

    def __init__(self, *, scope: str, limit: int, window_s: int, clock: Clock = time.time) -> None:
        self.scope = scope
        self.limit = limit
        self.window_s = window_s
        self.clock = clock

    def _key(self, key: str) -> str:
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        return f"skillshub:limit:{self.scope}:{digest}"

    def _state(self, key: str) -> dict[str, list[float] | float]:
        stored = caches["default"].get(self._key(key))
        return stored if isinstance(stored, dict) else {}

    def wait_s(self, key: str) -> int:
        """Whole seconds until ``key`` may try again (0: it may now)."""
        until = self._state(key).get("locked_until", 0.0)
        left = float(until) - self.clock() if isinstance(until, int | float) else 0.0
        return math.ceil(left) if left > 0 else 0

    def failed(self, key: str) -> int:
        """Note a failure; the lockout in seconds it starts (0 while under the limit)."""
        now = self.clock()
        state = self._state(key)
        earlier = state.get("failures", [])
        recent = (
            [t for t in earlier if now - t < self.window_s] if isinstance(earlier, list) else []
        )
        recent.append(now)
        if len(recent) >= self.limit:
            state = {"failures": [], "locked_until": now + self.window_s}
        else:
            state = {"failures": recent, "locked_until": state.get("locked_until", 0.0)}
        caches["default"].set(self._key(key), state, timeout=2 * self.window_s)
        return self.wait_s(key)

    def reset(self, key: str) -> None:
        caches["default"].delete(self._key(key))


class SignInGuard:
    """Provider sign-in: at most N wrong passwords per account and 3N per client address.

    Checked before the password is (a check costs about a second of CPU), so a locked account
    is refused even with the right password until the lockout ends.
    """

    def __init__(self, *, attempts: int, lockout_s: int, clock: Clock = time.time) -> None:
        self.account = AttemptLimiter(
            scope="sign-in-account", limit=attempts, window_s=lockout_s, clock=clock
        )
        self.address = AttemptLimiter(
            scope="sign-in-address", limit=3 * attempts, window_s=lockout_s, clock=clock
        )

    @classmethod
    def from_settings(cls) -> SignInGuard:
        settings = get_settings()
        return cls(attempts=settings.sign_in_attempts, lockout_s=settings.sign_in_lockout_s)

    @property
    def clock(self) -> Clock:
        return self.account.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        self.account.clock = self.address.clock = clock

    def wait_s(self, request: HttpRequest, email: str) -> int:
        return max(self.account.wait_s(email), self.address.wait_s(client_address(request)))

    def failed(self, request: HttpRequest, email: str) -> int:
        return max(self.account.failed(email), self.address.failed(client_address(request)))

    def succeeded(self, email: str) -> None:
        self.account.reset(email)


def minutes(seconds: int) -> str:
    """A wait in words: '15 minutes', '1 minute'."""
    count = max(1, math.ceil(seconds / 60))
    return f"{count} minute{'s' if count != 1 else ''}"
