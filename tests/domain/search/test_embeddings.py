"""The offline embedder and catalogue vectors stored at ingest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from skillshub.domain.search import (
    CatalogueVectors,
    ModelNotAvailable,
    StandardVectors,
    embed_catalogue,
    get_preset,
    load_embedder,
)
from skillshub.domain.search.embeddings import (
    WORDLLAMA,
    WordLlamaEmbedder,
    _mapped_tensor,
    _package_dir,
)
from skillshub.domain.search.units import standard_units
from skillshub.domain.standards import Standard


def test_embeddings_are_unit_length_and_deterministic() -> None:
    embedder = load_embedder(WORDLLAMA)
    vectors = embedder.embed(["repair lifts", "", "repair lifts"])
    assert vectors.shape == (3, 256) and vectors.dtype == np.float32
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0)
    assert not vectors[1].any()
    assert np.array_equal(vectors[0], vectors[2])


def test_similar_meanings_are_closer() -> None:
    a, b, c = load_embedder(WORDLLAMA).embed(["repair lifts", "fix elevators", "bake bread"])
    assert a @ b > a @ c


def test_loading_does_not_import_the_downloading_package() -> None:
    # In a fresh interpreter: importing wordllama itself configures logging and can download.
    code = (
        "import sys; from skillshub.domain.search import load_embedder; "
        f"load_embedder({WORDLLAMA!r}).embed(['x']); "
        "assert not [m for m in sys.modules if m.startswith('wordllama')], sys.modules"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}
    )


def test_same_vectors_as_wordllama_inference() -> None:
    from wordllama.inference import WordLlamaInference

    ours = WordLlamaEmbedder()
    theirs = WordLlamaInference(ours._table, WordLlamaEmbedder()._tokenizer)
    texts = ["Lift engineer", "maintain programmable logic controllers on a line"]
    assert np.allclose(ours.embed(texts), theirs.embed(texts, norm=True), atol=1e-6)


def test_load_by_preset() -> None:
    assert load_embedder(get_preset("tiny")) is load_embedder(WORDLLAMA)


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotAvailable, match="Unknown embedding model"):
        load_embedder("bert-huge")


def test_catalogue_vectors_round_trip(sample: list[Standard]) -> None:
    preset = get_preset("tiny")
    vectors = embed_catalogue(sample, preset=preset)
    assert vectors.references == tuple(sorted(s.reference for s in sample))
    by_reference = {s.reference: s for s in sample}
    assert list(vectors.counts) == [
        len(standard_units(by_reference[r], kinds=preset.unit_kinds)) for r in vectors.references
    ]
    assert vectors.model_name == WORDLLAMA and vectors.dimensions == 256
    again = CatalogueVectors.from_bytes(vectors.to_bytes())
    assert again.references == vectors.references and again.digests == vectors.digests
    assert np.array_equal(again.matrix, vectors.matrix)


def test_per_standard_rows_round_trip(sample: list[Standard]) -> None:
    vectors = embed_catalogue(sample, preset=get_preset("tiny"))
    rows = [
        StandardVectors.from_bytes(reference=r.reference, digest=r.digest, data=r.to_bytes())
        for r in reversed(list(vectors.standards()))
    ]
    rebuilt = CatalogueVectors.from_standards(model_name=vectors.model_name, items=rows)
    assert rebuilt.references == vectors.references
    assert np.array_equal(rebuilt.matrix, vectors.matrix)


def test_embedding_is_deterministic(sample: list[Standard]) -> None:
    preset = get_preset("tiny")
    first = embed_catalogue(sample[:3], preset=preset)
    second = embed_catalogue(list(reversed(sample[:3])), preset=preset)
    assert first.references == second.references
    assert np.array_equal(first.matrix, second.matrix)


def test_mismatched_shapes_are_refused() -> None:
    with pytest.raises(ValueError, match="rows"):
        CatalogueVectors("m", ("ST0001",), ("d",), (2,), np.zeros((3, 4), dtype=np.float32))


def test_the_weights_are_mapped_as_stored_and_read_exactly(tmp_path: Path) -> None:
    from safetensors import safe_open

    root = _package_dir("wordllama") / "weights" / "l2_supercat_256.safetensors"
    mapped = _mapped_tensor(root, "embedding.weight")
    assert mapped.dtype == np.float16 and not mapped.flags.writeable
    with safe_open(str(root), framework="np", device="cpu") as weights:
        assert np.array_equal(mapped, weights.get_tensor("embedding.weight"))
    damaged = tmp_path / "bad.safetensors"
    header = b'{"embedding.weight": {"dtype": "F16", "shape": [4, 4], "data_offsets": [0, 8]}}'
    damaged.write_bytes(len(header).to_bytes(8, "little") + header + bytes(8))
    with pytest.raises(ModelNotAvailable):
        _mapped_tensor(damaged, "embedding.weight")
    with pytest.raises(ModelNotAvailable):
        _mapped_tensor(damaged, "other")
