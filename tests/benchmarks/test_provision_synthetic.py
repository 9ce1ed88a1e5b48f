"""The SYNTHETIC provision generator used by benchmarks/bench_offers.py: labelled, reproducible."""

from __future__ import annotations

from datetime import date

from benchmarks.provision_synthetic import FIRST_UKPRN, LABEL, synthetic_provision
from skillshub.domain.provision import OfferIndex, OfferQuery, Point

ORIGIN = Point(406649, 286530)  # B1 1AA, as in tests/domain/test_provision.py


def test_synthetic_data_is_labelled_and_searchable() -> None:
    data = synthetic_provision(offers=2_000, providers=100, standards=("ST0662", "ST0999"))
    assert len(data.offers) == 2_000 and len(data.providers) == 100
    assert all(LABEL in item.title for item in data.offers)
    assert all(LABEL in provider.name for provider in data.providers)
    assert all(provider.ukprn >= FIRST_UKPRN for provider in data.providers)
    again = synthetic_provision(offers=2_000, providers=100, standards=("ST0662", "ST0999"))
    assert again.offers == data.offers
    index = OfferIndex.build(data.offers, data.point_of)
    hits = index.search(
        OfferQuery(
            today=date(2026, 11, 22),
            standard_scores={"ST0662": 1.0},
            origin=ORIGIN,
            radius_km=200,
        )
    )
    assert hits and all("ST0662" in hit.offer.standard_references for hit in hits)
    assert all(hit.distance_km is None or hit.distance_km <= 200 for hit in hits)
