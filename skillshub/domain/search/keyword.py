"""Okapi BM25 over evidence units, as a compact inverted index in numpy arrays."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from skillshub.domain.search.strings import SortedStrings


@dataclass(frozen=True, eq=False)
class KeywordIndex:
    """Postings in CSR layout: term t's units are `units[starts[t]:starts[t+1]]`, ascending, with
    precomputed BM25 weights in `weights` (idf times saturated, length-normalised tf). Term ids
    follow the terms' sorted order, so the vocabulary is a `SortedStrings` that loads as arrays."""

    vocabulary: Mapping[str, int]
    starts: np.ndarray
    units: np.ndarray
    weights: np.ndarray
    document_frequency: np.ndarray

    @classmethod
    def build(cls, documents: Iterable[Sequence[str]], *, k1: float, b: float) -> KeywordIndex:
        """Index documents given as lists of terms (already stemmed), read once, in order."""
        vocabulary: dict[str, int] = {}
        add = vocabulary.setdefault
        # Compact typed arrays, not lists: a large catalogue has millions of postings, and
        # documents may be a generator so no document's terms outlive their turn.
        occurrences, sizes = array("i"), array("i")
        for document in documents:
            sizes.append(len(document))
            occurrences.extend([add(term, len(vocabulary)) for term in document])
        lengths = np.frombuffer(sizes, dtype=np.int32).astype(np.float32)
        n_docs = max(len(lengths), 1)
        owners = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths.astype(np.int64))
        # One key per (term, document) occurrence; unique() sorts by term, then document, so
        # each term's postings are one ascending slice, and counts give the term frequency.
        # Renumber terms in sorted order (first-seen ids -> ranks): the same postings and
        # weights, but the vocabulary can then be a binary search over packed strings.
        terms = list(vocabulary)
        rank = np.empty(len(terms), dtype=np.int64)
        rank[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
        first_seen = np.frombuffer(occurrences, dtype=np.int32)
        keys = rank[first_seen] * n_docs + owners
        keys, tf_counts = np.unique(keys, return_counts=True)
        term_ids = (keys // n_docs).astype(np.int32)
        doc_ids = (keys % n_docs).astype(np.int32)
        tf = tf_counts.astype(np.float32)
        df = np.bincount(term_ids, minlength=len(vocabulary)).astype(np.float32)
        idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
        average = float(lengths.mean()) if len(lengths) else 1.0
        norm = k1 * (1.0 - b + b * lengths[doc_ids] / max(average, 1e-9))
        weights = idf[term_ids] * tf * (k1 + 1.0) / (tf + norm)
        starts = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_ids, minlength=len(vocabulary)), out=starts[1:])
        return cls(SortedStrings.of(terms), starts, doc_ids, weights.astype(np.float32), df)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """The units containing `term` and its BM25 weight in each (empty if unknown)."""
        term_id = self.vocabulary.get(term)
        if term_id is None:
            empty = np.zeros(0, dtype=np.int32)
            return empty, np.zeros(0, dtype=np.float32)
        start, end = self.starts[term_id], self.starts[term_id + 1]
        return self.units[start:end], self.weights[start:end]


def coverage_scores(
    keyword: KeywordIndex,
    terms: Iterable[tuple[str, float]],
    *,
    unit_weight: np.ndarray,
    owner: np.ndarray,
    starts: np.ndarray,
    coverage_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """BM25 per unit, and per owner (a standard, a qualification): coverage (each term's best
    unit, summed, so owners that cover the whole need win) blended with the best single unit.

    `terms` are (term, weight) pairs; `unit_weight` weighs each unit by its kind; `owner` maps
    each unit to its owner and `starts` gives each owner's first unit (units grouped by owner).
    """
    from skillshub.domain.search.fusion import segment_max

    unit_scores = np.zeros(len(owner), dtype=np.float32)
    coverage = np.zeros(len(starts) - 1, dtype=np.float32)
    for term, weight in terms:
        units, weights = keyword.postings(term)
        if units.size == 0:
            continue
        values = weights * weight * unit_weight[units]
        unit_scores[units] += values
        owners = owner[units]
        firsts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        coverage[owners[firsts]] += np.maximum.reduceat(values, firsts)
    best = segment_max(unit_scores, starts)
    return unit_scores, coverage_weight * coverage + (1 - coverage_weight) * best
