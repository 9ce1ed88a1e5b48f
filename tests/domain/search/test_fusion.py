"""Unit-to-standard aggregation and channel fusion."""

from __future__ import annotations

import numpy as np

from skillshub.domain.search.fusion import (
    reciprocal_rank,
    rescale,
    segment_max,
    top_positions,
    top_units_mean,
)


def test_segment_max_handles_empty_segments() -> None:
    values = np.array([1, 5, 2, 7], dtype=np.float32)
    starts = np.array([0, 2, 2, 4])
    assert segment_max(values, starts, empty=-1).tolist() == [5, -1, 7]


def test_top_units_mean() -> None:
    values = np.array([0.9, 0.1, 0.5, 0.8, 0.7, 0.2], dtype=np.float32)
    owner = np.array([0, 0, 0, 1, 1, 2])
    means = top_units_mean(values, owner, n_owners=4, k=2, pool=10)
    assert np.allclose(means, [0.7, 0.75, 0.2, 0.0])
    # A small pool only sees the best values overall.
    assert np.allclose(top_units_mean(values, owner, n_owners=4, k=2, pool=2), [0.9, 0.8, 0, 0])


def test_rescale_floors_at_the_median() -> None:
    scores = np.array([0.2, 0.4, 0.6, 9.0, 0.3], dtype=np.float32)
    scaled, floor, span = rescale(scores)
    assert np.isclose(floor, 0.4) and np.isclose(span, 8.6)
    assert np.allclose(scaled, [0.0, 0.0, 0.2 / 8.6, 1.0, 0.0])


def test_rescale_of_flat_scores() -> None:
    scaled, _, _ = rescale(np.ones(3, dtype=np.float32))
    assert np.allclose(scaled, 1.0)
    assert not rescale(np.zeros(3, dtype=np.float32))[0].any()
    assert np.allclose(rescale(np.array([0.5], dtype=np.float32))[0], [1.0])


def test_reciprocal_rank() -> None:
    scores = np.array([0.1, 0.9, 0.0, 0.5], dtype=np.float32)
    fused = reciprocal_rank(scores, np.ones(4, dtype=bool), k=60, depth=10)
    assert fused[1] == 1.0 and fused[3] < 1.0 and fused[2] == 0.0
    assert fused.argsort()[::-1][:3].tolist() == [1, 3, 0]


def test_top_positions_is_the_set_a_partial_sort_finds() -> None:
    rng = np.random.default_rng(7)
    for size, count in ((100_000, 4000), (5000, 100), (50, 10)):
        values = rng.normal(size=size).astype(np.float32)
        found = top_positions(values, count)
        assert found is not None
        expected = np.sort(np.argpartition(-values, count - 1)[:count])
        assert found.tolist() == expected.tolist()


def test_top_positions_refuses_an_ambiguous_set() -> None:
    values = np.asarray([0.9, 0.5, 0.5, 0.1], dtype=np.float32)  # 2nd best is a tie
    assert top_positions(values, 2) is None
    assert top_positions(values, 3) is not None
    assert top_positions(values, 4) is None  # everything: nothing to choose


def test_top_units_mean_is_the_same_with_or_without_the_short_cut() -> None:
    rng = np.random.default_rng(3)
    values = np.round(rng.random(20_000), 2).astype(np.float32)  # many ties
    owner = np.sort(rng.integers(0, 300, size=values.size))
    for pool in (50, 1000, 4000):
        fast = top_units_mean(values, owner, n_owners=300, k=3, pool=pool)
        best = np.argpartition(-values, pool - 1)[:pool]
        kept = np.zeros(300)
        for o in range(300):
            mine = np.sort(values[best][owner[best] == o])[::-1][:3]
            kept[o] = mine.mean() if mine.size else 0.0
        assert np.allclose(fast, kept, atol=1e-6)
