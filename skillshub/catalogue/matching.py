"""The matching engine as the web and CLI see it: vectors made at ingest, one index per process."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from skillshub.catalogue import index_cache, store
from skillshub.catalogue.models import StoredVectors
from skillshub.core.models import DatasetLoad
from skillshub.core.versioned_cache import VersionedCache
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
)
from skillshub.domain.standards import Standard
from skillshub.settings import get_settings
from skillshub.sources.embedding_models import load_embedder
from skillshub.sources.occupations import OCCUPATIONS_FILE, read_occupation_links
from skillshub.sources.word_frequency import english_zipf

__all__ = ["CatalogueNotLoaded", "QueryError", "get_index", "search_standards"]

log = logging.getLogger(__name__)


class CatalogueNotLoaded(RuntimeError):
    """The standards have not been ingested yet."""


@dataclass
class _Cached:
    catalogue_sha256: str
    index: StandardsIndex


_OCCUPATIONS: VersionedCache[OccupationLinks | None] = VersionedCache(max_entries=1)


def occupation_links() -> OccupationLinks | None:
    """The ESCO / SOC 2020 occupation bridges under the data folder (read at ingest and build),
    or None when a custom data folder lacks them: matching then uses the standards alone.
    Read once per version of the file (an ingest asks three times: vectors, index, cache)."""
    data_dir = get_settings().data_dir
    path = data_dir / OCCUPATIONS_FILE
    try:
        stat = path.stat()
        version: tuple[str, int, int] = (str(path), stat.st_mtime_ns, stat.st_size)
    except OSError:
        version = (str(path), 0, -1)
    return _OCCUPATIONS.get(version, "links", lambda: _read_occupation_links(data_dir))


def _read_occupation_links(data_dir: Path) -> OccupationLinks | None:
    try:
        return read_occupation_links(data_dir)
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


def _in_background(work: Callable[[], None]) -> None:
    threading.Thread(target=work, name="standards-index-build", daemon=True).start()


class ServedIndex:
    """One process's standards index, keyed by catalogue SHA-256.

    The first index is loaded (or built) before it is returned: a new process has nothing else
    to serve. After that a newer catalogue is switched to only once its cache is complete; until
    then the old index keeps answering, so no request waits on a build (the ingest writes the
    cache after its swap commits, and `skillshub serve` before its workers start). If no cache
    appears within ``grace_s`` of first seeing the new catalogue (an ingest stopped between its
    commit and its cache), this process builds one in the background, once.
    """

    def __init__(
        self,
        *,
        load: Callable[[str], StandardsIndex | None],
        build: Callable[[str], StandardsIndex],
        clock: Callable[[], float] = time.monotonic,
        start: Callable[[Callable[[], None]], None] = _in_background,
        grace_s: float = 120.0,
    ) -> None:
        self._load = load  # the cached index or None; only a file check when there is none
        self._build = build  # build and write the cache
        self._clock = clock
        self._start = start
        self._grace_s = grace_s
        self._current: _Cached | None = None
        self._first_seen: dict[str, float] = {}
        self._building: set[str] = set()
        self._lock = threading.Lock()

    def get(self, catalogue_sha256: str, *, wait: bool = False) -> StandardsIndex:
        """The index for this catalogue; with ``wait`` (batch jobs such as an ingest that links
        to the standards) never an older one: load or build it now."""
        current = self._current
        if current is not None and current.catalogue_sha256 == catalogue_sha256:
            return current.index
        if wait:
            with self._lock:
                if self._current is None or self._current.catalogue_sha256 != catalogue_sha256:
                    index = self._load(catalogue_sha256) or self._build(catalogue_sha256)
                    self._current = _Cached(catalogue_sha256, index)
                return self._current.index
        if current is None:
            with self._lock:  # nothing to serve yet: wait for the first index
                if self._current is None:
                    index = self._load(catalogue_sha256) or self._build(catalogue_sha256)
                    self._current = _Cached(catalogue_sha256, index)
                if self._current.catalogue_sha256 == catalogue_sha256:
                    return self._current.index
                current = self._current
        if not self._lock.acquire(blocking=False):
            return current.index  # another thread is looking for the new cache
        try:
            return self._newer(current, catalogue_sha256)
        finally:
            self._lock.release()

    def _newer(self, current: _Cached, catalogue_sha256: str) -> StandardsIndex:
        index = self._load(catalogue_sha256)
        if index is not None:
            self._current = _Cached(catalogue_sha256, index)
            self._first_seen.pop(catalogue_sha256, None)
            return index
        first_seen = self._first_seen.setdefault(catalogue_sha256, self._clock())
        late = self._clock() - first_seen >= self._grace_s
        if late and catalogue_sha256 not in self._building:
            log.warning("no search index cache for catalogue %s yet: building it", catalogue_sha256)
            self._building.add(catalogue_sha256)
            self._start(lambda: self._build_quietly(catalogue_sha256))
        return current.index

    def _build_quietly(self, catalogue_sha256: str) -> None:
        try:
            self._build(catalogue_sha256)  # the next request finds the cache and switches
        except Exception:
            log.exception("could not build the search index for catalogue %s", catalogue_sha256)

    def reset(self) -> None:
        """Forget the index (tests; the next call loads or builds it again)."""
        with self._lock:
            self._current = None
            self._first_seen.clear()
            self._building.clear()


def _cache_folder(catalogue_sha256: str) -> Path:
    settings = get_settings()
    return _cache_folder_for(
        settings.home, catalogue_sha256, settings.search_preset, settings.data_dir
    )


@lru_cache(maxsize=16)
def _cache_folder_for(home: Path, catalogue_sha256: str, preset: str, data_dir: Path) -> Path:
    # Remembered, so a worker waiting for a new catalogue's cache checks one path per request.
    return index_cache.cache_path(
        home / "cache",
        catalogue_sha256=catalogue_sha256,
        preset=get_preset(preset).name,
        data_digest=occupations_digest(),
    )


def _load_cached(catalogue_sha256: str) -> StandardsIndex | None:
    preset = get_preset(get_settings().search_preset)
    index = index_cache.load(
        _cache_folder(catalogue_sha256), preset=preset, embedder=lambda: load_embedder(preset)
    )
    if index is not None:
        index.word_frequency = english_zipf
    return index


def _build_cached(catalogue_sha256: str) -> StandardsIndex:
    built = _build(store.load_standards())
    index_cache.save(built, _cache_folder(catalogue_sha256))
    # Serve from the files just written, as every other process will: memory-mapped
    # pages shared between workers, not this process's private copy.
    index = _load_cached(catalogue_sha256) or built
    index.word_frequency = english_zipf
    return index


served = ServedIndex(load=_load_cached, build=_build_cached)


def get_index(*, fresh: bool = False) -> StandardsIndex:
    """The index for the catalogue being served (see ServedIndex: never waits on a rebuild once
    one index is held). ``fresh``: exactly the catalogue in the database, built if need be
    (for batch work, which must not use an older catalogue)."""
    sha256 = _loaded_catalogue_sha256()
    if sha256 is None:
        raise CatalogueNotLoaded("No standards are loaded yet: run `skillshub ingest` first.")
    return served.get(sha256, wait=fresh)


def missing_index_cache() -> str | None:
    """The SHA-256 of the catalogue being served when its index cache is not written yet."""
    sha256 = _loaded_catalogue_sha256()
    if sha256 is None or (_cache_folder(sha256) / index_cache.META).is_file():
        return None
    return sha256


def prepare_index(catalogue_sha256: str) -> None:
    """Write the index cache for a catalogue just committed (the standards ingest's last step),
    so servers switch to it without building anything in a request."""
    if _load_cached(catalogue_sha256) is None:
        _build_cached(catalogue_sha256)


def search_standards(
    query: str, *, limit: int = 10, level: int | None = None, route: str | None = None
) -> SearchOutcome:
    """Standards for a plain-language need; raises QueryError or CatalogueNotLoaded."""
    return get_index().search(query, limit=limit, level=level, route=route)
