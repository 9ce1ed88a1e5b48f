"""Qualifications, funding streams and links survive the trip into the database and back."""

from __future__ import annotations

import dataclasses

import pytest

from skillshub.domain.qualifications import LinkEvidence, Qualification, StandardLink
from skillshub.qualifications import store
from skillshub.sources import funded_qualifications as fq
from tests.qualifications.loading import AAT, SAMPLE

pytestmark = pytest.mark.django_db


def test_round_trip_keeps_every_field() -> None:
    parsed = fq.parse(SAMPLE.read_bytes(), source="approved_sample.csv")
    link = StandardLink(
        reference="ST0003",
        title="Professional accounting technician",
        level=4,
        score=1.07,
        reason="both are about 'accounting'",
        evidence=(
            LinkEvidence("title", "", "Professional accounting technician", ("accounting",)),
        ),
    )
    expected = [dataclasses.replace(q, links=(link,)) if q.number == AAT else q for q in parsed]
    counts = store.replace_qualifications(expected)
    assert counts["qualifications"] == 19 and counts["standard links"] == 1
    stored = {q.number: q for q in store.load_qualifications()}
    assert stored.keys() == {q.number for q in expected}
    for qualification in expected:
        assert stored[qualification.number] == qualification, qualification.number
    assert store.get_qualification(AAT) == expected[[q.number for q in expected].index(AAT)]


def test_every_domain_field_is_stored() -> None:
    names = {f.name for f in dataclasses.fields(Qualification)}
    converted = {"levels", "funding", "links"}
    assert names == set(store.SCALAR_FIELDS) | converted
    assert {f.name for f in dataclasses.fields(StandardLink)} == set(store.LINK_FIELDS) | {
        "evidence"
    }


def test_get_qualification_is_none_when_unknown() -> None:
    assert store.get_qualification("99999999") is None
