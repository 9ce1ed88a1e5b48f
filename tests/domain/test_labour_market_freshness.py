"""Tests for when ONS published the figures and when they count as stale."""

from __future__ import annotations

from datetime import date

import pytest

from skillshub.domain.labour_market import (
    MONTHLY_CYCLE_MONTHS,
    Publication,
    Staleness,
    months_behind,
    publication_from_notes,
    publication_note,
    staleness,
)
from skillshub.sources.ons import EMBEDDED_PUBLICATION

COPY = Publication(date(2026, 8, 7), exact=False, source="data/ons/README.md: a copy")


@pytest.mark.parametrize("publication", [COPY, Publication(date(2026, 7, 21), True, "ONS")])
def test_a_publication_survives_the_notes(publication: Publication) -> None:
    notes = "Embedded copy of ONS series; see data/ons/README.md. " + publication_note(publication)
    assert publication_from_notes(notes) == publication


def test_notes_without_a_publication_have_none() -> None:
    assert publication_from_notes("Live ONS datasets LMS and UNEM, downloaded whole.") is None
    assert publication_from_notes("") is None


def test_words_say_whether_the_day_is_known() -> None:
    assert Publication(date(2026, 7, 21), True, "ONS").words == "on 21 July 2026"
    assert COPY.words == "on or before 7 August 2026"


def test_the_embedded_date_is_the_copy_s_with_its_source() -> None:
    # data/ons/README.md: economic-analytics/edd HEAD 7ccb7d1 (7 Aug 2026), not a release day.
    assert EMBEDDED_PUBLICATION.day == date(2026, 8, 7) and not EMBEDDED_PUBLICATION.exact
    assert "data/ons/README.md" in EMBEDDED_PUBLICATION.source
    assert publication_from_notes(publication_note(EMBEDDED_PUBLICATION)) == EMBEDDED_PUBLICATION


def test_months_behind_counts_calendar_months() -> None:
    assert months_behind(date(2026, 6, 1), date(2026, 6, 30)) == 0
    assert months_behind(date(2026, 10, 1), date(2026, 12, 1)) == 2
    assert months_behind(date(2025, 11, 1), date(2026, 2, 14)) == 3


@pytest.mark.parametrize(
    ("newest", "today", "stale"),
    [
        # Before the mid-December release the newest claimant count is October's: still current.
        (date(2026, 10, 1), date(2026, 12, 1), False),
        (date(2026, 11, 1), date(2026, 12, 20), False),
        # A missed release: September's figures in December.
        (date(2026, 9, 1), date(2026, 12, 1), True),
        # The embedded data (claimant count to June 2026) on 1 December 2026.
        (date(2026, 6, 1), date(2026, 12, 1), True),
    ],
)
def test_stale_when_more_than_the_monthly_cycle_behind(
    newest: date, today: date, stale: bool
) -> None:
    ends = [date(2026, 4, 1), newest, date(2026, 2, 1)]
    found = staleness(ends, today=today)
    assert (found is not None) == stale
    if found:
        assert found == Staleness(newest, months_behind(newest, today))
        assert found.months_behind > MONTHLY_CYCLE_MONTHS


def test_nothing_loaded_is_not_stale() -> None:
    assert staleness([], today=date(2026, 12, 1)) is None
