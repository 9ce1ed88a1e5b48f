"""`skillshub serve`: prepare the database on first run, then start the gunicorn WSGI server."""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from skillshub.commands.console import err

THREADS = 8
"""Threads per worker. Most of a request is Python holding the GIL, so a worker uses about one
core whatever the count; the threads keep it busy while others wait on the database, and take
the next requests off the queue."""


def default_workers() -> int:
    """One worker per core. Each adds about 200 MB PSS once it has served every page (its own
    provision and qualification indexes); the standards index is shared."""
    return os.cpu_count() or 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="run the hub with a production WSGI server")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: one per core); they share the memory-mapped search "
        "index, loaded once before they start",
    )
    parser.add_argument(
        "--threads", type=int, default=THREADS, help=f"threads per worker (default {THREADS})"
    )
    parser.set_defaults(handler=handle)


def missing_datasets() -> list[str]:
    """Create or migrate the database; name the embedded datasets not loaded yet."""
    from skillshub.commands.ingest import available, ensure_schema
    from skillshub.core.models import DatasetLoad

    ensure_schema()
    loaded = set(DatasetLoad.objects.values_list("dataset", flat=True))
    return [
        name
        for name, module in available().items()
        if hasattr(module, "embedded_plan") and name not in loaded
    ]


def in_child(work: Callable[[], object]) -> int:
    """Run `work` in a forked child, so the server does not keep the memory it needed (which
    every worker would inherit); the child's exit code. Call with no database connection open:
    connections are never shared with a child process."""
    child = multiprocessing.get_context("fork").Process(target=work)
    child.start()
    child.join()
    return child.exitcode or 0


def load_in_child(names: list[str]) -> int:
    """Load the named embedded datasets in one forked child: no dataset pays for a new
    interpreter and Django start. 0 when all loaded, else 1 (the child said why)."""
    from django.db import connections

    from skillshub.commands import ingest

    connections.close_all()
    return 0 if in_child(lambda: sys.exit(ingest.load_embedded(names))) == 0 else 1


def static_files_changed() -> bool:
    """Whether the collected static files (hashed, gzip and brotli) are missing or out of date."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.is_file():
        return True
    collected = set(json.loads(manifest.read_text(encoding="utf-8")).get("paths", {}))
    found: set[str] = set()
    newest = 0.0
    for finder in get_finders():
        for path, storage in finder.list([]):
            found.add(path.replace("\\", "/"))
            newest = max(newest, Path(storage.path(path)).stat().st_mtime)
    return found != collected or newest > manifest.stat().st_mtime


def collect_static() -> None:
    """Collect the static files into the home when they changed (about 15 s the first time)."""
    from django.core.management import call_command

    if static_files_changed():
        err.print("Preparing the static files (hashed names, gzip and brotli copies).")
        call_command("collectstatic", interactive=False, verbosity=0)


def build_missing_index() -> None:
    """Write the search index cache when the loaded catalogue has none (an engine upgrade, a
    cleared cache), in a child process (the build needs a few hundred MB)."""
    from django.db import connections

    from skillshub.catalogue import matching

    missing = matching.missing_index_cache()
    connections.close_all()
    if missing is None:
        return
    err.print("Preparing the search index for this catalogue (about 10 s, once).")
    in_child(lambda: matching.prepare_index(missing))


def warm_indexes() -> None:
    """Load the search index from its cache before the workers start, so they share it and
    no request waits on it; then close the database connections, which must not be shared
    with the workers."""
    from django.db import connections

    from skillshub.catalogue import matching

    try:
        matching.get_index()
    except matching.CatalogueNotLoaded:
        pass
    finally:
        connections.close_all()


def handle(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication

    missing = missing_datasets()
    if missing:
        err.print(f"First run: loading the embedded data ({', '.join(missing)}).")
        status = load_in_child(missing)
        if status:
            err.print("[red]The first run stopped: the embedded data did not load (above).[/red]")
            return status
    collect_static()
    build_missing_index()

    class HubServer(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers or default_workers())
            self.cfg.set("threads", args.threads)
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 60)
            # The longest request line gunicorn reads; the hub answers 414 above MAX_URL_LENGTH
            # (8000), so addresses in between get a problem document, not gunicorn's page.
            self.cfg.set("limit_request_line", 8190)
            # A worker started later (after a crash) may find a newer catalogue's cache.
            self.cfg.set("post_worker_init", lambda worker: warm_indexes())

        def load(self) -> Any:
            # preload_app: the master loads the application and the index once; the workers
            # it forks inherit both (the index's arrays are memory-mapped, shared pages).
            from skillshub.web.wsgi import application

            warm_indexes()
            return application

    err.print(f"Skills Hub is running at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    HubServer().run()
    return 0
