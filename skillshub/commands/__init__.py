"""CLI sub-commands, one module each; every module exposes `register(subparsers)`."""

from __future__ import annotations

from types import ModuleType

from skillshub.commands import ingest, report, search, serve

COMMANDS: list[ModuleType] = [serve, ingest, search, report]
