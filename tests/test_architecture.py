"""Imports flow one way: domain <- sources <- Django apps <- API <- CLI and web; no cycles."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "skillshub"

LAYERS: dict[str, int] = {
    "domain": 0,
    "settings": 1,
    "sources": 2,
    "core": 3,
    "geo": 4,
    "catalogue": 4,
    "terminology": 4,
    "dashboard": 4,
    "qualifications": 5,
    "provision": 5,
    "provider_area": 6,
    "journey": 6,
    "demand": 6,
    "progression": 6,
    "market": 7,
    "api": 8,
    "web": 9,
    "commands": 10,
    "cli": 11,
    "__main__": 12,
}
"""A room may import only rooms at a lower layer, or its own. Apps of one layer stay apart;
qualifications and provision sit above catalogue (they link to standards); market reads demand,
provision, catalogue and geo, so it sits above them all; the provider area publishes offers
through provision, so it sits above it."""

PURE = {"domain", "sources"}
"""Rooms that must not import Django (plain Python, tested directly)."""


def room_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports count too)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def room_imports() -> dict[str, set[tuple[str, str]]]:
    """For each room, the (other room, importing file) pairs it depends on."""
    edges: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in sources():
        room = room_of(path)
        for module in imported_modules(path):
            if module.startswith("skillshub."):
                target = module.split(".")[1]
                if target != room:
                    edges[room].add((target, str(path.relative_to(PACKAGE))))
    return edges


def test_every_room_has_a_layer() -> None:
    rooms = {room_of(path) for path in sources()} - {"__init__"}
    assert rooms <= set(LAYERS), f"add {sorted(rooms - set(LAYERS))} to LAYERS"


def test_imports_only_point_down() -> None:
    upward = [
        f"{where} ({room}, layer {LAYERS[room]}) imports {target} (layer {LAYERS[target]})"
        for room, edges in room_imports().items()
        for target, where in sorted(edges)
        if target in LAYERS and room in LAYERS and LAYERS[target] >= LAYERS[room]
    ]
    assert not upward, "imports must point to lower layers:\n" + "\n".join(upward)


def test_pure_rooms_import_no_django() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sources()
        if room_of(path) in PURE
        for module in imported_modules(path)
        if module == "django" or module.startswith(("django.", "ninja"))
    ]
    assert not offenders, "\n".join(offenders)


def test_the_domain_reads_no_files() -> None:
    """The domain takes bytes, arrays and objects from its callers; sources and apps read files
    (model weights included: see skillshub/sources/embedding_models.py)."""
    readers = (".read_bytes(", ".read_text(", "open(", "gzip.open(", "memmap(", "from_file(")
    offenders = [
        f"{path.relative_to(PACKAGE)}: {line.strip()}"
        for path in (PACKAGE / "domain").rglob("*.py")
        for line in path.read_text().splitlines()
        if any(reader in line for reader in readers) and not line.strip().startswith("#")
    ]
    assert not offenders, "\n".join(offenders)
