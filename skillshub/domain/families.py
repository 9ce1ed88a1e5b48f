"""Families of related occupations and the most similar standards, from their KSBs and duties.

Method (parameters in `FamilyPreset`; see docs/model-card.md, "Families and similar standards"):

- Each current product is compared with the `candidates` others whose mean text vectors
  (title, job titles, overview, duties and KSBs: `pathways.centre`) are closest, and with every
  other product of the same Skills England cluster.
- A knowledge or skill statement of one is *shared* with the other when some knowledge or skill
  statement of the other is at least `shared_at` similar (cosine; the threshold next steps use
  for a skill already held). Products without published KSBs compare their duties (failing
  that, their other own wording) instead.
- Overlap is the share of both products' statements that are shared (each side's shared
  statements over both sides' statements). Similarity = `overlap_weight` * overlap +
  `centre_weight` * cosine of the mean vectors + `cluster_bonus` when the two products are in
  the same cluster of work (the cluster's name without its level words: "Software development
  technician" and "Software development advanced technician" are one cluster).
- Families: average-linkage agglomerative clustering on that similarity (pairs never compared
  count as 0), merging the closest pair of groups while their average similarity is at least
  `family_at` and the merged group has at most `max_family_size` members. Ties break by
  reference order, so the same catalogue always gives the same families.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from skillshub.domain.pathways import COVERED_AT, KIND_ORDER, Theme, centre, themes, unit_key
from skillshub.domain.search.presets import STANDARD_KINDS
from skillshub.domain.search.units import Unit
from skillshub.domain.standards import Ksb, Standard

UnitVectors = Callable[[str], tuple[list[Unit], np.ndarray]]
"""A product's own evidence units and their unit-length vectors, row for row
(`StandardsIndex.unit_vectors`, or the vectors stored at ingest)."""


@dataclass(frozen=True)
class FamilyPreset:
    """Every setting that changes the families and the similar standards, in one place."""

    name: str
    shared_at: float = COVERED_AT
    """Cosine at or above which two statements say the same thing (set for next steps by
    reading pairs; see pathways.COVERED_AT)."""
    compared_kinds: tuple[str, ...] = ("knowledge", "skill")
    """Which statements are compared one by one: behaviours ("works safely") are shared by most
    products and say little about the occupation."""
    candidates: int = 40
    """Products compared statement by statement with each one, by closeness of mean vectors."""
    overlap_weight: float = 0.6
    centre_weight: float = 0.4
    cluster_bonus: float = 0.05
    similar_limit: int = 6
    """How many similar products are kept for each."""
    family_at: float = 0.4
    """Average similarity at or above which two groups join one family."""
    max_family_size: int = 12
    max_listed: int = 8
    """Shared and different statements kept per pair (the rest are counted)."""


DEFAULT = FamilyPreset(name="default")
TINY = FamilyPreset(name="tiny", candidates=8, similar_limit=5, max_family_size=6)
"""For tests on a handful of products: the same thresholds, fewer candidates."""
PRESETS = {p.name: p for p in (DEFAULT, TINY)}


@dataclass(frozen=True)
class SharedPair:
    """A statement of this product and the closest statement of the other."""

    own: Ksb
    other: Ksb
    cosine: float


@dataclass(frozen=True)
class Similar:
    """Another product close to this one, how much they share, and what differs."""

    reference: str
    title: str
    level: int
    route: str
    score: float
    overlap: float
    """Share of both products' compared statements that the other product shares (0 to 1)."""
    share_of_own: float
    """Share of this product's statements found in the other."""
    share_of_other: float
    """Share of the other's statements found in this one."""
    shared_count: int
    only_there_count: int
    shared: tuple[SharedPair, ...] = ()
    """Closest first, at most `max_listed`."""
    only_there: tuple[Ksb, ...] = ()
    """The other's statements with nothing close here, in published order, at most
    `max_listed`."""
    different: tuple[Theme, ...] = ()
    """A few themes summarising all the other's statements that are not shared."""
    same_family: bool = False


@dataclass(frozen=True)
class Family:
    """A group of related occupations."""

    key: str
    label: str
    route: str
    """The route most members are in."""
    members: tuple[str, ...]
    """References, by level then reference."""
    central: str
    """The member most similar to the rest."""


@dataclass(frozen=True)
class Relations:
    """Every family, and per product its family and its most similar products."""

    preset: FamilyPreset
    families: list[Family]
    family_of: dict[str, str]
    similar: dict[str, list[Similar]] = field(default_factory=dict)


_LEVEL_WORDS = frozenset(
    (
        *("advanced", "technician", "technicians", "operative", "operatives", "professional"),
        *("professionals", "or", "and", "practitioner", "practitioners", "specialist"),
        *("specialists", "worker", "workers"),
    )
)


def cluster_stem(cluster: str) -> str:
    """A cluster's name without the words that say its level: 'Software development advanced
    technician' -> 'Software development'; '' when nothing is left."""
    words = cluster.split()
    while words and words[-1].casefold() in _LEVEL_WORDS:
        words.pop()
    return " ".join(words)


