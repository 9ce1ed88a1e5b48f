"""`skillshub serve`: prepare the database on first run, then start the gunicorn WSGI server."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from skillshub.commands.console import err


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="run the hub with a production WSGI server")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (each holds the search indexes, about 500 MB)",
    )
    parser.add_argument("--threads", type=int, default=8, help="threads per worker")
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


def warm_indexes() -> None:
    """Build the search indexes in a new worker so its first request is fast."""
    from skillshub.catalogue import matching

    try:
        matching.get_index()
    except matching.CatalogueNotLoaded:
        return


def handle(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication

    missing = missing_datasets()
    if missing:
        err.print(f"First run: loading the embedded data ({', '.join(missing)}).")
        # A separate process, so the server does not keep the memory the load needed.
        for name in missing:
            subprocess.run([sys.executable, "-m", "skillshub", "ingest", name], check=True)
    collect_static()

    class HubServer(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", args.threads)
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 60)
            # The longest request line gunicorn reads; the hub answers 414 above MAX_URL_LENGTH
            # (8000), so addresses in between get a problem document, not gunicorn's page.
            self.cfg.set("limit_request_line", 8190)
            self.cfg.set("post_worker_init", lambda worker: warm_indexes())

        def load(self) -> Any:
            from skillshub.web.wsgi import application

            return application

    err.print(f"Skills Hub is running at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    HubServer().run()
    return 0
