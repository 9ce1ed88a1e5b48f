"""ONS labour market time series: the embedded long CSVs and the live ONS CSV and JSON formats."""

# Values: a blank cell or an ONS "not available" marker (x, .., :, [x], [c], [z]) is a missing
# observation and is skipped, because ONS writes them wherever a series has no figure for a
# period (every period row of a wide CSV has a cell for every series). Any other text that is not
# a plain decimal number is an error: it usually means a shifted column or a changed format.
#
# Dates: ``Observation.period_end`` is the first day of the last month of the period, so the
# quarter ONS dates 2026-01-01 (long CSV) or "2026 Q1" (live) ends 2026-03-01, the year "2025"
# ends 2025-12-01, and the LFS month "2026 APR" (Feb-Apr 2026) ends 2026-04-01.

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skillshub.domain.labour_market import (
    Frequency,
    Observation,
    Release,
    Series,
    infer_seasonally_adjusted,
    infer_unit,
)
from skillshub.domain.labour_market.series import MONTH_ABBR
from skillshub.sources.errors import SourceError
from skillshub.sources.http import Download, ProgressCallback, fetch

ONS_BASE_URL = "https://www.ons.gov.uk"
LMS_CSV_URL = (
    f"{ONS_BASE_URL}/file?uri=/employmentandlabourmarket/peopleinwork/employmentandemployeetypes"
    "/datasets/labourmarketstatistics/current/lms.csv"
)
DEFAULT_FILES = ("ons/lms_uk_headline_series.csv.gz", "ons/lms_regional_series.csv.gz")
"""The embedded default data, relative to the repository's ``data/`` directory."""
LONG_COLUMNS = ("dataset", "cdid", "title", "freq", "date", "value", "unit")
MISSING_MARKERS = frozenset({"", "x", "..", ":", "[x]", "[c]", "[z]"})

# Where each headline series lives on the ONS website (topic path and home dataset), as used by
# public code that downloads them. Claimant count series are published in UNEM: their LMS copies
# stopped in 2017.
_IN_WORK = "/employmentandlabourmarket/peopleinwork"
_NOT_IN_WORK = "/employmentandlabourmarket/peoplenotinwork"
SERIES_URIS = {
    "LF24": f"{_IN_WORK}/employmentandemployeetypes/timeseries/lf24/lms",
    "MGSX": f"{_NOT_IN_WORK}/unemployment/timeseries/mgsx/lms",
    "LF2S": f"{_NOT_IN_WORK}/economicinactivity/timeseries/lf2s/lms",
    "AP2Y": f"{_IN_WORK}/employmentandemployeetypes/timeseries/ap2y/lms",
    "BCJD": f"{_NOT_IN_WORK}/outofworkbenefits/timeseries/bcjd/unem",
    "BCJE": f"{_NOT_IN_WORK}/outofworkbenefits/timeseries/bcje/unem",
    "KAC3": f"{_IN_WORK}/earningsandworkinghours/timeseries/kac3/lms",
    "KAI9": f"{_IN_WORK}/earningsandworkinghours/timeseries/kai9/lms",
}

Fetcher = Callable[..., Download]
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_PERIOD = re.compile(r"^(\d{4})(?: (Q[1-4]|[A-Z]{3}))?$")
_MONTHS = [m.upper() for m in MONTH_ABBR]
_ORDER: tuple[Frequency, ...] = ("m", "q", "a")
_WORDS = {"m": "monthly", "q": "quarterly", "a": "annual"}


# ---- values, periods and release dates ----------------------------------------------------------


def _value(text: str | None, *, source: str, record: str | int, field: str) -> float | None:
    cleaned = (text or "").strip()
    if cleaned.lower() in MISSING_MARKERS:
        return None
    if not _NUMBER.match(cleaned) or not math.isfinite(number := float(cleaned)):
        raise SourceError(
            f"value '{cleaned}' is not a number; use a plain decimal such as 75.1, "
            "or leave it blank (or x) when there is no figure",
            source=source,
            record=record,
            field=field,
        )
    return number


def _as_frequency(text: str) -> Frequency | None:
    return next((f for f in _ORDER if f == text), None)


def _long_period_end(frequency: Frequency, text: str) -> date | None:
    """Period end for a long-CSV date: the first of its month (m), quarter (q) or year (a)."""
    try:
        start = date.fromisoformat(text.strip())
    except ValueError:
        return None
    allowed = {"m": range(1, 13), "q": (1, 4, 7, 10), "a": (1,)}[frequency]
    if start.day != 1 or start.month not in allowed or len(text.strip()) != 10:
        return None
    return date(start.year, start.month + {"m": 0, "q": 2, "a": 11}[frequency], 1)


