"""The matching engine as the web and CLI see it: built once per process from stored data."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from skillshub.catalogue import store
from skillshub.catalogue.models import SearchVectors
from skillshub.core.models import DatasetLoad
from skillshub.domain.search import engine
from skillshub.domain.search.presets import get_preset
from skillshub.domain.standards import Standard
from skillshub.settings import get_settings

_lock = threading.Lock()


@dataclass
class _Cached:
    catalogue_sha256: str
    index: engine.StandardsIndex


_cache: _Cached | None = None


class CatalogueNotLoaded(RuntimeError):
    """The standards have not been ingested yet."""


def compute_vectors(standards: list[Standard]) -> engine.CatalogueVectors:
    """Embed the catalogue (done at ingest, never per query)."""
    preset = get_preset(get_settings().search_preset)
    return engine.embed_catalogue(standards, embedder=engine.load_embedder(preset), preset=preset)


def store_vectors(vectors: engine.CatalogueVectors, *, catalogue_sha256: str) -> None:
    SearchVectors.objects.all().delete()
    SearchVectors.objects.create(
        model_name=vectors.model_name,
        dimensions=vectors.dimensions,
        catalogue_sha256=catalogue_sha256,
        payload=vectors.to_bytes(),
    )


def get_index() -> engine.StandardsIndex:
    """The index for the catalogue being served, rebuilt when a new catalogue is loaded."""
    global _cache
    load = DatasetLoad.latest_for("standards")
    if load is None:
        raise CatalogueNotLoaded("Run `skillshub ingest` to load the standards first.")
    cached = _cache
    if cached is not None and cached.catalogue_sha256 == load.sha256:
        return cached.index
    with _lock:
        if _cache is not None and _cache.catalogue_sha256 == load.sha256:
            return _cache.index
        standards = store.load_standards()
        row = SearchVectors.objects.order_by("-id").first()
        preset = get_preset(get_settings().search_preset)
        if row is None:
            vectors = compute_vectors(standards)
        else:
            vectors = engine.CatalogueVectors.from_bytes(bytes(row.payload))
        index = engine.StandardsIndex.build(standards, vectors=vectors, preset=preset)
        _cache = _Cached(load.sha256, index)
        return index


def search_standards(
    query: str, *, limit: int = 10, level: int | None = None, route: str | None = None
) -> engine.SearchOutcome:
    return get_index().search(query, limit=limit, level=level, route=route)
