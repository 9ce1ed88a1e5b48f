"""`skillshub search providers`: HE providers near a postcode; a fresh install end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from skillshub.cli import main
from tests.provision.discover_uni_loading import load_he_providers

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def he_providers(db: None) -> None:
    load_he_providers()


def test_near_b1_1aa_as_text(he_providers: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "providers", "--postcode", "B1 1AA", "--radius-km", "5"]) == 0
    output = capsys.readouterr().out
    assert "23 higher education providers within 5 km of B1 1AA" in output
    assert "University College Birmingham · 0.6 km (0.4 miles)" in output
    assert "Birmingham Metropolitan College · 1.2 km (0.7 miles) · Matthew Boulton" in output


def test_as_json(he_providers: None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["search", "providers", "--postcode", "B4 7PS", "--radius-km", "1", "--json"]
    assert main(argv) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["results"][0]["name"] == "Birmingham Metropolitan College"
    assert body["results"][0]["distance_km"] == 0.0


def test_the_json_is_the_api_answer(he_providers: None, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["search", "providers", "--postcode", "B1", "--radius-km", "3", "--limit", "4"]
    assert main([*argv, "--json"]) == 0
    api = Client().get("/api/v1/providers", {"postcode": "B1", "radius_km": 3, "limit": 4})
    assert json.loads(capsys.readouterr().out) == api.json()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--postcode", "B1 1A"], "not a full UK postcode"),
        (["--postcode", "B1 1AA", "--limit", "0"], "--limit"),
        (["--postcode", "B1 1AA", "--radius-km", "-1"], "--radius-km"),
    ],
)
def test_bad_input_is_explained(
    he_providers: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["search", "providers", *argv]) == 2
    assert message in capsys.readouterr().err


def test_a_fresh_install_lists_birmingham_providers(tmp_path: Path) -> None:
    """`skillshub ingest` of the embedded data, then a postcode search (the acceptance check)."""
    env = {**os.environ, "SKILLSHUB_HOME": str(tmp_path), "DATABASE_URL": ""}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "skillshub", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert run("ingest", "geography").returncode == 0
    loaded = run("ingest", "provision")
    assert loaded.returncode == 0, loaded.stderr
    assert "he-providers: loaded. 433 providers, 801 teaching locations" in " ".join(
        loaded.stderr.split()
    )
    found = run("search", "providers", "--postcode", "B1 1AA", "--json")
    assert found.returncode == 0, found.stderr
    names = [r["name"] for r in json.loads(found.stdout)["results"]]
    assert "Birmingham Metropolitan College" in names
    assert "University College Birmingham" in names
    assert "unchanged" in run("ingest", "provision").stderr
