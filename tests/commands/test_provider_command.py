"""`skillshub provider add-user|list-users|remove-user`: provider sign-ins, each for one UKPRN."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model

from skillshub.cli import main
from skillshub.provision import models

pytestmark = pytest.mark.django_db


def test_provider_add_user_creates_a_sign_in_for_one_ukprn(
    course_directory: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long test passphrase 42\n"))
    argv = ["provider", "add-user", "--ukprn", "19999901", "--email", "Staff@Example.ac.uk"]
    assert main([*argv, "--password-stdin"]) == 0
    account = models.ProviderAccount.objects.get(user__username="staff@example.ac.uk")
    assert account.provider.ukprn == 19999901
    assert account.user.check_password("a long test passphrase 42")
    assert main(["provider", "list-users"]) == 0
    assert "19999901" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("a long test passphrase 42\n"))
    assert main([*argv, "--password-stdin"]) == 1  # one provider per sign-in
    assert main(["provider", "remove-user", "--email", "staff@example.ac.uk"]) == 0
    assert not get_user_model().objects.filter(username="staff@example.ac.uk").exists()


@pytest.mark.parametrize(
    ("argv", "password", "message"),
    [
        (["--ukprn", "1234", "--email", "a@example.com"], "a long test passphrase", "UKPRN"),
        (["--ukprn", "19999901", "--email", "not-an-email"], "a long test passphrase", "email"),
        (["--ukprn", "19999999", "--email", "a@example.com"], "a long test passphrase", "--name"),
        (["--ukprn", "19999901", "--email", "a@example.com"], "short", "too short"),
    ],
)
def test_provider_add_user_refuses_bad_input(
    course_directory: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    password: str,
    message: str,
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    assert main(["provider", "add-user", *argv, "--password-stdin"]) in {1, 2}
    assert message in capsys.readouterr().err
    assert not models.ProviderAccount.objects.exists()


def test_provider_add_user_can_add_a_provider_no_source_lists_yet(
    course_directory: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long test passphrase 42\n"))
    argv = ["provider", "add-user", "--ukprn", "19999990", "--email", "new@example.com"]
    assert main([*argv, "--name", "[TEST] New provider", "--password-stdin"]) == 0
    provider = models.Provider.objects.get(ukprn=19999990)
    assert provider.name == "[TEST] New provider"
    assert list(provider.listings.values_list("source", flat=True)) == ["provider"]
