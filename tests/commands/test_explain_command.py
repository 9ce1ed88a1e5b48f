"""`skillshub explain TERM`: one glossary term as text or JSON; unknown terms exit 2."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main


def test_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "HTQ"]) == 0
    out = capsys.readouterr().out
    assert "Higher Technical Qualification" in out
    assert "Source: Department for Education" in out
    assert "Related: " in out


def test_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "end point assessment", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["term"] == "end-point assessment"
    assert body["source_url"].startswith("https://")


def test_unknown_term(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "level"]) == 2
    assert "Did you mean" in capsys.readouterr().err


def test_empty_term(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", " "]) == 2
    assert "--term" in capsys.readouterr().err
