"""ESCO skills for qualification titles, mapped at the qualifications ingest (the 19-row sample)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from skillshub.qualifications import esco, models
from tests.qualifications.loading import AAT, LEVEL_1, SOFTWARE, load_sample

pytestmark = pytest.mark.django_db


def test_every_level_4_5_title_is_mapped_and_no_other() -> None:
    result = load_sample()
    mapped = set(
        models.QualificationEscoSkill.objects.values_list("qualification__number", flat=True)
    )
    level_4_5 = {
        number
        for number, low, high in models.Qualification.objects.values_list(
            "number", "level_low", "level_high"
        )
        if low >= 4 and high <= 5
    }
    assert mapped and mapped <= level_4_5 and LEVEL_1 not in mapped
    assert result.row_counts["titles mapped to ESCO"] == len(mapped)
    assert "data/esco/esco_skills.csv.gz" in result.source


def test_software_development_maps_to_software_skills() -> None:
    load_sample()
    found = esco.find_qualification_esco(esco.QualificationEscoRequest(number=SOFTWARE))
    assert found.subject == "Software Development Methodologies"
    assert found.title.startswith("BCS Level 4 Diploma")
    assert 1 <= len(found.skills) <= 3
    assert any("software" in s.label for s in found.skills)
    assert found.skills[0].band in {"high", "medium", "low"} and "ESCO" in found.attribution
    accounting = esco.find_esco(AAT)
    assert accounting.subject and accounting.skills


def test_an_unknown_or_malformed_number() -> None:
    load_sample()
    with pytest.raises(esco.UnknownQualification, match="99999999"):
        esco.find_qualification_esco(esco.QualificationEscoRequest(number="99999999"))
    with pytest.raises(ValidationError):
        esco.QualificationEscoRequest(number="software")
    assert esco.find_esco(LEVEL_1).skills == []
