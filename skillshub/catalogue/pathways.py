"""Next steps from a job, over the index being served: the domain's pathways, adapted."""

from __future__ import annotations

from skillshub.catalogue.matching import get_index
from skillshub.domain import pathways
from skillshub.domain.pathways import NeedsEmbeddings, NextStep, UnknownStandard
from skillshub.domain.search import Match, QueryError

__all__ = [
    "NeedsEmbeddings",
    "NextStep",
    "QueryError",
    "UnknownStandard",
    "next_steps",
    "start_from_job",
]


def next_steps(reference: str, *, limit: int = 5) -> list[NextStep]:
    """The closest Level 4-5 steps above a standard; raises UnknownStandard."""
    return pathways.next_steps(get_index(), from_reference=reference, limit=limit)


def start_from_job(job_text: str) -> list[Match]:
    """Standards that likely describe a job now; raises QueryError for text with no words."""
    return pathways.start_from_job(get_index(), job_text)
