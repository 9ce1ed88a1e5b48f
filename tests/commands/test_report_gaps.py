"""`skillshub report gaps --area CODE` (--json, --csv) and `skillshub ingest starts --file`."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main
from skillshub.market.models import ApprenticeshipStarts
from tests.market.data import SMALL, UNMET
from tests.sources.test_apprenticeship_starts import KIRKLEES, WNYCC

pytestmark = pytest.mark.usefixtures("market_data")


def test_json_is_the_service_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "gaps", "--area", "E47000007", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["standards"][0]["key"] == UNMET
    small = next(row for row in result["standards"] if row["key"] == SMALL)
    assert small["employers"] == {"status": "fewer-than", "value": None, "text": "fewer than 5"}


def test_csv_and_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "gaps", "--area", "E47000007", "--csv"]) == 0
    assert "standard,ST0999," in capsys.readouterr().out
    assert main(["report", "gaps", "--area", "E47000007"]) == 0
    assert "fewer than 5" in capsys.readouterr().out


def test_a_bad_area_exits_2_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "gaps", "--area", "Birmingham"]) == 2
    assert "--area" in capsys.readouterr().err
    assert main(["report", "gaps", "--area", "E47000099"]) == 2


def test_ingest_starts_from_both_layouts(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["ingest", "starts", "--file", str(KIRKLEES), "--file", str(WNYCC)]
    assert main(argv) == 0
    assert ApprenticeshipStarts.objects.filter(area_code="E08000034").exists()
    low = ApprenticeshipStarts.objects.get(
        area_code="E07000167",
        subject="Retail and Commercial Enterprise",
        apps_level="Intermediate (level 2)",
    )
    assert low.achievements is None and low.symbols == {"achievements": "low"}