def _live_period(text: str) -> tuple[Frequency, date] | None:
    """ONS period labels: "2025" (year), "2026 Q1" (quarter), "2026 APR" (month)."""
    match = _PERIOD.match(" ".join(text.upper().split()))
    if not match:
        return None
    year, part = int(match.group(1)), match.group(2)
    if part is None:
        return "a", date(year, 12, 1)
    if part.startswith("Q") and part[1:].isdigit():
        return "q", date(year, int(part[1:]) * 3, 1)
    return ("m", date(year, _MONTHS.index(part) + 1, 1)) if part in _MONTHS else None


def _release_day(text: object) -> date | None:
    """Release dates as ONS writes them ("16-06-2026", "14 July 2026", ISO); else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    cleaned = text.strip()
    for pattern in ("%d-%m-%Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            pass
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        return None  # "To be announced", "Discontinued": no date to show
    if moment.tzinfo is None:
        return moment.date()
    try:  # ONS stores UK midnight as 23:00Z in summer: the UK date is the publication date
        return moment.astimezone(ZoneInfo("Europe/London")).date()
    except ZoneInfoNotFoundError:
        return moment.date()


def _release(published: object, next_release: object) -> Release | None:
    release = Release(_release_day(published), _release_day(next_release))
    return release if release.published or release.next_release else None


# ---- collecting observations --------------------------------------------------------------------


@dataclass(frozen=True)
class _About:
    title: str
    unit: str
    pre_unit: str
    release: Release | None


class _Collector:
    """Observations per (CDID, frequency): identical repeats merge, disagreements are errors."""

    def __init__(self) -> None:
        self.about: dict[str, _About] = {}
        self.values: dict[tuple[str, Frequency], dict[date, tuple[float, str]]] = {}

    def describe(self, cdid: str, about: _About) -> None:
        self.about.setdefault(cdid, about)

    def add(
        self,
        cdid: str,
        frequency: Frequency,
        period_end: date,
        value: float,
        *,
        where: tuple[str, str | int, str],
    ) -> None:
        source, record, field = where
        seen = self.values.setdefault((cdid, frequency), {})
        first = seen.setdefault(period_end, (value, f"{source} record {record}"))
        if first[0] != value:
            period = f"{MONTH_ABBR[period_end.month - 1]} {period_end.year}"
            raise SourceError(
                f"{cdid} for the {_WORDS[frequency]} period ending {period} is {value:g} here "
                f"but {first[0]:g} in {first[1]}; keep one copy (check which release each "
                "came from)",
                source=source,
                record=record,
                field=field,
            )

    def build(self, frequency: Frequency | None = None) -> dict[str, Series]:
        """One Series per CDID: ``frequency`` if given, else the finest one with data."""
        result = {}
        for cdid, about in self.about.items():
            present = [f for f in _ORDER if self.values.get((cdid, f))]
            chosen = frequency if frequency in present else None
            if frequency is None and present:
                chosen = present[0]
            if chosen is None:
                continue
            values = self.values[(cdid, chosen)]
            result[cdid] = Series(
                cdid=cdid,
                title=about.title,
                unit=infer_unit(about.unit, about.title, about.pre_unit),
                frequency=chosen,
                seasonally_adjusted=infer_seasonally_adjusted(about.title),
                observations=tuple(Observation(d, values[d][0]) for d in sorted(values)),
                release=about.release,
            )
        return result


# ---- the long CSV (embedded data) ---------------------------------------------------------------


@contextmanager
def _open_text(path: Path) -> Iterator[TextIO]:
    """Open plain or gzipped text, deciding by content (a .gz name that is not gzip is an error)."""
    with path.open("rb") as raw:
        magic = raw.read(2)
    if magic == b"\x1f\x8b":
        with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as handle:
            yield handle
    elif path.suffix == ".gz":
        raise SourceError(
            "the file is named .gz but is not gzip-compressed; compress it with gzip -9 or "
            "drop the .gz suffix",
            source=str(path),
        )
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield handle


def _read_long_into(collector: _Collector, path: Path) -> None:
    source = str(path)
    if not path.is_file():
        raise SourceError("the file does not exist; check the data directory", source=source)
    line = 1
    try:
        with _open_text(path) as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames or []
            for column in LONG_COLUMNS:
                if column not in header:
                    raise SourceError(
                        f"missing column '{column}'; the header must name "
                        f"{', '.join(LONG_COLUMNS)}",
                        source=source,
                        record=1,
                        field=column,
                    )
            for row in reader:
                line = reader.line_num
                _add_long_row(collector, row, source=source, line=line)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise SourceError(
            f"the file cannot be read after line {line} ({error}); download or copy it again",
            source=source,
            record=line + 1,
        ) from error


def _add_long_row(collector: _Collector, row: dict[str, Any], *, source: str, line: int) -> None:
    missing = [c for c in LONG_COLUMNS if row.get(c) is None]
    if missing:
        raise SourceError(
            f"the row has fewer than {len(LONG_COLUMNS)} fields",
            source=source,
            record=line,
            field=missing[0],
        )
    cdid = row["cdid"].strip().upper()
    if not cdid:
        raise SourceError(
            "the CDID is empty; every row needs its series id",
            source=source,
            record=line,
            field="cdid",
        )
    frequency = _as_frequency(row["freq"].strip().lower())
    if frequency is None:
        raise SourceError(
            f"frequency '{row['freq']}' is not m, q or a", source=source, record=line, field="freq"
        )
    period_end = _long_period_end(frequency, row["date"])
    if period_end is None:
        raise SourceError(
            f"date '{row['date']}' is not the first day of a {_WORDS[frequency]} period "
            "(YYYY-MM-01; quarters start in Jan, Apr, Jul or Oct; years in Jan)",
            source=source,
            record=line,
            field="date",
        )
    value = _value(row["value"], source=source, record=line, field="value")
    collector.describe(cdid, _About(row["title"].strip(), row["unit"], "", None))
    if value is not None:
        collector.add(cdid, frequency, period_end, value, where=(source, line, "value"))


def read_long_csvs(
    paths: Iterable[Path], *, frequency: Frequency | None = None
) -> dict[str, Series]:
    """Read long CSVs (plain or gzipped) into one Series per CDID, merging repeats across files."""
    collector = _Collector()
    for path in paths:
        _read_long_into(collector, Path(path))
    return collector.build(frequency)


def read_long_csv(path: Path, *, frequency: Frequency | None = None) -> dict[str, Series]:
    """Read one long CSV (``dataset, cdid, title, freq, date, value, unit``) into Series."""
    return read_long_csvs([path], frequency=frequency)


def read_default(data_dir: Path) -> dict[str, Series]:
    """All series in the embedded default files under ``data_dir`` (the repository's data/)."""
    return read_long_csvs([data_dir / name for name in DEFAULT_FILES])


# ---- the live ONS formats -----------------------------------------------------------------------


def _decode(content: bytes | str, *, source: str) -> str:
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


def _not_a_period(label: str, *, source: str, record: int | str, field: str) -> SourceError:
    return SourceError(
        f"'{label}' is not an ONS period such as 2025, 2025 Q1 or 2025 JAN",
        source=source,
        record=record,
        field=field,
    )


def _only_series(
    collector: _Collector, cdid: str, *, source: str, frequency: Frequency | None
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
    collector = _Collector()
    cdid = ""
    for line, row in _rows(_decode(content, source=source), source=source):
        period = _live_period(row[0])
        if period is None:
            if cdid:
                raise _not_a_period(row[0], source=source, record=line, field="period")
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
            about = _About(
                meta.get("title", ""),
                meta.get("unit", ""),
                meta.get("preunit", ""),
                _release(meta.get("release date"), meta.get("next release")),
            )
            collector.describe(cdid, about)
        value = _value(row[1] if len(row) > 1 else "", source=source, record=line, field="value")
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
        data = json.loads(_decode(content, source=source))
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
    collector = _Collector()
    about = _About(
        str(description.get("title") or ""),
        str(description.get("unit") or ""),
        str(description.get("preUnit") or ""),
        _release(description.get("releaseDate"), description.get("nextRelease")),
    )
    collector.describe(cdid, about)
    for key, expected in _JSON_SECTIONS:
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise SourceError(f"'{key}' is not a list", source=source, field=key)
        for index, entry in enumerate(entries):
            record = f"{key}[{index}]"
            label = entry.get("date") if isinstance(entry, dict) else None
            period = _live_period(label) if isinstance(label, str) else None
            if period is None or period[0] != expected:
                raise _not_a_period(str(label), source=source, record=record, field="date")
            raw = entry.get("value")
            value = _value(
                None if raw is None else str(raw), source=source, record=record, field="value"
            )
            if value is not None:
                collector.add(cdid, expected, period[1], value, where=(source, record, "value"))
    return _only_series(collector, cdid, source=source, frequency=frequency)


def _dataset_columns(
    meta: dict[str, tuple[int, list[str]]],
    collector: _Collector,
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
            release = _release(cell("release date", index), cell("next release", index))
            about = _About(
                cell("title", index), cell("unit", index), cell("preunit", index), release
            )
            collector.describe(cdid, about)
    return columns


def parse_dataset_csv(
    content: bytes | str,
    *,
    source: str,
    cdids: Iterable[str] | None = None,
    frequency: Frequency | None = None,
) -> dict[str, Series]:
    """Parse a whole-dataset CSV such as ``lms.csv`` (one column per series) into Series."""
    wanted = {c.strip().upper() for c in cdids} if cdids is not None else None
    meta: dict[str, tuple[int, list[str]]] = {}
    collector = _Collector()
    columns: dict[int, str] | None = None
    for line, row in _rows(_decode(content, source=source), source=source):
        period = _live_period(row[0])
        if period is None:
            if columns is not None:
                raise _not_a_period(row[0], source=source, record=line, field="period")
            meta.setdefault(row[0].strip().lower(), (line, row))
            continue
        if columns is None:
            columns = _dataset_columns(
                meta, collector, source=source, first_data_line=line, wanted=wanted
            )
        for index, cdid in columns.items():
            text = row[index] if index < len(row) else ""
            value = _value(text, source=source, record=line, field=cdid)
            if value is not None:
                collector.add(cdid, period[0], period[1], value, where=(source, line, cdid))
    if columns is None:
        raise SourceError("no period rows (2025, 2025 Q1, 2025 JAN)", source=source, field="period")
    result = collector.build(frequency)
    missing = sorted((wanted or set()) - set(result))
    if missing:
        raise SourceError(f"no observations for {', '.join(missing)}", source=source, field="CDID")
    return result


# ---- downloads ----------------------------------------------------------------------------------


def series_url(
    cdid: str,
    *,
    fmt: Literal["json", "csv"] = "json",
    dataset: str | None = None,
    uris: Mapping[str, str] | None = None,
) -> str:
    """The ONS address of one series; ``dataset`` replaces its home dataset (lms, unem)."""
    key = cdid.strip().upper()
    given = {k.strip().upper(): v for k, v in (uris or {}).items()}
    uri = given.get(key) or SERIES_URIS.get(key)
    if uri is None:
        raise ValueError(
            f"no ONS address is known for {key}; pass uris={{'{key}': "
            f"'/<topic path>/timeseries/{key.lower()}/<dataset>'}}"
        )
    if dataset:
        uri = f"{uri.rstrip('/').rsplit('/', 1)[0]}/{dataset.lower()}"
    if fmt == "json":
        return f"{ONS_BASE_URL}{uri}/data"
    return f"{ONS_BASE_URL}/generator?format=csv&uri={uri}"


def fetch_series(
    cdids: Iterable[str],
    *,
    dataset: str | None = None,
    uris: Mapping[str, str] | None = None,
    fmt: Literal["json", "csv"] = "json",
    frequency: Frequency | None = None,
    fetcher: Fetcher = fetch,
    progress: ProgressCallback | None = None,
) -> dict[str, Series]:
    """Download and validate each series; any failure raises SourceError, so nothing is partial."""
    urls = {c.strip().upper(): "" for c in cdids}
    for cdid in urls:  # every address is known before the first download starts
        urls[cdid] = series_url(cdid, fmt=fmt, dataset=dataset, uris=uris)
    parse = parse_series_json if fmt == "json" else parse_generator_csv
    result = {}
    for cdid, url in urls.items():
        series = parse(fetcher(url, progress=progress).content, source=url, frequency=frequency)
        if series.cdid != cdid:
            raise SourceError(
                f"asked for {cdid} but the response is for {series.cdid}; check the address",
                source=url,
                field="CDID",
            )
        result[cdid] = series
    return result


def fetch_dataset_csv(
    url: str = LMS_CSV_URL,
    *,
    cdids: Iterable[str] | None = None,
    frequency: Frequency | None = None,
    fetcher: Fetcher = fetch,
    progress: ProgressCallback | None = None,
) -> dict[str, Series]:
    """Download a whole-dataset CSV (LMS by default) and return its series (or only ``cdids``)."""
    download = fetcher(url, progress=progress)
    return parse_dataset_csv(download.content, source=url, cdids=cdids, frequency=frequency)
