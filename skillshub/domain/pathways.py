"""Next steps for an employee: the Level 4-5 standards above their own, and the skills each adds.

Method (see README, "Next steps from a job"):

- Candidates are current products (standards, and apprenticeship units) at level 4 or 5, one
  or two levels above the starting standard. A standard already at level 5 (or above) has no
  higher Level 4-5 step: none are shown.
- Closeness is the cosine between the two standards' mean unit vectors (what each is about
  overall, from their own wording), plus ROUTE_BONUS for the same route and PATHWAY_BONUS for
  the same pathway within it. Steps are ranked by closeness, then by reference.
- A target KSB *carries over* when some KSB of the starting standard is at least COVERED_AT
  similar to it (cosine of their vectors); it *builds on* one held when the best is at least
  BUILDS_ON_AT; otherwise the step *adds* it as new. When the starting standard has no KSBs
  published, its other own units (title, duties, overview) stand in for them. Skills come
  first, then knowledge, then behaviours, each in published order.
- What a step adds (built on or new) is summarised in a few themes: the words shared by most
  of those KSBs, chosen greedily (each theme covers KSBs no earlier theme covered).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from skillshub.domain.search.engine import Match, StandardsIndex
from skillshub.domain.search.presets import STANDARD_KINDS
from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import STOPWORDS
from skillshub.domain.search.units import MAX_UNIT_CHARS, Unit
from skillshub.domain.standards import Ksb, KsbKind, Standard

TARGET_LEVELS = (4, 5)
ROUTE_BONUS = 0.1
PATHWAY_BONUS = 0.05
COVERED_AT = 0.6
BUILDS_ON_AT = 0.52
"""Between this and COVERED_AT about half the pairs restate the same thing (see COVERED_AT):
such a KSB builds on one the person has rather than being new."""
MAX_LEVEL_STEP = 2
MAX_THEMES = 4
"""WordLlama cosine at or above which a starting KSB covers a target KSB. Set by reading every
best pair for ST0154 -> ST0999, ST0154 -> ST0662 and ST0457 -> ST0841: from 0.6 up the pairs
restate the same thing (health and safety compliance, reading technical documentation,
engineering maths); from 0.52 to 0.6 about half do; below that they share only general words.
So a few KSBs listed as added sit near the line and partly carry over."""
JOB_LEVELS = (2, 3, 4)
"""Levels most people start from; `start_from_job` lists these first."""

KIND_ORDER: dict[KsbKind, int] = {"skill": 0, "knowledge": 1, "behaviour": 2}
_KSB_KINDS = frozenset(KIND_ORDER)


class UnknownStandard(KeyError):
    """The starting reference is not in the index."""

    def __str__(self) -> str:
        return str(self.args[0])


class NeedsEmbeddings(ValueError):
    """The index was built with a preset that has no embeddings: closeness cannot be measured."""


@dataclass(frozen=True)
class Theme:
    """A plain summary of part of what a step adds: a shared word and the KSBs that use it."""

    label: str
    refs: tuple[str, ...]


@dataclass(frozen=True)
class NextStep:
    """One higher standard an employee could move to, how close it is, and what it adds."""

    reference: str
    title: str
    level: int
    route: str
    typical_duration_months: int | None
    max_funding_gbp: int | None
    closeness: float
    """Cosine of the two standards' mean vectors plus route and pathway bonuses (max 1.15)."""
    adds: list[Ksb]
    """New to the person: no KSB they hold is close (every KSB not carried over or built on)."""
    carries_over: list[Ksb]
    builds_on: list[Ksb] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        def ksbs(items: list[Ksb]) -> list[dict[str, str]]:
            return [{"kind": k.kind, "ref": k.ref, "text": k.text} for k in items]

        return {
            "reference": self.reference,
            "title": self.title,
            "level": self.level,
            "route": self.route,
            "typical_duration_months": self.typical_duration_months,
            "max_funding_gbp": self.max_funding_gbp,
            "closeness": round(self.closeness, 4),
            "adds": ksbs(self.adds),
            "builds_on": ksbs(self.builds_on),
            "carries_over": ksbs(self.carries_over),
            "themes": [{"label": t.label, "refs": list(t.refs)} for t in self.themes],
        }


