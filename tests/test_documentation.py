"""Every setting, CLI command and API endpoint is documented where a newcomer looks."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from skillshub.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_has_help_and_is_in_the_readme(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.description, f"setting {name} has no help text"
    variable = field.validation_alias if isinstance(field.validation_alias, str) else None
    variable = variable or f"SKILLSHUB_{name.upper()}"
    assert f"`{variable}`" in README, f"{variable} is not documented in README.md"


def test_every_cli_command_is_in_the_readme() -> None:
    from skillshub.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name in commands.choices:
        assert f"skillshub {name}" in README, f"`skillshub {name}` is not in README.md"


@pytest.mark.django_db
def test_every_api_path_is_in_the_readme() -> None:
    from skillshub.api.app import api

    schema = api.get_openapi_schema()
    for path in schema["paths"]:
        stem = path.split("{")[0].rstrip("/")
        assert stem in README, f"API path {path} is not in README.md"
