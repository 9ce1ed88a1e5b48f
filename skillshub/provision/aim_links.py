"""Which learning aims (qualifications) prepare for which standards: the hub's own CSV format.

The course directory names each course's learning aim (LEARN_AIM_REF, the Ofqual qualification
number without slashes) but not the standard it is approved against. Skills England publishes
the approved Higher Technical Qualifications with their occupational standards; an operator
saves that list as a two-column CSV and loads it with ``skillshub ingest provision --file``:

    LEARN_AIM_REF,STANDARD_REFERENCE
    60312345,ST0662
    61012345,ST0999;ST0662

``QUALIFICATION_NUMBER`` (``603/1234/5``) is read as the aim column; several standards may share
a cell, separated by ``;``. Links apply to every course with that aim, whenever it was loaded.
"""

from __future__ import annotations

import re

from skillshub.sources.course_directory_codes import parse_aim_ref
from skillshub.sources.tables import (
    RowError,
    RowReader,
    header_failed,
    numbered_rows,
    read_table,
    refuse_errors,
)

AIM_COLUMNS = ("LEARN_AIM_REF", "QUALIFICATION_NUMBER")
STANDARD_COLUMNS = ("STANDARD_REFERENCE", "STANDARD_REFERENCES")
_STANDARD = re.compile(r"^ST\d{4}$")


def is_aim_links_header(names: list[str]) -> bool:
    upper = {name.strip().upper() for name in names}
    return bool(upper & set(AIM_COLUMNS)) and bool(upper & set(STANDARD_COLUMNS))


def _standards(value: str) -> tuple[str, ...]:
    references = tuple(part.strip().upper() for part in re.split(r"[;,]", value) if part.strip())
    bad = [reference for reference in references if not _STANDARD.match(reference)]
    if bad or not references:
        raise ValueError(
            f"'{value}' is not a standard reference like ST0662 (separate several with ;)"
        )
    return references


def parse_aim_links(data: bytes | str, *, source: str) -> list[tuple[str, str]]:
    """Every (learning aim, standard reference) pair; raises InvalidRows listing each bad cell."""
    names, rows, errors = read_table(data, source=source)
    aim_column = next((c for c in AIM_COLUMNS if c in names), AIM_COLUMNS[0])
    standard_column = next((c for c in STANDARD_COLUMNS if c in names), STANDARD_COLUMNS[0])
    for column in (aim_column, standard_column):
        if names and column not in names:
            errors.append(RowError(1, column, f"the header row has no '{column}' column"))
    links: list[tuple[str, str]] = []
    if not header_failed(errors):
        for number, cells in numbered_rows(rows):
            row = RowReader(number, cells, errors)
            aim = row.convert(aim_column, parse_aim_ref, required=True)
            references = row.convert(standard_column, _standards, required=True)
            if aim and references:
                links.extend((aim, reference) for reference in references)
    refuse_errors(errors, source=source)
    return links
