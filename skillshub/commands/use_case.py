"""One way for a CLI command to run a use case: parse into its typed request, call its service,
print the typed result as JSON (`--json`) or as text, and turn each error into a message and an
exit code (2: the person can fix the input; 1: the hub is not ready, e.g. no data loaded)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from skillshub.commands.console import err
from skillshub.core.input_errors import describe

Request = TypeVar("Request", bound=BaseModel)
Result = TypeVar("Result", bound=BaseModel)

OPTION_NAMES = {"q": "the need", "from_reference": "--from"}
"""Request fields whose option is not simply --field-name."""


def _option(location: tuple[Any, ...], names: Mapping[str, str]) -> str:
    if not location:
        return "the request"
    name = str(location[0])
    return names.get(name) or OPTION_NAMES.get(name, "--" + name.replace("_", "-"))


def run(
    build: Callable[[], Request],
    call: Callable[[Request], Result],
    *,
    as_json: bool,
    show: Callable[[Result], None],
    fixable: tuple[type[Exception], ...] = (),
    not_ready: tuple[type[Exception], ...] = (),
    json_options: dict[str, Any] | None = None,
    option_names: Mapping[str, str] | None = None,
) -> int:
    """`option_names`: this command's options for request fields not simply --field-name."""
    try:
        request = build()
    except ValidationError as error:
        for problem in error.errors():
            err.print(
                f"[red]{_option(problem['loc'], option_names or {})}: {describe(problem)}[/red]",
                markup=True,
            )
        return 2
    try:
        result = call(request)
    except fixable as error:
        err.print(f"[red]{error}[/red]")
        return 2
    except not_ready as error:
        err.print(f"[red]{error}[/red]")
        return 1
    if as_json:
        print(result.model_dump_json(**(json_options or {})))
    else:
        show(result)
    return 0
