"""Offers survive the trip into the database and back unchanged, every field of them."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from skillshub.domain import provision as domain
from skillshub.domain.geography import Point
from skillshub.provision import index, models, store

PROVIDER = domain.Provider(
    ukprn=19999950,
    name="Round Trip College",
    type=domain.ProviderType.FE_COLLEGE,
    status=domain.ProviderStatus.ACTIVE,
)
POINT = Point(530000.0, 180000.0)
# Every field differs from its default, so a field dropped either way changes the offer.
OFFER = domain.Offer(
    offer_id="round-trip-1",
    ukprn=PROVIDER.ukprn,
    offer_type=domain.OfferType.HTQ,
    title="Cyber security technician",
    delivery_mode=domain.DeliveryMode.BLENDED,
    level=4,
    qualification_reference="60312345",
    standard_references=("ST0865", "ST0124"),
    study_mode=domain.StudyMode.PART_TIME,
    attendance_pattern=domain.AttendancePattern.EVENING,
    hours_per_week=7.5,
    duration_months=18.0,
    cost_to_learner_gbp=Decimal("1250.50"),
    cost_to_employer_gbp=Decimal("4000.00"),
    funding_routes=(
        domain.FundingRoute.ADVANCED_LEARNER_LOAN,
        domain.FundingRoute.FREE_COURSES_FOR_JOBS,
    ),
    awarding_body="Pearson",
    accreditation="Ofqual regulated",
    start_dates=(date(2026, 9, 7), date(2027, 1, 11)),
    flexible_start=True,
    venue_name="Town campus",
    venue_postcode="SW1A 1AA",
    national=True,
    description="Network defence, incident response and secure configuration.",
    url="https://college.example/cyber",
)


@pytest.fixture
def stored(db: None) -> models.Offer:
    """OFFER written by the import path, with its provider, under the course directory."""
    store.replace_source(
        store.SourceBatch(
            source=models.Source.COURSE_DIRECTORY,
            providers=(PROVIDER,),
            offers=(OFFER,),
            points={OFFER.offer_id: POINT},
        )
    )
    return models.Offer.objects.select_related("provider").get(offer_id=OFFER.offer_id)


def test_an_offer_comes_back_from_its_row_unchanged(stored: models.Offer) -> None:
    assert store.offer_from_row(stored, links={}) == OFFER
    assert store.offer_point(store.row_values(stored)) == POINT


def test_an_offer_comes_back_from_the_index_unchanged(stored: models.Offer) -> None:
    loaded = index.build()
    assert list(loaded.index.offers) == [OFFER]
    assert loaded.sources == {OFFER.offer_id: models.Source.COURSE_DIRECTORY}
    values = models.Offer.objects.values(*store.READ_COLUMNS).get(offer_id=OFFER.offer_id)
    assert store.offer_point(values) == POINT


def test_linked_standards_join_the_offer_s_own_once_each(stored: models.Offer) -> None:
    links = {OFFER.qualification_reference: ("ST0124", "ST0999")}
    offer = store.offer_from_row(stored, links=links)
    assert offer.standard_references == ("ST0865", "ST0124", "ST0999")


def test_empty_optional_fields_come_back_empty(db: None) -> None:
    required = ("round-trip-2", PROVIDER.ukprn, OFFER.offer_type, "Bare", OFFER.delivery_mode)
    bare = domain.Offer(*required)
    store.replace_source(
        store.SourceBatch(
            source=models.Source.COURSE_DIRECTORY, providers=(PROVIDER,), offers=(bare,)
        )
    )
    row = models.Offer.objects.select_related("provider").get(offer_id=bare.offer_id)
    assert (row.venue_postcode, row.study_mode, row.easting) == ("", "", None)
    assert store.offer_from_row(row, links={}) == bare
    assert list(index.build().index.offers) == [bare]


def test_long_text_is_cut_to_its_column() -> None:
    long = dataclasses.replace(OFFER, awarding_body="A" * 250, venue_name="V" * 350)
    row = store.offer_row(
        long, provider=models.Provider(), source=models.Source.COURSE_DIRECTORY, point=None
    )
    assert (len(row.awarding_body), len(row.venue_name)) == (200, 300)


def test_every_offer_field_is_stored() -> None:
    """Fails when a field is added to domain.Offer without a place in store.OFFER_COLUMNS."""
    declared = {column.name for column in store.OFFER_COLUMNS}
    assert len(declared) == len(store.OFFER_COLUMNS)
    assert declared | store.NOT_STORED_AS_COLUMNS == {
        field.name for field in dataclasses.fields(domain.Offer)
    }


def test_every_declared_column_is_on_the_model() -> None:
    columns = {field.name for field in models.Offer._meta.concrete_fields}
    assert set(store.READ_COLUMNS) <= columns
