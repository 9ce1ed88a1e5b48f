"""The standards matcher: keyword and embedding retrieval over evidence units, fused, explained."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np

from skillshub.domain.search.embeddings import (
    CatalogueVectors,
    Embedder,
    embed_catalogue,
    normalise_rows,
)
from skillshub.domain.search.explain import Evidence, EvidenceKind, matched_words
from skillshub.domain.search.fusion import (
    reciprocal_rank,
    rescale,
    segment_max,
    top_units_mean,
)
from skillshub.domain.search.keyword import KeywordIndex, coverage_scores
from skillshub.domain.search.levels import level_boosts
from skillshub.domain.search.occupations import OccupationLinks
from skillshub.domain.search.presets import DEFAULT, STANDARD_KINDS, Preset, get_preset
from skillshub.domain.search.query import ParsedQuery, QueryError, Vocabulary, parse_query
from skillshub.domain.search.records import standard_from_record, standard_record
from skillshub.domain.search.spelling import SpellingCorrector, WordFrequency
from skillshub.domain.search.strings import PackedStrings, SortedStrings
from skillshub.domain.search.text import content_words, index_terms, terms
from skillshub.domain.search.units import Unit, UnitTable, index_units, units_digest
from skillshub.domain.standards import Standard

__all__ = [  # the matcher, and what its callers need alongside it
    "CatalogueVectors",
    "Match",
    "PartsMismatch",
    "QueryError",
    "SearchOutcome",
    "StandardsIndex",
    "VectorsMismatch",
    "embed_catalogue",
]

_DENSE_POOL = 4000
"""Units considered when averaging each standard's best few dense matches."""

PARTS_FORMAT = 1
"""Version of the layout `to_parts` writes; `from_parts` refuses any other."""


class PartsMismatch(ValueError):
    """Stored index parts are damaged, incomplete or from another version: rebuild the index."""


class VectorsMismatch(ValueError):
    """Stored vectors do not fit the standards or the preset: re-embed at ingest."""


@dataclass(frozen=True)
class Match:
    """One standard that fits the query, its score, and the evidence that earned it."""

    reference: str
    title: str
    level: int
    route: str
    score: float
    """Relative fit: the best standard scores 1 before level boosts (which add up to 0.15)."""
    why: list[Evidence]

    def as_dict(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "title": self.title,
            "level": self.level,
            "route": self.route,
            "score": round(self.score, 4),
            "why": [evidence.as_dict() for evidence in self.why],
        }


NO_GOOD_MATCH = (
    "Nothing in the catalogue is a good match for this description. Describe the tasks or "
    "skills in other words, for example 'keep our production line robots running' or "
    "'bookkeeping and payroll for a small firm'."
)


@dataclass(frozen=True)
class SearchOutcome:
    """The matches for a query, best first, and notes on how the query was read."""

    query: str
    matches: list[Match]
    notes: list[str]
    no_good_match: bool = False
    """True when nothing in the catalogue is close enough to the need to be worth showing."""

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "results": [match.as_dict() for match in self.matches],
            "notes": list(self.notes),
        }


@dataclass(frozen=True, eq=False)
class _Channels:
    """Per-query scores kept for ranking and explanation."""

    unit_keyword: np.ndarray
    unit_dense: np.ndarray
    keyword_scale: tuple[float, float]
    dense_scale: tuple[float, float]
    keyword_weight: float
    dense_weight: float
    dense_standard: np.ndarray
    """Each standard's raw dense score (before scaling): an absolute measure of fit."""


