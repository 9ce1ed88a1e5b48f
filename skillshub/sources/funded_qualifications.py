"""The DfE list of regulated qualifications approved for public funding (CSV, optionally gzipped).

Format followed: the file `src/SFA.DAS.AODP.Jobs/Data/approved.csv` of
`SkillsFundingAgency/das-aodp-jobs` (commit 969c283d, 31 March 2025), an Ofqual snapshot of
18 February 2025. One row per qualification: `QualificationNumber` (Ofqual number without
slashes: seven digits and a digit or X), `QualificationName`, `AwardingOrganisation`, `Level`
('Entry Level', 'Level 1' to 'Level 8', 'Level 1/2'), `QualificationType`, `Subcategory`,
`SectorSubjectArea`, `Status`, `AwardingOrganisationURL`, `DateOfOfqualDataSnapshot`, and per
funding stream `<Stream>_FundingAvailable` ('True'/'False'), `<Stream>_FundingApprovalStartDate`
and `<Stream>_FundingApprovalEndDate` (dd/mm/yyyy) and `<Stream>_Notes`. Bytes in, domain
objects out; every problem is a SourceError naming the file, the row and the column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from skillshub.domain.qualifications import (
    ADVANCED_LEARNER_LOANS,
    ENTRY_LEVEL,
    LIFELONG_LEARNING_ENTITLEMENT,
    STREAM_LABELS,
    FundingStream,
    Qualification,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import maybe_gunzip

LICENCE = "Open Government Licence v3.0 (Crown copyright, Department for Education)"
EMBEDDED_FILE = "qualifications/qualifications_approved_for_funding_2025-02-18.csv.gz"

NUMBER, TITLE, ORGANISATION = "QualificationNumber", "QualificationName", "AwardingOrganisation"
LEVEL, TYPE, SECTOR, STATUS = "Level", "QualificationType", "SectorSubjectArea", "Status"
SUBCATEGORY, URL, SNAPSHOT = "Subcategory", "AwardingOrganisationURL", "DateOfOfqualDataSnapshot"
AVAILABLE, STARTS, ENDS, NOTES = (
    "_FundingAvailable",
    "_FundingApprovalStartDate",
    "_FundingApprovalEndDate",
    "_Notes",
)

REQUIRED = (
    NUMBER,
    TITLE,
    ORGANISATION,
    LEVEL,
    TYPE,
    SECTOR,
    STATUS,
    *(
        f"{stream}{part}"
        for stream in (ADVANCED_LEARNER_LOANS, LIFELONG_LEARNING_ENTITLEMENT)
        for part in (AVAILABLE, STARTS, ENDS)
    ),
)
"""Columns a file must have: the two streams that matter at Level 4-5 are required; the other
streams are read when present."""

_NUMBER = re.compile(r"^[0-9]{7}[0-9X]$")
_LEVEL = re.compile(r"^Level ([1-8])(?:/([1-8]))?$", re.IGNORECASE)
_FLAGS = {"true": True, "false": False}
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d")
_WEB = ("http://", "https://")


def normalise_number(value: str) -> str:
    """'601/2345/6' or ' 60123456 ' -> '60123456'; upper-case X. Not validated."""
    return value.strip().replace("/", "").replace(" ", "").upper()


def is_valid_number(value: str) -> bool:
    return bool(_NUMBER.match(value))


def parse_level(label: str) -> tuple[int, ...] | None:
    """The levels a 'Level' cell names, or None when it is not a level the list uses."""
    text = " ".join(label.split())
    if text.casefold() == "entry level":
        return (ENTRY_LEVEL,)
    match = _LEVEL.match(text)
    if not match:
        return None
    low = int(match.group(1))
    high = int(match.group(2) or low)
    if high < low:
        return None
    return tuple(range(low, high + 1))


def _text(content: bytes, *, source: str) -> str:
    content = maybe_gunzip(content, source=source)
    nul = content.find(b"\x00")
    if nul >= 0:
        line = content.count(b"\n", 0, nul) + 1
        raise SourceError(
            f"the file contains a NUL byte on line {line}: it is not a CSV text file",
            source=source,
            record=line,
        )
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        raise SourceError(
            f"line {line} is not UTF-8 text (byte {error.start}); save the file as CSV UTF-8",
            source=source,
            record=line,
        ) from error


def _stream_keys(header: list[str]) -> list[str]:
    """The funding streams in the file, known ones in the hub's order, then any new ones."""
    found = [name[: -len(AVAILABLE)] for name in header if name.endswith(AVAILABLE)]
    known = [key for key in STREAM_LABELS if key in found]
    return known + [key for key in found if key not in STREAM_LABELS]


