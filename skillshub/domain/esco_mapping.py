"""One skills vocabulary: each knowledge and skill statement mapped to its closest ESCO skills.

Method (parameters in `EscoPreset`; see docs/model-card.md, "ESCO skills for each KSB"):

- Every ESCO v1.1.1 skill or knowledge concept is embedded once by its preferred label
  (lower-cased, the same WordLlama model the catalogue uses). Labels alone matched better than
  label + description on a first look at a dozen KSBs (descriptions pull in generic words) and
  embed five times faster.
- Each statement is scored against every label: confidence = (1 - `lexical_weight`) * cosine +
  `lexical_weight` * coverage, where coverage is the share of the label's content words
  (stemmed) that the statement also uses. Dense similarity alone often prefers a label that
  shares only the statement's topic; the word check favours a label the statement actually says.
- The best `per_statement` are kept when within `keep_within` of the best one; each is banded
  high / medium / low by `high_at` and `medium_at`. Low ones are shown as "check".
- Ties break by the ESCO URI, so the same inputs always give the same mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from skillshub.domain.search.stemmer import stem
from skillshub.domain.search.text import content_words

BANDS = ("high", "medium", "low")


@dataclass(frozen=True)
class EscoPreset:
    """Every setting that changes the ESCO mapping, in one place."""

    name: str
    lexical_weight: float = 0.25
    """Weight of the word check in the confidence (0 = cosine alone)."""
    per_statement: int = 3
    keep_within: float = 0.04
    """A second or third skill is kept only when its confidence is this close to the best:
    further down they were mostly near-synonyms of the first or unrelated."""
    high_at: float = 0.68
    medium_at: float = 0.57
    """Bands, set from the spread of the best confidences over all current KSBs before any pair
    was judged (the top quarter high, about the bottom third low); a judged sample then
    measured each band's precision (docs/model-card.md)."""
    chunk: int = 512
    """Statements scored at a time: 512 x 13,896 float32 scores is 28 MB."""


DEFAULT = EscoPreset(name="default")
TINY = EscoPreset(name="tiny", chunk=2)
"""For tests: the same thresholds, scored two statements at a time (exercises chunking)."""
PRESETS = {p.name: p for p in (DEFAULT, TINY)}


@dataclass(frozen=True)
class EscoSkill:
    """One ESCO skill or knowledge concept, as embedded in data/esco/."""

    uri: str
    label: str
    skill_type: str
    """'skill/competence' or 'knowledge' (a few are blank in ESCO)."""
    reuse_level: str
    """'transversal', 'cross-sector', 'sector-specific' or 'occupation-specific'."""
    description: str


@dataclass(frozen=True)
class EscoMatch:
    """An ESCO skill for a statement, with how sure the mapping is."""

    uri: str
    label: str
    cosine: float
    shared_words: tuple[str, ...]
    """The label's content words (stemmed) that the statement also uses."""
    confidence: float
    band: str


@dataclass(frozen=True, eq=False)
class EscoVocabulary:
    """The ESCO skills with their unit-length label vectors, row for row, sorted by URI."""

    skills: tuple[EscoSkill, ...]
    vectors: np.ndarray
    label_terms: tuple[frozenset[str], ...]
    postings: dict[str, np.ndarray]
    """For each label word (stemmed), the rows whose label has it."""
    share: np.ndarray
    """1 / the number of words in each label (0 for a label without content words)."""

    @classmethod
    def build(cls, skills: Sequence[EscoSkill], vectors: np.ndarray) -> EscoVocabulary:
        if len(skills) != len(vectors):
            raise ValueError(f"{len(skills)} skills but {len(vectors)} vectors")
        order = sorted(range(len(skills)), key=lambda i: skills[i].uri)
        ordered = tuple(skills[i] for i in order)
        label_terms = tuple(stems(s.label) for s in ordered)
        rows: dict[str, list[int]] = {}
        for row, words in enumerate(label_terms):
            for word in sorted(words):
                rows.setdefault(word, []).append(row)
        sizes = np.array([len(words) for words in label_terms], dtype=np.float32)
        return cls(
            skills=ordered,
            vectors=np.asarray(vectors, dtype=np.float32)[np.asarray(order, dtype=np.intp)],
            label_terms=label_terms,
            postings={w: np.asarray(r, dtype=np.int64) for w, r in rows.items()},
            share=np.divide(1.0, sizes, out=np.zeros_like(sizes), where=sizes > 0),
        )


