"""The long CSV of the embedded data: ``dataset, cdid, title, freq, date, value, unit``."""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from skillshub.domain.labour_market import Frequency, Publication, Series
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import CappedReader
from skillshub.sources.ons.collector import About, Collector
from skillshub.sources.ons.values import (
    FREQUENCY_WORDS,
    as_frequency,
    long_period_end,
    parse_value,
)

DEFAULT_FILES = ("ons/lms_uk_headline_series.csv.gz", "ons/lms_regional_series.csv.gz")
"""The embedded default data, relative to the repository's ``data/`` directory."""
EMBEDDED_PUBLICATION = Publication(
    day=date(2026, 8, 7),
    exact=False,
    source="data/ons/README.md: the files carry no ONS release date; they were taken from "
    "economic-analytics/edd at commit 7ccb7d1 of 7 August 2026, whose LMS.parquet last changed "
    "on 21 July 2026",
)
"""The embedded files record no release date: ONS published them by the date of the copy."""
LONG_COLUMNS = ("dataset", "cdid", "title", "freq", "date", "value", "unit")
_GZIP_MAGIC = b"\x1f\x8b"


def _text(content: bytes, *, source: str) -> TextIO:
    """Plain or gzipped text, decided by content (a .gz name that is not gzip is an error)."""
    if content[:2] == _GZIP_MAGIC:
        # Streamed, so a truncated file fails at the line where reading stopped.
        unzipped = gzip.GzipFile(fileobj=io.BytesIO(content), mode="rb")
        capped = io.BufferedReader(CappedReader(unzipped, source=source, text=True))
        return io.TextIOWrapper(capped, encoding="utf-8-sig", newline="")
    if source.endswith(".gz"):
        raise SourceError(
            "the file is named .gz but is not gzip-compressed; compress it with gzip -9 or "
            "drop the .gz suffix",
            source=source,
        )
    plain = io.BufferedReader(CappedReader(io.BytesIO(content), source=source, text=True))
    return io.TextIOWrapper(plain, encoding="utf-8-sig", newline="")


def _read_into(collector: Collector, content: bytes, *, source: str) -> None:
    line = 1
    try:
        with _text(content, source=source) as handle:
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
                _add_row(collector, row, source=source, line=line)
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise SourceError(
            f"the file cannot be read after line {line} ({error}); download or copy it again",
            source=source,
            record=line + 1,
        ) from error
    except csv.Error as error:
        raise SourceError(
            f"the CSV cannot be parsed ({error})", source=source, record=line
        ) from error


def _add_row(collector: Collector, row: dict[str, Any], *, source: str, line: int) -> None:
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
    frequency = as_frequency(row["freq"].strip().lower())
    if frequency is None:
        raise SourceError(
            f"frequency '{row['freq']}' is not m, q or a", source=source, record=line, field="freq"
        )
    period_end = long_period_end(frequency, row["date"])
    if period_end is None:
        raise SourceError(
            f"date '{row['date']}' is not the first day of a {FREQUENCY_WORDS[frequency]} period "
            "(YYYY-MM-01; quarters start in Jan, Apr, Jul or Oct; years in Jan)",
            source=source,
            record=line,
            field="date",
        )
    value = parse_value(row["value"], source=source, record=line, field="value")
    collector.describe(cdid, About(row["title"].strip(), row["unit"], "", None))
    if value is not None:
        collector.add(cdid, frequency, period_end, value, where=(source, line, "value"))


def parse_long_csvs(
    files: Iterable[tuple[str, bytes]], *, frequency: Frequency | None = None
) -> dict[str, Series]:
    """Parse (name, bytes) pairs of long CSVs, plain or gzipped, merging repeats across files."""
    collector = Collector()
    for source, content in files:
        _read_into(collector, content, source=source)
    return collector.build(frequency)


def read_long_csvs(
    paths: Iterable[Path], *, frequency: Frequency | None = None
) -> dict[str, Series]:
    """Read long CSVs (plain or gzipped) into one Series per CDID, merging repeats across files."""
    files = []
    for path in map(Path, paths):
        if not path.is_file():
            raise SourceError("the file does not exist; check the data directory", source=str(path))
        files.append((str(path), path.read_bytes()))
    return parse_long_csvs(files, frequency=frequency)


def read_long_csv(path: Path, *, frequency: Frequency | None = None) -> dict[str, Series]:
    """Read one long CSV (``dataset, cdid, title, freq, date, value, unit``) into Series."""
    return read_long_csvs([path], frequency=frequency)


def read_default(data_dir: Path) -> dict[str, Series]:
    """All series in the embedded default files under ``data_dir`` (the repository's data/)."""
    return read_long_csvs([data_dir / name for name in DEFAULT_FILES])
