"""The matching engine as the web and CLI see it: vectors made at ingest, one index per process."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from skillshub.catalogue import index_cache, store
from skillshub.catalogue.models import StoredVectors
from skillshub.core.models import DatasetLoad
from skillshub.domain.search import (
    CatalogueVectors,
    OccupationLinks,
    OccupationsNotAvailable,
    QueryError,
    SearchOutcome,
    StandardsIndex,
    StandardVectors,
    VectorsMismatch,
    embed_catalogue,
    get_preset,
    load_embedder,
)
from skillshub.domain.search.occupations import OCCUPATIONS_FILE
from skillshub.domain.standards import Standard
from skillshub.settings import get_settings
from skillshub.sources.word_frequency import english_zipf

__all__ = ["CatalogueNotLoaded", "QueryError", "get_index", "search_standards"]

log = logging.getLogger(__name__)
_lock = threading.Lock()


class CatalogueNotLoaded(RuntimeError):
    """The standards have not been ingested yet."""


@dataclass
class _Cached:
    catalogue_sha256: str
    index: StandardsIndex


_cache: _Cached | None = None


def occupation_links() -> OccupationLinks | None:
    """The ESCO / SOC 2020 occupation bridges under the data folder (read at ingest and build),
    or None when a custom data folder lacks them: matching then uses the standards alone."""
    try:
        return OccupationLinks.load(get_settings().data_dir)
    except OccupationsNotAvailable as error:
        log.warning("searching without occupation bridges: %s", error)
        return None


def occupations_digest() -> str:
    """Fingerprint of the occupation bridges file, part of the index cache key."""
    path = get_settings().data_dir / OCCUPATIONS_FILE
    if not path.exists():
        return "none"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compute_vectors(standards: Sequence[Standard]) -> CatalogueVectors:
    """Embed the catalogue with the configured preset's model (at ingest, never per query)."""
    preset = get_preset(get_settings().search_preset)
    return embed_catalogue(
        list(standards),
        embedder=load_embedder(preset),
        preset=preset,
        occupations=occupation_links(),
    )


def replace_vectors(vectors: CatalogueVectors) -> int:
    """Store one row per standard; call inside the ingest transaction."""
    StoredVectors.objects.all().delete()
    rows = [
        StoredVectors(
            reference=item.reference,
            model_name=vectors.model_name,
            digest=item.digest,
            payload=item.to_bytes(),
        )
        for item in vectors.standards()
    ]
    StoredVectors.objects.bulk_create(rows, batch_size=200)
    return len(rows)


def stored_vectors() -> CatalogueVectors | None:
    rows = list(StoredVectors.objects.all())
    if not rows:
        return None
    models = {row.model_name for row in rows}
    if len(models) != 1:
        return None
    return CatalogueVectors.from_standards(
        model_name=models.pop(),
        items=(
            StandardVectors.from_bytes(
                reference=row.reference, digest=row.digest, data=bytes(row.payload)
            )
            for row in rows
        ),
    )


def _build(standards: list[Standard]) -> StandardsIndex:
    preset = get_preset(get_settings().search_preset)
    embedder = load_embedder(preset)
    occupations = occupation_links()
    vectors = stored_vectors()
    if vectors is not None:
        try:
            return StandardsIndex.build(
                standards,
                vectors=vectors,
                preset=preset,
                embedder=embedder,
                occupations=occupations,
            )
        except VectorsMismatch as error:
            log.warning("stored search vectors do not fit (%s); embedding again", error)
    fresh = embed_catalogue(standards, embedder=embedder, preset=preset, occupations=occupations)
    return StandardsIndex.build(
        standards, vectors=fresh, preset=preset, embedder=embedder, occupations=occupations
    )


def _loaded_catalogue_sha256() -> str | None:
    """The SHA-256 of the catalogue being served: one small query per search (the hash alone,
    not the whole DatasetLoad row with its JSON counts), so a new ingest is seen at once."""
    latest = DatasetLoad.objects.filter(dataset="standards").order_by("-loaded_at", "-id")
    sha256: str | None = latest.values_list("sha256", flat=True).first()
    return sha256


def get_index() -> StandardsIndex:
    """The index for the catalogue being served, rebuilt when a new catalogue is loaded."""
    global _cache
    sha256 = _loaded_catalogue_sha256()
    if sha256 is None:
        raise CatalogueNotLoaded("No standards are loaded yet: run `skillshub ingest` first.")
    cached = _cache
    if cached is not None and cached.catalogue_sha256 == sha256:
        return cached.index
    with _lock:
        if _cache is None or _cache.catalogue_sha256 != sha256:
            _cache = _Cached(sha256, _cached_or_built(sha256))
        return _cache.index


def _cached_or_built(catalogue_sha256: str) -> StandardsIndex:
    settings = get_settings()
    preset = get_preset(settings.search_preset)
    path = index_cache.cache_path(
        settings.home / "cache",
        catalogue_sha256=catalogue_sha256,
        preset=preset.name,
        data_digest=occupations_digest(),
    )
    index = index_cache.load(path, preset=preset, embedder=lambda: load_embedder(preset))
    if index is None:
        built = _build(store.load_standards())
        index_cache.save(built, path)
        # Serve from the files just written, as every other process will: memory-mapped
        # pages shared between workers, not this process's private copy.
        index = (
            index_cache.load(path, preset=preset, embedder=lambda: load_embedder(preset)) or built
        )
    index.word_frequency = english_zipf
    return index


def search_standards(
    query: str, *, limit: int = 10, level: int | None = None, route: str | None = None
) -> SearchOutcome:
    """Standards for a plain-language need; raises QueryError or CatalogueNotLoaded."""
    return get_index().search(query, limit=limit, level=level, route=route)