@dataclass(frozen=True, eq=False)
class _Pair:
    best_own: np.ndarray
    column: np.ndarray
    best_other: np.ndarray

    @classmethod
    def empty(cls, own: int, other: int) -> _Pair:
        return cls(np.zeros(own), np.zeros(own, dtype=np.int64), np.zeros(other))


@dataclass(frozen=True, eq=False)
class _Compared:
    standard: Standard
    ksbs: list[Ksb]
    vectors: np.ndarray


def _compared(
    standard: Standard, units: list[Unit], vectors: np.ndarray, kinds: set[str]
) -> _Compared:
    """The statements compared one by one: KSBs of the compared kinds; failing those, duties;
    failing those, the product's other own wording (as Ksb-shaped items)."""
    by_key = {unit_key(u.kind, u.text): row for row, u in enumerate(units)}
    ksbs = [k for k in sorted(standard.ksbs, key=lambda k: KIND_ORDER[k.kind]) if k.kind in kinds]
    rows = [by_key.get(unit_key(k.kind, k.text)) for k in ksbs]
    chosen = [(k, r) for k, r in zip(ksbs, rows, strict=True) if r is not None]
    if not chosen:
        for fallback in (("duty",), STANDARD_KINDS):
            picked = [(row, u) for row, u in enumerate(units) if u.kind in fallback]
            if picked:
                chosen = [
                    (Ksb(kind="skill", ref=u.ref or u.kind.capitalize(), text=u.text), row)
                    for row, u in picked
                ]
                break
    if not chosen:
        return _Compared(standard, [], np.zeros((0, vectors.shape[1]), dtype=np.float32))
    return _Compared(standard, [k for k, _ in chosen], vectors[[r for _, r in chosen]])


def relate(
    standards: Sequence[Standard],
    *,
    unit_vectors: UnitVectors,
    preset: FamilyPreset = DEFAULT,
) -> Relations:
    """Families and similar products for the current products among `standards`."""
    current = sorted((s for s in standards if s.is_current), key=lambda s: s.reference)
    n = len(current)
    kinds = set(preset.compared_kinds)
    items: list[_Compared] = []
    centres = []
    for standard in current:
        units, vectors = unit_vectors(standard.reference)
        items.append(_compared(standard, units, vectors, kinds))
        centres.append(centre(units, vectors))
    if n == 0:
        return Relations(preset=preset, families=[], family_of={})
    centre_matrix = np.vstack(centres).astype(np.float32)
    closeness = centre_matrix @ centre_matrix.T
    np.fill_diagonal(closeness, -np.inf)
    stems = [cluster_stem(s.cluster).casefold() for s in current]

    depth = min(preset.candidates, n - 1)
    candidates: list[set[int]] = [set() for _ in range(n)]
    by_stem: dict[str, list[int]] = {}
    for i, key in enumerate(stems):
        if key:
            by_stem.setdefault(key, []).append(i)
    for i in range(n):
        nearest = np.argsort(-closeness[i], kind="stable")[:depth].tolist()
        for j in nearest + by_stem.get(stems[i], []):
            if j != i:  # symmetric: i is compared with j and j with i
                candidates[i].add(j)
                candidates[j].add(i)

    # One matrix product per product against all its candidates' statements (a few large
    # products, not thousands of small ones: BLAS stalls on many small calls when the cores
    # are busy). pairs[i][j]: (best cosine of each of i's statements in j, the column, best
    # cosine of each of j's statements in i).
    pairs: list[dict[int, _Pair]] = [{} for _ in range(n)]
    score = np.zeros((n, n), dtype=np.float64)
    for i in range(n):
        own = items[i]
        later = [j for j in sorted(candidates[i]) if j > i]
        others = [j for j in later if len(items[j].ksbs)]
        for j in later:
            if not (len(own.ksbs) and len(items[j].ksbs)):
                pairs[i][j] = _Pair.empty(len(own.ksbs), len(items[j].ksbs))
                pairs[j][i] = _Pair.empty(len(items[j].ksbs), len(own.ksbs))
        if len(own.ksbs) and others:
            stacked = np.vstack([items[j].vectors for j in others])
            cosines = own.vectors @ stacked.T
            offset = 0
            for j in others:
                block = cosines[:, offset : offset + len(items[j].ksbs)]
                offset += len(items[j].ksbs)
                best_own, best_other = block.max(axis=1), block.max(axis=0)
                pairs[i][j] = _Pair(best_own, block.argmax(axis=1), best_other)
                pairs[j][i] = _Pair(best_other, block.argmax(axis=0), best_own)
        for j, pair in pairs[i].items():
            if j < i:
                continue  # scored from the lower position's side, so score is symmetric
            total = len(pair.best_own) + len(pair.best_other)
            shared = int((pair.best_own >= preset.shared_at).sum())
            shared += int((pair.best_other >= preset.shared_at).sum())
            value = preset.overlap_weight * (shared / total if total else 0.0)
            value += preset.centre_weight * float(closeness[i, j])
            if stems[i] and stems[i] == stems[j]:
                value += preset.cluster_bonus
            score[i, j] = score[j, i] = value

    groups = _families(score, preset)
    families, family_of = _named(groups, current, score)
    similar: dict[str, list[Similar]] = {}
    for i, standard in enumerate(current):
        ranked = sorted(pairs[i], key=lambda j: (-score[i, j], current[j].reference))
        similar[standard.reference] = [
            _similar(items[i], items[j], pairs[i][j], float(score[i, j]), preset, family_of)
            for j in ranked[: preset.similar_limit]
        ]
    return Relations(preset=preset, families=families, family_of=family_of, similar=similar)


