"""A per-process cache of values built from one data load: a new load empties it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")


class VersionedCache(Generic[Value]):
    """Values keyed within a data version (e.g. a DatasetLoad's SHA-256 and time).

    Asking with a new version drops every value of the old one, so a process never serves
    figures from a load that has been replaced, and memory holds one version's values at most.
    One value is built at a time (after a new load, 16 threads asking at once build it once,
    not 16 times); a value already held is returned without waiting for a build.
    """

    def __init__(self, *, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._building = threading.RLock()  # a build may ask the same cache for another key
        self._version: Hashable = None
        self._values: dict[Hashable, Value] = {}

    def _held(self, version: Hashable, key: Hashable) -> tuple[bool, Value | None]:
        with self._lock:
            if version == self._version and key in self._values:
                return True, self._values[key]
        return False, None

    def get(self, version: Hashable, key: Hashable, build: Callable[[], Value]) -> Value:
        held, value = self._held(version, key)
        if held:
            return value  # type: ignore[return-value]
        with self._building:
            held, value = self._held(version, key)  # another thread may have built it
            if held:
                return value  # type: ignore[return-value]
            built = build()
            with self._lock:
                if version != self._version:
                    self._version, self._values = version, {}
                if len(self._values) < self.max_entries:
                    self._values[key] = built
            return built

    def clear(self) -> None:
        with self._lock:
            self._version, self._values = None, {}
