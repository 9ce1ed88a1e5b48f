"""`skillshub needs adverts`: adverts stored as demand; a bad file stores nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillshub.cli import main
from skillshub.demand.models import EmployerNeed

pytestmark = pytest.mark.usefixtures("journey_data")

ADVERTS = Path(__file__).parents[1] / "fixtures" / "demand" / "job_adverts.csv"


def test_adverts_are_stored(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["needs", "adverts", str(ADVERTS), "--partner", "Test partner", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stored"] == 2
    assert main(["needs", "adverts", str(ADVERTS), "--partner", "Test partner"]) == 0
    assert "2 already held" in capsys.readouterr().out
    assert EmployerNeed.objects.filter(source="job-advert").count() == 2


def test_a_bad_file_names_each_problem_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "adverts.csv"
    bad.write_text("title,text,location,date\n,text,B1,soon\n")
    assert main(["needs", "adverts", str(bad), "--partner", "P"]) == 2
    err = capsys.readouterr().err
    assert "row 2, column TITLE" in err and "row 2, column DATE" in err
    assert not EmployerNeed.objects.exists()
