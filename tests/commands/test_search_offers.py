"""`skillshub search offers`: offers near a place, as a table or JSON."""

from __future__ import annotations

import json

import pytest

from skillshub.cli import main
from tests.provision.loading import load_all

pytestmark = pytest.mark.django_db


def test_acceptance_need_near_a_postcode_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    load_all()
    argv = ["search", "offers", "maintain PLC control systems", "--postcode", "B1 1AA", "--json"]
    assert main(argv) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["results"] and body["radius_km"] == 25
    assert {s["reference"] for s in body["results"][0]["standards"]} & {"ST0662", "ST0999"}
    assert all(r["location_free"] or r["distance_km"] <= 25 for r in body["results"])


def test_each_offer_with_distance_cost_and_time(
    course_directory: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "offers", "--postcode", "B1 1AA", "--type", "htq"]) == 0
    output = capsys.readouterr().out
    assert "2 offers within 25 km of B1 1AA" in output
    assert "Distance: 1.2 km (0.7 miles)" in output
    assert "Cost: £6,165 to the learner" in output and "Time: 2 years, part time" in output
    assert "[TEST] HTQ Higher National Certificate" in output
    assert "Higher Technical Qualification (HTQ)" in output


def test_codes_are_read_as_the_vocabulary_spells_them(
    course_directory: None, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["search", "offers", "--postcode", "B1 1AA", "--type", "HTQ", "--sort", "distance"]
    assert main([*argv, "--limit", "1", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["total"] == 2 and len(body["results"]) == 1 and body["offset"] == 0
    facts = body["results"][0]["facts"]
    assert facts["distance"] == "1.2 km (0.7 miles)" and facts["level"] == "Level 4"


def test_without_course_data_it_says_how_to_load_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", "offers", "--postcode", "B1 1AA", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["offers_loaded"] == 0
    assert "No course data is loaded" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--postcode", "B1 1A"], "not a full UK postcode"),
        ([], "Give q (the need in plain words), a postcode, or both"),
        (["?!", "--postcode", "B1 1AA"], "Describe the skills or tasks you need"),
        (["--postcode", "B1 1AA", "--limit", "0"], "--limit: must be at least 1"),
        (["--postcode", "B1 1AA", "--limit", "101"], "--limit: must be at most 100"),
        (["--postcode", "B1 1AA", "--radius-km", "0"], "--radius-km: must be more than 0"),
        (["--postcode", "B1 1AA", "--max-cost-gbp", "-5"], "--max-cost-gbp: cannot be negative"),
        (["--postcode", "B1 1AA", "--type", "spaceship"], "--type: 'spaceship' is not a type"),
        (["--postcode", "B1 1AA", "--sort", "price"], "use one of: relevance, distance"),
    ],
)
def test_bad_input_is_explained(
    course_directory: None, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["search", "offers", *argv]) == 2
    assert message in capsys.readouterr().err