class StandardsIndex:
    """A searchable catalogue. Build it once (from standards and their stored vectors), then
    call `search` per query; a query embeds only itself, never the catalogue."""

    def __init__(
        self,
        *,
        preset: Preset,
        standards: Sequence[Standard],
        units: Sequence[Unit],
        starts: np.ndarray,
        keyword: KeywordIndex,
        vectors: np.ndarray,
        vocabulary: Vocabulary,
        embedder: Embedder | None,
    ) -> None:
        owners = np.repeat(np.arange(len(standards), dtype=np.int32), np.diff(starts))
        references = [s.reference for s in standards]
        table = (
            units
            if isinstance(units, UnitTable)
            else UnitTable.of(units, owners=owners, references=references)
        )
        self._setup(
            preset=preset,
            standards=standards,
            references=references,
            titles=[s.title for s in standards],
            routes=[s.route for s in standards],
            levels=np.asarray([s.level for s in standards], dtype=np.int16),
            current=np.asarray([s.is_current for s in standards], dtype=bool),
            units=table,
            starts=starts,
            keyword=keyword,
            vectors=distinct_rows(vectors),
            centroids=_centroids(vectors, starts),
            vocabulary=vocabulary,
            embedder=embedder,
        )

    def _setup(
        self,
        *,
        preset: Preset,
        standards: Sequence[Standard],
        references: Sequence[str],
        titles: Sequence[str],
        routes: Sequence[str],
        levels: np.ndarray,
        current: np.ndarray,
        units: UnitTable,
        starts: np.ndarray,
        keyword: KeywordIndex,
        vectors: tuple[np.ndarray, np.ndarray],
        centroids: np.ndarray,
        vocabulary: Vocabulary,
        embedder: Embedder | None,
    ) -> None:
        self.preset = preset
        self.standards = standards
        self._references = references
        self._titles = titles
        self._shown_routes = routes
        self._units = units
        self._starts = starts
        self._owner = units.owners
        self._kind_weight = units.per_kind(preset.kind_weight, dtype=np.float32)
        # Evidence shown to people: the standard's own text, not linked occupations' wording,
        # and not bare keywords ("production"), which explain nothing on their own.
        self._own = units.per_kind(
            lambda kind: kind in STANDARD_KINDS and kind != "keyword", dtype=bool
        )
        self._keyword = keyword
        # Unit vectors as distinct rows plus each unit's row: a quarter of the units repeat
        # another's text (shared occupation skills, KSBs worded alike), and the dense channel
        # reads every row per query, so fewer rows are fewer bytes to stream (~25% faster).
        self._distinct_vectors, self._vector_rows = vectors
        self._centroids = centroids
        self._vocabulary = vocabulary
        self._embedder = embedder
        self._levels = levels
        self._current = current
        self._routes = [r.casefold() for r in routes]
        self._positions = {reference: i for i, reference in enumerate(references)}

    @classmethod
    def build(
        cls,
        standards: Iterable[Standard],
        *,
        vectors: CatalogueVectors | None,
        preset: Preset | str = DEFAULT,
        embedder: Embedder | None = None,
        occupations: OccupationLinks | None = None,
    ) -> StandardsIndex:
        """Index `standards` for keywords and load their stored unit vectors.

        `vectors` must come from `embed_catalogue` with the same preset's model, the same
        standard texts and the same `occupations` (checked by fingerprint); it may cover more
        standards than indexed. Pass `vectors=None` only with a preset that does not use
        embeddings; a preset that does needs the `embedder` of its model, for queries (from
        `skillshub.sources.embedding_models.load_embedder`). `occupations` (ESCO / SOC links, from
        `skillshub.sources.occupations.read_occupation_links`) adds linked occupations' wording
        as extra units; without it the index uses the standards alone.
        """
        preset = get_preset(preset) if isinstance(preset, str) else preset
        ordered = sorted(standards, key=lambda s: s.reference)
        per_standard = [index_units(s, preset=preset, occupations=occupations) for s in ordered]
        units = [unit for group in per_standard for unit in group]
        starts = np.zeros(len(ordered) + 1, dtype=np.int64)
        np.cumsum([len(group) for group in per_standard], out=starts[1:])

        counts: Counter[str] = Counter()

        def documents() -> Iterator[list[str]]:
            # One pass, one unit at a time: word lists for 100,000 units would cost ~200 MB.
            for unit in units:
                words = content_words(unit.text)
                counts.update(set(words))
                yield index_terms(words, bigrams=preset.bigram_weight > 0)

        keyword = KeywordIndex.build(documents(), k1=preset.bm25_k1, b=preset.bm25_b)
        vocabulary = Vocabulary(
            words=SortedStrings.of(counts),
            stems=keyword.vocabulary,
            corrector=SpellingCorrector(
                counts,
                min_count=preset.spelling_min_count,
                min_length=preset.spelling_min_length,
            ),
        )

        if preset.use_dense:
            if vectors is None:
                raise VectorsMismatch(
                    f"The '{preset.name}' preset uses embeddings: pass the vectors stored at "
                    "ingest (embed_catalogue), or use StandardsIndex.embed_and_build."
                )
            matrix = _aligned(vectors, ordered, per_standard, preset)
            _check_embedder(embedder, preset)
        else:
            matrix = np.zeros((len(units), 0), dtype=np.float32)
            embedder = None
        return cls(
            preset=preset,
            standards=ordered,
            units=units,
            starts=starts,
            keyword=keyword,
            vectors=matrix,
            vocabulary=vocabulary,
            embedder=embedder,
        )

    @classmethod
    def embed_and_build(
        cls,
        standards: Iterable[Standard],
        *,
        preset: Preset | str = DEFAULT,
        embedder: Embedder | None = None,
        occupations: OccupationLinks | None = None,
    ) -> StandardsIndex:
        """Embed and build in one step (tests, benchmarks, scripts); the web app uses `build`.
        A preset that uses embeddings needs the `embedder` of its model."""
        preset = get_preset(preset) if isinstance(preset, str) else preset
        standards = list(standards)
        vectors = None
        if preset.use_dense:
            embedder = _check_embedder(embedder, preset)
            vectors = embed_catalogue(
                standards, embedder=embedder, preset=preset, occupations=occupations
            )
        return cls.build(
            standards, vectors=vectors, preset=preset, embedder=embedder, occupations=occupations
        )

    def standard(self, reference: str) -> Standard:
        """The indexed standard with this reference (KeyError when it is not indexed)."""
        return self.standards[self._positions[reference]]

    def to_parts(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """The index as plain numpy arrays (for .npy files that can be memory-mapped) and plain
        values (str, int, float, bool, lists, dicts: for msgpack or JSON); `from_parts` turns
        them back into an index that answers exactly as this one. The embedder and word
        frequencies are not included: they are injected after loading."""
        corrector_arrays, corrector_settings = self._vocabulary.corrector.to_parts()
        words = self._vocabulary.words
        if not isinstance(words, SortedStrings):
            words = SortedStrings.of(words)
        stems = self._keyword.vocabulary
        if not isinstance(stems, SortedStrings):
            raise PartsMismatch("the keyword vocabulary is not a SortedStrings")
        arrays: dict[str, np.ndarray] = {
            "starts": self._starts,
            "levels": self._levels,
            "current": self._current,
            "unit_kinds": self._units.kind_codes,
            "unit_owners": self._owner,
            "unit_refs_data": self._units.refs.data,
            "unit_refs_offsets": self._units.refs.offsets,
            "unit_texts_data": self._units.texts.data,
            "unit_texts_offsets": self._units.texts.offsets,
            "vectors": self._distinct_vectors,
            "vector_rows": self._vector_rows,
            "centroids": self._centroids,
            "postings_starts": self._keyword.starts,
            "postings_units": self._keyword.units,
            "postings_weights": self._keyword.weights,
            "document_frequency": self._keyword.document_frequency,
            "stems_data": stems.strings.data,
            "stems_offsets": stems.strings.offsets,
            "words_data": words.strings.data,
            "words_offsets": words.strings.offsets,
            **{f"corrector_{name}": array for name, array in corrector_arrays.items()},
        }
        meta: dict[str, Any] = {
            "format": PARTS_FORMAT,
            "preset": self.preset.name,
            "references": list(self._references),
            "titles": list(self._titles),
            "routes": list(self._shown_routes),
            "unit_kinds": list(self._units.kinds),
            "corrector": corrector_settings,
            "standards": [standard_record(s) for s in self.standards],
        }
        return arrays, meta

    @classmethod
    def from_parts(
        cls,
        arrays: Mapping[str, np.ndarray],
        meta: Mapping[str, Any],
        *,
        preset: Preset,
        embedder: Embedder | None,
        records: Sequence[Mapping[str, Any]] | None = None,
    ) -> StandardsIndex:
        """The index that `to_parts` described. Arrays may be read-only memory maps: nothing
        here writes to them. Full standards are rebuilt only when asked for (`standard`,
        `standards`), from `records` when given (a lazy sequence) or else meta["standards"].
        Raises PartsMismatch when the parts do not fit together or another preset made them."""
        try:
            return cls._from_parts(arrays, meta, preset=preset, embedder=embedder, records=records)
        except PartsMismatch:
            raise
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise PartsMismatch(
                f"the stored index parts do not fit together ({error!r})"
            ) from error

    @classmethod
    def _from_parts(
        cls,
        arrays: Mapping[str, np.ndarray],
        meta: Mapping[str, Any],
        *,
        preset: Preset,
        embedder: Embedder | None,
        records: Sequence[Mapping[str, Any]] | None,
    ) -> StandardsIndex:
        if meta.get("format") != PARTS_FORMAT:
            raise PartsMismatch(f"index parts format {meta.get('format')!r}, not {PARTS_FORMAT}")
        if meta["preset"] != preset.name:
            raise PartsMismatch(f"index parts made for preset '{meta['preset']}'")
        references = list(meta["references"])
        starts = arrays["starts"]
        n_standards, n_units = len(references), int(starts[-1])
        vectors, rows = arrays["vectors"], arrays["vector_rows"]
        shapes_fit = (
            len(starts) == n_standards + 1
            and len(meta["titles"]) == len(meta["routes"]) == n_standards
            and len(arrays["levels"]) == len(arrays["current"]) == n_standards
            and len(arrays["unit_owners"]) == n_units
            and vectors.ndim == 2
            and len(rows) == n_units
            and (n_units == 0 or int(rows.max()) < len(vectors))
            and arrays["centroids"].shape == (n_standards, vectors.shape[1])
            and len(arrays["postings_units"]) == len(arrays["postings_weights"])
            and int(arrays["postings_starts"][-1]) == len(arrays["postings_units"])
            and (
                len(arrays["postings_units"]) == 0 or int(arrays["postings_units"].max()) < n_units
            )
        )
        if not shapes_fit:
            raise PartsMismatch("the stored index arrays do not fit together")
        units = UnitTable(
            kinds=meta["unit_kinds"],
            kind_codes=arrays["unit_kinds"],
            owners=arrays["unit_owners"],
            references=references,
            refs=PackedStrings(arrays["unit_refs_data"], arrays["unit_refs_offsets"]),
            texts=PackedStrings(arrays["unit_texts_data"], arrays["unit_texts_offsets"]),
        )
        stems = SortedStrings(PackedStrings(arrays["stems_data"], arrays["stems_offsets"]))
        if len(stems) + 1 != len(arrays["postings_starts"]):
            raise PartsMismatch("the stored vocabulary does not fit the postings")
        keyword = KeywordIndex(
            stems,
            arrays["postings_starts"],
            arrays["postings_units"],
            arrays["postings_weights"],
            arrays["document_frequency"],
        )
        corrector = SpellingCorrector.from_parts(
            {
                name.removeprefix("corrector_"): array
                for name, array in arrays.items()
                if name.startswith("corrector_")
            },
            meta["corrector"],
        )
        vocabulary = Vocabulary(
            words=SortedStrings(PackedStrings(arrays["words_data"], arrays["words_offsets"])),
            stems=stems,
            corrector=corrector,
        )
        stored = records if records is not None else meta["standards"]
        if len(stored) != n_standards:
            raise PartsMismatch("the stored standards do not fit the index")
        index = cls.__new__(cls)
        index._setup(
            preset=preset,
            standards=_DecodedStandards(stored),
            references=references,
            titles=list(meta["titles"]),
            routes=list(meta["routes"]),
            levels=arrays["levels"],
            current=arrays["current"],
            units=units,
            starts=starts,
            keyword=keyword,
            vectors=(vectors, rows),
            centroids=arrays["centroids"],
            vocabulary=vocabulary,
            embedder=embedder if preset.use_dense else None,
        )
        return index

    def __len__(self) -> int:
        return len(self._references)

    @property
    def unit_count(self) -> int:
        return len(self._units)

    def unit_vectors(self, reference: str) -> tuple[list[Unit], np.ndarray]:
        """One standard's evidence units and their unit-length vectors, row for row (no
        columns when the preset uses no embeddings). KeyError if the reference is not indexed."""
        position = self._positions[reference]
        start, end = int(self._starts[position]), int(self._starts[position + 1])
        return self._units[start:end], self._distinct_vectors[self._vector_rows[start:end]]

    word_frequency: WordFrequency | None = None
    """General English word frequencies for spelling (injected, like the embedder; see
    skillshub.sources.word_frequency); without it every unknown word may be corrected."""

    def parse(self, query: str) -> ParsedQuery:
        return parse_query(
            query,
            preset=self.preset,
            vocabulary=self._vocabulary,
            word_frequency=self.word_frequency,
        )

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        level: int | None = None,
        route: str | None = None,
        include_not_current: bool = False,
        min_share: float = 0.0,
    ) -> SearchOutcome:
        """The standards that best fit a plain-language need, best first, with evidence.

        `level` and `route` are hard filters (the employer chose them); levels mentioned in the
        query only move standards up. `min_share` leaves out matches scoring below that share of
        the best one (a batch caller that would drop them need not pay for their evidence).
        Raises QueryError when the query has nothing to search.
        """
        parsed = self.parse(query)
        notes = list(parsed.notes)
        allowed = np.ones(len(self), dtype=bool)
        if not include_not_current:
            allowed &= self._current
        if level is not None:
            allowed &= self._levels == level
        if route is not None:
            wanted = route.casefold().strip()
            allowed &= np.asarray([r == wanted for r in self._routes], dtype=bool)
        if not allowed.any():
            notes.append("No standards match the chosen filters.")
            return SearchOutcome(parsed.text, [], notes)

        fused, channels = self._score(parsed, allowed)
        if parsed.level_hint is not None and level is None:
            boosts = level_boosts(
                parsed.level_hint,
                explicit=self.preset.level_boost,
                implied=self.preset.level_hint_boost,
            )
            lookup = np.zeros(16, dtype=np.float32)
            for lvl, boost in boosts.items():
                if 0 <= lvl < 16:
                    lookup[lvl] = boost
            fused = fused + np.where(fused > 0, lookup[np.clip(self._levels, 0, 15)], 0.0)

        if self.preset.hub_level_prior and level is None:
            at_hub_level = np.isin(self._levels, self.preset.hub_levels)
            fused = fused + np.where((fused > 0) & at_hub_level, self.preset.hub_level_prior, 0.0)

        # A need in the employer terminology table's words is on-topic by definition.
        if not parsed.expansion_text and self._below_floor(channels, allowed):
            notes.append(NO_GOOD_MATCH)
            return SearchOutcome(parsed.text, [], notes, no_good_match=True)
        candidates = np.flatnonzero(allowed & (fused > 0))
        order = candidates[np.lexsort((candidates, -fused[candidates]))][: max(limit, 0)]
        if min_share > 0 and len(order):
            # In float64, as the callers compare Match.score (a Python float).
            order = order[fused[order].astype(np.float64) >= min_share * float(fused[order[0]])]
        stems = [term.term for term in parsed.terms]
        matches = [self._match(int(i), float(fused[i]), channels, stems) for i in order]
        if not matches:
            notes.append("Nothing in the catalogue matched these words.")
        return SearchOutcome(parsed.text, matches, notes)

    def _below_floor(self, channels: _Channels, allowed: np.ndarray) -> bool:
        """True when no allowed standard is close enough to the need (see Preset.min_similarity).
        Calibrated on the dev needs against nonsense and off-topic text: docs/model-card.md."""
        floor = self.preset.min_similarity
        if floor <= 0 or not self.preset.use_dense or self._embedder is None:
            return False
        return not bool((channels.dense_standard[allowed] >= floor).any())

    def _score(self, parsed: ParsedQuery, allowed: np.ndarray) -> tuple[np.ndarray, _Channels]:
        p = self.preset
        unit_keyword, keyword_std = self._keyword_scores(parsed)
        unit_dense = np.zeros(len(self._units), dtype=np.float32)
        dense_std = np.zeros(len(self), dtype=np.float32)
        query_vector = None
        if p.use_dense and self._embedder is not None:
            query_vector = self._query_vector(parsed)
            unit_dense, dense_std = self._dense_scores(query_vector)
        fused, channels = self._fuse(unit_keyword, keyword_std, unit_dense, dense_std, allowed)
        return fused, channels

    def _query_vector(self, parsed: ParsedQuery) -> np.ndarray:
        """The employer's words, plus expansion_weight times the terminology wording."""
        assert self._embedder is not None
        if not parsed.expansion_text or self.preset.expansion_weight <= 0:
            vector: np.ndarray = self._embedder.embed([parsed.embed_text])[0]
            return vector
        own, added = self._embedder.embed([parsed.embed_text, parsed.expansion_text])
        mixed = own + self.preset.expansion_weight * added
        mixed_unit: np.ndarray = normalise_rows(mixed[None, :], in_place=True)[0]
        return mixed_unit

    def _keyword_scores(self, parsed: ParsedQuery) -> tuple[np.ndarray, np.ndarray]:
        """BM25 per unit, and per standard: coverage (each term's best unit, summed) blended
        with the best single unit."""
        p = self.preset
        unit_keyword = np.zeros(len(self._units), dtype=np.float32)
        if not p.use_keyword:
            return unit_keyword, np.zeros(len(self), dtype=np.float32)
        return coverage_scores(
            self._keyword,
            ((term.term, term.weight) for term in parsed.terms),
            unit_weight=self._kind_weight,
            owner=self._owner,
            starts=self._starts,
            coverage_weight=p.coverage_weight,
        )

    def _dense_scores(self, query_vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Cosine per unit (weighted by kind), and per standard: best unit, plus a share of the
        next best units' mean, plus a share of the similarity to the standard's centre."""
        p = self.preset
        # einsum, not @: BLAS's threaded matrix-vector product stalls when other processes
        # hold the cores, and single-threaded SIMD is as fast for one query vector.
        cosines = np.einsum("ij,j->i", self._distinct_vectors, query_vector)
        unit_dense = cosines[self._vector_rows] * self._kind_weight
        dense_std = segment_max(unit_dense, self._starts, empty=-1.0)
        if p.dense_centroid_weight > 0:
            dense_std = dense_std + p.dense_centroid_weight * (self._centroids @ query_vector)
        if p.dense_sum_weight > 0:
            dense_std = dense_std + p.dense_sum_weight * top_units_mean(
                unit_dense,
                self._owner,
                n_owners=len(self),
                k=p.dense_top_units,
                pool=_DENSE_POOL,
            )
        return unit_dense, dense_std

    def _fuse(
        self,
        unit_keyword: np.ndarray,
        keyword_std: np.ndarray,
        unit_dense: np.ndarray,
        dense_std: np.ndarray,
        allowed: np.ndarray,
    ) -> tuple[np.ndarray, _Channels]:
        p = self.preset
        keyword_scaled, k_floor, k_span = rescale(keyword_std)
        dense_scaled, d_floor, d_span = rescale(dense_std)
        w_k = p.keyword_weight if p.use_keyword else 0.0
        w_d = p.dense_weight if p.use_dense else 0.0
        if p.fusion == "rrf":
            fused = w_k * reciprocal_rank(
                keyword_scaled, allowed, k=p.rrf_k, depth=p.candidates
            ) + w_d * reciprocal_rank(dense_scaled, allowed, k=p.rrf_k, depth=p.candidates)
        else:
            fused = w_k * keyword_scaled + w_d * dense_scaled
        top = float(fused[allowed].max()) if allowed.any() else 0.0
        if top > 0:
            fused = fused / top
        channels = _Channels(
            unit_keyword=unit_keyword,
            unit_dense=unit_dense,
            keyword_scale=(k_floor, k_span),
            dense_scale=(d_floor, d_span),
            keyword_weight=w_k,
            dense_weight=w_d,
            dense_standard=dense_std,
        )
        return fused.astype(np.float32), channels

    def _match(self, index: int, score: float, channels: _Channels, stems: list[str]) -> Match:
        start, end = int(self._starts[index]), int(self._starts[index + 1])
        return Match(
            reference=self._references[index],
            title=self._titles[index],
            level=int(self._levels[index]),
            route=self._shown_routes[index],
            score=score,
            why=self._evidence(start, end, channels, stems),
        )

    def _evidence(
        self, start: int, end: int, channels: _Channels, stems: list[str]
    ) -> list[Evidence]:
        """The units that contributed most to this standard's score, scaled as in fusion."""
        _, k_span = channels.keyword_scale
        d_floor, d_span = channels.dense_scale
        keyword_part = channels.keyword_weight * channels.unit_keyword[start:end] / k_span
        dense_part = (
            channels.dense_weight
            * np.clip(channels.unit_dense[start:end] - d_floor, 0.0, None)
            / d_span
        )
        # Linked occupations' wording helps find a standard but is not part of it: never shown.
        contribution = np.where(self._own[start:end], keyword_part + dense_part, 0.0)
        order = np.lexsort((np.arange(end - start), -contribution))
        best = float(contribution[order[0]]) if len(order) else 0.0
        evidence: list[Evidence] = []
        shown: set[str] = set()
        wanted = set(stems)
        for offset in order:
            value = float(contribution[offset])
            if len(evidence) == self.preset.max_evidence or value <= 0:
                break
            if evidence and value < self.preset.evidence_min_share * best:
                break
            unit = self._units[start + int(offset)]
            if unit.text.casefold() in shown:
                # A job title that repeats the title says nothing new.
                continue
            shown.add(unit.text.casefold())
            found = wanted.intersection(terms(unit.text))
            # A unit that matched on meaning alone has no query words: skip the word scan.
            matched = matched_words(unit.text, found) if found else ()
            kind: EvidenceKind = unit.kind  # type: ignore[assignment]
            evidence.append(Evidence(kind, unit.ref, unit.text, matched))
        if not evidence and end > start:
            unit = self._units[start]
            evidence.append(Evidence("title", unit.ref, unit.text, ()))
        return evidence


class _DecodedStandards(Sequence[Standard]):
    """Standards rebuilt from their records on first use, one at a time: a search needs only
    the few it returns, and rebuilding all 949 with their KSBs takes ~0.1 s."""

    def __init__(self, records: Sequence[Mapping[str, Any]]) -> None:
        self._records = records
        self._decoded: dict[int, Standard] = {}

    def __len__(self) -> int:
        return len(self._records)

    @overload
    def __getitem__(self, position: int) -> Standard: ...
    @overload
    def __getitem__(self, position: slice) -> list[Standard]: ...
    def __getitem__(self, position: int | slice) -> Standard | list[Standard]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        standard = self._decoded.get(position)
        if standard is None:
            standard = self._decoded[position] = standard_from_record(self._records[position])
        return standard


def distinct_rows(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The matrix's distinct rows in first-seen order, and each row's position among them:
    `distinct[rows]` equals `matrix`, bit for bit."""
    positions: dict[bytes, int] = {}
    rows = np.empty(len(matrix), dtype=np.int32)
    keep: list[int] = []
    for i in range(len(matrix)):
        position = positions.setdefault(matrix[i].tobytes(), len(keep))
        if position == len(keep):
            keep.append(i)
        rows[i] = position
    distinct = np.ascontiguousarray(matrix[keep], dtype=np.float32)
    return distinct.reshape(len(keep), matrix.shape[1]), rows


def _centroids(vectors: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each standard's mean unit vector, unit length: what the standard is about overall."""
    counts = np.diff(starts)
    if vectors.shape[1] == 0 or not counts.any():
        return np.zeros((len(counts), vectors.shape[1]), dtype=np.float32)
    sums = np.zeros((len(counts), vectors.shape[1]), dtype=np.float32)
    present = counts > 0
    sums[present] = np.add.reduceat(vectors, starts[:-1][present], axis=0)
    return normalise_rows(sums)


def _check_embedder(embedder: Embedder | None, preset: Preset) -> Embedder:
    """The embedder a dense preset was given, if it is the preset's model (the domain never
    loads one: the caller reads it, once per process)."""
    if embedder is None:
        raise ValueError(
            f"The '{preset.name}' preset uses embeddings: pass embedder="
            f"load_embedder(preset) from skillshub.sources.embedding_models."
        )
    if embedder.name != preset.model:
        raise ValueError(
            f"The '{preset.name}' preset uses '{preset.model}', not the '{embedder.name}' "
            "embedder it was given."
        )
    return embedder


def _aligned(
    vectors: CatalogueVectors,
    standards: list[Standard],
    per_standard: list[list[Unit]],
    preset: Preset,
) -> np.ndarray:
    """The rows of `vectors` for `standards`, in index order, after checking they still fit."""
    if vectors.model_name != preset.model:
        raise VectorsMismatch(
            f"The stored vectors were made with '{vectors.model_name}' but the '{preset.name}' "
            f"preset uses '{preset.model}': re-embed the catalogue at ingest."
        )
    offsets: dict[str, tuple[int, int, str]] = {}
    position = 0
    for reference, digest, count in zip(
        vectors.references, vectors.digests, vectors.counts, strict=True
    ):
        offsets[reference] = (position, count, digest)
        position += count
    rows: list[np.ndarray] = []
    for standard, units in zip(standards, per_standard, strict=True):
        stored = offsets.get(standard.reference)
        if stored is None:
            raise VectorsMismatch(
                f"No stored vectors for {standard.reference}: re-embed the catalogue at ingest."
            )
        start, count, digest = stored
        if digest != units_digest(units) or count != len(units):
            raise VectorsMismatch(
                f"The stored vectors for {standard.reference} were made from different text "
                "(the standard changed since ingest): re-embed the catalogue."
            )
        rows.append(np.arange(start, start + count))
    index = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    if len(index) == len(vectors.matrix) and np.array_equal(index, np.arange(len(index))):
        # The usual case: the vectors are exactly these standards' units. Share, don't copy.
        matrix = np.ascontiguousarray(vectors.matrix, dtype=np.float32)
    else:
        matrix = np.ascontiguousarray(vectors.matrix[index], dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1)
    if np.any(np.abs(norms[norms > 0] - 1.0) > 1e-3):
        # Vectors from another embedder may not be unit length; cosine needs them to be.
        matrix = normalise_rows(matrix, in_place=matrix is not vectors.matrix)
    return matrix
