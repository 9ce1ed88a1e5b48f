"""A built search index kept on disk, so a new process (a CLI call, a worker) starts quickly."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from skillshub.domain.search import Embedder, StandardsIndex

log = logging.getLogger(__name__)
ENGINE_SOURCES = Path(__file__).resolve().parent.parent / "domain"


def engine_digest() -> str:
    """Changes whenever the matcher's code changes, so an old pickle is never reused."""
    digest = hashlib.sha256()
    sources = [*sorted((ENGINE_SOURCES / "search").glob("*.py")), ENGINE_SOURCES / "standards.py"]
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(folder: Path, *, catalogue_sha256: str, preset: str, data_digest: str) -> Path:
    key = hashlib.sha256(
        "|".join((catalogue_sha256, preset, data_digest, engine_digest())).encode()
    ).hexdigest()[:32]
    return folder / f"standards-index-{key}.pickle"


def load(path: Path, *, embedder: Callable[[], Embedder | None]) -> StandardsIndex | None:
    """The cached index, or None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as handle:
            index = pickle.load(handle)
    except Exception as error:  # a damaged or foreign cache is rebuilt, never fatal
        log.warning("ignoring unreadable search index cache %s (%s)", path, error)
        return None
    if not isinstance(index, StandardsIndex):
        return None
    index._embedder = embedder()
    return index


def save(index: StandardsIndex, path: Path) -> None:
    """Write atomically; drop older cache files. Failure to cache is only logged."""
    embedder, index._embedder = index._embedder, None
    frequency, index.word_frequency = index.word_frequency, None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        for old in path.parent.glob("standards-index-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not cache the search index at %s (%s)", path, error)
    finally:
        index._embedder = embedder
        index.word_frequency = frequency
