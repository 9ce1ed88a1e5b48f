"""Standards survive the trip into the database and back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillshub.catalogue import store
from skillshub.sources import skills_england as se

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "skills_england"


@pytest.mark.django_db
def test_round_trip_keeps_every_field() -> None:
    current = se.parse_current_list(
        json.loads((FIXTURES / "current_list.json").read_text()), source="current_list.json"
    )
    details = se.parse_detail_records(
        json.loads((FIXTURES / "full_records.json").read_text()), source="full_records.json"
    )
    labels = ("data/skills_england/current_list.json", "data/skills_england/full_records.json")
    expected = {s.reference: s for s in se.merge(current, details, sources=labels)}
    stored = {s.reference: s for s in store.load_standards()}
    assert stored.keys() == expected.keys()
    for reference, standard in expected.items():
        assert stored[reference] == standard, reference


@pytest.mark.django_db
def test_get_standard_is_case_insensitive_and_none_when_unknown() -> None:
    assert store.get_standard("st0116") is not None
    assert store.get_standard("ST9999") is None
