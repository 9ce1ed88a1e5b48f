"""Atomic ingest: read and validate everything first, then swap it in inside one transaction."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from django.db import transaction

from skillshub.core.models import DatasetLoad

Parsed = TypeVar("Parsed")


@dataclass(frozen=True)
class SourceFile:
    """One input of a dataset: a label for people and the bytes that were read."""

    label: str
    content: bytes

    @classmethod
    def read(cls, path: Path, *, label: str | None = None) -> SourceFile:
        return cls(label=label or path.name, content=path.read_bytes())


@dataclass(frozen=True)
class IngestPlan(Generic[Parsed]):
    """What to load: its inputs, how to validate them, and how to store the validated result."""

    dataset: str
    licence: str
    files: tuple[SourceFile, ...]
    parse: Callable[[tuple[SourceFile, ...]], Parsed]
    store: Callable[[Parsed], dict[str, int]]
    notes: str = ""


@dataclass(frozen=True)
class IngestResult:
    dataset: str
    changed: bool
    row_counts: dict[str, int] = field(default_factory=dict)
    sha256: str = ""
    source: str = ""
    seconds: float = 0.0


def combined_sha256(files: Iterable[SourceFile]) -> str:
    digest = hashlib.sha256()
    for source in files:
        digest.update(source.label.encode())
        digest.update(hashlib.sha256(source.content).digest())
    return digest.hexdigest()


def run_ingest(plan: IngestPlan[Parsed], *, force: bool = False) -> IngestResult:
    """Load a dataset atomically; unchanged input (same SHA-256) changes nothing."""
    started = time.perf_counter()
    sha = combined_sha256(plan.files)
    source = ", ".join(f.label for f in plan.files)
    previous = DatasetLoad.latest_for(plan.dataset)
    if previous is not None and previous.sha256 == sha and not force:
        return IngestResult(
            plan.dataset, changed=False, row_counts=previous.row_counts, sha256=sha, source=source
        )
    parsed = plan.parse(plan.files)  # raises SourceError before anything is touched
    with transaction.atomic():
        counts = plan.store(parsed)
        DatasetLoad.objects.create(
            dataset=plan.dataset,
            source=source[:500],
            sha256=sha,
            licence=plan.licence,
            row_counts=counts,
            notes=plan.notes,
        )
    return IngestResult(
        plan.dataset,
        changed=True,
        row_counts=counts,
        sha256=sha,
        source=source,
        seconds=time.perf_counter() - started,
    )