def _similar(
    own: _Compared,
    other: _Compared,
    pair: _Pair,
    value: float,
    preset: FamilyPreset,
    family_of: dict[str, str],
) -> Similar:
    shared_own = pair.best_own >= preset.shared_at
    shared_other = pair.best_other >= preset.shared_at
    total = len(shared_own) + len(shared_other)
    order = sorted(np.flatnonzero(shared_own).tolist(), key=lambda r: (-pair.best_own[r], r))
    listed = [
        SharedPair(
            own.ksbs[row],
            other.ksbs[int(pair.column[row])],
            round(float(pair.best_own[row]), 4),
        )
        for row in order[: preset.max_listed]
    ]
    only_there = [k for k, hit in zip(other.ksbs, shared_other, strict=True) if not hit]
    a, b = own.standard, other.standard
    return Similar(
        reference=b.reference,
        title=b.title,
        level=b.level,
        route=b.route,
        score=round(float(value), 4),
        overlap=round(int(shared_own.sum() + shared_other.sum()) / total, 4) if total else 0.0,
        share_of_own=round(float(shared_own.mean()), 4) if len(shared_own) else 0.0,
        share_of_other=round(float(shared_other.mean()), 4) if len(shared_other) else 0.0,
        shared_count=int(shared_own.sum()),
        only_there_count=len(only_there),
        shared=tuple(listed),
        only_there=tuple(only_there[: preset.max_listed]),
        different=tuple(themes(only_there)),
        same_family=family_of.get(a.reference) == family_of.get(b.reference),
    )


def _families(score: np.ndarray, preset: FamilyPreset) -> list[list[int]]:
    """Average-linkage clustering: merge the closest pair of groups while their average
    similarity reaches `family_at` and the merged size stays within `max_family_size`."""
    n = len(score)
    average = score.copy()
    np.fill_diagonal(average, -np.inf)
    sizes = np.ones(n, dtype=np.int64)
    members: list[list[int]] = [[i] for i in range(n)]
    # -inf marks pairs that can never merge: a group gone, or a merge over the size limit
    # (groups only grow, so a pair over it stays over it).
    while n:
        flat = int(np.argmax(average))  # first of equal values: lowest positions, so stable
        i, j = divmod(flat, n)
        if average[i, j] < preset.family_at:
            break
        i, j = min(i, j), max(i, j)
        merged = (sizes[i] * average[i] + sizes[j] * average[j]) / (sizes[i] + sizes[j])
        sizes[i] += sizes[j]
        sizes[j] = 0
        merged[sizes[i] + sizes > preset.max_family_size] = -np.inf
        merged[[i, j]] = -np.inf
        average[i, :] = merged
        average[:, i] = merged
        average[j, :] = -np.inf
        average[:, j] = -np.inf
        members[i] += members[j]
        members[j] = []
    return [sorted(group) for group in members if group]


_SLUG = re.compile(r"[^a-z0-9]+")


def _named(
    groups: list[list[int]], current: list[Standard], score: np.ndarray
) -> tuple[list[Family], dict[str, str]]:
    """Each group named after its commonest cluster (without level words), with its most
    central member's title when that cluster names several families, or failing a cluster that
    title alone; keys are slugs of the names, numbered when still repeated."""
    named = []
    for group in groups:
        ordered = sorted(group, key=lambda i: (current[i].level, current[i].reference))
        sub = score[np.ix_(group, group)]
        central = group[int(np.argmax(sub.sum(axis=1)))]
        clusters = Counter(cluster_stem(current[i].cluster) for i in group)
        clusters.pop("", None)
        base = min(clusters.items(), key=lambda item: (-item[1], item[0]))[0] if clusters else ""
        named.append((ordered, central, base))
    repeated = Counter(base for _, _, base in named)
    families: list[Family] = []
    family_of: dict[str, str] = {}
    used: Counter[str] = Counter()
    for ordered, central, base in named:
        title = current[central].title
        # A cluster split into several families: each also named after its central member.
        label = base if base and repeated[base] == 1 else f"{base}: {title}" if base else title
        routes = Counter(current[i].route for i in ordered)
        route = min(routes.items(), key=lambda item: (-item[1], item[0]))[0]
        slug = _SLUG.sub("-", label.lower()).strip("-") or current[central].reference.lower()
        used[slug] += 1
        key = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        families.append(
            Family(
                key=key,
                label=label[:1].upper() + label[1:],
                route=route,
                members=tuple(current[i].reference for i in ordered),
                central=current[central].reference,
            )
        )
        for i in ordered:
            family_of[current[i].reference] = key
    families.sort(key=lambda f: (f.route, f.label, f.key))
    return families, family_of
