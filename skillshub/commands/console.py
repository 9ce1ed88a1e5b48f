"""Shared terminal output: a rich console on stderr for messages and progress bars."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

from skillshub.sources.http import ProgressCallback

err = Console(stderr=True)
out = Console()


@contextmanager
def download_progress(description: str) -> Iterator[ProgressCallback]:
    """A progress bar for a download, as a callback taking (bytes so far, total or None)."""
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task(description, total=None)

        def update(received: int, total: int | None) -> None:
            progress.update(task, completed=received, total=total)

        yield update