def _date(row: Mapping[str, str], column: str, *, source: str, record: int) -> date | None:
    value = (row.get(column) or "").strip()
    if not value:
        return None
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise SourceError(
        f"'{value}' is not a date: write it as dd/mm/yyyy",
        source=source,
        record=record,
        field=column,
    )


def _stream(row: Mapping[str, str], key: str, *, source: str, record: int) -> FundingStream:
    column = key + AVAILABLE
    flag = (row.get(column) or "").strip().casefold()
    if flag not in _FLAGS:
        raise SourceError(
            f"'{row.get(column)}' is not True or False", source=source, record=record, field=column
        )
    starts = _date(row, key + STARTS, source=source, record=record)
    ends = _date(row, key + ENDS, source=source, record=record)
    if starts and ends and ends < starts:
        raise SourceError(
            f"the approval ends ({ends:%d/%m/%Y}) before it starts ({starts:%d/%m/%Y})",
            source=source,
            record=record,
            field=key + ENDS,
        )
    notes = " ".join((row.get(key + NOTES) or "").split())
    return FundingStream(key=key, approved=_FLAGS[flag], starts=starts, ends=ends, notes=notes)


def _required(row: Mapping[str, str], column: str, *, source: str, record: int) -> str:
    value = " ".join((row.get(column) or "").split())
    if not value:
        raise SourceError("this cell is empty", source=source, record=record, field=column)
    return value


def parse(content: bytes, *, source: str) -> list[Qualification]:
    """Every row of the list as a Qualification; the first problem found is raised.

    `record` in an error is the row's line number in the file (the header is line 1).
    """
    reader = csv.DictReader(io.StringIO(_text(content, source=source), newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise SourceError("the file is empty: expected a header row", source=source)
    reader.fieldnames = header
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise SourceError(
            f"required column(s) missing: {', '.join(missing)}. Is this the DfE list of "
            "qualifications approved for funding?",
            source=source,
            record=1,
            field=missing[0],
        )
    streams = _stream_keys(header)
    seen: dict[str, int] = {}
    qualifications: list[Qualification] = []
    try:
        for row in reader:
            record = reader.line_num
            cells: dict[Any, Any] = row  # DictReader puts extra cells under the key None
            extra = list(cells.pop(None, None) or [])
            if extra or any(value is None for value in row.values()):
                count = sum(value is not None for value in row.values()) + len(extra)
                raise SourceError(
                    f"this row has {count} cells but the header has {len(header)}",
                    source=source,
                    record=record,
                )
            if not any((value or "").strip() for value in row.values()):
                continue  # a blank line at the end of a hand-edited file
            qualifications.append(_qualification(row, streams, seen, source=source, record=record))
    except csv.Error as error:
        raise SourceError(
            f"the CSV is malformed ({error})", source=source, record=reader.line_num
        ) from error
    return qualifications


def _qualification(
    row: Mapping[str, str],
    streams: list[str],
    seen: dict[str, int],
    *,
    source: str,
    record: int,
) -> Qualification:
    raw_number = _required(row, NUMBER, source=source, record=record)
    number = normalise_number(raw_number)
    if not is_valid_number(number):
        raise SourceError(
            f"'{raw_number}' is not an Ofqual qualification number (8 characters: seven digits "
            "and a digit or X, e.g. 60363393)",
            source=source,
            record=record,
            field=NUMBER,
        )
    if number in seen:
        raise SourceError(
            f"qualification {number} is listed twice (also on line {seen[number]})",
            source=source,
            record=record,
            field=NUMBER,
        )
    seen[number] = record
    level_label = _required(row, LEVEL, source=source, record=record)
    levels = parse_level(level_label)
    if levels is None:
        raise SourceError(
            f"'{level_label}' is not a level: expected 'Entry Level', 'Level 1' to 'Level 8' "
            "or a pair like 'Level 1/2'",
            source=source,
            record=record,
            field=LEVEL,
        )
    # Some cells hold several addresses on separate lines: the first web address is the link;
    # a bare name or a typo is no link (the organisation's name is still shown).
    addresses = [w for w in (row.get(URL) or "").split() if w.lower().startswith(_WEB)]
    url = addresses[0] if addresses else ""
    return Qualification(
        number=number,
        title=_required(row, TITLE, source=source, record=record),
        awarding_organisation=_required(row, ORGANISATION, source=source, record=record),
        level_label=" ".join(level_label.split()),
        levels=levels,
        qualification_type=_required(row, TYPE, source=source, record=record),
        sector_subject_area=_required(row, SECTOR, source=source, record=record),
        status=_required(row, STATUS, source=source, record=record),
        funding=tuple(_stream(row, key, source=source, record=record) for key in streams),
        subcategory=" ".join((row.get(SUBCATEGORY) or "").split()),
        awarding_organisation_url=url,
        snapshot=_date(row, SNAPSHOT, source=source, record=record),
    )