def find_standard(index: StandardsIndex, reference: str) -> Standard:
    """The indexed standard with this reference (any case); raises UnknownStandard."""
    wanted = reference.strip().upper()
    for standard in index.standards:
        if standard.reference.upper() == wanted:
            return standard
    raise UnknownStandard(f"There is no standard with reference '{reference}'.")


def next_steps(index: StandardsIndex, *, from_reference: str, limit: int = 5) -> list[NextStep]:
    """The closest current Level 4-5 standards above the starting one, with the KSBs each adds.

    Raises UnknownStandard for a reference not in the index, NeedsEmbeddings when the index has
    no vectors.
    """
    start = find_standard(index, from_reference)
    start_units, start_vectors = index.unit_vectors(start.reference)
    if start_vectors.shape[1] == 0:
        raise NeedsEmbeddings(
            f"The '{index.preset.name}' preset has no embeddings; next steps need one that has."
        )
    candidates = [
        s
        for s in index.standards
        if s.is_current
        and s.level in TARGET_LEVELS
        and start.level < s.level <= start.level + MAX_LEVEL_STEP
    ]
    if not candidates or limit <= 0:
        return []
    start_centre = centre(start_units, start_vectors)
    scored = []
    for candidate in candidates:
        units, vectors = index.unit_vectors(candidate.reference)
        closeness = float(centre(units, vectors) @ start_centre)
        if start.route and candidate.route.casefold() == start.route.casefold():
            closeness += ROUTE_BONUS
            if start.pathway and candidate.pathway.casefold() == start.pathway.casefold():
                closeness += PATHWAY_BONUS
        scored.append((-closeness, candidate.reference, closeness, candidate))
    scored.sort(key=lambda item: (item[0], item[1]))

    own = _ksb_rows(start_units, start_vectors)
    if not own[0]:
        mask = [unit.kind in STANDARD_KINDS for unit in start_units]
        own = ([u for u, keep in zip(start_units, mask, strict=True) if keep], start_vectors[mask])
    steps = []
    for _, _, closeness, candidate in scored[:limit]:
        adds, builds_on, carries_over = _compare(index, candidate, own[1])
        steps.append(
            NextStep(
                reference=candidate.reference,
                title=candidate.title,
                level=candidate.level,
                route=candidate.route,
                typical_duration_months=candidate.typical_duration_months,
                max_funding_gbp=candidate.max_funding_gbp,
                closeness=closeness,
                adds=adds,
                carries_over=carries_over,
                builds_on=builds_on,
                themes=themes(builds_on + adds),
            )
        )
    return steps


def start_from_job(index: StandardsIndex, job_text: str, *, limit: int = 5) -> list[Match]:
    """Current standards that likely describe someone's job now (a title or a description),
    levels 2-4 first. Raises QueryError when the text has nothing to search."""
    matches = index.search(job_text, limit=limit * 2).matches
    preferred = [m for m in matches if m.level in JOB_LEVELS]
    others = [m for m in matches if m.level not in JOB_LEVELS]
    return (preferred + others)[:limit]


def centre(units: list[Unit], vectors: np.ndarray) -> np.ndarray:
    """The unit-length mean of a standard's own units (linked occupations left out)."""
    mask = np.asarray([unit.kind in STANDARD_KINDS for unit in units], dtype=bool)
    chosen = vectors[mask] if mask.any() else vectors
    total = chosen.sum(axis=0) if len(chosen) else np.zeros(vectors.shape[1], dtype=np.float32)
    norm = float(np.linalg.norm(total))
    return total / norm if norm > 0 else total


def _ksb_rows(units: list[Unit], vectors: np.ndarray) -> tuple[list[Unit], np.ndarray]:
    mask = [unit.kind in _KSB_KINDS for unit in units]
    return [u for u, keep in zip(units, mask, strict=True) if keep], vectors[mask]


