"""`skillshub esco`: a standard's knowledge and skills mapped to ESCO, as text or JSON."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.django_db


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["esco", "ST0116", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["reference"] == "ST0116" and body["statements"]
    first = body["statements"][0]
    assert first["ref"] == "K1" and first["skills"][0]["uri"].startswith("http://data.europa.eu")
    assert set(body["band_counts"]) == {"high", "medium", "low"}


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["esco", "st0116"]) == 0
    text = capsys.readouterr().out
    assert "Software developer (ST0116, level 4)" in text
    assert "\nK1 " in text and "confidence 0." in text
    assert "ESCO classification © European Union" in text


def test_unknown_or_malformed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["esco", "ST9999"]) == 2
    assert "ST9999" in capsys.readouterr().err
    assert main(["esco", "nonsense"]) == 2


def test_a_qualification_title(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.qualifications.loading import SOFTWARE, load_sample

    load_sample()
    assert main(["esco", SOFTWARE]) == 0
    text = capsys.readouterr().out
    assert "Subject mapped: Software Development Methodologies" in text and "confidence" in text
    assert main(["esco", SOFTWARE, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == SOFTWARE
    assert main(["esco", "99999999"]) == 2
