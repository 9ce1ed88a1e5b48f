"""ONS cells, period labels and release dates, read strictly: anything unclear is an error."""

# Values: a blank cell or an ONS "not available" marker (x, .., :, [x], [c], [z]) is a missing
# observation and is skipped, because ONS writes them wherever a series has no figure for a
# period (every period row of a wide CSV has a cell for every series). Any other text that is not
# a plain decimal number is an error: it usually means a shifted column or a changed format.
#
# Dates: ``Observation.period_end`` is the first day of the last month of the period, so the
# quarter ONS dates 2026-01-01 (long CSV) or "2026 Q1" (live) ends 2026-03-01, the year "2025"
# ends 2025-12-01, and the LFS month "2026 APR" (Feb-Apr 2026) ends 2026-04-01.

from __future__ import annotations

import math
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skillshub.domain.labour_market import Frequency, Release
from skillshub.domain.labour_market.series import MONTH_ABBR
from skillshub.sources.errors import SourceError

MISSING_MARKERS = frozenset({"", "x", "..", ":", "[x]", "[c]", "[z]"})
FREQUENCIES: tuple[Frequency, ...] = ("m", "q", "a")
"""Finest first: when a CDID has several frequencies, the first one present is read."""
FREQUENCY_WORDS: dict[Frequency, str] = {"m": "monthly", "q": "quarterly", "a": "annual"}

_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
_PERIOD = re.compile(r"^(\d{4})(?: (Q[1-4]|[A-Z]{3}))?$")
_MONTHS = [m.upper() for m in MONTH_ABBR]


def parse_value(text: str | None, *, source: str, record: str | int, field: str) -> float | None:
    """A number, None for a blank or not-available cell, or a SourceError for anything else."""
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


def as_frequency(text: str) -> Frequency | None:
    return next((f for f in FREQUENCIES if f == text), None)


def long_period_end(frequency: Frequency, text: str) -> date | None:
    """Period end for a long-CSV date: the first of its month (m), quarter (q) or year (a)."""
    try:
        start = date.fromisoformat(text.strip())
    except ValueError:
        return None
    allowed = {"m": range(1, 13), "q": (1, 4, 7, 10), "a": (1,)}[frequency]
    if start.day != 1 or start.month not in allowed or len(text.strip()) != 10:
        return None
    return date(start.year, start.month + {"m": 0, "q": 2, "a": 11}[frequency], 1)


def live_period(text: str) -> tuple[Frequency, date] | None:
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


def not_a_period(label: str, *, source: str, record: int | str, field: str) -> SourceError:
    return SourceError(
        f"'{label}' is not an ONS period such as 2025, 2025 Q1 or 2025 JAN",
        source=source,
        record=record,
        field=field,
    )


def release_day(text: object) -> date | None:
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


def release(published: object, next_release: object) -> Release | None:
    found = Release(release_day(published), release_day(next_release))
    return found if found.published or found.next_release else None