def unit_key(kind: str, text: str) -> tuple[str, str]:
    # Units are whitespace-normalised, cut and de-duplicated by (kind, lower-cased text).
    return kind, " ".join(text.split())[:MAX_UNIT_CHARS].lower()


def _compare(
    index: StandardsIndex, target: Standard, start_vectors: np.ndarray
) -> tuple[list[Ksb], list[Ksb], list[Ksb]]:
    """The target's KSBs split into (new, builds on, carries over) by their best match."""
    units, vectors = _ksb_rows(*index.unit_vectors(target.reference))
    rows = {unit_key(unit.kind, unit.text): row for row, unit in enumerate(units)}
    best = (
        (vectors @ start_vectors.T).max(axis=1)
        if len(units) and len(start_vectors)
        else np.zeros(len(units), dtype=np.float32)
    )
    adds: list[Ksb] = []
    builds_on: list[Ksb] = []
    carries_over: list[Ksb] = []
    ordered = sorted(target.ksbs, key=lambda k: KIND_ORDER[k.kind])  # stable: published order
    for ksb in ordered:
        row = rows.get(unit_key(ksb.kind, ksb.text))
        if row is None:
            continue  # empty text: nothing to show or compare
        if best[row] >= COVERED_AT:
            carries_over.append(ksb)
        elif best[row] >= BUILDS_ON_AT:
            builds_on.append(ksb)
        else:
            adds.append(ksb)
    return adds, builds_on, carries_over


_WORD = re.compile(r"[a-z][a-z-]{3,}")
_PLAIN_WORDS = (
    "able ability about across activities activity actions apply appropriate approach area "
    "based being best both business clear company complete context customer deliver "
    "demonstrate develop development different effective ensure example identify including "
    "information issues knowledge level make manage management meet methods need organisation "
    "organisational other others perform practice principles problem process provide range "
    "related relevant requirements required responsibilities role safe skills specific "
    "standards such support systems take team their them these they that this through tools "
    "types understand understanding used using well when where which while with within work "
    "working create creating faced face contribute continuing continuous tasks show shows "
    "uses logical various wide"
)
_PLAIN = frozenset(stem(word) for word in _PLAIN_WORDS.split()) | frozenset(STOPWORDS)
"""Words in most KSBs of any standard ("understand", "ensure", "work"): no use as a theme."""


@lru_cache(maxsize=16384)
def _theme_words(text: str) -> tuple[tuple[str, str], ...]:
    """(stem, word) for each word of a KSB that could be a theme (remembered: comparing
    standards summarises the same KSBs many times)."""
    found = []
    for word in _WORD.findall(text.lower()):
        root = stem(word)
        if root not in _PLAIN and word not in _PLAIN:
            found.append((root, word))
    return tuple(found)


def themes(ksbs: list[Ksb], *, limit: int = MAX_THEMES) -> list[Theme]:
    """A few plain themes for a list of KSBs: the word (by stem: "test", "testing", "tests")
    most of them share, then the one most of the rest share, and so on, each shared by at least
    two KSBs; a theme is labelled with the word's commonest form. The rest stay in the detail."""
    stems_of: dict[str, set[str]] = {}
    forms: dict[str, dict[str, int]] = {}  # plain dicts: this runs for every compared pair
    for ksb in ksbs:
        roots = stems_of[ksb.ref] = set()
        for root, word in _theme_words(ksb.text):
            roots.add(root)
            seen = forms.get(root)
            if seen is None:
                forms[root] = {word: 1}
            else:
                seen[word] = seen.get(word, 0) + 1
    left = {ksb.ref for ksb in ksbs}
    chosen: list[Theme] = []
    while left and len(chosen) < limit:
        counts = Counter(root for ref in left for root in stems_of[ref])
        if not counts:
            break
        root, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if count < 2:
            break
        refs = tuple(k.ref for k in ksbs if k.ref in left and root in stems_of[k.ref])
        label = min(forms[root].items(), key=lambda item: (-item[1], item[0]))[0]
        chosen.append(Theme(label=label.capitalize(), refs=refs))
        left -= set(refs)
    return chosen
