"""The live ONS formats: the per-series CSV and JSON, and whole-dataset CSVs such as lms.csv."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from skillshub.domain.labour_market import Frequency, Series
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import refuse_escaped_nul, refuse_nul
from skillshub.sources.ons.collector import About, Collector
from skillshub.sources.ons.values import live_period, not_a_period, parse_value, release


def decode(content: bytes | str, *, source: str) -> str:
    """UTF-8 (with or without a BOM), falling back on the Windows-1252 of older ONS files."""
    refuse_nul(content, source=source)
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # older ONS CSVs were written in Windows-1252 ("£" in AWE titles)
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"the text is neither UTF-8 nor Windows-1252 ({error.reason} at byte {error.start})",
            source=source,
        ) from error


def _rows(text: str, *, source: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank CSV rows with their line numbers."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                yield reader.line_num, row
    except csv.Error as error:
        raise SourceError(
            f"the CSV cannot be parsed ({error})", source=source, record=reader.line_num
        ) from error


def _only_series(
    collector: Collector, cdid: str, *, source: str, frequency: Frequency | None
) -> Series:
    series = collector.build(frequency).get(cdid)
    if series is None:
        wanted = f" at frequency {frequency}" if frequency else ""
        raise SourceError(f"{cdid} has no observations{wanted}", source=source, field="value")
    return series


def parse_generator_csv(
    content: bytes | str, *, source: str, frequency: Frequency | None = None
) -> Series:
    """Parse the ONS per-series CSV (``/generator?format=csv&uri=...``) into a Series."""
    meta: dict[str, str] = {}
    collector = Collector()
    cdid = ""
    for line, row in _rows(decode(content, source=source), source=source):
        period = live_period(row[0])
        if period is None:
            if cdid:
                raise not_a_period(row[0], source=source, record=line, field="period")
            meta[row[0].strip().lower()] = row[1].strip() if len(row) > 1 else ""
            continue
        if not cdid:
            cdid = meta.get("cdid", "").upper()
            if not cdid:
                raise SourceError(
                    "no CDID row before the first period; is this an ONS series CSV?",
                    source=source,
                    record=line,
                    field="CDID",
                )
            about = About(
                meta.get("title", ""),
                meta.get("unit", ""),
                meta.get("preunit", ""),
                release(meta.get("release date"), meta.get("next release")),
            )
            collector.describe(cdid, about)
        value = parse_value(
            row[1] if len(row) > 1 else "", source=source, record=line, field="value"
        )
        if value is not None:
            collector.add(cdid, period[0], period[1], value, where=(source, line, "value"))
    if not cdid:
        raise SourceError("no period rows (2025, 2025 Q1, 2025 JAN)", source=source, field="period")
    return _only_series(collector, cdid, source=source, frequency=frequency)


_JSON_SECTIONS: tuple[tuple[str, Frequency], ...] = (
    ("months", "m"),
    ("quarters", "q"),
    ("years", "a"),
)


def parse_series_json(
    content: bytes | str, *, source: str, frequency: Frequency | None = None
) -> Series:
    """Parse the ONS series JSON (``.../timeseries/<cdid>/<dataset>/data``) into a Series."""
    try:
        text = decode(content, source=source)
        refuse_escaped_nul(text, source=source)
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(
            f"not valid JSON ({error.msg})", source=source, record=f"line {error.lineno}"
        ) from error
    description = data.get("description") if isinstance(data, dict) else None
    if not isinstance(description, dict):
        raise SourceError(
            "no 'description' object; is this an ONS time series /data response?",
            source=source,
            field="description",
        )
    cdid = str(description.get("cdid") or "").strip().upper()
    if not cdid:
        raise SourceError("the description has no CDID", source=source, field="description.cdid")
    collector = Collector()
    about = About(
        str(description.get("title") or ""),
        str(description.get("unit") or ""),
        str(description.get("preUnit") or ""),
        release(description.get("releaseDate"), description.get("nextRelease")),
    )
    collector.describe(cdid, about)
    for key, expected in _JSON_SECTIONS:
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise SourceError(f"'{key}' is not a list", source=source, field=key)
        for index, entry in enumerate(entries):
            record = f"{key}[{index}]"
            label = entry.get("date") if isinstance(entry, dict) else None
            period = live_period(label) if isinstance(label, str) else None
            if period is None or period[0] != expected:
                raise not_a_period(str(label), source=source, record=record, field="date")
            raw = entry.get("value")
            value = parse_value(
                None if raw is None else str(raw), source=source, record=record, field="value"
            )
            if value is not None:
                collector.add(cdid, expected, period[1], value, where=(source, record, "value"))
    return _only_series(collector, cdid, source=source, frequency=frequency)


def _dataset_columns(
    meta: dict[str, tuple[int, list[str]]],
    collector: Collector,
    *,
    source: str,
    first_data_line: int,
    wanted: set[str] | None,
) -> dict[int, str]:
    """Map column index -> CDID from the metadata rows, describing each series."""
    if "cdid" not in meta:
        raise SourceError(
            "no CDID row before the first period; the first column must label "
            "rows Title, CDID, PreUnit, Unit, ...",
            source=source,
            record=first_data_line,
            field="CDID",
        )
    cdid_line, cdid_row = meta["cdid"]

    def cell(label: str, index: int) -> str:
        row = meta.get(label, (0, []))[1]
        return row[index].strip() if index < len(row) else ""

    columns = {}
    for index in range(1, len(cdid_row)):
        cdid = cdid_row[index].strip().upper()
        if not cdid:
            if cell("title", index):
                raise SourceError(
                    "this column has a title but no CDID",
                    source=source,
                    record=cdid_line,
                    field=f"column {index + 1}",
                )
            continue
        if wanted is None or cdid in wanted:
            columns[index] = cdid
            about = About(
                cell("title", index),
                cell("unit", index),
                cell("preunit", index),
                release(cell("release date", index), cell("next release", index)),
            )
            collector.describe(cdid, about)
    return columns


def parse_dataset_csv(
    content: bytes | str,
    *,
    source: str,
    cdids: Iterable[str] | None = None,
    frequency: Frequency | None = None,
    require_all: bool = True,
) -> dict[str, Series]:
    """Parse a whole-dataset CSV such as ``lms.csv`` (one column per series) into Series.

    With ``cdids``, only those columns are read; a CDID without observations is an error
    unless ``require_all`` is False, when it is simply left out.
    """
    wanted = {c.strip().upper() for c in cdids} if cdids is not None else None
    meta: dict[str, tuple[int, list[str]]] = {}
    collector = Collector()
    columns: dict[int, str] | None = None
    for line, row in _rows(decode(content, source=source), source=source):
        period = live_period(row[0])
        if period is None:
            if columns is not None:
                raise not_a_period(row[0], source=source, record=line, field="period")
            meta.setdefault(row[0].strip().lower(), (line, row))
            continue
        if columns is None:
            columns = _dataset_columns(
                meta, collector, source=source, first_data_line=line, wanted=wanted
            )
        for index, cdid in columns.items():
            text = row[index] if index < len(row) else ""
            value = parse_value(text, source=source, record=line, field=cdid)
            if value is not None:
                collector.add(cdid, period[0], period[1], value, where=(source, line, cdid))
    if columns is None:
        raise SourceError("no period rows (2025, 2025 Q1, 2025 JAN)", source=source, field="period")
    result = collector.build(frequency)
    missing = sorted((wanted or set()) - set(result))
    if missing and require_all:
        raise SourceError(f"no observations for {', '.join(missing)}", source=source, field="CDID")
    return result
