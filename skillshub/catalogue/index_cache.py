"""A built search index kept on disk as memory-mappable arrays, so a new process (a CLI call, a
gunicorn worker) starts quickly and every worker shares the same pages."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import msgpack
import numpy as np

from skillshub.domain.search import Embedder, Preset, StandardsIndex
from skillshub.domain.search.strings import PackedStrings

log = logging.getLogger(__name__)
ENGINE_SOURCES = Path(__file__).resolve().parent.parent / "domain"
PREFIX = "standards-index-"
META = "meta.msgpack"
RECORDS = "records"
"""Each standard's record as its own msgpack blob, packed in two arrays: decoded on demand."""


def engine_digest() -> str:
    """Changes whenever the matcher's code or this file layout changes, so an old cache is
    never reused."""
    digest = hashlib.sha256()
    sources = [
        *sorted((ENGINE_SOURCES / "search").glob("*.py")),
        ENGINE_SOURCES / "standards.py",
        Path(__file__).resolve(),
    ]
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_path(folder: Path, *, catalogue_sha256: str, preset: str, data_digest: str) -> Path:
    """The cache folder for this catalogue, preset, data and engine code."""
    key = hashlib.sha256(
        "|".join((catalogue_sha256, preset, data_digest, engine_digest())).encode()
    ).hexdigest()[:32]
    return folder / f"{PREFIX}{key}"


class _Records(Sequence[Mapping[str, Any]]):
    """Standards' records, each a msgpack blob in the mapped arrays, unpacked when asked for."""

    def __init__(self, packed: PackedStrings) -> None:
        self._packed = packed

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, position: Any) -> Any:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        record: Mapping[str, Any] = msgpack.unpackb(self._packed.encoded(position))
        return record


def _open_array(path: Path) -> np.ndarray:
    try:
        # Read-only and shared: the kernel keeps one copy for every process that maps it.
        array = np.load(path, mmap_mode="r", allow_pickle=False)
    except ValueError:  # an empty array cannot be mapped; read it (or fail on a bad file)
        array = np.load(path, allow_pickle=False)
    return array.view(np.ndarray)


def load(
    path: Path, *, preset: Preset, embedder: Callable[[], Embedder | None]
) -> StandardsIndex | None:
    """The cached index, or None when there is none or it cannot be read (never an error)."""
    if not (path / META).is_file():
        return None
    try:
        meta = msgpack.unpackb((path / META).read_bytes())
        if not isinstance(meta, dict) or meta.get("key") != path.name:
            raise ValueError("the cache describes another index")
        arrays = {file.stem: _open_array(file) for file in path.glob("*.npy")}
        records = _Records(
            PackedStrings(arrays.pop(f"{RECORDS}_data"), arrays.pop(f"{RECORDS}_offsets"))
        )
        model = embedder() if preset.use_dense else None  # a keyword-only preset needs none
        return StandardsIndex.from_parts(
            arrays, meta, preset=preset, embedder=model, records=records
        )
    except Exception as error:  # a damaged or foreign cache is rebuilt, never fatal
        log.warning("ignoring unreadable search index cache %s (%s)", path, error)
        return None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process's save
        return 0.0


def save(index: StandardsIndex, path: Path) -> None:
    """Write the index's parts into a new folder, then rename it into place (atomic: a reader
    sees the old cache or the new, never half of one); drop older caches but the newest one.
    Failure to cache is only logged."""
    arrays, meta = index.to_parts()
    blobs = [msgpack.packb(record) for record in meta.pop("standards")]
    offsets = np.zeros(len(blobs) + 1, dtype=np.int64)
    np.cumsum([len(blob) for blob in blobs], out=offsets[1:])
    records = PackedStrings(np.frombuffer(b"".join(blobs), dtype=np.uint8), offsets)
    arrays = {**arrays, f"{RECORDS}_data": records.data, f"{RECORDS}_offsets": records.offsets}
    meta["key"] = path.name
    staging: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"))
        for name, array in arrays.items():
            np.save(staging / f"{name}.npy", np.ascontiguousarray(array), allow_pickle=False)
        (staging / META).write_bytes(msgpack.packb(meta))
        if path.exists():
            # A damaged cache: move it aside first (processes that mapped its files keep them).
            aside = path.with_name(f".{path.name}.{os.getpid()}.old")
            os.replace(path, aside)
            shutil.rmtree(aside, ignore_errors=True)
        os.replace(staging, path)
        staging = None
        others = sorted(
            (old for old in path.parent.glob(f"{PREFIX}*") if old != path),
            key=_modified,
            reverse=True,
        )
        # The newest other folder is kept: a worker still serving the previous catalogue, or a
        # load of it put back, finds it (the full catalogue's cache is about 130 MB).
        kept = [old for old in others if old.is_dir()][:1]
        for old in others:
            if old in kept:
                continue
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)  # the pickles of earlier releases
        for staged in path.parent.glob(f".{PREFIX}*"):
            # Left by a process that stopped while writing; an hour is far longer than a save.
            if time.time() - staged.stat().st_mtime > 3600:
                shutil.rmtree(staged, ignore_errors=True)
    except OSError as error:
        log.warning("could not cache the search index at %s (%s)", path, error)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
