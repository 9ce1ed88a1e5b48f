"""`skillshub pathways`: steps from a standard or a job, as text or JSON."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.django_db


def test_json_from_a_standard(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pathways", "--from", "ST0128", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    top = [step["reference"] for step in body["steps"][:3]]
    assert "ST0116" in top
    step = body["steps"][top.index("ST0116")]
    assert step["held"] and (step["new"] or step["builds_on"])


def test_text_from_a_job(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pathways", "--from-text", "software development", "--limit", "2"]) == 0
    assert "From " in capsys.readouterr().out


def test_bad_start(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pathways", "--from", "ST9999"]) == 2
    assert "ST9999" in capsys.readouterr().err
