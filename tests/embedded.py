"""The embedded catalogue read once per test process.

Reading data/ takes seconds, so every test of the embedded catalogue in a process shares it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from skillshub.domain.standards import Standard
from skillshub.sources.skills_england import read_default

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def standards() -> tuple[Standard, ...]:
    """Every product in the embedded catalogue, as the reader gives them."""
    return tuple(read_default(DATA))


def by_reference() -> dict[str, Standard]:
    return {s.reference: s for s in standards()}
