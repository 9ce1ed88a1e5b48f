"""Reading uploaded and published tables: row errors, CSV decoding, typed cells, raw files."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from skillshub.domain.provision import validate_ukprn
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import read_file, refuse_escaped_nul, refuse_nul

T = TypeVar("T")

_TRUE = frozenset({"true", "yes", "y", "1"})
_FALSE = frozenset({"false", "no", "n", "0"})


@dataclass(frozen=True)
class RowError:
    """One problem in an uploaded table: the spreadsheet row, the column and what to change."""

    row: int
    column: str
    message: str

    def describe(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class InvalidRows(SourceError):
    """A file with one or more bad rows; ``errors`` lists every one of them."""

    def __init__(self, errors: list[RowError], *, source: str) -> None:
        self.errors = errors
        first = errors[0]
        more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
        super().__init__(
            f"{first.message}{more}", source=source, record=first.row, field=first.column
        )


def refuse_errors(errors: list[RowError], *, source: str) -> None:
    """Raise InvalidRows listing ``errors`` when there are any."""
    if errors:
        raise InvalidRows(errors, source=source)


def read_bytes(path: Path) -> bytes:
    """A file's bytes; an unreadable or too large file is a SourceError naming it."""
    return read_file(Path(path))


def load_json(data: bytes, *, source: str) -> Any:
    """A JSON document from UTF-8 bytes (with or without BOM); NUL characters are refused."""
    refuse_nul(data, source=source)
    try:
        text = data.decode("utf-8-sig")
        refuse_escaped_nul(text, source=source)
        return json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"this is not valid JSON ({error})", source=source) from error


def decode_text(data: bytes | str, *, source: str) -> str:
    """Text from a file's bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel saves.

    A NUL byte is refused (Python's csv module would read it as part of a cell); cells are
    limited by csv.field_size_limit (131,072 characters), over which a row is an error."""
    refuse_nul(data, source=source)
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data[:2] == b"PK":
        raise SourceError(
            "this is a spreadsheet workbook (.xlsx), not a CSV file: save it as 'CSV UTF-8' first",
            source=source,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(
    data: bytes | str, *, source: str, required: Iterable[str] = ()
) -> tuple[list[str], list[dict[str, str]], list[RowError]]:
    """Header names (upper case), rows keyed by them, and any header or shape problems."""
    reader = csv.reader(io.StringIO(decode_text(data, source=source), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [], [RowError(1, "(header)", "the file is empty: it needs a header row")]
    except csv.Error as error:
        return [], [], [RowError(1, "(header)", f"the header row cannot be read as CSV ({error})")]
    names = [name.strip().upper() for name in header]
    errors = [
        RowError(1, name, f"the column '{name}' appears more than once")
        for position, name in enumerate(names)
        if name and name in names[:position]
    ]
    errors += [
        RowError(1, name, f"the header row has no '{name}' column; add it (see the format notes)")
        for name in required
        if name not in names
    ]
    rows: list[dict[str, str]] = []
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                rows.append({})
                continue
            if len(cells) > len(names):
                errors.append(
                    RowError(
                        number,
                        "(row)",
                        f"this row has {len(cells)} cells but the header has {len(names)}: "
                        "check for an unquoted comma",
                    )
                )
            rows.append({name: cell.strip() for name, cell in zip(names, cells, strict=False)})
    except csv.Error as error:
        errors.append(RowError(len(rows) + 2, "(row)", f"the row cannot be read as CSV ({error})"))
    return names, rows, errors


def header_failed(errors: Iterable[RowError]) -> bool:
    """Whether any problem is in the header row (then no data row can be read)."""
    return any(error.row == 1 for error in errors)


def numbered_rows(rows: list[dict[str, str]]) -> Iterable[tuple[int, dict[str, str]]]:
    """Non-blank rows with their spreadsheet numbers (the header is row 1)."""
    return ((number, cells) for number, cells in enumerate(rows, start=2) if cells)


class RowReader:
    """Reads typed cells from one row, noting each problem rather than stopping at the first."""

    def __init__(self, number: int, cells: Mapping[str, str], errors: list[RowError]) -> None:
        self.number = number
        self.cells = cells
        self.errors = errors

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def text(self, *columns: str, required: bool = False, max_length: int = 0) -> str:
        """The first non-blank of ``columns`` (later ones are older names for the same thing)."""
        value = next((self.cells[c] for c in columns if self.cells.get(c)), "")
        if required and not value:
            self.fail(columns[0], "this cell is blank; it must be filled in")
        if max_length and len(value) > max_length:
            self.fail(columns[0], f"this is {len(value)} characters; keep it to {max_length}")
        return value

    def convert(
        self, column: str, parse: Callable[[str], T], *, required: bool = False
    ) -> T | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return parse(value)
        except ValueError as error:
            self.fail(column, str(error))
            return None

    def code(self, column: str, codes: Mapping[str, T], *, required: bool = False) -> T | None:
        def parse(value: str) -> T:
            key = value.strip().lower()
            if key not in codes:
                allowed = ", ".join(k for k in codes if k.isdigit()) or ", ".join(codes)
                raise ValueError(f"'{value}' is not a valid code here (use one of: {allowed})")
            return codes[key]

        return self.convert(column, parse, required=required)

    def flag(self, column: str) -> bool:
        def parse(value: str) -> bool:
            key = value.lower()
            if key in _TRUE or key in _FALSE:
                return key in _TRUE
            raise ValueError(f"'{value}' is not True or False")

        return bool(self.convert(column, parse))

    def day(self, column: str) -> date | None:
        return self.convert(column, parse_day)

    def ukprn(self, column: str) -> int | None:
        return self.convert(column, validate_ukprn, required=True)

    def failed_since(self, count: int) -> set[str]:
        """The columns that failed after the first ``count`` errors were noted."""
        return {error.column for error in self.errors[count:]}


def parse_date(value: str, *, formats: Iterable[str], advice: str) -> date:
    """A date in the first of ``formats`` that fits (a time after a space is ignored)."""
    text = value.strip().split(" ")[0]
    for pattern in formats:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{value}' is not a date{advice}")


def parse_day(value: str) -> date:
    """A date as the course directory writes it (dd/MM/yyyy), or ISO yyyy-mm-dd."""
    return parse_date(
        value,
        formats=("%d/%m/%Y", "%Y-%m-%d", "%Y/%m/%d"),
        advice=": write it as day/month/year, like 01/09/2026",
    )


def parse_url(value: str) -> str:
    """A web address; a bare domain gains ``https://``."""
    if re.match(r"^https?://\S+\.\S+$", value, re.IGNORECASE):
        return value
    if re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?$", value):
        return "https://" + value
    raise ValueError(f"'{value}' is not a web address (like https://www.example.ac.uk)")


__all__ = [
    "InvalidRows",
    "RowError",
    "RowReader",
    "decode_text",
    "header_failed",
    "load_json",
    "numbered_rows",
    "parse_date",
    "parse_day",
    "parse_url",
    "read_bytes",
    "read_table",
    "refuse_errors",
]