def stems(text: str) -> frozenset[str]:
    """A text's content words, stemmed ("testing" and "tests" are one word)."""
    return frozenset(_stem(word) for word in content_words(text))


def band(confidence: float, preset: EscoPreset = DEFAULT) -> str:
    """'high', 'medium' or 'low' for a confidence."""
    if confidence >= preset.high_at:
        return "high"
    if confidence >= preset.medium_at:
        return "medium"
    return "low"


def label_text(skill: EscoSkill) -> str:
    """What is embedded for a skill: its preferred label, lower-cased like the catalogue units."""
    return skill.label.lower()


def map_texts(
    texts: Sequence[str],
    vectors: np.ndarray,
    *,
    vocabulary: EscoVocabulary,
    preset: EscoPreset = DEFAULT,
) -> list[tuple[EscoMatch, ...]]:
    """The best ESCO skills for each text (its unit-length vector row for row), best first."""
    if len(texts) != len(vectors):
        raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
    size = len(vocabulary.skills)
    if size == 0:
        return [() for _ in texts]
    weight = preset.lexical_weight
    matrix = np.asarray(vectors, dtype=np.float32)
    out: list[tuple[EscoMatch, ...]] = []
    for start in range(0, len(texts), preset.chunk):
        block = texts[start : start + preset.chunk]
        rows_in = matrix[start : start + len(block)]
        confidence = rows_in @ vocabulary.vectors.T
        confidence *= np.float32(1 - weight)  # in place: a second 28 MB array cost a second
        owns = [stems(text) for text in block]
        # Coverage through the label words' postings: only labels sharing a word are touched,
        # so every label is scored exactly without a 13,896-wide loop per statement.
        cells = [
            row * size + vocabulary.postings[word]
            for row, own in enumerate(owns)
            for word in own
            if word in vocabulary.postings
        ]
        if cells:
            flat = np.concatenate(cells)
            np.add.at(
                confidence.reshape(-1), flat, np.float32(weight) * vocabulary.share[flat % size]
            )
        # Everything within keep_within of the best: a handful per row, exact (no shortlist).
        floor = confidence.max(axis=1) - np.float32(preset.keep_within)
        rows, columns = np.nonzero(confidence >= floor[:, None])
        near: list[list[int]] = [[] for _ in block]
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            near[row].append(column)
        for row, own in enumerate(owns):
            # Columns follow URI order, so a stable sort on confidence breaks ties by URI.
            chosen = sorted(near[row], key=lambda c: -float(confidence[row, c]))
            out.append(
                tuple(
                    _match(
                        vocabulary,
                        column,
                        cosine=float(rows_in[row] @ vocabulary.vectors[column]),
                        confidence=float(confidence[row, column]),
                        own=own,
                        preset=preset,
                    )
                    for column in chosen[: preset.per_statement]
                )
            )
    return out


def _match(
    vocabulary: EscoVocabulary,
    column: int,
    *,
    cosine: float,
    confidence: float,
    own: frozenset[str],
    preset: EscoPreset,
) -> EscoMatch:
    skill = vocabulary.skills[column]
    confidence = round(confidence, 4)
    return EscoMatch(
        uri=skill.uri,
        label=skill.label,
        cosine=round(cosine, 4),
        shared_words=tuple(sorted(vocabulary.label_terms[column] & own)),
        confidence=confidence,
        band=band(confidence, preset),
    )


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Statements repeat the same few thousand words; stemming each once saves seconds at ingest.
    return stem(word)


VERDICTS = ("correct", "partly", "wrong")


@dataclass(frozen=True)
class Precision:
    """Judged mappings in one band (or all): how many, and the share correct (strict) or at
    least partly correct (lenient)."""

    band: str
    judged: int
    correct: int
    partly: int

    @property
    def strict(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def lenient(self) -> float:
        return (self.correct + self.partly) / self.judged if self.judged else 0.0


def precision(judged: Sequence[tuple[str, str]]) -> list[Precision]:
    """Precision overall ('all') then per band, from (band, verdict) pairs of a judged sample."""
    for band_name, verdict in judged:
        if band_name not in BANDS or verdict not in VERDICTS:
            raise ValueError(f"unknown band or verdict: {band_name!r}, {verdict!r}")
    out = []
    for name in ("all", *BANDS):
        rows = [v for b, v in judged if name in ("all", b)]
        out.append(Precision(name, len(rows), rows.count("correct"), rows.count("partly")))
    return out
