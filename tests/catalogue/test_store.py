"""Standards survive the trip into the database and back unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.catalogue import store
from skillshub.domain.standards import Catalogue
from skillshub.sources import skills_england as se

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "skills_england"


def expected_catalogue() -> Catalogue:
    """The fixture catalogue as the reader gives it, labelled as the test ingest labels it."""
    catalogue_label = "data/skills_england/catalogue_sample.json.gz"
    units_label = "data/skills_england/apprenticeship_units.csv"
    units = se.parse_units_csv(
        (FIXTURES / "apprenticeship_units.csv").read_bytes(), source=units_label
    )
    payload = se.load_json(
        (FIXTURES / "catalogue_sample.json.gz").read_bytes(), source=catalogue_label
    )
    return se.from_api_payload(payload, source=catalogue_label, units=units)


@pytest.mark.django_db
def test_round_trip_keeps_every_field() -> None:
    expected = {s.reference: s for s in expected_catalogue().shown}
    stored = {s.reference: s for s in store.load_standards()}
    assert stored.keys() == expected.keys()
    for reference, standard in expected.items():
        assert stored[reference] == standard, reference


@pytest.mark.django_db
def test_every_version_round_trips_and_is_listed_in_order() -> None:
    versions = expected_catalogue().versions
    for version in versions:
        assert store.get_version(version.reference, version.detail_version) == version
    listed = [v.version for v in store.versions_of("st0154")]
    assert listed == ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert store.get_version("ST0154", "9.9") is None


@pytest.mark.django_db
def test_get_standard_is_case_insensitive_and_none_when_unknown() -> None:
    assert store.get_standard("st0116") is not None
    assert store.get_standard("ST9999") is None
