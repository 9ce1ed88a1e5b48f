"""The on-disk search index cache: same answers after a round trip; damaged files are rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.catalogue import index_cache, store
from skillshub.domain.search import StandardsIndex, load_embedder


@pytest.fixture
def index(db: None) -> StandardsIndex:
    return StandardsIndex.embed_and_build(store.load_standards(), preset="tiny")


def test_round_trip_gives_the_same_results(index: StandardsIndex, tmp_path: Path) -> None:
    path = tmp_path / "standards-index-test.pickle"
    index_cache.save(index, path)
    loaded = index_cache.load(path, embedder=lambda: load_embedder(index.preset))
    assert loaded is not None
    query = "write and test software code"
    assert loaded.search(query).as_dict() == index.search(query).as_dict()


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "standards-index-bad.pickle"
    path.write_bytes(b"not a pickle")
    assert index_cache.load(path, embedder=lambda: None) is None
    assert index_cache.load(tmp_path / "missing.pickle", embedder=lambda: None) is None


def test_key_depends_on_catalogue_preset_and_data(tmp_path: Path) -> None:
    def key(**changes: str) -> Path:
        args = {"catalogue_sha256": "a", "preset": "default", "data_digest": "d", **changes}
        return index_cache.cache_path(tmp_path, **args)

    assert key() == key()
    assert len({key(), key(catalogue_sha256="b"), key(preset="tiny"), key(data_digest="e")}) == 4


def test_saving_replaces_older_cache_files(index: StandardsIndex, tmp_path: Path) -> None:
    old = tmp_path / "standards-index-old.pickle"
    old.write_bytes(b"x")
    index_cache.save(index, tmp_path / "standards-index-new.pickle")
    assert not old.exists()
