"""Disclosure control: fewer than 5 hidden, totals cannot give it away, and an attacker fails."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import pytest

from skillshub.domain.disclosure import (
    PRESETS,
    DisclosurePreset,
    Figure,
    Line,
    Status,
    figures,
    protect,
)

T = 5


def attack(published: Mapping[str, Figure], lines: Sequence[Line[str]]) -> dict[str, set[int]]:
    """Every value each hidden figure could have, given all published figures and lines and
    the rules (fewer than 5 is 1-4, withheld is 5 or more): an exhaustive differencing attack.

    It guesses the hidden figures that are no line's total, works out every total from them,
    and keeps the guesses that agree with everything shown."""
    totals = {ln.total for ln in lines}
    cap = max((f.value or 0) for f in published.values()) or 40  # no figure exceeds the total
    cells = [k for k, f in published.items() if f.status is not Status.SHOWN and k not in totals]
    ranges = [
        range(1, T) if published[k].status is Status.FEWER else range(T, cap + 1) for k in cells
    ]
    possible: dict[str, set[int]] = {k: set() for k, f in published.items() if f.value is None}
    for guess in itertools.product(*ranges):
        value = {
            k: f.value for k, f in published.items() if f.value is not None and k not in totals
        }
        value.update(dict(zip(cells, guess, strict=True)))
        for _ in lines:  # totals of totals: repeat until every total is worked out
            for ln in lines:
                if ln.total not in value and all(m in value for m in ln.members):
                    value[ln.total] = sum(value[m] or 0 for m in ln.members)
        if all(_agrees(published[k], v) for k, v in value.items()):
            for k in possible:
                possible[k].add(int(value[k] or 0))
    return possible


def _agrees(figure: Figure, value: int | None) -> bool:
    if figure.status is Status.SHOWN:
        return figure.value == value
    if figure.status is Status.FEWER:
        return 1 <= (value or 0) < T
    return (value or 0) >= T


def table(cells: dict[tuple[str, str], int]) -> tuple[dict[str, int], list[Line[str]]]:
    """A two-way table with row, column and grand totals, keyed 'row/col'."""
    rows = sorted({r for r, _ in cells})
    cols = sorted({c for _, c in cells})
    values = {f"{r}/{c}": cells.get((r, c), 0) for r in rows for c in cols}
    lines = []
    for r in rows:
        values[f"{r}/*"] = sum(v for (rr, _), v in cells.items() if rr == r)
        lines.append(Line(tuple(f"{r}/{c}" for c in cols), f"{r}/*"))
    for c in cols:
        values[f"*/{c}"] = sum(v for (_, cc), v in cells.items() if cc == c)
        lines.append(Line(tuple(f"{r}/{c}" for r in rows), f"*/{c}"))
    values["*/*"] = sum(cells.values())
    lines.append(Line(tuple(f"{r}/*" for r in rows), "*/*"))
    lines.append(Line(tuple(f"*/{c}" for c in cols), "*/*"))
    return values, lines


def publish(values: dict[str, int], lines: list[Line[str]]) -> dict[str, Figure]:
    return figures(values, protect(values, lines, threshold=T), threshold=T)


def test_a_count_of_3_shows_as_fewer_than_5() -> None:
    values, lines = table({("a", "x"): 3, ("a", "y"): 9, ("b", "x"): 6, ("b", "y"): 8})
    shown = publish(values, lines)
    assert shown["a/x"].text == "fewer than 5" and shown["a/x"].value is None
    assert shown["*/*"].text == "26"  # the grand total stays shown


def test_totals_cannot_give_a_hidden_count_away() -> None:
    values, lines = table({("a", "x"): 3, ("a", "y"): 9, ("b", "x"): 6, ("b", "y"): 8})
    shown = publish(values, lines)
    for line in lines:
        hidden = [k for k in (*line.members, line.total) if shown[k].status is not Status.SHOWN]
        assert len(hidden) != 1, line
    assert len(attack(shown, lines)["a/x"]) >= 2


@pytest.mark.parametrize(
    "cells",
    [
        {("a", "x"): 1, ("a", "y"): 5, ("b", "x"): 5, ("b", "y"): 5},
        {("a", "x"): 4, ("a", "y"): 1, ("b", "x"): 7, ("b", "y"): 12},
        {("a", "x"): 1, ("a", "y"): 1, ("b", "x"): 0, ("b", "y"): 9},
        {("a", "x"): 2, ("a", "y"): 0, ("b", "x"): 0, ("b", "y"): 6},
        {("a", "x"): 3, ("a", "y"): 5, ("b", "x"): 6, ("b", "y"): 0, ("c", "x"): 5},
    ],
)
def test_an_exhaustive_attacker_never_pins_a_small_count(cells: dict) -> None:
    values, lines = table(cells)
    shown = publish(values, lines)
    for key, could_be in attack(shown, lines).items():
        if 0 < values[key] < T:
            assert len(could_be) >= 2, f"{key} = {values[key]} can be worked out: {could_be}"


def test_differencing_two_totals_that_differ_by_one_employer() -> None:
    """A combined authority's total and its authorities' figures are published on different
    pages; subtracting the shown ones must not reveal the authority with one employer."""
    lines = [Line(("coventry", "birmingham", "solihull"), "west-midlands")]
    values = {"coventry": 1, "birmingham": 6, "solihull": 7, "west-midlands": 14}
    shown = publish(values, lines)
    assert shown["coventry"].status is Status.FEWER
    assert shown["west-midlands"].text == "14"
    withheld = [k for k, f in shown.items() if f.status is Status.WITHHELD]
    assert withheld == ["birmingham"]  # the smallest other figure, not the total
    assert attack(shown, lines)["coventry"] == {1, 2}  # 1 + 6 = 7: 1 or 2, never pinned


def test_a_hidden_count_is_not_pinned_by_the_bounds() -> None:
    """1 + 5 = 6: with 'fewer than 5' at least 1 and 'withheld' at least 5, a total of 6 would
    pin both; the rule withholds a third figure."""
    lines = [Line(("a", "b", "c"), "all")]
    values = {"a": 1, "b": 5, "c": 9, "all": 15}
    shown = publish(values, lines)
    assert [k for k, f in shown.items() if f.status is not Status.SHOWN] == ["a", "b", "c"] or (
        shown["all"].status is not Status.SHOWN
    )
    assert len(attack(shown, lines)["a"]) >= 2


def test_zeros_are_shown_and_never_hidden() -> None:
    values, lines = table({("a", "x"): 0, ("a", "y"): 7, ("b", "x"): 6, ("b", "y"): 8})
    shown = publish(values, lines)
    assert all(f.status is Status.SHOWN for f in shown.values())


def test_floor_is_the_least_a_hidden_figure_can_be() -> None:
    assert Figure(Status.FEWER, None).floor == 1
    assert Figure(Status.WITHHELD, None).floor == 5
    assert Figure(Status.SHOWN, 12).floor == 12


def test_presets_are_checked() -> None:
    assert PRESETS["default"].threshold == 5
    with pytest.raises(ValueError, match="threshold"):
        DisclosurePreset("bad", threshold=1)
