"""Families and similar standards as stored at ingest (the checked-in slice of the catalogue)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.catalogue import models
from skillshub.catalogue.families import (
    NOT_WORKED_OUT,
    FamiliesRequest,
    SimilarStandardsRequest,
    UnknownStandard,
    find_similar,
    list_families,
)

pytestmark = pytest.mark.django_db


def test_the_ingest_stores_a_family_and_similar_standards_for_every_current_product() -> None:
    current = set(
        models.Standard.objects.filter(is_current=True).values_list("reference", flat=True)
    )
    stored = set(models.SimilarStandards.objects.values_list("reference", flat=True))
    assert stored == current
    members = [m["reference"] for f in models.StandardFamily.objects.all() for m in f.members]
    assert sorted(members) == sorted(current), "each current product is in exactly one family"


def test_software_developer_is_most_like_the_software_development_technician() -> None:
    result = find_similar(SimilarStandardsRequest(reference="st0116", limit=5))
    assert result.reference == "ST0116" and result.title == "Software developer"
    first = result.similar[0]
    assert first.reference == "ST0128" and first.url == "/standards/ST0128/"
    assert first.shared and first.shared_count >= len(first.shared)
    assert first.shared[0].cosine >= 0.6
    assert 0 < first.overlap <= 1
    assert first.same_family
    assert result.family is not None
    assert {"ST0116", "ST0128"} <= {m.reference for m in result.family.members}
    assert result.family.url == f"/standards/families/#{result.family.key}"
    assert len(result.similar) <= 5 and not result.notes


def test_a_retired_standard_has_no_family_and_says_why() -> None:
    result = find_similar(SimilarStandardsRequest(reference="ST0011"))
    assert result.family is None and result.similar == []
    assert "Only current standards" in result.notes[0]


def test_an_unknown_or_malformed_reference() -> None:
    with pytest.raises(UnknownStandard, match="ST9999"):
        find_similar(SimilarStandardsRequest(reference="ST9999"))
    with pytest.raises(ValidationError):
        SimilarStandardsRequest(reference="software")


def test_families_by_route_and_level() -> None:
    everything = list_families(FamiliesRequest())
    assert everything.family_count == len(everything.families) > 0
    assert everything.standard_count == models.Standard.objects.filter(is_current=True).count()
    routes = [f.route for f in everything.families]
    assert routes == sorted(routes)
    digital = list_families(FamiliesRequest(route="digital"))
    assert digital.families and all(f.route == "Digital" for f in digital.families)
    level_4 = list_families(FamiliesRequest(level=4))
    assert all(any(m.level == 4 for m in f.members) for f in level_4.families)


def test_a_catalogue_loaded_before_families_existed_says_how_to_work_them_out() -> None:
    models.SimilarStandards.objects.all().delete()
    models.StandardFamily.objects.all().delete()
    result = find_similar(SimilarStandardsRequest(reference="ST0116"))
    assert result.notes == [NOT_WORKED_OUT] and result.family is None
    assert list_families(FamiliesRequest()).notes == [NOT_WORKED_OUT]
