"""Market test data: fixture needs and offers in the West Midlands (test fixtures, not data).

Needs are EmployerNeed rows written the way the demand app writes them; offers come from the
provision test fixtures through the real ingest (ST0662 in Birmingham). The needs are invented
for the tests and exist only in the test database."""

from __future__ import annotations

import pytest

from skillshub.demand.models import DemandSignal, EmployerNeed
from tests.provision.loading import load_course_directory

BIRMINGHAM = ("E08000025", "B1", 406649.0, 286530.0)
COVENTRY = ("E08000026", "CV1", 434164.0, 278659.0)
UNMET = "ST0116"  # no fixture offer teaches it
MET = "ST0662"  # taught in Birmingham (FAT fixture, day release)
SMALL = "ST0999"


def add_needs(
    standard: str, count: int, place: tuple[str, str, float, float], **extra: object
) -> None:
    code, outcode, east, north = place
    EmployerNeed.objects.bulk_create(
        EmployerNeed(
            source=extra.get("source", "register"),
            need="[TEST] never shown",
            standard_references=[standard],
            headcount=extra.get("headcount", 3),
            outcode=outcode,
            local_authority_code=code,
            easting=east,
            northing=north,
            delivery_format=extra.get("delivery_format", "in-person"),
        )
        for _ in range(count)
    )


@pytest.fixture
def market_data(db: None) -> None:
    load_course_directory()
    add_needs(MET, 6, BIRMINGHAM)
    add_needs(UNMET, 6, BIRMINGHAM)
    add_needs(SMALL, 3, COVENTRY, source="partner-api")
    DemandSignal.objects.create(
        source="nothing-near",
        need="[TEST]",
        outcode="B1",
        local_authority_code="E08000025",
        standard_references=["ST0116"],
    )
