"""WordLlama's mean pooling over a given table, and catalogue vectors stored at ingest."""

from __future__ import annotations

import numpy as np
import pytest
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.pre_tokenizers import Whitespace

from skillshub.domain.search import (
    CatalogueVectors,
    Embedder,
    StandardVectors,
    WordLlamaEmbedder,
    embed_catalogue,
    get_preset,
)
from skillshub.domain.search.embeddings import WORDLLAMA, normalise_rows
from skillshub.domain.search.units import standard_units
from skillshub.domain.standards import Standard


def tiny_wordllama() -> WordLlamaEmbedder:
    """A three-word vocabulary and table built in memory: nothing read from files."""
    tokenizer = Tokenizer(WordLevel({"[UNK]": 0, "repair": 1, "lifts": 2}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Whitespace()
    table = np.zeros((3, 256), dtype=np.float16)
    table[1, 0] = 3.0
    table[2, 1] = 1.0
    return WordLlamaEmbedder(tokenizer=tokenizer, table=table)


def test_wordllama_mean_pools_its_token_rows_and_normalises() -> None:
    vectors = tiny_wordllama().embed(["repair lifts", "", "lifts", "repair repair lifts"])
    assert vectors.shape == (4, 256) and vectors.dtype == np.float32
    expected = np.zeros(256, dtype=np.float32)
    expected[:2] = np.array([1.5, 0.5]) / np.linalg.norm([1.5, 0.5])
    assert np.allclose(vectors[0], expected)
    assert not vectors[1].any()
    assert vectors[2][1] == 1.0
    assert np.allclose(vectors[3][:2], np.array([2.0, 1 / 3]) / np.linalg.norm([2.0, 1 / 3]))


def test_wordllama_refuses_a_table_of_the_wrong_width() -> None:
    with pytest.raises(ValueError, match="token table"):
        WordLlamaEmbedder(tokenizer=tiny_wordllama()._tokenizer, table=np.zeros((3, 8)))


def test_rows_are_normalised_and_zero_rows_stay_zero() -> None:
    rows = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert rows.dtype == np.float32
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])


def test_catalogue_vectors_round_trip(sample: list[Standard], embedder: Embedder) -> None:
    preset = get_preset("tiny")
    vectors = embed_catalogue(sample, embedder=embedder, preset=preset)
    assert vectors.references == tuple(sorted(s.reference for s in sample))
    by_reference = {s.reference: s for s in sample}
    assert list(vectors.counts) == [
        len(standard_units(by_reference[r], kinds=preset.unit_kinds)) for r in vectors.references
    ]
    assert vectors.model_name == WORDLLAMA and vectors.dimensions == 256
    again = CatalogueVectors.from_bytes(vectors.to_bytes())
    assert again.references == vectors.references and again.digests == vectors.digests
    assert np.array_equal(again.matrix, vectors.matrix)


def test_per_standard_rows_round_trip(sample: list[Standard], embedder: Embedder) -> None:
    vectors = embed_catalogue(sample, embedder=embedder, preset=get_preset("tiny"))
    rows = [
        StandardVectors.from_bytes(reference=r.reference, digest=r.digest, data=r.to_bytes())
        for r in reversed(list(vectors.standards()))
    ]
    rebuilt = CatalogueVectors.from_standards(model_name=vectors.model_name, items=rows)
    assert rebuilt.references == vectors.references
    assert np.array_equal(rebuilt.matrix, vectors.matrix)


def test_embedding_is_deterministic(sample: list[Standard], embedder: Embedder) -> None:
    preset = get_preset("tiny")
    first = embed_catalogue(sample[:3], embedder=embedder, preset=preset)
    second = embed_catalogue(list(reversed(sample[:3])), embedder=embedder, preset=preset)
    assert first.references == second.references
    assert np.array_equal(first.matrix, second.matrix)


def test_mismatched_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="rows"):
        CatalogueVectors("m", ("ST0001",), ("d",), (2,), np.zeros((3, 4), dtype=np.float32))
