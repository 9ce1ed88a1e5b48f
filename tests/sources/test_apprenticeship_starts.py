"""Reading DfE apprenticeship CSVs in both published layouts; symbols are unknown, not zero."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.sources.apprenticeship_starts import read_starts
from skillshub.sources.errors import SourceError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "apprenticeship_starts"
KIRKLEES = FIXTURES / "apprenticeships-kirklees-2025-26.csv"
WNYCC = FIXTURES / "wnycc_lsip_apprenticeship_starts_achievements_2022_23_Q1.csv"


def test_the_ees_layout_keeps_all_ages_and_sexes() -> None:
    rows = read_starts(KIRKLEES.read_bytes(), source=KIRKLEES.name)
    assert {r.time_period for r in rows} == {"202526", "202425"}
    total = next(r for r in rows if r.time_period == "202526" and r.apps_level == "Total")
    assert (total.area_code, total.area_name, total.starts) == ("E08000034", "Kirklees", 1980)
    assert total.participation == 5730 and total.year_label == "2025/26"
    assert len(rows) == 8  # the female rows are left out
    assert {r.apps_level for r in rows} >= {"Higher (level 4 to 7)", "Intermediate (level 2)"}


def test_the_lsip_layout_and_low_is_unknown_not_zero() -> None:
    rows = read_starts(WNYCC.read_bytes(), source=WNYCC.name)
    first = rows[0]
    assert (first.time_period, first.area_code, first.subject) == (
        "202223",
        "E07000167",
        "Retail and Commercial Enterprise",
    )
    assert first.starts == 10 and first.achievements is None
    assert first.symbols == {"achievements": "low"}
    assert first.participation is None and "participation" not in first.symbols


def test_a_file_that_is_not_starts_is_refused() -> None:
    with pytest.raises(SourceError, match="not a DfE apprenticeships CSV"):
        read_starts(b"name,count\nx,1\n", source="other.csv")


def test_a_bad_code_names_the_row() -> None:
    data = b"time_period,lad_code,starts\n202526,E08000034,10\n202526,Kirklees,5\n"
    with pytest.raises(SourceError, match="record 3"):
        read_starts(data, source="bad.csv")
