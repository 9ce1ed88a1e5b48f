"""The on-disk search index cache: same answers after a round trip; damaged files are rebuilt."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from skillshub.catalogue import index_cache, matching, store
from skillshub.domain.search import StandardsIndex, get_preset
from skillshub.sources.embedding_models import load_embedder

QUERIES = ("write and test software code", "look after the accounts", "mechatronix repairs")


@pytest.fixture
def index(db: None) -> StandardsIndex:
    return StandardsIndex.embed_and_build(
        store.load_standards(), preset="tiny", embedder=load_embedder(get_preset("tiny"))
    )


def load(path: Path, preset: str = "tiny") -> StandardsIndex | None:
    chosen = get_preset(preset)
    return index_cache.load(path, preset=chosen, embedder=lambda: load_embedder(chosen))


def test_round_trip_gives_the_same_results(index: StandardsIndex, tmp_path: Path) -> None:
    path = tmp_path / "standards-index-test"
    index_cache.save(index, path)
    loaded = load(path)
    assert loaded is not None
    for query in QUERIES:
        for filters in ({}, {"level": 4}, {"include_not_current": True, "limit": 50}):
            assert loaded.search(query, **filters) == index.search(query, **filters)  # type: ignore[arg-type]
    assert list(loaded.standards) == list(index.standards)
    reference = index.standards[0].reference
    assert loaded.standard(reference) == index.standard(reference)
    units, vectors = loaded.unit_vectors(reference)
    assert (units, vectors.tolist()) == (
        index.unit_vectors(reference)[0],
        index.unit_vectors(reference)[1].tolist(),
    )


def test_arrays_are_memory_mapped_read_only(index: StandardsIndex, tmp_path: Path) -> None:
    path = tmp_path / "standards-index-test"
    index_cache.save(index, path)
    assert {"meta.msgpack", "vectors.npy", "postings_units.npy"} <= {p.name for p in path.iterdir()}
    mapped = np.load(path / "postings_units.npy", mmap_mode="r")
    assert not mapped.flags.writeable


@pytest.mark.parametrize(
    "damage",
    [
        lambda folder: (folder / "meta.msgpack").write_bytes(b"not msgpack \xc1"),
        lambda folder: (folder / "vectors.npy").write_bytes(b"\x93NUMPY truncated"),
        lambda folder: (folder / "postings_units.npy").unlink(),
        lambda folder: np.save(folder / "starts.npy", np.arange(3, dtype=np.int64)),
    ],
    ids=["meta", "truncated-array", "missing-array", "wrong-shape"],
)
def test_damaged_cache_is_ignored(index: StandardsIndex, tmp_path: Path, damage: object) -> None:
    path = tmp_path / "standards-index-test"
    index_cache.save(index, path)
    damage(path)  # type: ignore[operator]
    assert load(path) is None
    index_cache.save(index, path)  # rebuilt in place
    assert load(path) is not None


def test_missing_or_foreign_cache_is_ignored(index: StandardsIndex, tmp_path: Path) -> None:
    assert load(tmp_path / "missing") is None
    path = tmp_path / "standards-index-test"
    index_cache.save(index, path)
    assert load(path, preset="default") is None  # made for another preset
    moved = tmp_path / "standards-index-other"
    path.rename(moved)
    assert load(moved) is None  # its files describe another key


def test_key_depends_on_catalogue_preset_and_data(tmp_path: Path) -> None:
    def key(**changes: str) -> Path:
        args = {"catalogue_sha256": "a", "preset": "default", "data_digest": "d", **changes}
        return index_cache.cache_path(tmp_path, **args)

    assert key() == key()
    assert len({key(), key(catalogue_sha256="b"), key(preset="tiny"), key(data_digest="e")}) == 4


def test_saving_keeps_only_the_newest_older_cache(index: StandardsIndex, tmp_path: Path) -> None:
    old_pickle = tmp_path / "standards-index-old.pickle"
    old_pickle.write_bytes(b"x")
    for age, name in ((7200, "standards-index-older"), (60, "standards-index-previous")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "meta.msgpack").write_bytes(b"x")
        then = folder.stat().st_mtime - age
        os.utime(folder, (then, then))
    index_cache.save(index, tmp_path / "standards-index-new")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "standards-index-new",
        "standards-index-previous",
    ]


def test_the_served_index_is_read_from_the_cache(db: None) -> None:
    """get_index serves the memory-mapped copy of the catalogue's cache; a damaged cache is
    rebuilt on the next start, with the same answers."""
    sha = matching._loaded_catalogue_sha256()
    assert sha is not None
    matching.served.reset()
    try:
        first = matching.get_index()
        folder = matching._cache_folder(sha)
        assert (folder / "meta.msgpack").is_file()
        assert not first._distinct_vectors.flags.writeable  # a read-only memory map
        (folder / "meta.msgpack").write_bytes(b"damaged")
        matching.served.reset()
        again = matching.get_index()
        assert again is not first
        assert again.search("software developer") == first.search("software developer")
    finally:
        matching.served.reset()


def test_a_keyword_only_index_round_trips(db: None, tmp_path: Path) -> None:
    """No vector columns (empty arrays cannot be memory-mapped) and no model to load."""
    index = StandardsIndex.build(store.load_standards(), vectors=None, preset="bm25-only")
    path = tmp_path / "standards-index-keywords"
    index_cache.save(index, path)
    loaded = index_cache.load(path, preset=get_preset("bm25-only"), embedder=lambda: 1 / 0)  # type: ignore[arg-type,return-value]
    assert loaded is not None
    assert loaded.search("software developer") == index.search("software developer")


def test_a_save_removes_staging_left_by_a_stopped_process(
    index: StandardsIndex, tmp_path: Path
) -> None:
    stale = tmp_path / ".standards-index-x.123.tmp"
    stale.mkdir()
    os.utime(stale, (0, 0))
    fresh = tmp_path / ".standards-index-y.456.tmp"  # perhaps another process, writing now
    fresh.mkdir()
    index_cache.save(index, tmp_path / "standards-index-new")
    assert not stale.exists() and fresh.exists()
