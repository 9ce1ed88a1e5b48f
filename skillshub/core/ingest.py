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
from skillshub.sources.errors import SourceError
from skillshub.sources.limits import read_file

Parsed = TypeVar("Parsed")


@dataclass(frozen=True)
class SourceFile:
    """One input of a dataset: a label for people and the bytes that were read."""

    label: str
    content: bytes

    @classmethod
    def read(cls, path: Path, *, label: str | None = None) -> SourceFile:
        """A file's bytes; one larger than SKILLSHUB_MAX_FILE_MB is refused unread."""
        return cls(label=label or path.name, content=read_file(Path(path)))


@dataclass(frozen=True)
class IngestPlan(Generic[Parsed]):
    """What to load: its inputs, how to validate them, and how to store the validated result."""

    dataset: str
    licence: str
    files: tuple[SourceFile, ...]
    parse: Callable[[tuple[SourceFile, ...]], Parsed]
    store: Callable[[Parsed], dict[str, int]]
    notes: str = ""
    main_count: str = ""
    """The row count the shrink guard compares (default: the first one ``store`` returns)."""
    held: Callable[[], int] | None = None
    """For datasets loaded a part at a time (provision: one source per file), how many main
    rows the whole dataset holds now; the guard then compares before and after the swap."""
    after_commit: Callable[[str], None] | None = None
    """Run with the load's SHA-256 after the swap's transaction, outside it, so a
    slow step (the standards search index cache) never holds the database or sees a swap that
    is rolled back. A failed load never reaches it."""


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


SHRINK_FLOOR = 0.5
"""A load that leaves fewer than half the main rows it replaces is refused (--replace-all)."""


class WouldShrink(SourceError):
    """A load that would remove most of a dataset; nothing was changed."""

    def __init__(self, dataset: str, *, what: str, before: int, after: int, source: str) -> None:
        super().__init__(
            f"loading this would leave {after:,} {what} in the {dataset} dataset, which now has "
            f"{before:,}; that is most of the data gone, so nothing was changed. If that is "
            f"what you want, run the ingest again with --replace-all",
            source=source,
        )


def _main(counts: dict[str, int], key: str) -> tuple[str, int]:
    name = key or next(iter(counts), "")
    return name, int(counts.get(name, 0))


def run_ingest(
    plan: IngestPlan[Parsed], *, force: bool = False, replace_all: bool = False
) -> IngestResult:
    """Load a dataset atomically; unchanged input (same SHA-256) changes nothing.

    Unless ``replace_all``, a load that would leave less than half the main rows is refused
    (an empty list or a header-only file must not wipe a dataset).
    """
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
        held_before = plan.held() if plan.held else None
        counts = plan.store(parsed)
        if not replace_all:
            _refuse_shrinking(plan, previous, counts, held_before, source=source)
        DatasetLoad.objects.create(
            dataset=plan.dataset,
            source=source[:500],
            sha256=sha,
            licence=plan.licence,
            row_counts=counts,
            notes=plan.notes,
        )
    if plan.after_commit is not None:
        plan.after_commit(sha)
    return IngestResult(
        plan.dataset,
        changed=True,
        row_counts=counts,
        sha256=sha,
        source=source,
        seconds=time.perf_counter() - started,
    )


def _refuse_shrinking(
    plan: IngestPlan[Parsed],
    previous: DatasetLoad | None,
    counts: dict[str, int],
    held_before: int | None,
    *,
    source: str,
) -> None:
    """Raise WouldShrink (rolling back the swap) when most of the main rows would go."""
    what, after = _main(counts, plan.main_count)
    if plan.held is not None and held_before is not None:
        before, after = held_before, plan.held()
    elif previous is not None:
        what, before = _main(previous.row_counts or {}, plan.main_count or what)
    else:
        return
    if before > 0 and after < before * SHRINK_FLOOR:
        raise WouldShrink(plan.dataset, what=what, before=before, after=after, source=source)
