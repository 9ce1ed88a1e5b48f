"""Disclosure control: counts below a threshold hidden, and more hidden so totals cannot show them.

Public figures about employers' needs must never single one out. A figure is *primary
suppressed* when it counts fewer than ``threshold`` employers (but more than none), and shown
as "fewer than 5". Published totals would give such a figure away by subtraction, so figures
are also *secondarily suppressed* ("withheld") until, on every line of the table (a set of
figures and the total they add up to), a hidden figure cannot be worked out:

- a line never has exactly one hidden member (its figures and its total together);
- no hidden figure of fewer than ``threshold`` can be pinned to one value by an attacker who
  knows every shown figure, every line, and the rules (a hidden figure below the threshold is
  1 to ``threshold - 1``, a withheld one ``threshold`` or more): the bounds are tightened
  line by line, both ways, until they settle (interval propagation over all lines at once,
  so two pages' figures are combined as an attacker would).

Lines come from hierarchies (local authority -> combined authority -> region; standard ->
route and level -> all), so figures published on different pages (a combined authority and
each of its authorities) are protected together: computing the protection once for the
whole scope and publishing parts of it is what stops differencing between pages.

The extra figure to hide is always the smallest shown non-zero figure on a line that
involves the exposed one (ties by key, so the result is deterministic), else a total. Zeros
are never hidden: a zero reveals no employer, and hiding only figures of ``threshold`` or
more keeps the bounds above true. This is a heuristic (far simpler than tau-ARGUS's methods,
and not optimal: it may hide more than it must); the tests check it against an exhaustive
attacker.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True)
class DisclosurePreset:
    """The rules for public figures; ``tiny`` is for tests that want small tables."""

    name: str
    threshold: int = 5
    """Counts of employers from 1 to threshold - 1 are shown as 'fewer than {threshold}'."""
    dominance_share: float = 0.5
    """A staff figure is hidden when one employer accounts for more than this share of it."""

    def __post_init__(self) -> None:
        if self.threshold < 2:
            raise ValueError("the disclosure threshold must be 2 or more")
        if not 0 < self.dominance_share <= 1:
            raise ValueError("dominance_share must be more than 0 and at most 1")


PRESETS = {
    "default": DisclosurePreset("default"),
    "tiny": DisclosurePreset("tiny", threshold=3),
}


class Status(StrEnum):
    SHOWN = "shown"
    FEWER = "fewer-than"
    """Primary suppression: more than none, fewer than the threshold."""
    WITHHELD = "withheld"
    """Secondary suppression: hidden so that a 'fewer than' figure cannot be worked out."""


@dataclass(frozen=True)
class Figure:
    """A figure as the public may see it: the value only when ``status`` is SHOWN."""

    status: Status
    value: int | None
    threshold: int = 5

    @property
    def text(self) -> str:
        if self.status is Status.SHOWN:
            return f"{self.value:,}"
        if self.status is Status.FEWER:
            return f"fewer than {self.threshold}"
        return "withheld"

    @property
    def floor(self) -> int:
        """The least the true value can be, as the public knows it (used for ranking)."""
        if self.status is Status.SHOWN:
            return int(self.value or 0)
        return 1 if self.status is Status.FEWER else self.threshold


@dataclass(frozen=True)
class Line(Generic[Key]):
    """Figures that add up to a published total."""

    members: tuple[Key, ...]
    total: Key


def protect(
    values: Mapping[Key, int],
    lines: Sequence[Line[Key]],
    *,
    threshold: int,
    also_hide: Iterable[Key] = (),
) -> dict[Key, Status]:
    """The status of every figure: primary suppression, then secondary until every line is safe.

    ``also_hide`` adds primary suppressions for other reasons (a staff figure one employer
    dominates); they are treated as figures whose value could be anything from 1.
    """
    hidden: dict[Key, Status] = {}
    for key, value in values.items():
        if 0 < value < threshold:
            hidden[key] = Status.FEWER
    for key in also_hide:
        if values.get(key, 0) > 0:
            hidden.setdefault(key, Status.FEWER)
    touching: dict[Key, list[Line[Key]]] = {}
    for line in lines:
        for key in (*line.members, line.total):
            touching.setdefault(key, []).append(line)
    while True:
        changed = False
        for line in lines:
            if _alone(line, values, hidden):
                extra = _candidate([line], values, hidden)
                if extra is not None:
                    hidden[extra] = Status.WITHHELD
                    changed = True
        if changed:
            continue
        pinned = sorted(
            (
                key
                for key, (low, high) in _bounds(values, hidden, lines, threshold).items()
                if low == high and hidden.get(key) is Status.FEWER
            ),
            key=str,
        )
        # Withhold one more figure beside every exposed one at once (one propagation a round,
        # not one per figure: 2,000 needs in a region went from 13 s to under 2 s).
        extras = {c for key in pinned if (c := _candidate(touching.get(key, []), values, hidden))}
        if not extras and pinned:
            # Every line through an exposed figure is hidden already: widen to any line that
            # involves a hidden figure (a grand total that still pins it).
            involved = [ln for ln in lines if any(k in hidden for k in (*ln.members, ln.total))]
            extra = _candidate(involved, values, hidden)
            extras = {extra} if extra is not None else set()
        if not extras:
            break
        for extra in extras:
            hidden[extra] = Status.WITHHELD
    return {key: hidden.get(key, Status.SHOWN) for key in values}


def _alone(line: Line[Key], values: Mapping[Key, int], hidden: Mapping[Key, Status]) -> bool:
    """Whether exactly one figure of the line is hidden (so subtraction gives it)."""
    return sum(1 for key in (*line.members, line.total) if key in hidden) == 1


_PASSES = 30
"""Bound propagation stops after this many passes over the lines (it settles in a few)."""


def _bounds(
    values: Mapping[Key, int],
    hidden: Mapping[Key, Status],
    lines: Sequence[Line[Key]],
    threshold: int,
) -> dict[Key, tuple[float, float]]:
    """What the public can work out about each hidden figure, as (least, most): start from the
    rules ('fewer than' is 1 to threshold - 1, 'withheld' is threshold or more), then tighten
    with every line, both ways, until nothing changes (interval propagation)."""
    low: dict[Key, float] = {}
    high: dict[Key, float] = {}
    for key in hidden:
        small = values.get(key, 0) < threshold
        low[key], high[key] = (1, threshold - 1) if small else (threshold, math.inf)

    def lo(key: Key) -> float:
        return low[key] if key in hidden else values.get(key, 0)

    def hi(key: Key) -> float:
        return high[key] if key in hidden else values.get(key, 0)

    for _ in range(_PASSES):
        changed = False
        for line in lines:
            if not any(key in hidden for key in (*line.members, line.total)):
                continue
            sum_lo = sum(lo(m) for m in line.members)
            sum_hi = sum(hi(m) for m in line.members)
            if line.total in hidden:
                new = (max(low[line.total], sum_lo), min(high[line.total], sum_hi))
                if new != (low[line.total], high[line.total]):
                    low[line.total], high[line.total] = new
                    changed = True
            for member in line.members:
                if member not in hidden:
                    continue
                others_lo = sum_lo - low[member]
                others_hi = sum_hi - high[member] if high[member] != math.inf else math.inf
                most = hi(line.total) - others_lo
                least = lo(line.total) - others_hi if others_hi != math.inf else -math.inf
                new = (max(low[member], least), min(high[member], most))
                if new != (low[member], high[member]):
                    low[member], high[member] = new
                    changed = True
        if not changed:
            break
    return {key: (low[key], high[key]) for key in hidden}


def _candidate(
    lines: Sequence[Line[Key]], values: Mapping[Key, int], hidden: Mapping[Key, Status]
) -> Key | None:
    """The figure to withhold next: the smallest shown non-zero member of these lines (ties
    by key), else a shown total."""
    members = [m for line in lines for m in line.members if m not in hidden and values.get(m, 0)]
    if members:
        return min(members, key=lambda m: (values[m], str(m)))
    totals = [ln.total for ln in lines if ln.total not in hidden and values.get(ln.total, 0)]
    return min(totals, key=lambda t: (values[t], str(t))) if totals else None


def figures(
    values: Mapping[Key, int], statuses: Mapping[Key, Status], *, threshold: int
) -> dict[Key, Figure]:
    """Each figure as the public sees it."""
    return {
        key: Figure(status, value if status is Status.SHOWN else None, threshold)
        for key, value in values.items()
        for status in (statuses.get(key, Status.SHOWN),)
    }
