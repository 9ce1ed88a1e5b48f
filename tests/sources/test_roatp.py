"""The Register of Apprenticeship Training Providers download."""

from __future__ import annotations

import functools
import io
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.provision import ProviderStatus, ProviderType
from skillshub.sources.course_directory import InvalidRows
from skillshub.sources.errors import SourceError
from skillshub.sources.http import fetch
from skillshub.sources.roatp import (
    DOWNLOAD_URL,
    RoatpRoute,
    fetch_roatp,
    parse_register_date,
    parse_roatp,
    read_roatp,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "provision" / "roatp.csv"
HEADER = (
    "UKPRN,Organisation Name,Application Type,Contracted to deliver to non-levied employers,"
    "Start Date,End Date,Provider not currently starting new apprentices,"
    "Application Determined Date\n"
)


def test_reads_the_register() -> None:
    entries = {entry.ukprn: entry for entry in read_roatp(FIXTURE)}
    assert list(entries) == [19999902, 19999901, 19999906, 19999907, 19999908]
    itp = entries[19999902]
    assert itp.legal_name == "TEST FIXTURE ENGINEERING TRAINING LIMITED"
    assert itp.trading_name == "Test Fixture Engineering Training"
    assert itp.route is RoatpRoute.MAIN
    assert itp.non_levy_contract is True
    assert itp.start_date == date(2019, 5, 24)
    assert itp.application_determined_date == date(2019, 5, 20)
    assert itp.provider.name == "Test Fixture Engineering Training"
    assert itp.provider.status is ProviderStatus.ACTIVE
    employer = entries[19999906].provider
    assert employer.type is ProviderType.EMPLOYER_PROVIDER
    assert entries[19999907].route is RoatpRoute.SUPPORTING
    assert entries[19999907].status is ProviderStatus.NOT_STARTING_NEW_APPRENTICES
    assert entries[19999907].not_starting_since == date(2025, 3, 31)
    assert entries[19999908].status is ProviderStatus.REMOVED
    assert entries[19999908].end_date == date(2024, 6, 30)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019/05/24", date(2019, 5, 24)),
        ("24/05/2019", date(2019, 5, 24)),
        ("2019-05-24", date(2019, 5, 24)),
        ("2019/05/24 00:00:00", date(2019, 5, 24)),
    ],
)
def test_register_dates_in_current_and_older_styles(text: str, day: date) -> None:
    assert parse_register_date(text) == day


def test_older_files_call_the_route_provider_type() -> None:
    text = HEADER.replace("Application Type", "Provider Type") + (
        "19999901,TEST FIXTURE COLLEGE,main provider,N,03/05/2017,,,\n"
    )
    entries, errors = parse_roatp(text, source="old.csv")
    assert errors == [] and entries[0].route is RoatpRoute.MAIN
    assert entries[0].non_levy_contract is False and entries[0].start_date == date(2017, 5, 3)


def test_every_bad_cell_is_named() -> None:
    text = HEADER + (
        "1999990,TEST A,Main provider,Y,2019/05/24,,,\n"
        "19999902,,Lead provider,Maybe,2019/13/01,,,\n"
        "19999903,TEST C,Main provider,Y,2019/05/24,,,\n"
        "19999903,TEST C again,Main provider,Y,2019/05/24,,,\n"
    )
    entries, errors = parse_roatp(text, source="roatp.csv")
    assert [e.ukprn for e in entries] == [19999903]
    assert [(e.row, e.column) for e in errors] == [
        (2, "UKPRN"),
        (3, "ORGANISATION NAME"),
        (3, "APPLICATION TYPE"),
        (3, "CONTRACTED TO DELIVER TO NON-LEVIED EMPLOYERS"),
        (3, "START DATE"),
        (5, "UKPRN"),
    ]


def test_missing_columns_are_refused() -> None:
    entries, errors = parse_roatp("UKPRN,Organisation Name\n19999901,A\n", source="x.csv")
    assert entries == [] and [(e.row, e.column) for e in errors] == [(1, "Application Type")]
    with pytest.raises(InvalidRows):
        fetch_roatp(fetcher=lambda url, **_: type("D", (), {"content": b"UKPRN\n1\n"})())


def test_a_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        read_roatp(tmp_path / "missing.csv")


def test_fetch_with_a_fake_opener() -> None:
    body = FIXTURE.read_bytes()

    class Response(io.BytesIO):
        headers = {"Content-Length": str(len(body))}

    asked: list[str] = []

    def opener(request: urllib.request.Request, timeout: float) -> Any:
        asked.append(request.full_url)
        return Response(body)

    entries = fetch_roatp(fetcher=functools.partial(fetch, opener=opener))
    assert asked == [DOWNLOAD_URL] and len(entries) == 5
