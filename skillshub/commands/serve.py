"""`skillshub serve`: prepare the database on first run, then start the gunicorn WSGI server."""

from __future__ import annotations

import argparse
from typing import Any

from skillshub.commands.console import err


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="run the hub with a production WSGI server")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    parser.set_defaults(handler=handle)


def prepare() -> None:
    """Create or migrate the database and load the embedded data when it is empty."""
    from skillshub.commands.ingest import available, ensure_schema, ingest_embedded
    from skillshub.core.models import DatasetLoad

    ensure_schema()
    loaded = set(DatasetLoad.objects.values_list("dataset", flat=True))
    missing = [
        name
        for name, module in available().items()
        if hasattr(module, "embedded_plan") and name not in loaded
    ]
    if missing:
        err.print(f"First run: loading the embedded data ({', '.join(missing)}).")
        ingest_embedded(missing)


def handle(args: argparse.Namespace) -> int:
    from gunicorn.app.base import BaseApplication

    prepare()

    class HubServer(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("threads", 4)
            self.cfg.set("preload_app", True)
            self.cfg.set("accesslog", "-")
            self.cfg.set("timeout", 60)

        def load(self) -> Any:
            from skillshub.web.wsgi import application

            return application

    err.print(f"Skills Hub is running at http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    HubServer().run()
    return 0
