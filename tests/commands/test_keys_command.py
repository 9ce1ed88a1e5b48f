"""`skillshub keys create|list|revoke`: a key printed once, listed without it, then revoked."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.django_db


def test_create_list_revoke(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "create", "WMCA skills team", "--scope", "needs:write", "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["key"].startswith("shk_")
    assert main(["keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert "WMCA skills team" in listed and made["key"] not in listed and "active" in listed
    assert main(["keys", "revoke", made["prefix"]]) == 0
    assert main(["keys", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])[0]["revoked"] is True


def test_revoking_an_unknown_key_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "revoke", "00000000"]) == 2
    assert "keys list" in capsys.readouterr().err
