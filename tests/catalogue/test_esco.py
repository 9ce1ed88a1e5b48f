"""ESCO skills for each KSB as stored at ingest (checked-in slices of the catalogue and ESCO)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.catalogue import models
from skillshub.catalogue.esco import (
    NOT_WORKED_OUT,
    StandardEscoRequest,
    UnknownStandard,
    find_esco,
)

pytestmark = pytest.mark.django_db


def test_the_ingest_maps_every_knowledge_and_skill_statement_of_every_current_product() -> None:
    current = set(
        models.Standard.objects.filter(is_current=True, ksb_set__kind__in=["knowledge", "skill"])
        .values_list("reference", flat=True)
        .distinct()
    )
    assert set(models.EscoMapping.objects.values_list("reference", flat=True)) == current
    row = models.EscoMapping.objects.get(reference="ST0116")
    refs = [item["ref"] for item in row.statements]
    published = list(
        models.Ksb.objects.filter(standard__reference="ST0116", kind__in=["knowledge", "skill"])
        .order_by("position")
        .values_list("ref", flat=True)
    )
    assert refs == published
    assert all(1 <= len(item["matches"]) <= 3 for item in row.statements)


def test_software_developer_maps_to_software_skills_with_bands() -> None:
    result = find_esco(StandardEscoRequest(reference="st0116"))
    assert result.reference == "ST0116" and result.title == "Software developer"
    assert not result.notes and "ESCO" in result.attribution
    labels = {s.label for statement in result.statements for s in statement.skills}
    assert {"software testing", "debug software"} & labels or any("software" in x for x in labels)
    assert sum(result.band_counts.values()) == len(result.statements)
    for statement in result.statements:
        assert statement.kind in ("knowledge", "skill")
        best = statement.skills[0]
        assert statement.band == best.band
        confidences = [s.confidence for s in statement.skills]
        assert confidences == sorted(confidences, reverse=True)
        assert best.uri.startswith("http://data.europa.eu/esco/skill/")
        assert best.description and 0 < best.confidence <= 1


def test_a_retired_standard_is_not_mapped_and_says_why() -> None:
    result = find_esco(StandardEscoRequest(reference="ST0011"))
    assert result.statements == [] and "Only current standards" in result.notes[0]


def test_an_unknown_or_malformed_reference() -> None:
    with pytest.raises(UnknownStandard, match="ST9999"):
        find_esco(StandardEscoRequest(reference="ST9999"))
    with pytest.raises(ValidationError):
        StandardEscoRequest(reference="software")


def test_a_catalogue_loaded_before_the_mapping_existed_says_how_to_map_it() -> None:
    models.EscoMapping.objects.all().delete()
    result = find_esco(StandardEscoRequest(reference="ST0116"))
    assert result.notes == [NOT_WORKED_OUT] and result.statements == []
