"""`skillshub search all`: the Find training groups in the terminal or as JSON."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.usefixtures("journey_data")


def test_json_has_the_groups_of_the_page(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["search", "all", "bookkeeping", "--postcode", "B1 1AA", "--employees", "20", "--json"]
    assert main(argv) == 0
    body = json.loads(capsys.readouterr().out)
    assert [g["name"] for g in body["groups"]][:2] == ["apprenticeships", "qualifications"]
    assert body["place"] == "B1 1AA"


def test_text_lists_cost_to_you(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "all", "maintain automation and robots", "--per-group", "2"]) == 0
    output = capsys.readouterr().out
    assert "Apprenticeships" in output and "Cost to you:" in output


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--per-group", "0"], "--per-group"),
        (["--postcode", "ZZ99 9ZZ"], "postcode"),
    ],
)
def test_bad_options_say_what_to_fix(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["search", "all", "bookkeeping", *argv]) == 2
    assert message in capsys.readouterr().err.lower()
