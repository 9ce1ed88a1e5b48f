"""CLI sub-commands, one module each; every module exposes `register(subparsers)`."""

from __future__ import annotations

from types import ModuleType

from skillshub.commands import (
    esco,
    explain,
    ingest,
    keys,
    needs,
    pathways,
    provider,
    report,
    search,
    search_all,
    search_offers,
    search_providers,
    search_qualifications,
    serve,
    similar,
)

COMMANDS: list[ModuleType] = [
    serve,
    ingest,
    search,
    pathways,
    similar,
    esco,
    report,
    provider,
    explain,
    needs,
    keys,
]
search.SEARCHES["offers"] = search_offers.register_kind
search.SEARCHES["qualifications"] = search_qualifications.register_kind
search.SEARCHES["providers"] = search_providers.register_kind
search.SEARCHES["all"] = search_all.register_kind
