"""Matching employers' plain-language needs to apprenticeship standards, with reasons."""

from skillshub.domain.search.embeddings import (
    CatalogueVectors,
    Embedder,
    StandardVectors,
    WordLlamaEmbedder,
    embed_catalogue,
)
from skillshub.domain.search.engine import (
    Match,
    PartsMismatch,
    SearchOutcome,
    StandardsIndex,
    VectorsMismatch,
)
from skillshub.domain.search.explain import Evidence, highlight
from skillshub.domain.search.occupations import OccupationLinks, OccupationsNotAvailable
from skillshub.domain.search.presets import Preset, UnknownPreset, get_preset
from skillshub.domain.search.query import QueryError

__all__ = [
    "CatalogueVectors",
    "Embedder",
    "Evidence",
    "Match",
    "OccupationLinks",
    "OccupationsNotAvailable",
    "PartsMismatch",
    "Preset",
    "QueryError",
    "SearchOutcome",
    "StandardVectors",
    "StandardsIndex",
    "UnknownPreset",
    "VectorsMismatch",
    "WordLlamaEmbedder",
    "embed_catalogue",
    "get_preset",
    "highlight",
]
