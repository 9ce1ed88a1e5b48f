"""Packed strings: exact round trips, sorted look-ups, and refusal of offsets that do not fit."""

from __future__ import annotations

import numpy as np
import pytest

from skillshub.domain.search.strings import PackedStrings, SortedStrings

WORDS = ["weld", "", "café", "robot_repair", "Zürich", "a"]


def test_packed_strings_round_trip() -> None:
    packed = PackedStrings.pack(WORDS)
    assert list(packed) == WORDS
    assert packed[-1] == "a"
    again = PackedStrings(packed.data.copy(), packed.offsets.copy())
    assert [again[i] for i in range(len(again))] == WORDS


def test_sorted_strings_map_each_string_to_its_position() -> None:
    table = SortedStrings.of([*WORDS, "weld"])
    assert list(table) == sorted(set(WORDS))
    assert all(table[word] == position for position, word in enumerate(table))
    assert "café" in table and "cafe" not in table and 3 not in table
    assert table.get("missing") is None
    with pytest.raises(KeyError):
        table["missing"]


def test_empty_tables() -> None:
    assert len(SortedStrings.of([])) == 0
    assert "x" not in SortedStrings.of([])


def test_offsets_must_fit_the_data() -> None:
    with pytest.raises(ValueError):
        PackedStrings(np.zeros(3, dtype=np.uint8), np.asarray([0, 5], dtype=np.int64))
    with pytest.raises(ValueError):
        PackedStrings(np.zeros(3, dtype=np.uint8), np.asarray([0, 3], dtype=np.int32))
