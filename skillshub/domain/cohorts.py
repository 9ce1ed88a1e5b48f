"""Possible cohorts: needs for the same standard close enough together for one provider to run.

Greedy and deterministic: among the needs not yet placed, the one with the most others within
``cohort_km`` (ties: the smaller id) seeds a cohort of itself and every unplaced need within
``cohort_km`` of it; repeat. Every member is within ``cohort_km`` of the seed, so a cohort is
at most twice that across. Grouping is by the need's best standard, as the gap figures count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from skillshub.domain.gaps import Need
from skillshub.domain.geography import Point, distance_km


@dataclass(frozen=True)
class Cohort:
    standard: str
    centre: Point
    """The seed need's district: a district point, never an employer's address."""
    employers: int
    staff: int
    largest: int
    """The most staff any one employer in it asked for (a staff total it dominates is hidden)."""
    local_authority_codes: tuple[str, ...]
    within_km: float
    """The furthest member from the centre, rounded up to the next km."""


def group(needs: Sequence[Need], *, cohort_km: float) -> list[Cohort]:
    """Cohorts for every standard, the largest first (then by standard and place)."""
    by_standard: dict[str, list[Need]] = defaultdict(list)
    for need in needs:
        if need.standards and need.point is not None:
            by_standard[need.standards[0]].append(need)
    cohorts: list[Cohort] = []
    for standard, members in sorted(by_standard.items()):
        cohorts.extend(_group_one(standard, members, cohort_km=cohort_km))
    return sorted(
        cohorts,
        key=lambda c: (-c.employers, -c.staff, c.standard, c.centre.easting, c.centre.northing),
    )


def _group_one(standard: str, needs: Sequence[Need], *, cohort_km: float) -> list[Cohort]:
    left = sorted(needs, key=lambda n: n.need_id)
    found: list[Cohort] = []
    while left:

        def near(seed: Need, pool: Sequence[Need]) -> list[Need]:
            assert seed.point is not None
            return [n for n in pool if n.point and distance_km(seed.point, n.point) <= cohort_km]

        seed = max(left, key=lambda n: (len(near(n, left)), [-ord(c) for c in n.need_id]))
        members = near(seed, left)
        assert seed.point is not None
        furthest = max(distance_km(seed.point, n.point) for n in members if n.point)
        found.append(
            Cohort(
                standard=standard,
                centre=seed.point,
                employers=len(members),
                staff=sum(n.headcount or 0 for n in members),
                largest=max(n.headcount or 0 for n in members),
                local_authority_codes=tuple(sorted({n.local_authority_code for n in members})),
                within_km=float(int(furthest) + (0 if furthest == int(furthest) else 1)),
            )
        )
        placed = {n.need_id for n in members}
        left = [n for n in left if n.need_id not in placed]
    return found
