"""Office for Students (OfS) Register of English higher education providers.

Two published forms are read, with the formats taken from public code that reads them:

* JSON from ``https://register-api.officeforstudents.org.uk/api/Provider``: an array of objects
  with ``Ukprn``, ``LegalName``, ``TradingName`` (several names, one per line), ``CommonName``,
  ``Website``, ``ContactAddress`` (lines, the postcode among them), ``DateOfRemovalFromRegister``
  and ``DateOfVoluntaryDeregistration`` (field names as used by an open registry-union project's
  ``parseOfsJson`` and its test fixture). ``RegistrationCategory`` and ``UniversityTitle`` are
  read if present; those two names are not confirmed by any source found.
* The Excel download ``https://register-api.officeforstudents.org.uk/api/Download/``: sheet
  ``Register``, with two title rows above the header (a public script skips them with
  ``skiprows=2``). Headers as ``kanedata/find-that-charity``
  ``ftc/management/commands/officeforstudents.py`` reads them after slugifying:
  "Provider's UKPRN", "Provider's legal name", "Provider's trading name(s)", "Provider's contact
  address", "Provider's email address", "Provider's website", "Does the provider have the right
  to use 'university' in its title?". The registration category column is found by any header
  containing "registration category" (its exact wording is not confirmed). "Not applicable"
  cells count as blank, as that scraper does. A CSV saved from the sheet is read the same way.

Rows are numbered as the spreadsheet shows them; JSON records from 1.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from skillshub.domain.geography import normalise_postcode
from skillshub.domain.provision import (
    Provider,
    ProviderLocation,
    ProviderStatus,
    ProviderType,
    validate_ukprn,
)
from skillshub.sources.errors import SourceError
from skillshub.sources.http import ProgressCallback, fetch
from skillshub.sources.limits import read_member
from skillshub.sources.tables import (
    RowError,
    decode_text,
    load_json,
    parse_day,
    parse_url,
    read_bytes,
    refuse_errors,
)

API_URL = "https://register-api.officeforstudents.org.uk/api/Provider"
DOWNLOAD_URL = "https://register-api.officeforstudents.org.uk/api/Download/"
SHEET = "Register"
LICENCE = "Open Government Licence v3.0 (Office for Students)"
BLANK = frozenset({"", "not applicable", "none"})
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")
_POSTCODE_LINE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)


@dataclass(frozen=True)
class OfsEntry:
    """One provider on the OfS Register."""

    ukprn: int
    legal_name: str
    trading_names: tuple[str, ...]
    registration_category: str
    website: str
    university_title: bool | None
    postcode: str | None
    removed_on: date | None = None

    @property
    def provider(self) -> Provider:
        """University title marks a university; other registered providers stay unclassified."""
        kind = ProviderType.HIGHER_EDUCATION if self.university_title else ProviderType.OTHER
        status = ProviderStatus.REMOVED if self.removed_on else ProviderStatus.ACTIVE
        name = self.trading_names[0] if self.trading_names else self.legal_name
        sites = (ProviderLocation("Contact address", self.postcode),) if self.postcode else ()
        return Provider(self.ukprn, name, kind, status, self.website, sites)


def slug(header: str) -> str:
    """``Provider's UKPRN`` -> ``providers-ukprn`` (as Django's slugify does for these headers)."""
    text = header.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _column_index(reference: str) -> int:
    match = _CELL_REF.match(reference)
    letters = match.group(1) if match else "A"
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def read_xlsx_sheet(data: bytes, *, sheet: str, source: str) -> list[list[str]]:
    """Cell text of one worksheet, row by row (the standard library is enough for plain sheets)."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))

        def part(name: str) -> bytes:
            return read_member(book, book.getinfo(name), source=source)

        workbook = ElementTree.fromstring(part("xl/workbook.xml"))
        links = ElementTree.fromstring(part("xl/_rels/workbook.xml.rels"))
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            strings = ElementTree.fromstring(part("xl/sharedStrings.xml"))
            shared = [
                "".join(t.text or "" for t in item.iter(f"{{{_NS['m']}}}t"))
                for item in strings.findall("m:si", _NS)
            ]
        targets = {link.get("Id"): link.get("Target", "") for link in links}
        found = [s for s in workbook.findall("m:sheets/m:sheet", _NS) if s.get("name", "") == sheet]
        if not found:
            names = [s.get("name", "") for s in workbook.findall("m:sheets/m:sheet", _NS)]
            raise SourceError(
                f"the workbook has no '{sheet}' sheet (it has: {', '.join(names)})", source=source
            )
        target = targets[found[0].get(f"{{{_NS['r']}}}id")].lstrip("/")
        path = target if target.startswith("xl/") else f"xl/{target}"
        worksheet = ElementTree.fromstring(part(path))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as error:
        raise SourceError(
            f"this is not a readable .xlsx workbook ({error})", source=source
        ) from error
    rows: list[list[str]] = []
    for row in worksheet.iter(f"{{{_NS['m']}}}row"):
        number = int(row.get("r", len(rows) + 1))
        while len(rows) < number - 1:
            rows.append([])
        cells: list[str] = []
        for cell in row.findall("m:c", _NS):
            position = _column_index(cell.get("r", ""))
            kind = cell.get("t", "n")
            if kind == "inlineStr":
                value = "".join(t.text or "" for t in cell.iter(f"{{{_NS['m']}}}t"))
            else:
                raw = cell.findtext("m:v", default="", namespaces=_NS)
                value = shared[int(raw)] if kind == "s" and raw else raw
            cells.extend([""] * (position - len(cells)))
            cells.append(value.strip())
        rows.append(cells)
    return rows


