"""Sentence embeddings: the Embedder protocol, WordLlama's mean pooling, and stored vectors."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from skillshub.domain.search.occupations import OccupationLinks
from skillshub.domain.search.presets import Preset
from skillshub.domain.search.units import Unit, index_units, units_digest
from skillshub.domain.standards import Standard

WORDLLAMA = "wordllama-l2-supercat-256"
_BATCH = 256


class Embedder(Protocol):
    """Anything that turns texts into unit-length float32 vectors, one row per text; models are
    read from files by `skillshub.sources.embedding_models.load_embedder`."""

    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class Encoding(Protocol):
    """What a tokenizer returns for one text (as `tokenizers.Encoding` does)."""

    @property
    def ids(self) -> list[int]: ...

    @property
    def attention_mask(self) -> list[int]: ...


class Tokenizer(Protocol):
    """A tokenizer without padding or truncation (as `tokenizers.Tokenizer` configured so)."""

    def encode(self, sequence: str, *, add_special_tokens: bool = ...) -> Encoding: ...


class WordLlamaEmbedder:
    """WordLlama's 256-d 'l2_supercat' static token embeddings, mean-pooled: fast and offline.

    Given the tokenizer and the token table (read by
    `skillshub.sources.embedding_models.read_wordllama`), the vectors equal
    `WordLlamaInference.embed(texts, norm=True)` for the same files.
    """

    name = WORDLLAMA
    dim = 256

    def __init__(self, *, tokenizer: Tokenizer, table: np.ndarray) -> None:
        if table.ndim != 2 or table.shape[1] != self.dim:
            raise ValueError(f"the token table must be (tokens, {self.dim}), not {table.shape}")
        self._tokenizer = tokenizer
        self._table = table

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            # One text at a time: encode_batch's thread pool holds ~80 MB of arenas for little
            # gain, and a query is a single text anyway.
            token_ids = [
                np.asarray(encoded.ids, dtype=np.int64)[
                    np.asarray(encoded.attention_mask, dtype=bool)
                ]
                for encoded in (
                    self._tokenizer.encode(text, add_special_tokens=False)
                    for text in texts[start : start + _BATCH]
                )
            ]
            lengths = np.fromiter((len(t) for t in token_ids), dtype=np.int64)
            if not lengths.any():
                continue
            ids = np.concatenate(token_ids)
            np.clip(ids, 0, len(self._table) - 1, out=ids)
            nonempty = lengths > 0
            offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
            # float16 rows widened exactly to float32, then summed in float32 as before.
            sums = np.add.reduceat(self._table[ids].astype(np.float32), offsets, axis=0)
            batch = out[start : start + len(token_ids)]
            batch[nonempty] = sums / lengths[nonempty, None]
        return normalise_rows(out, in_place=True)


def normalise_rows(matrix: np.ndarray, *, in_place: bool = False) -> np.ndarray:
    """Scale each row to unit length (zero rows stay zero), as float32."""
    out = matrix if in_place and matrix.dtype == np.float32 else matrix.astype(np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out /= norms
    return out


def unit_text(unit: Unit) -> str:
    """What is embedded for a unit: its text, lower-cased so Title Case and queries agree."""
    return unit.text.lower()


@dataclass(frozen=True)
class StandardVectors:
    """One standard's unit vectors, with the fingerprint of the unit texts they were made from."""

    reference: str
    digest: str
    matrix: np.ndarray

    def to_bytes(self) -> bytes:
        """The matrix as a .npy file (float32, shape recorded), for a database binary column."""
        buffer = io.BytesIO()
        np.save(buffer, np.ascontiguousarray(self.matrix, dtype=np.float32), allow_pickle=False)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, *, reference: str, digest: str, data: bytes) -> StandardVectors:
        matrix = np.load(io.BytesIO(data), allow_pickle=False)
        return cls(reference, digest, np.asarray(matrix, dtype=np.float32))


