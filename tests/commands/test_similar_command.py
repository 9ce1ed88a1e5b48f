"""`skillshub similar`: a standard's family and similar standards, as text or JSON."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.django_db


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["similar", "ST0116", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["similar"][0]["reference"] == "ST0128"
    assert body["similar"][0]["shared"] and body["family"]["label"]


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["similar", "st0116", "--limit", "2"]) == 0
    text = capsys.readouterr().out
    assert "Software developer (ST0116, level 4)" in text
    assert "Family: " in text and "1. Software development technician (ST0128" in text


def test_unknown_or_malformed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["similar", "ST9999"]) == 2
    assert "ST9999" in capsys.readouterr().err
    assert main(["similar", "nonsense"]) == 2
    assert main(["similar", "ST0116", "--limit", "99"]) == 2
