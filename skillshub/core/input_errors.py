"""A pydantic validation error in words a person can act on, for the API and the CLI alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_BOUNDS = {
    "greater_than_equal": "at least",
    "greater_than": "more than",
    "less_than_equal": "at most",
    "less_than": "less than",
}
_TYPES = {
    "int_parsing": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "missing": "is required",
}


def describe(error: Mapping[str, Any]) -> str:
    """One error of `ValidationError.errors()` as "must be at most 100", "is required", or the
    model's own message (its "Value error, " prefix dropped)."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind in _BOUNDS:
        bound = next(iter(context.values()), "")
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # "more than 0", not "more than 0.0"
        if kind == "greater_than_equal" and bound == 0:
            return "cannot be negative"
        return f"must be {_BOUNDS[kind]} {bound}"
    if kind in _TYPES:
        return _TYPES[kind]
    return str(error.get("msg", "is not valid")).removeprefix("Value error, ")