@dataclass(frozen=True)
class _Columns:
    ukprn: int
    legal_name: int
    trading_names: int | None
    category: int | None
    website: int | None
    university: int | None
    address: int | None

    @classmethod
    def find(cls, header: list[str]) -> _Columns | None:
        slugs = [slug(h) for h in header]

        def first(*wanted: str, contains: str = "") -> int | None:
            for position, name in enumerate(slugs):
                if name in wanted or (contains and contains in name):
                    return position
            return None

        ukprn = first("providers-ukprn", "ukprn")
        legal = first("providers-legal-name", "legal-name")
        if ukprn is None or legal is None:
            return None
        return cls(
            ukprn,
            legal,
            first("providers-trading-names", "providers-trading-name-s"),
            first(contains="registration-category"),
            first("providers-website", "website"),
            first(contains="right-to-use-university"),
            first("providers-contact-address"),
        )


def _blank(value: str | None) -> str:
    text = (value or "").strip()
    return "" if text.lower() in BLANK else text


def _postcode_in(address: str) -> str | None:
    for line in reversed(address.splitlines()):
        if _POSTCODE_LINE.match(line.strip()):
            try:
                return normalise_postcode(line)
            except ValueError:
                return None
    return None


def _entry(
    number: int,
    column: Callable[[str], str],
    errors: list[RowError],
    names: Mapping[str, str],
) -> OfsEntry | None:
    before = len(errors)
    ukprn = None
    try:
        ukprn = validate_ukprn(column("ukprn"))
    except ValueError as error:
        errors.append(RowError(number, names["ukprn"], str(error)))
    legal = column("legal_name")
    if not legal:
        errors.append(RowError(number, names["legal_name"], "the legal name is blank"))
    website = column("website")
    if website:
        try:
            website = parse_url(website)
        except ValueError as error:
            errors.append(RowError(number, names["website"], str(error)))
    university_text = column("university").lower()
    university = {"yes": True, "no": False}.get(university_text)
    if university_text and university is None:
        errors.append(
            RowError(number, names["university"], f"'{university_text}' is not Yes or No")
        )
    removed = None
    removal_text = column("removed")
    if removal_text:
        try:
            removed = parse_day(removal_text.split("T")[0])
        except ValueError as error:
            errors.append(RowError(number, names["removed"], str(error)))
    if len(errors) > before or ukprn is None:
        return None
    trading = tuple(line.strip() for line in column("trading_names").splitlines() if line.strip())
    common = column("common_name")
    return OfsEntry(
        ukprn=ukprn,
        legal_name=legal,
        trading_names=((common,) if common else ()) + tuple(t for t in trading if t != common),
        registration_category=column("category"),
        website=website,
        university_title=university,
        postcode=_postcode_in(column("address")),
        removed_on=removed,
    )


