"""Shared terminal output: a rich console on stderr for messages and progress bars."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
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


@contextmanager
def step_progress() -> Iterator[Callable[[str], AbstractContextManager[None]]]:
    """Spinners for steps of unknown length; ``with step("Loading x"):`` ticks one off when done."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err) as progress:

        @contextmanager
        def step(description: str) -> Iterator[None]:
            task = progress.add_task(description, total=1)
            yield
            progress.update(task, completed=1)

        yield step
