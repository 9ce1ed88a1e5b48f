"""Possible cohorts: needs for one standard near each other, grouped deterministically."""

from __future__ import annotations

from skillshub.domain.cohorts import group
from skillshub.domain.gaps import Need
from skillshub.domain.geography import Point


def need(i: int, east: float, *, standard: str = "ST0001", headcount: int = 2) -> Need:
    return Need(f"n{i:02d}", "register", (standard,), "E08000025", Point(east, 286000), headcount)


def test_near_needs_group_and_far_ones_do_not() -> None:
    needs = [need(i, 400000 + i * 1000) for i in range(7)] + [need(9, 480000)]
    cohorts = group(needs, cohort_km=15)
    assert [(c.employers, c.staff) for c in cohorts] == [(7, 14), (1, 2)]
    assert cohorts[0].within_km <= 15


def test_standards_never_mix_and_order_does_not_matter() -> None:
    needs = [need(1, 400000), need(2, 401000, standard="ST0002"), need(3, 402000)]
    assert group(needs, cohort_km=15) == group(list(reversed(needs)), cohort_km=15)
    assert {(c.standard, c.employers) for c in group(needs, cohort_km=15)} == {
        ("ST0001", 2),
        ("ST0002", 1),
    }


def test_each_cohort_knows_its_largest_single_need() -> None:
    needs = [need(i, 400000 + i * 1000) for i in range(5)] + [need(7, 401500, headcount=40)]
    (cohort,) = group(needs, cohort_km=15)
    assert (cohort.employers, cohort.staff, cohort.largest) == (6, 50, 40)
