"""Job adverts as demand: CSV and JSON read alike; every bad cell reported; nothing half-read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from skillshub.sources.errors import SourceError
from skillshub.sources.job_adverts import MAX_ADVERTS, read_job_adverts
from skillshub.sources.tables import InvalidRows

FIXTURE = Path(__file__).parents[1] / "fixtures" / "demand" / "job_adverts.csv"


def test_csv_rows_become_adverts() -> None:
    adverts = read_job_adverts(FIXTURE.read_bytes(), source="job_adverts.csv")
    assert [a.location for a in adverts] == ["B1 1AA", "Birmingham"]
    assert adverts[1].posted_on == date(2026, 11, 3) and adverts[0].row == 2


def test_json_lists_read_like_csv() -> None:
    record = {"title": "Technician", "text": "PLC", "location": "B1", "date": "2026-11-02"}
    for document in ([record], {"adverts": [record]}):
        (advert,) = read_job_adverts(json.dumps(document).encode(), source="a.json")
        assert (advert.title, advert.posted_on) == ("Technician", date(2026, 11, 2))


def test_every_bad_cell_is_listed() -> None:
    data = b"title,text,location,date\n,some text,B1,2026-13-40\n"
    with pytest.raises(InvalidRows) as caught:
        read_job_adverts(data, source="bad.csv")
    assert {(e.row, e.column) for e in caught.value.errors} == {(2, "TITLE"), (2, "DATE")}


@pytest.mark.parametrize(
    "data, message",
    [
        (b"title,text,location,date\n", "holds no adverts"),
        (b"[]", "holds no adverts"),
        (b'{"x": 1}', "expected a list of adverts"),
        (b"[1]", "each advert must be an object"),
    ],
)
def test_empty_or_misshapen_files_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        read_job_adverts(data, source="f")


def test_a_missing_column_is_named() -> None:
    with pytest.raises(InvalidRows, match="no 'DATE' column"):
        read_job_adverts(b"title,text,location\nA,B,C\n", source="f.csv")


def test_too_many_adverts_are_refused() -> None:
    row = "T,X,B1,2026-11-02\n"
    data = ("title,text,location,date\n" + row * (MAX_ADVERTS + 1)).encode()
    with pytest.raises(SourceError, match="at most"):
        read_job_adverts(data, source="f.csv")
