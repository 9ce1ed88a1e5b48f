"""Ranking qualifications for an employer's plain-English need, with the words that matched.

The same pieces as the standards matcher (query parsing with spelling and terminology, Porter
stems, Okapi BM25 in `KeywordIndex`), over small units per qualification: its title, its sector
subject area, and the standards it was linked to at ingest (their titles and the evidence that
linked them). So "bookkeeping for a small firm" can find an accounting qualification through
the accounting standard it fits even when the title does not say "bookkeeping". Keyword only:
short records need no embeddings; ranking all 8,092 rows takes about 4 ms (measured, two
shared cores), a whole search with its database reads about 25 ms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from skillshub.domain.search.explain import matched_words
from skillshub.domain.search.keyword import KeywordIndex, coverage_scores
from skillshub.domain.search.presets import DEFAULT, Preset
from skillshub.domain.search.query import Vocabulary, parse_query
from skillshub.domain.search.spelling import SpellingCorrector
from skillshub.domain.search.text import content_words, index_terms

KIND_WEIGHTS: dict[str, float] = {
    "title": 1.0,
    "sector": 0.4,
    "standard": 0.6,
    "standard evidence": 0.3,
}
"""How much a match in each unit counts: the qualification's own title most; a linked
standard's words less, as they describe the job the qualification fits rather than it."""


_CONTEXT_LIST = """
small large firm firms company companies business's staff team teams people person employee
employees organisation organisations our new
"""
CONTEXT_WORDS = frozenset(_CONTEXT_LIST.split())
"""Words employers use about themselves ("for a small firm"), not about the skill: a rare word
in qualification titles would otherwise outrank the subject ("Small commercial vessel...")."""


@dataclass(frozen=True)
class SearchableQualification:
    """What the index reads of one qualification."""

    number: str
    title: str
    sector: str
    levels: tuple[int, ...]
    standards: tuple[tuple[str, str], ...] = ()
    """(kind, text) from its links: ('standard', title) and ('standard evidence', text)."""


@dataclass(frozen=True)
class Reason:
    """One part of a qualification that matched: its kind, its text and the matched words."""

    kind: str
    text: str
    matched_words: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    number: str
    score: float
    """Relative fit: the best qualification for the query scores 1."""
    why: tuple[Reason, ...]


@dataclass(frozen=True)
class Ranking:
    query: str
    hits: list[Hit]
    notes: list[str]


@dataclass(frozen=True)
class _Unit:
    owner: int
    kind: str
    text: str


class QualificationIndex:
    """Build once per loaded list; `search` ranks every qualification that matches."""

    def __init__(self, items: Iterable[SearchableQualification], *, preset: Preset = DEFAULT):
        self.preset = preset
        self.items = list(items)
        units: list[_Unit] = []
        starts = [0]
        for i, item in enumerate(self.items):
            raw = [("title", item.title), ("sector", item.sector), *item.standards]
            seen: set[tuple[str, str]] = set()
            for kind, text in raw:
                key = (kind, text.casefold())
                if text and key not in seen:
                    seen.add(key)
                    units.append(_Unit(i, kind, text))
            starts.append(len(units))
        self._units = units
        self._starts = np.asarray(starts, dtype=np.int64)
        self._owner = np.asarray([u.owner for u in units], dtype=np.int32)
        self._weight = np.asarray([KIND_WEIGHTS.get(u.kind, 0.3) for u in units], np.float32)
        counts: Counter[str] = Counter()

        def documents() -> Iterator[list[str]]:
            for unit in units:
                words = content_words(unit.text)
                counts.update(set(words))
                yield index_terms(words, bigrams=preset.bigram_weight > 0)

        self._keyword = KeywordIndex.build(documents(), k1=preset.bm25_k1, b=preset.bm25_b)
        self._vocabulary = Vocabulary(
            words=frozenset(counts),
            stems=frozenset(self._keyword.vocabulary),
            corrector=SpellingCorrector(
                counts,
                min_count=preset.spelling_min_count,
                min_length=preset.spelling_min_length,
            ),
        )
        self._levels = [frozenset(item.levels) for item in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def search(self, need: str, *, levels: Iterable[int] | None = None) -> Ranking:
        """Every qualification (at one of `levels`, when given) that shares words with the
        need, best first. Raises QueryError when the need has nothing to search for."""
        parsed = parse_query(need, preset=self.preset, vocabulary=self._vocabulary)
        notes = [n for n in parsed.notes if not n.startswith(("Ranking level", "Giving a small"))]
        terms = [t for t in parsed.terms if not set(t.word.split()) & CONTEXT_WORDS]
        unit_scores, scores = coverage_scores(
            self._keyword,
            ((t.term, t.weight) for t in terms or parsed.terms),
            unit_weight=self._weight,
            owner=self._owner,
            starts=self._starts,
            coverage_weight=self.preset.coverage_weight,
        )
        allowed = np.ones(len(self.items), dtype=bool)
        if levels is not None:
            wanted = frozenset(levels)
            allowed = np.asarray([bool(have & wanted) for have in self._levels], dtype=bool)
        candidates = np.flatnonzero(allowed & (scores > 0))
        order = candidates[np.lexsort((candidates, -scores[candidates]))]
        top = float(scores[order[0]]) if len(order) else 1.0
        stems = [term.term for term in terms or parsed.terms]
        hits = [
            Hit(self.items[i].number, float(scores[i]) / top, self._why(int(i), unit_scores, stems))
            for i in order
        ]
        if not hits:
            notes.append("No qualification matched these words.")
        return Ranking(parsed.text, hits, notes)

    def _why(self, index: int, unit_scores: np.ndarray, stems: list[str]) -> tuple[Reason, ...]:
        start, end = int(self._starts[index]), int(self._starts[index + 1])
        local = unit_scores[start:end]
        order = np.lexsort((np.arange(end - start), -local))
        reasons = []
        for offset in order[:3]:
            if local[offset] <= 0:
                break
            unit = self._units[start + int(offset)]
            reasons.append(Reason(unit.kind, unit.text, matched_words(unit.text, stems)))
        return tuple(reasons)
