"""Secure by default: a secret key of its own per home, one production switch, no forged cookies."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory, override_settings
from django.utils.safestring import mark_safe
from pydantic import ValidationError

from skillshub.settings import OLD_PUBLIC_SECRETS, Settings, home_secret_key

OLD_KEY = next(iter(OLD_PUBLIC_SECRETS))
ROOT = Path(__file__).resolve().parents[2]


def test_two_fresh_homes_get_different_keys_kept_private(tmp_path: Path) -> None:
    first = home_secret_key(tmp_path / "one")
    second = home_secret_key(tmp_path / "two")
    assert first != second and len(first) >= 50
    assert home_secret_key(tmp_path / "one") == first  # reused after the first run
    mode = stat.S_IMODE((tmp_path / "one" / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert not [p for p in (tmp_path / "one").iterdir() if p.name != "secret_key"]


def test_settings_use_the_home_key_unless_one_is_set(tmp_path: Path) -> None:
    generated = Settings(home=tmp_path).effective_secret_key()
    assert generated == (tmp_path / "secret_key").read_text().strip()
    chosen = "k" * 40
    assert Settings(home=tmp_path, secret_key=chosen).effective_secret_key() == chosen


def test_an_unusable_home_says_what_to_do(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("")
    with pytest.raises(RuntimeError, match="set SKILLSHUB_SECRET_KEY"):
        Settings(home=home).effective_secret_key()


@pytest.mark.parametrize("key", [OLD_KEY, "changeme", "short-key"])
def test_public_placeholder_and_short_keys_are_refused(key: str, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="SKILLSHUB_SECRET_KEY"):
        Settings(home=tmp_path, secret_key=key)


def _django(tmp_path: Path, code: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "skillshub.web.settings",
        "SKILLSHUB_HOME": str(tmp_path),
        "SKILLSHUB_ALLOWED_HOSTS": '["skills.example.gov.uk"]',
        **env,
    }
    # The test process's own switches (strict templates; the browser tests' async-unsafe
    # permission) are not a deployment's.
    for name in ("SKILLSHUB_STRICT_TEMPLATES", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        environment.pop(name, None)
    return subprocess.run(
        [sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True
    )


DEPLOY_CHECK = (
    "import django, sys; django.setup(); from django.core.management import call_command; "
    "call_command('check', deploy=True, fail_level='WARNING')"
)


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    done = _django(tmp_path, DEPLOY_CHECK, SKILLSHUB_PRODUCTION="true")
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout + done.stderr


def test_check_deploy_warns_without_the_switch(tmp_path: Path) -> None:
    done = _django(tmp_path, DEPLOY_CHECK)
    assert done.returncode != 0
    assert "security.W004" in done.stderr and "security.W012" in done.stderr


def test_production_turns_on_https_hsts_and_secure_cookies(tmp_path: Path) -> None:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps(["
        " s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, s.SECURE_PROXY_SSL_HEADER,"
        " s.CSRF_TRUSTED_ORIGINS]))"
    )
    done = _django(
        tmp_path,
        code,
        SKILLSHUB_PRODUCTION="true",
        SKILLSHUB_TRUSTED_PROXIES="1",
        SKILLSHUB_CSRF_TRUSTED_ORIGINS='["https://skills.example.gov.uk"]',
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        True,
        31_536_000,
        True,
        True,
        True,
        "Lax",
        ["HTTP_X_FORWARDED_PROTO", "https"],
        ["https://skills.example.gov.uk"],
    ]


def _forged_messages_cookie() -> str:
    """The attack: a messages cookie carrying raw HTML, signed with the old public key."""
    with override_settings(SECRET_KEY=OLD_KEY):
        storage = CookieStorage(RequestFactory().get("/"))
        html = mark_safe('<a id="forged" href="https://evil.example">Sign in again</a>')
        encoded = storage._encode([Message(constants.SUCCESS, html)])
    assert encoded
    return encoded


def test_the_hub_hashes_passwords_with_djangos_slow_default() -> None:
    """The tests swap in a fast hasher (tests/settings.py); the hub itself must not."""
    from django.conf import global_settings

    from skillshub.web import settings as hub

    assert getattr(hub, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS) == (
        global_settings.PASSWORD_HASHERS
    )
    assert global_settings.PASSWORD_HASHERS[0].endswith("PBKDF2PasswordHasher")


def test_a_cookie_signed_with_the_old_key_is_not_trusted() -> None:
    forged = _forged_messages_cookie()
    assert CookieStorage(RequestFactory().get("/"))._decode(forged) is None


@pytest.mark.django_db
def test_a_forged_message_never_reaches_a_providers_page() -> None:
    from skillshub.provision import models
    from tests.provision.loading import load_course_directory

    load_course_directory()

    user = get_user_model().objects.create_user(username="p@example.ac.uk", password="pw")
    models.ProviderAccount.objects.create(
        user=user, provider=models.Provider.objects.get(ukprn=19999901)
    )
    client = Client()
    client.force_login(user)
    client.cookies["messages"] = _forged_messages_cookie()
    response = client.get("/training/provider/")
    assert response.status_code == 200
    assert b'id="forged"' not in response.content and b"evil.example" not in response.content


def test_the_cache_is_configurable() -> None:
    from skillshub.settings import CACHE_TABLE, cache_config

    backend = cache_config("locmem://")["BACKEND"]
    assert isinstance(backend, str) and backend.endswith("LocMemCache")
    assert cache_config("db://") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": CACHE_TABLE,
    }
    assert cache_config("file:///var/cache/skillshub")["LOCATION"] == "/var/cache/skillshub"
    with pytest.raises(ValidationError, match="SKILLSHUB_CACHE_URL"):
        Settings(cache_url="redis://localhost")


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "192.0.2.1"),  # no proxy: the header is the client's own say-so
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "10.9.9.9, 203.0.113.9", "203.0.113.9"),  # the left one was made up by the client
        (2, "10.9.9.9, 203.0.113.9, 198.51.100.2", "203.0.113.9"),
    ],
)
def test_the_client_address_believes_only_trusted_proxies(
    proxies: int, forwarded: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillshub.core import ratelimit

    class Configured:
        trusted_proxies = proxies

    monkeypatch.setattr(ratelimit, "get_settings", lambda: Configured)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert ratelimit.client_address(request) == expected
