"""The embedded catalogue read (and its default index built) once per test process.

Reading data/ takes seconds and building the default index over every product several more, so
every test of the embedded catalogue in a process shares these.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from skillshub.domain.search import StandardsIndex, get_preset
from skillshub.domain.standards import Standard
from skillshub.sources.embedding_models import load_embedder
from skillshub.sources.occupations import read_occupation_links
from skillshub.sources.skills_england import read_default

DATA = Path(__file__).resolve().parents[1] / "data"


@lru_cache(maxsize=1)
def standards() -> tuple[Standard, ...]:
    """Every product in the embedded catalogue, as the reader gives them."""
    return tuple(read_default(DATA))


def by_reference() -> dict[str, Standard]:
    return {s.reference: s for s in standards()}


@lru_cache(maxsize=1)
def default_index() -> StandardsIndex:
    """The default preset's index over the whole embedded catalogue, as the hub builds it."""
    return StandardsIndex.embed_and_build(
        standards(),
        embedder=load_embedder(get_preset("default")),
        occupations=read_occupation_links(DATA),
    )