def parse_ofs_rows(rows: list[list[str]], *, source: str) -> tuple[list[OfsEntry], list[RowError]]:
    """Entries from the register sheet's rows (title rows above the header are skipped)."""
    found = next(
        (
            (position, header, columns)
            for position, header in enumerate(rows[:10])
            if (columns := _Columns.find(header)) is not None
        ),
        None,
    )
    if found is None:
        return [], [RowError(1, "Provider's UKPRN", "no header row with UKPRN and legal name")]
    position, header, columns = found
    header_row = position + 1
    fields = {
        "ukprn": columns.ukprn,
        "legal_name": columns.legal_name,
        "trading_names": columns.trading_names,
        "category": columns.category,
        "website": columns.website,
        "university": columns.university,
        "address": columns.address,
    }
    names = {key: header[index] if index is not None else key for key, index in fields.items()}
    names["removed"] = "removed"
    errors: list[RowError] = []
    entries: list[OfsEntry] = []
    seen: dict[int, int] = {}
    for number, cells in enumerate(rows[header_row:], start=header_row + 1):
        if not any(_blank(cell) for cell in cells):
            continue

        def column(key: str, cells: list[str] = cells) -> str:
            index = fields.get(key)
            return _blank(cells[index]) if index is not None and index < len(cells) else ""

        entry = _entry(number, column, errors, names)
        if entry is None:
            continue
        if entry.ukprn in seen:
            errors.append(
                RowError(
                    number, names["ukprn"], f"this UKPRN is already on row {seen[entry.ukprn]}"
                )
            )
            continue
        seen[entry.ukprn] = number
        entries.append(entry)
    return entries, errors


_JSON_FIELDS = {
    "ukprn": "Ukprn",
    "legal_name": "LegalName",
    "trading_names": "TradingName",
    "common_name": "CommonName",
    "category": "RegistrationCategory",
    "website": "Website",
    "address": "ContactAddress",
    "university": "UniversityTitle",
    "removed": "DateOfRemovalFromRegister",
}


def parse_ofs_json(payload: Any, *, source: str) -> tuple[list[OfsEntry], list[RowError]]:
    """Entries from the register API's JSON array."""
    if not isinstance(payload, list):
        raise SourceError("expected a JSON array of providers", source=source)
    errors: list[RowError] = []
    entries: list[OfsEntry] = []
    seen: set[int] = set()
    for number, record in enumerate(payload, start=1):
        if not isinstance(record, Mapping):
            errors.append(RowError(number, "(record)", "expected a JSON object"))
            continue

        def column(key: str, record: Mapping[str, Any] = record) -> str:
            value = record.get(_JSON_FIELDS[key])
            if key == "removed" and not value:
                value = record.get("DateOfVoluntaryDeregistration")
            return _blank(None if value is None else str(value))

        entry = _entry(number, column, errors, _JSON_FIELDS)
        if entry is None:
            continue
        if entry.ukprn in seen:
            errors.append(RowError(number, "Ukprn", "this UKPRN appears twice"))
            continue
        seen.add(entry.ukprn)
        entries.append(entry)
    return entries, errors


def parse_ofs_register(data: bytes, *, source: str) -> list[OfsEntry]:
    """Any published form: .xlsx workbook, JSON from the API, or CSV saved from the sheet."""
    if data[:2] == b"PK":
        entries, errors = parse_ofs_rows(
            read_xlsx_sheet(data, sheet=SHEET, source=source), source=source
        )
    elif data.lstrip()[:1] in (b"[", b"{"):
        entries, errors = parse_ofs_json(load_json(data, source=source), source=source)
    else:
        text = decode_text(data, source=source)
        entries, errors = parse_ofs_rows(list(csv.reader(io.StringIO(text))), source=source)
    refuse_errors(errors, source=source)
    return entries


def read_ofs_register(path: Path) -> list[OfsEntry]:
    """Read and validate a saved copy of the register (.xlsx, .json or .csv)."""
    return parse_ofs_register(read_bytes(path), source=str(path))


def fetch_ofs_register(
    url: str = API_URL,
    *,
    fetcher: Callable[..., Any] = fetch,
    progress: ProgressCallback | None = None,
) -> list[OfsEntry]:
    """Download the register (the JSON API by default, or the .xlsx download) and validate it."""
    return parse_ofs_register(fetcher(url, progress=progress).content, source=url)
