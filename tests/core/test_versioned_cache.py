"""VersionedCache: built once per version and key; a new version drops the old values."""

from __future__ import annotations

import threading
from collections.abc import Callable

from skillshub.core.versioned_cache import VersionedCache


def test_built_once_per_version_and_key() -> None:
    cache: VersionedCache[str] = VersionedCache()
    builds: list[str] = []

    def build(value: str) -> str:
        builds.append(value)
        return value

    assert cache.get("v1", "a", lambda: build("a1")) == "a1"
    assert cache.get("v1", "a", lambda: build("again")) == "a1"
    assert cache.get("v2", "a", lambda: build("a2")) == "a2"
    assert cache.get("v2", "b", lambda: build("b2")) == "b2"
    assert cache.get("v1", "a", lambda: build("a1 anew")) == "a1 anew"
    assert builds == ["a1", "a2", "b2", "a1 anew"]


def test_at_most_max_entries_are_kept() -> None:
    cache: VersionedCache[int] = VersionedCache(max_entries=2)
    calls: list[int] = []

    def counted(value: int) -> Callable[[], int]:
        """A build of `value` that records each call in `calls`."""

        def build() -> int:
            calls.append(1)
            return value

        return build

    for key in range(3):
        cache.get("v", key, counted(key))
    calls.clear()  # count only the builds below
    assert cache.get("v", 2, counted(2)) == 2 and calls == [1]
    assert cache.get("v", 0, counted(0)) == 0 and calls == [1]


def test_threads_asking_at_once_build_it_once() -> None:
    cache: VersionedCache[int] = VersionedCache()
    results: list[int] = []
    builds: list[int] = []
    start = threading.Barrier(8)

    def build() -> int:
        builds.append(1)
        return 7

    def ask() -> None:
        start.wait()
        results.append(cache.get("v", "k", build))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [7] * 8 and builds == [1]
    cache.clear()
    assert cache.get("v", "k", lambda: 8) == 8
