"""`skillshub ingest qualifications [--file]` and `skillshub search qualifications`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from skillshub.cli import main
from skillshub.qualifications import models
from tests.qualifications.loading import AAT, SAMPLE, SOFTWARE

pytestmark = pytest.mark.django_db


def test_ingest_a_file_then_again_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "qualifications", "--file", str(SAMPLE)]) == 0
    assert "qualifications: loaded. 19 qualifications, 13 at level 4-5" in " ".join(
        capsys.readouterr().err.split()
    )
    assert main(["ingest", "qualifications", "--file", str(SAMPLE)]) == 0
    assert "unchanged (same SHA-256)" in capsys.readouterr().err


def test_a_bad_file_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "qualifications", "--file", str(SAMPLE)]) == 0
    empty = tmp_path / "empty.csv"
    empty.write_bytes(SAMPLE.read_bytes().split(b"\n")[0] + b"\n")
    capsys.readouterr()
    assert main(["ingest", "qualifications", "--file", str(empty)]) == 1
    message = " ".join(capsys.readouterr().err.split())
    assert "Nothing was changed." in message and "file empty.csv" in message
    assert models.Qualification.objects.count() == 19


def test_search_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "qualifications", "--file", str(SAMPLE)])
    capsys.readouterr()
    assert main(["search", "qualifications", "software development", "--json", "--level", "4"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["results"][0]["number"] == SOFTWARE and body["levels"] == [4]
    assert all(r["level"] == "Level 4" for r in body["results"])


def test_the_json_is_the_api_answer(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "qualifications", "--file", str(SAMPLE)])
    capsys.readouterr()
    argv = ["search", "qualifications", "payroll", "--level", "4", "--level", "5", "--limit", "3"]
    assert main([*argv, "--json"]) == 0
    api = Client().get("/api/v1/qualifications", {"q": "payroll", "level": [4, 5], "page_size": 3})
    assert json.loads(capsys.readouterr().out) == api.json()


def test_search_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    main(["ingest", "qualifications", "--file", str(SAMPLE)])
    capsys.readouterr()
    assert main(["search", "qualifications", "bookkeeping", "--limit", "2"]) == 0
    output = capsys.readouterr().out
    assert AAT in output and "qualification(s) match" in output


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["?!"], "Describe the skills"),
        (["law", "--limit", "0"], "--limit: must be at least 1"),
        (["law", "--limit", "101"], "--limit: must be at most 100"),
        (["law", "--level", "9"], "--level: must be 0 (Entry Level) to 8, not 9"),
        (["x" * 8001], "the need: String should have at most 8000 characters"),
    ],
)
def test_bad_input_is_explained(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["search", "qualifications", *argv]) == 2
    assert message in capsys.readouterr().err


def test_qualifications_load_after_standards() -> None:
    """Links need the standards: the embedded ingest runs the datasets in this order."""
    from skillshub.commands.ingest import DATASET_MODULES

    names = list(DATASET_MODULES)
    assert names.index("standards") < names.index("qualifications")
    assert DATASET_MODULES["qualifications"] == "skillshub.qualifications.ingest"