@dataclass(frozen=True, eq=False)
class CatalogueVectors:
    """Unit vectors for a whole catalogue: rows grouped by standard, in `references` order."""

    model_name: str
    references: tuple[str, ...]
    digests: tuple[str, ...]
    counts: tuple[int, ...]
    matrix: np.ndarray

    def __post_init__(self) -> None:
        if not (len(self.references) == len(self.digests) == len(self.counts)):
            raise ValueError("references, digests and counts must have the same length")
        if self.matrix.ndim != 2 or self.matrix.shape[0] != sum(self.counts):
            raise ValueError(
                f"matrix has {self.matrix.shape[0]} rows but counts add up to {sum(self.counts)}"
            )

    @property
    def dimensions(self) -> int:
        return int(self.matrix.shape[1])

    def standards(self) -> Iterator[StandardVectors]:
        """Per-standard slices, for storing one database row per standard."""
        start = 0
        for reference, digest, count in zip(
            self.references, self.digests, self.counts, strict=True
        ):
            yield StandardVectors(reference, digest, self.matrix[start : start + count])
            start += count

    @classmethod
    def from_standards(
        cls, *, model_name: str, items: Iterable[StandardVectors]
    ) -> CatalogueVectors:
        """Reassemble catalogue vectors from per-standard rows (any order)."""
        rows = sorted(items, key=lambda item: item.reference)
        dims = {row.matrix.shape[1] for row in rows if row.matrix.size}
        if len(dims) > 1:
            raise ValueError(f"stored vectors have mixed dimensions {sorted(dims)}")
        dim = dims.pop() if dims else 0
        matrix = (
            np.concatenate([row.matrix.reshape(-1, dim) for row in rows]).astype(np.float32)
            if rows
            else np.zeros((0, dim), dtype=np.float32)
        )
        return cls(
            model_name=model_name,
            references=tuple(row.reference for row in rows),
            digests=tuple(row.digest for row in rows),
            counts=tuple(len(row.matrix) for row in rows),
            matrix=matrix,
        )

    def to_bytes(self) -> bytes:
        """The whole catalogue as one .npz file."""
        buffer = io.BytesIO()
        np.savez(
            buffer,
            model_name=np.array(self.model_name),
            references=np.array(self.references, dtype=str),
            digests=np.array(self.digests, dtype=str),
            counts=np.array(self.counts, dtype=np.int64),
            matrix=np.ascontiguousarray(self.matrix, dtype=np.float32),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> CatalogueVectors:
        with np.load(io.BytesIO(data), allow_pickle=False) as stored:
            return cls(
                model_name=str(stored["model_name"]),
                references=tuple(str(r) for r in stored["references"]),
                digests=tuple(str(d) for d in stored["digests"]),
                counts=tuple(int(c) for c in stored["counts"]),
                matrix=np.asarray(stored["matrix"], dtype=np.float32),
            )


def embed_catalogue(
    standards: Iterable[Standard],
    *,
    embedder: Embedder,
    preset: Preset,
    occupations: OccupationLinks | None = None,
) -> CatalogueVectors:
    """Embed every evidence unit of every standard: done once, at ingest, and stored. Pass the
    same `occupations` as to `StandardsIndex.build`, and the embedder of `preset.model`."""
    ordered = sorted(standards, key=lambda s: s.reference)
    per_standard = [index_units(s, preset=preset, occupations=occupations) for s in ordered]
    texts = [unit_text(unit) for units in per_standard for unit in units]
    matrix = embedder.embed(texts) if texts else np.zeros((0, embedder.dim), dtype=np.float32)
    return CatalogueVectors(
        model_name=embedder.name,
        references=tuple(s.reference for s in ordered),
        digests=tuple(units_digest(units) for units in per_standard),
        counts=tuple(len(units) for units in per_standard),
        matrix=np.asarray(matrix, dtype=np.float32),
    )
