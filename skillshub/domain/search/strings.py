"""Many strings in two flat arrays (UTF-8 bytes and offsets), so they can be memory-mapped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import numpy as np


class PackedStrings:
    """Strings in one UTF-8 byte array with offsets: string i is `data[offsets[i]:offsets[i+1]]`.

    A list of 100,000 unit texts costs ~15 MB of Python objects and a second to unpickle; these
    two arrays cost their bytes, load in no time and, memory-mapped, are shared by every process
    that opens the same file. Strings are decoded only when asked for.
    """

    def __init__(self, data: np.ndarray, offsets: np.ndarray) -> None:
        if data.dtype != np.uint8 or offsets.dtype != np.int64 or offsets.ndim != 1:
            raise ValueError("packed strings need uint8 data and int64 offsets")
        if len(offsets) == 0 or offsets[0] != 0 or offsets[-1] != len(data):
            raise ValueError("packed string offsets do not fit their data")
        self.data = data
        self.offsets = offsets
        # memoryviews index as fast as lists, without a numpy scalar per look-up.
        self._bytes = np.ascontiguousarray(data).data.cast("B")
        self._ends = np.ascontiguousarray(offsets).data.cast("B").cast("q")

    @classmethod
    def pack(cls, strings: Iterable[str]) -> PackedStrings:
        encoded = [s.encode() for s in strings]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=offsets[1:])
        data = np.frombuffer(b"".join(encoded), dtype=np.uint8).copy()
        return cls(data, offsets)

    def __len__(self) -> int:
        return len(self._ends) - 1

    def __getitem__(self, position: int) -> str:
        if position < 0:
            position += len(self)
        return str(self._bytes[self._ends[position] : self._ends[position + 1]], "utf-8")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def encoded(self, position: int) -> bytes:
        return self._bytes[self._ends[position] : self._ends[position + 1]].tobytes()


class SortedStrings(Mapping[str, int]):
    """Distinct strings in ascending order, as a mapping from each string to its position.

    Look-ups are a binary search (about 18 steps for 300,000 terms): no dict to build when an
    index is loaded, so a cold start reads nothing it does not use. Answers are remembered
    (up to `MEMO` strings, then forgotten at once): a query asks ~50 look-ups, most of them
    words that earlier queries asked too, and a remembered one is a dict hit, not 18 steps.
    """

    MEMO = 50_000

    def __init__(self, strings: PackedStrings) -> None:
        self.strings = strings
        self._memo: dict[str, int | None] = {}

    @classmethod
    def of(cls, strings: Iterable[str]) -> SortedStrings:
        # Python orders str by code point, which is also UTF-8 byte order.
        return cls(PackedStrings.pack(sorted(set(strings))))

    def position(self, key: str) -> int | None:
        try:
            return self._memo[key]
        except KeyError:
            pass
        found = self._search(key)
        if len(self._memo) >= self.MEMO:
            self._memo.clear()
        self._memo[key] = found
        return found

    def _search(self, key: str) -> int | None:
        target = key.encode()
        low, high = 0, len(self.strings)
        encoded = self.strings.encoded
        while low < high:
            middle = (low + high) // 2
            if encoded(middle) < target:
                low = middle + 1
            else:
                high = middle
        if low < len(self.strings) and encoded(low) == target:
            return low
        return None

    def __getitem__(self, key: str) -> int:
        position = self.position(key) if isinstance(key, str) else None
        if position is None:
            raise KeyError(key)
        return position

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.position(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self.strings)

    def __len__(self) -> int:
        return len(self.strings)
