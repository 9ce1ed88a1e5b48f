"""`skillshub report labour-market`: the headline figures in a terminal table, or as JSON."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from skillshub.cli import main
from tests.dashboard.conftest import load_fixture_ons

pytestmark = pytest.mark.django_db


def test_report_prints_the_headlines(capsys: pytest.CaptureFixture[str]) -> None:
    load_fixture_ons()
    assert main(["report", "labour-market"]) == 0
    output = capsys.readouterr().out
    assert "Labour market headlines" in output
    for expected in ("75.1%", "Feb-Apr 2026", "4.9%", "712,000", "1.69 million", "June 2026"):
        assert expected in output
    assert "up 0.1" in output and "LF24" in output and "KAI9" in output
    assert "lms_headline_extract.csv" in output.replace("\n", "")


def test_report_as_json_is_the_apis_answer(
    capsys: pytest.CaptureFixture[str], client: Client
) -> None:
    load_fixture_ons()
    assert main(["report", "labour-market", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    lf24 = body["headlines"][0]
    assert (lf24["cdid"], lf24["value"], lf24["period"]) == ("LF24", 75.1, "Feb-Apr 2026")
    assert lf24["change_on_quarter"]["difference"] == 0.1
    assert body == client.get("/api/v1/labour-market/headlines").json()


def test_report_without_data_says_how_to_load_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "labour-market"]) == 1
    assert "skillshub ingest ons" in capsys.readouterr().err


def test_report_needs_to_know_what_to_report(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report"])
    assert "labour-market" in capsys.readouterr().err
