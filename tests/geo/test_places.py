"""Geography stored by the real ingest and postcode/outcode resolution through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.core.ingest import run_ingest
from skillshub.domain.geography import InvalidPostcode, UnknownPlace
from skillshub.geo import places
from skillshub.geo.ingest import embedded_plan
from skillshub.geo.models import LocalAuthority, Outcode

DATA = Path(__file__).resolve().parents[2] / "data"
pytestmark = pytest.mark.django_db


@pytest.fixture
def geography() -> None:
    """The embedded geography loaded again, forced (every test database holds it already, see
    tests/conftest.py), so each test reads what this load stored."""
    run_ingest(embedded_plan(DATA), force=True)


def test_ingest_loads_authorities_with_combined_authority(geography: None) -> None:
    birmingham = LocalAuthority.objects.get(code="E08000025")
    assert birmingham.name == "Birmingham"
    assert birmingham.combined_authority is not None
    assert birmingham.combined_authority.abbreviation == "WMCA"
    assert LocalAuthority.objects.filter(nation="England").count() >= 290
    assert Outcode.objects.filter(code="B1").exists()


def test_ingest_is_idempotent(geography: None) -> None:
    assert not run_ingest(embedded_plan(DATA)).changed


def test_full_postcode_resolves_to_its_authority(geography: None) -> None:
    location = places.locate("b1 1aa")
    assert location.query == "B1 1AA" and location.precision == "postcode"
    assert location.local_authority_code == "E08000025"
    authority = places.local_authority(location.local_authority_code)
    assert authority is not None and authority.region_name == "West Midlands"


def test_outcode_resolves_to_its_centroid(geography: None) -> None:
    location = places.locate("HD1")
    assert location.kind == "outcode"
    assert location.local_authority_code == "E08000034"  # Kirklees


def test_bad_and_unknown_places_explain_themselves(geography: None) -> None:
    with pytest.raises(InvalidPostcode, match="not a full UK postcode"):
        places.locate("B1 1A")
    with pytest.raises(UnknownPlace, match="We could not find"):
        places.locate("B99 9ZZ")
