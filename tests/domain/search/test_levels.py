"""Level hints in queries and the boosts they give."""

from __future__ import annotations

import pytest

from skillshub.domain.search.levels import LevelHint, find_level_hint, level_boosts


@pytest.mark.parametrize(
    ("query", "levels", "strength"),
    [
        ("mechatronics level 4", {4}, "explicit"),
        ("Level-3 plumbing", {3}, "explicit"),
        ("level four engineers", {4}, "explicit"),
        ("a level 4 or 5 course", {4, 5}, "explicit"),
        ("L5 management", {5}, "explicit"),
        ("software developer degree", {6}, "explicit"),
        ("master's in data science", {7}, "explicit"),
        ("foundation degree in care", {5}, "explicit"),
        ("HNC electrical", {4}, "explicit"),
        ("maintenance technician", {3, 4, 5}, "implied"),
        ("site manager", {4, 5, 6, 7}, "implied"),
        ("entry level warehouse jobs", {2, 3}, "implied"),
    ],
)
def test_hints(query: str, levels: set[int], strength: str) -> None:
    hint, _ = find_level_hint(query)
    assert hint is not None
    assert hint.levels == levels
    assert hint.strength == strength


def test_explicit_level_words_leave_the_query() -> None:
    hint, rest = find_level_hint("mechatronics level 4 apprentices")
    assert rest == "mechatronics apprentices"
    assert hint is not None and hint.phrase == "level 4"


def test_no_hint() -> None:
    assert find_level_hint("fix lifts") == (None, "fix lifts")
    # "high level" is not a level number.
    assert find_level_hint("high level planning")[0] is None


def test_notes_explain_the_hint() -> None:
    explicit = LevelHint(frozenset({4}), "explicit", "level 4")
    assert explicit.note() == "Ranking level 4 higher because you mentioned 'level 4'."
    implied = LevelHint(frozenset({3, 4, 5}), "implied", "technician")
    assert "levels 3 to 5" in implied.note() and "'technician'" in implied.note()


def test_boosts_are_soft_and_reach_neighbours() -> None:
    hint = LevelHint(frozenset({4}), "explicit", "level 4")
    assert level_boosts(hint, explicit=0.2, implied=0.05) == {3: 0.1, 4: 0.2, 5: 0.1}
    implied = LevelHint(frozenset({3, 4}), "implied", "technician")
    assert level_boosts(implied, explicit=0.2, implied=0.05) == {3: 0.05, 4: 0.05}
    assert level_boosts(None, explicit=0.2, implied=0.05) == {}
