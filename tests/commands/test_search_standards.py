"""`skillshub search standards`: the scorer's JSON shape, level groups, and clear refusals."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main

pytestmark = pytest.mark.django_db


def test_json_is_the_result_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "standards", "write and test software code", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["results"][0]["reference"] == "ST0116"
    assert {r["level_group"] for r in body["results"]} <= {"level-4-5", "other-levels"}


def test_nonsense_is_no_good_match(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "standards", "xyzzy", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["no_good_match"] and body["results"] == []


def test_text_groups_level_4_5_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "standards", "maintain automation and robots"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("Level 4 and 5")


@pytest.mark.parametrize(
    ("argv", "said"), [(["--limit", "0"], "--limit"), (["--level", "9"], "--level")]
)
def test_bad_options_name_the_option(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    assert main(["search", "standards", "software", *argv]) == 2
    assert said in capsys.readouterr().err
