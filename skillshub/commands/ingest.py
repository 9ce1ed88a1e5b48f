"""`skillshub ingest [DATASET] [--from-api [URL]] [--replace-all]`: atomic, with provenance."""

from __future__ import annotations

import argparse
import importlib
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from skillshub.commands.console import download_progress, err, step_progress
from skillshub.core.ingest import IngestResult, run_ingest
from skillshub.settings import get_settings
from skillshub.sources.errors import SourceError

DATASET_MODULES = {
    "standards": "skillshub.catalogue.ingest",
    "qualifications": "skillshub.qualifications.ingest",
    "geography": "skillshub.geo.ingest",
    "ons": "skillshub.dashboard.ingest",
    "provision": "skillshub.provision.ingest",
    "starts": "skillshub.market.ingest",
}
"""Each module may have `embedded_plan(data_dir)` (embedded default data), `api_plan(...)` (a live
source) and `file_plan(paths)` (files an operator downloaded)."""


def available() -> dict[str, ModuleType]:
    found = {}
    for name, module in DATASET_MODULES.items():
        try:
            found[name] = importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name and not module.startswith(error.name):
                raise
    return found


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="load the embedded default data, or one dataset from its live source",
        description="Validate first, then swap in atomically; unchanged input changes nothing.",
    )
    parser.add_argument(
        "dataset", nargs="?", choices=sorted(DATASET_MODULES), help="one dataset (default: all)"
    )
    parser.add_argument(
        "--from-api",
        nargs="?",
        const="",
        default=None,
        metavar="URL",
        help="fetch from the live source (optionally at URL) instead of the embedded files",
    )
    parser.add_argument(
        "--file",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="load this downloaded file (repeat for datasets made of several files)",
    )
    parser.add_argument("--force", action="store_true", help="reload even if unchanged")
    parser.add_argument(
        "--replace-all",
        action="store_true",
        help="allow a load that removes most of a dataset (an empty or much shorter list); "
        "without it such a load is refused and nothing changes",
    )
    parser.set_defaults(handler=handle)


def ensure_schema() -> None:
    """Create or migrate the database, the cache table when SKILLSHUB_CACHE_URL=db://, and
    delete expired sessions (SKILLSHUB_SESSION_AGE_S)."""
    from django.core.management import call_command

    get_settings().home.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("clearsessions", verbosity=0)


def ingest_embedded(
    names: list[str] | None = None, *, force: bool = False, replace_all: bool = False
) -> list[IngestResult]:
    """Load the embedded default data for the named datasets (all available by default)."""
    modules = available()
    data_dir = get_settings().data_dir
    results = []
    embedded = [name for name, module in modules.items() if hasattr(module, "embedded_plan")]
    with step_progress() as step:
        for name in names or embedded:
            with step(_loading(name)):
                plan = modules[name].embedded_plan(data_dir)
                results.append(run_ingest(plan, force=force, replace_all=replace_all))
    return results


def _loading(name: str) -> str:
    return f"Loading {name} (read, validate, swap)"


def lower_priority() -> None:
    """Run the rest of this process at SKILLSHUB_INGEST_NICE: an ingest on a machine that also
    serves takes a whole core for a minute, and requests must not wait behind it."""
    level = get_settings().ingest_nice
    if level and hasattr(os, "nice"):
        current = os.nice(0)
        if current < level:
            os.nice(level - current)


def handle(args: argparse.Namespace) -> int:
    lower_priority()
    ensure_schema()
    modules = available()
    if args.dataset and args.dataset not in modules:
        err.print(f"[red]The {args.dataset} dataset is not part of this installation.[/red]")
        return 2
    try:
        if args.from_api is not None:
            if not args.dataset:
                err.print(
                    "[red]--from-api needs a dataset, "
                    "e.g. `skillshub ingest standards --from-api`[/red]"
                )
                return 2
            module = modules[args.dataset]
            if not hasattr(module, "api_plan"):
                err.print(f"[red]The {args.dataset} dataset has no live source.[/red]")
                return 2
            kwargs: dict[str, Any] = {"timeout_s": get_settings().http_timeout_s}
            if args.from_api:
                kwargs["url"] = args.from_api
            with download_progress(f"Downloading {args.dataset}") as progress:
                plan = module.api_plan(progress=progress, **kwargs)
            results = [run_ingest(plan, force=args.force, replace_all=args.replace_all)]
        elif args.file:
            loader = modules.get(args.dataset or "")
            if loader is None or not hasattr(loader, "file_plan"):
                err.print(
                    "[red]--file needs a dataset that loads files, e.g. `skillshub ingest "
                    "provision --file providers.csv --file courses.csv`[/red]"
                )
                return 2
            missing = [str(path) for path in args.file if not path.is_file()]
            if missing:
                err.print(f"[red]No such file: {', '.join(missing)}[/red]")
                return 2
            with step_progress() as step, step(_loading(args.dataset)):
                plan = loader.file_plan(args.file)
                results = [run_ingest(plan, force=args.force, replace_all=args.replace_all)]
        else:
            if args.dataset and not hasattr(modules[args.dataset], "embedded_plan"):
                err.print(
                    f"[red]No {args.dataset} data is embedded: load it with --file or --from-api "
                    f"(see `skillshub ingest --help`).[/red]"
                )
                return 2
            results = ingest_embedded(
                [args.dataset] if args.dataset else None,
                force=args.force,
                replace_all=args.replace_all,
            )
    except SourceError as error:
        return refused(error)
    report(results)
    return 0


def load_embedded(names: list[str]) -> int:
    """Load these datasets' embedded data and say what changed (`serve`'s first run): 0, or
    1 when a file is refused and nothing changed."""
    try:
        results = ingest_embedded(names)
    except SourceError as error:
        return refused(error)
    report(results)
    return 0


def refused(error: SourceError) -> int:
    err.print(f"[red]Nothing was changed.[/red] {error.describe()}")
    return 1


def report(results: list[IngestResult]) -> None:
    for result in results:
        counts = ", ".join(f"{n:,} {what}" for what, n in result.row_counts.items())
        state = "loaded" if result.changed else "unchanged (same SHA-256), nothing to do"
        took = f" ({result.seconds:.1f} s)" if result.changed else ""
        err.print(f"[green]{result.dataset}[/green]: {state}. {counts}{took}")
