"""Aggregating unit scores to standards and fusing the keyword and embedding channels."""

from __future__ import annotations

import numpy as np


def segment_max(values: np.ndarray, starts: np.ndarray, *, empty: float = 0.0) -> np.ndarray:
    """Maximum of `values` within each segment [starts[i], starts[i+1]); `empty` for none."""
    counts = np.diff(starts)
    out = np.full(len(counts), empty, dtype=np.float32)
    present = counts > 0
    if values.size and present.any():
        out[present] = np.maximum.reduceat(values, starts[:-1][present])
    return out


def top_units_mean(
    values: np.ndarray, owner: np.ndarray, *, n_owners: int, k: int, pool: int
) -> np.ndarray:
    """Mean of each owner's best `k` values, looking only at the best `pool` values overall
    (owners with fewer there average over what they have; absent owners get 0)."""
    out = np.zeros(n_owners, dtype=np.float32)
    if values.size == 0 or k <= 0:
        return out
    pool = min(pool, values.size)
    best = top_positions(values, pool)
    if best is None:
        best = np.argpartition(-values, pool - 1)[:pool]
    # Group by owner, best first within each owner, then keep each owner's first k.
    order = best[np.lexsort((-values[best], owner[best]))]
    owners = owner[order]
    first = np.r_[True, owners[1:] != owners[:-1]]
    group_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    keep = (np.arange(len(order)) - group_start) < k
    sums = np.bincount(owners[keep], weights=values[order][keep], minlength=n_owners)
    taken = np.bincount(owners[keep], minlength=n_owners)
    np.divide(sums, np.maximum(taken, 1), out=out, casting="unsafe")
    return out


_SAMPLE_STEP = 8


def top_positions(values: np.ndarray, count: int) -> np.ndarray | None:
    """The positions of the `count` largest values, ascending, or None when that set is not
    unique (values tied across its boundary, or `count` is not less than the size).

    A full partial sort of 100,000 scores takes ~1.8 ms a query. Instead: a threshold from every
    8th value, set low enough that about 1.5 x `count` values pass it (checked: at least
    `count` must), then an exact partial sort of only those. Where the set is unique this is
    exactly the set any partial sort returns, so callers that depend only on the set (not on
    the order) get the same answer, bit for bit.
    """
    n = values.size
    if count <= 0 or count >= n:
        return None
    sample = values[::_SAMPLE_STEP]
    wanted = min(sample.size, (3 * count) // (2 * _SAMPLE_STEP) + 1)
    threshold = np.partition(sample, sample.size - wanted)[sample.size - wanted]
    candidates = np.flatnonzero(values >= threshold)
    if candidates.size < count:  # the sample misled (small or skewed input): look at all
        candidates = np.arange(n)
    chosen = values[candidates]
    cut = np.partition(chosen, chosen.size - count)[chosen.size - count]
    best = candidates[chosen >= cut]
    return best if best.size == count else None


def rescale(scores: np.ndarray) -> tuple[np.ndarray, float, float]:
    """Scale scores so the median standard is 0 and the best is 1 (below the median -> 0).

    The median, not the minimum, is the floor: cosine similarities from a static embedding
    model sit in a narrow band, and only the distance above a typical standard means anything.
    The whole catalogue sets the scale, so a filter (level, route) never changes how a
    standard scores. Returns the scaled scores and the (floor, span) used, to scale unit
    evidence the same way.
    """
    if scores.size == 0:
        return scores.astype(np.float32), 0.0, 1.0
    floor = float(np.median(scores))
    top = float(scores.max())
    if top - floor <= 1e-9:
        # Flat scores (a tiny catalogue, or one matching standard): scale by the best alone.
        floor = min(floor, 0.0)
        if top - floor <= 1e-9:
            return np.zeros_like(scores, dtype=np.float32), floor, 1.0
    span = top - floor
    return np.clip((scores - floor) / span, 0.0, None).astype(np.float32), floor, span


def reciprocal_rank(scores: np.ndarray, allowed: np.ndarray, *, k: int, depth: int) -> np.ndarray:
    """Reciprocal-rank-fusion contribution 1 / (k + rank) of each allowed standard in the top
    `depth` of one channel (0 for the rest), scaled so that rank 1 gives 1."""
    out = np.zeros(len(scores), dtype=np.float32)
    candidates = np.flatnonzero(allowed & (scores > 0))
    if candidates.size == 0:
        return out
    order = candidates[np.lexsort((candidates, -scores[candidates]))][:depth]
    out[order] = (k + 1) / (k + 1 + np.arange(len(order), dtype=np.float32))
    return out
