"""The Office for Students Register: API JSON, the Excel download and a CSV saved from it."""

from __future__ import annotations

import csv
import functools
import io
import json
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillshub.domain.provision import ProviderStatus, ProviderType
from skillshub.sources.course_directory import InvalidRows
from skillshub.sources.errors import SourceError
from skillshub.sources.http import fetch
from skillshub.sources.ofs_register import (
    API_URL,
    fetch_ofs_register,
    parse_ofs_json,
    parse_ofs_register,
    parse_ofs_rows,
    read_ofs_register,
    read_xlsx_sheet,
    slug,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "provision"


def test_reads_the_api_json() -> None:
    entries = {entry.ukprn: entry for entry in read_ofs_register(FIXTURES / "ofs_register.json")}
    assert list(entries) == [19999903, 19999901, 19999909]
    centre = entries[19999903]
    assert centre.legal_name == "TEST FIXTURE UNIVERSITY CENTRE LIMITED"
    assert centre.trading_names == ("Test Fixture University Centre", "TFUC")
    assert centre.postcode == "B15 2TT"
    assert centre.provider.name == "Test Fixture University Centre"
    assert centre.provider.locations[0].postcode == "B15 2TT"
    college = entries[19999901]
    assert college.trading_names == ("Test Fixture College Birmingham",)  # CommonName first
    assert college.website == "https://www.example.ac.uk/test-fixture-college"
    removed = entries[19999909]
    assert removed.removed_on == date(2024, 1, 31)
    assert removed.provider.status is ProviderStatus.REMOVED


def test_reads_the_excel_download() -> None:
    entries = read_ofs_register(FIXTURES / "ofs_register.xlsx")
    assert [e.ukprn for e in entries] == [19999903, 19999901]
    centre, college = entries
    assert centre.registration_category == "Approved (fee cap)"
    assert centre.university_title is True
    assert centre.provider.type is ProviderType.HIGHER_EDUCATION
    assert college.trading_names == ()  # "Not applicable" is blank
    assert college.university_title is False
    assert college.provider.type is ProviderType.OTHER
    assert college.postcode == "B4 7PS"


def test_a_csv_saved_from_the_sheet_reads_the_same() -> None:
    rows = read_xlsx_sheet(
        (FIXTURES / "ofs_register.xlsx").read_bytes(), sheet="Register", source="x"
    )
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    from_csv = parse_ofs_register(buffer.getvalue().encode(), source="register.csv")
    assert from_csv == read_ofs_register(FIXTURES / "ofs_register.xlsx")


def test_headers_are_matched_like_the_published_slugs() -> None:
    assert slug("Provider's UKPRN") == "providers-ukprn"
    assert slug("Provider\u2019s trading name(s)") == "providers-trading-name-s"
    assert slug("Does the provider have the right to use 'university' in its title?") == (
        "does-the-provider-have-the-right-to-use-university-in-its-title"
    )


def test_every_bad_row_is_named() -> None:
    rows = [
        ["The OfS Register"],
        [],
        [
            "Provider's legal name",
            "Provider's UKPRN",
            "Provider's website",
            "Does the provider have the right to use 'university' in its title?",
        ],
        ["TEST A", "1999990", "", "Yes"],
        ["", "19999902", "not a website", "Perhaps"],
        ["TEST C", "19999903", "", ""],
        ["TEST C AGAIN", "19999903", "", ""],
        ["", "", "", ""],
    ]
    entries, errors = parse_ofs_rows(rows, source="x")
    assert [e.ukprn for e in entries] == [19999903]
    assert [(e.row, e.column) for e in errors] == [
        (4, "Provider's UKPRN"),
        (5, "Provider's legal name"),
        (5, "Provider's website"),
        (5, "Does the provider have the right to use 'university' in its title?"),
        (7, "Provider's UKPRN"),
    ]


def test_json_errors_name_the_record_and_field() -> None:
    payload = [
        {"Ukprn": "19999901", "LegalName": "A"},
        {"Ukprn": "12", "LegalName": "B"},
        "not an object",
        {"Ukprn": "19999901", "LegalName": "A"},
        {"Ukprn": "19999904", "LegalName": "D", "DateOfVoluntaryDeregistration": "soon"},
    ]
    entries, errors = parse_ofs_json(payload, source="x")
    assert [e.ukprn for e in entries] == [19999901]
    assert [(e.row, e.column) for e in errors] == [
        (2, "Ukprn"),
        (3, "(record)"),
        (4, "Ukprn"),
        (5, "DateOfRemovalFromRegister"),
    ]
    with pytest.raises(SourceError, match="JSON array"):
        parse_ofs_json({"Ukprn": 1}, source="x")


def test_unreadable_inputs() -> None:
    with pytest.raises(SourceError, match="xlsx"):
        parse_ofs_register(b"PK\x03\x04 not really a zip", source="x.xlsx")
    with pytest.raises(SourceError, match="JSON"):
        parse_ofs_register(b"[{", source="x.json")
    with pytest.raises(InvalidRows, match="no header row"):
        parse_ofs_register(b"a,b\n1,2\n", source="x.csv")
    with pytest.raises(SourceError, match="no 'Other' sheet"):
        read_xlsx_sheet((FIXTURES / "ofs_register.xlsx").read_bytes(), sheet="Other", source="x")


def test_fetch_with_a_fake_opener() -> None:
    body = json.dumps([{"Ukprn": 19999903, "LegalName": "TEST"}]).encode()

    class Response(io.BytesIO):
        headers = {"Content-Length": str(len(body))}

    asked: list[str] = []

    def opener(request: urllib.request.Request, timeout: float) -> Any:
        asked.append(request.full_url)
        return Response(body)

    entries = fetch_ofs_register(fetcher=functools.partial(fetch, opener=opener))
    assert asked == [API_URL] and entries[0].ukprn == 19999903
