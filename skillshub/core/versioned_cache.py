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
    Two threads may build the same missing value at once; both get an equal one (building
    outside the lock keeps one slow build from stalling every other request).
    """

    def __init__(self, *, max_entries: int = 256) -> None:
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._version: Hashable = None
        self._values: dict[Hashable, Value] = {}

    def get(self, version: Hashable, key: Hashable, build: Callable[[], Value]) -> Value:
        with self._lock:
            if version == self._version and key in self._values:
                return self._values[key]
        value = build()
        with self._lock:
            if version != self._version:
                self._version, self._values = version, {}
            if len(self._values) < self.max_entries:
                self._values[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._version, self._values = None, {}
