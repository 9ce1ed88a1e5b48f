"""Job adverts uploaded as demand: CSV or JSON rows of title, text, location and date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from skillshub.sources.errors import SourceError
from skillshub.sources.tables import (
    RowError,
    RowReader,
    load_json,
    numbered_rows,
    parse_day,
    read_table,
    refuse_errors,
)

COLUMNS = ("TITLE", "TEXT", "LOCATION", "DATE")
MAX_ADVERTS = 5000
"""One upload's most adverts: a month of a region's Level 4-5 adverts fits; more is split."""
MAX_TEXT = 20_000


@dataclass(frozen=True)
class JobAdvert:
    """One advert: the job title, its description, where (postcode, district or authority)."""

    row: int
    title: str
    text: str
    location: str
    posted_on: date


def _rows_from_json(data: bytes, *, source: str) -> list[dict[str, str]]:
    document = load_json(data, source=source)
    records = document.get("adverts") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise SourceError(
            'expected a list of adverts (or {"adverts": [...]}), each with title, text, '
            "location and date",
            source=source,
        )
    rows = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise SourceError("each advert must be an object", source=source, record=number)
        rows.append(
            {key.strip().upper(): str(value or "").strip() for key, value in record.items()}
        )
    return rows


def read_job_adverts(data: bytes, *, source: str) -> list[JobAdvert]:
    """Every advert, or InvalidRows listing each bad cell (then nothing is loaded)."""
    is_json = data.lstrip()[:1] in (b"[", b"{")
    if is_json:
        errors: list[RowError] = []
        numbered = list(enumerate(_rows_from_json(data, source=source), start=1))
    else:
        _, rows, errors = read_table(data, source=source, required=COLUMNS)
        numbered = list(numbered_rows(rows))
    refuse_errors(errors, source=source)
    if not numbered:
        raise SourceError("the file holds no adverts: nothing was loaded", source=source)
    if len(numbered) > MAX_ADVERTS:
        raise SourceError(
            f"the file holds {len(numbered):,} adverts; send at most {MAX_ADVERTS:,} at once",
            source=source,
        )
    adverts = []
    for number, cells in numbered:
        cell = RowReader(number, cells, errors)
        title = cell.text("TITLE", required=True, max_length=300)
        text = cell.text("TEXT", required=True, max_length=MAX_TEXT)
        location = cell.text("LOCATION", required=True, max_length=100)
        posted_on = cell.convert("DATE", parse_day, required=True)
        if posted_on is not None:
            adverts.append(JobAdvert(number, title, text, location, posted_on))
    refuse_errors(errors, source=source)
    return adverts
