"""Reading level hints in a query ("level 4", "degree", "technician") for a soft ranking boost."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LevelStrength = Literal["explicit", "implied"]

_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_EXPLICIT_LEVEL = re.compile(
    r"\b(?:level|lvl)\s*-?\s*(?P<n>[2-7]|two|three|four|five|six|seven)\b"
    r"(?:\s*(?:or|and|to|/|-)\s*(?:level\s*)?(?P<m>[2-7])\b)?",
    re.IGNORECASE,
)
_SHORT_LEVEL = re.compile(r"\bL(?P<n>[2-7])\b")

# Qualification words, each with the level it is equivalent to (see domain.standards).
_QUALIFICATIONS: tuple[tuple[str, frozenset[int]], ...] = (
    (r"master'?s(?:\s+degree)?|postgraduate|msc|mba", frozenset({7})),
    (r"foundation\s+degree|hnd", frozenset({5})),
    (r"hnc", frozenset({4})),
    (
        r"(?:bachelor'?s\s+)?degree(?:\s+apprenticeships?)?|graduates?|undergraduate|bsc",
        frozenset({6}),
    ),
    (r"a[\s-]levels?|t[\s-]levels?", frozenset({3})),
    (r"gcses?", frozenset({2})),
)

# Role words that suggest a range of levels; a gentle nudge only.
_ROLES: tuple[tuple[str, frozenset[int]], ...] = (
    (r"entry[\s-]level|school[\s-]leavers?|beginners?|no\s+experience", frozenset({2, 3})),
    (r"technicians?", frozenset({3, 4, 5})),
    (r"supervisors?|team\s+leaders?", frozenset({3, 4, 5})),
    (r"managers?|management", frozenset({4, 5, 6, 7})),
    (r"senior|chartered|strategic", frozenset({5, 6, 7})),
)


@dataclass(frozen=True)
class LevelHint:
    """Levels the query asks for and the words that said so."""

    levels: frozenset[int]
    strength: LevelStrength
    phrase: str

    def describe(self) -> str:
        ordered = sorted(self.levels)
        if len(ordered) == 1:
            return f"level {ordered[0]}"
        if ordered == list(range(ordered[0], ordered[-1] + 1)):
            return f"levels {ordered[0]} to {ordered[-1]}"
        return "levels " + ", ".join(str(n) for n in ordered[:-1]) + f" and {ordered[-1]}"

    def note(self) -> str:
        if self.strength == "explicit":
            return f"Ranking {self.describe()} higher because you mentioned '{self.phrase}'."
        return (
            f"Giving a small preference to {self.describe()} because you mentioned '{self.phrase}'."
        )


def _number(value: str) -> int:
    return _NUMBER_WORDS.get(value.lower(), 0) or int(value)


def find_level_hint(query: str) -> tuple[LevelHint | None, str]:
    """The strongest level hint in the query, and the query with explicit "level N" words
    removed (they would otherwise match every KSB that says "high level")."""
    for pattern in (_EXPLICIT_LEVEL, _SHORT_LEVEL):
        found = list(pattern.finditer(query))
        if found:
            levels: set[int] = set()
            for match in found:
                levels.add(_number(match.group("n")))
                if match.groupdict().get("m"):
                    levels.add(int(match.group("m")))
            rest = pattern.sub(" ", query)
            hint = LevelHint(frozenset(levels), "explicit", found[0].group(0).strip())
            return hint, " ".join(rest.split())
    for table, strength in ((_QUALIFICATIONS, "explicit"), (_ROLES, "implied")):
        for words, levels_for in table:
            found_word = re.search(rf"\b(?:{words})\b", query, re.IGNORECASE)
            if found_word:
                kind: LevelStrength = "explicit" if strength == "explicit" else "implied"
                return LevelHint(levels_for, kind, found_word.group(0)), query
    return None, query


def level_boosts(hint: LevelHint | None, *, explicit: float, implied: float) -> dict[int, float]:
    """Score added per level: the full boost for asked-for levels, half for neighbours of an
    explicit level (a level 5 standard is a fair answer to "level 4"), nothing otherwise."""
    if hint is None:
        return {}
    if hint.strength == "implied":
        return {level: implied for level in hint.levels}
    boosts: dict[int, float] = {}
    for level in hint.levels:
        for neighbour in (level - 1, level + 1):
            boosts[neighbour] = max(boosts.get(neighbour, 0.0), explicit / 2)
    for level in hint.levels:
        boosts[level] = explicit
    return boosts
