"""Provider sign-in: repeated wrong passwords lock the account and the client address out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from skillshub.provider_area import views
from skillshub.provision import models
from tests.page_checks import check_page, one

pytestmark = pytest.mark.django_db
URL = "/training/provider/sign-in/"
EMAIL, PASSWORD = "college@example.ac.uk", "a long test passphrase 42"
LOCKOUT_S = 900


class Clock:
    def __init__(self) -> None:
        self.now = 2_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(course_directory: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    """A provider account, an empty cache and a clock the test moves (no sleeping)."""
    user = get_user_model().objects.create_user(username=EMAIL, email=EMAIL, password=PASSWORD)
    models.ProviderAccount.objects.create(
        user=user, provider=models.Provider.objects.get(ukprn=19999901)
    )
    cache.clear()
    fake = Clock()
    monkeypatch.setattr(views.SIGN_IN_GUARD, "clock", fake)
    yield fake
    cache.clear()


def sign_in(client: Client, password: str, email: str = EMAIL, **extra: str) -> HttpResponse:
    return client.post(URL, {"email": email, "password": password}, **extra)


def test_twenty_wrong_passwords_end_in_429_then_even_the_right_one_waits(clock: Clock) -> None:
    client = Client()
    statuses = [sign_in(client, f"wrong {n}").status_code for n in range(20)]
    assert statuses[:9] == [400] * 9 and statuses[-1] == 429
    assert statuses.index(429) == 9  # the tenth wrong password starts the lockout
    refused = sign_in(client, PASSWORD)
    assert refused.status_code == 429 and int(refused["Retry-After"]) == LOCKOUT_S
    page = check_page(refused.content.decode())
    summary = one(page, ".govuk-error-summary").get_text(" ", strip=True)
    assert "too many times" in summary and "15 minutes" in summary
    assert "_auth_user_id" not in client.session

    clock.now += LOCKOUT_S - 60
    still = sign_in(client, PASSWORD)
    assert still.status_code == 429 and int(still["Retry-After"]) == 60
    assert "1 minute," in check_page(still.content.decode()).get_text()

    clock.now += 61
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"]


def test_a_locked_account_is_not_even_checked(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(10):
        sign_in(Client(), f"wrong {n}")
    checked: list[str] = []
    monkeypatch.setattr(views.forms, "authenticate", lambda *a, **k: checked.append("x"))
    assert sign_in(Client(), PASSWORD).status_code == 429
    assert not checked  # no password hashing (about a second of CPU) for a locked account


def test_one_address_trying_many_accounts_is_locked_out(
    clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert views.SIGN_IN_GUARD.address.limit == 30  # 3 times the account's 10
    monkeypatch.setattr(views.SIGN_IN_GUARD.address, "limit", 6)
    client = Client()
    statuses = [
        sign_in(client, "wrong", email=f"guess{n}@example.com").status_code for n in range(6)
    ]
    assert statuses[:5] == [400] * 5 and statuses[5] == 429
    other = sign_in(Client(REMOTE_ADDR="192.0.2.9"), PASSWORD)
    assert other.status_code == 302  # another address, and the account was never locked


def test_a_good_sign_in_clears_the_account_count(clock: Clock) -> None:
    for n in range(9):
        sign_in(Client(), f"wrong {n}")
    assert sign_in(Client(), PASSWORD).status_code == 302
    for n in range(9):
        assert sign_in(Client(), f"wrong again {n}").status_code == 400


def test_wrong_passwords_spread_beyond_the_window_never_lock(clock: Clock) -> None:
    for n in range(12):  # never more than 8 in any 15 minutes
        assert sign_in(Client(), f"wrong {n}").status_code == 400
        clock.now += LOCKOUT_S / 8


def test_the_lockout_works_with_the_database_cache_for_several_workers(clock: Clock) -> None:
    from django.core.management import call_command
    from django.test import override_settings

    from skillshub.settings import cache_config

    with override_settings(CACHES={"default": cache_config("db://")}):
        call_command("createcachetable", verbosity=0)
        statuses = [sign_in(Client(), f"wrong {n}").status_code for n in range(10)]
        assert statuses[-1] == 429
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM skillshub_cache")
            assert cursor.fetchone()[0] >= 2  # the account's and the address's counts
