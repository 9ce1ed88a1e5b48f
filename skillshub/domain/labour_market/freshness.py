"""When ONS published the figures, and whether they have fallen behind its monthly releases."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTHLY_CYCLE_MONTHS = 2
"""How far behind today the newest figure may be before it is stale.

ONS publishes the labour market figures once a month, in the middle of it; the newest of them,
the claimant count, is for the month before. So until a release the newest figure is two months
behind (on 1 December, October's), and a gap of three or more months means at least one release
is missing from what is loaded.
"""


@dataclass(frozen=True)
class Publication:
    """The day ONS published the figures, or the latest it can have been (the day of a copy)."""

    day: date
    exact: bool  # False: only "on or before" is known, from the date of a copy of the data
    source: str  # where the date comes from, for a person checking it

    @property
    def words(self) -> str:
        """ "on 21 July 2026", or "on or before 7 August 2026" when only a copy's date is known."""
        day = f"{self.day.day} {self.day:%B %Y}"
        return f"on {day}" if self.exact else f"on or before {day}"


_NOTE = re.compile(
    r"ONS published these figures (?P<how>on or before|on) (?P<day>\d{4}-\d{2}-\d{2}) "
    r"\(source: (?P<source>[^)]*)\)\."
)


def publication_note(publication: Publication) -> str:
    """The sentence a load records in its notes; `publication_from_notes` reads it back."""
    how = "on" if publication.exact else "on or before"
    return (
        f"ONS published these figures {how} {publication.day.isoformat()} "
        f"(source: {publication.source})."
    )


def publication_from_notes(notes: str) -> Publication | None:
    """The publication date a load recorded in its notes, or None when it recorded none."""
    found = _NOTE.search(notes)
    if found is None:
        return None
    return Publication(
        day=date.fromisoformat(found["day"]),
        exact=found["how"] == "on",
        source=found["source"],
    )


def months_behind(latest: date, today: date) -> int:
    """Whole calendar months from the month of ``latest`` to the month of ``today``."""
    return (today.year - latest.year) * 12 + today.month - latest.month


@dataclass(frozen=True)
class Staleness:
    """The newest figure loaded is older than the ONS monthly cycle allows."""

    newest: date  # the period end of the newest figure
    months_behind: int


def staleness(
    period_ends: Iterable[date], *, today: date, allowed_months: int = MONTHLY_CYCLE_MONTHS
) -> Staleness | None:
    """A Staleness when even the newest figure is more than ``allowed_months`` behind today."""
    ends = list(period_ends)
    if not ends:
        return None
    newest = max(ends)
    behind = months_behind(newest, today)
    return Staleness(newest, behind) if behind > allowed_months else None
