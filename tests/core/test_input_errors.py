"""Pydantic errors in words a person can act on, shared by the API's problems and the CLI."""

from __future__ import annotations

from typing import Annotated

import pytest
from pydantic import BaseModel, Field, ValidationError, field_validator

from skillshub.core.input_errors import describe


class Example(BaseModel):
    limit: Annotated[int, Field(ge=1, le=100)] = 10
    radius_km: Annotated[float, Field(gt=0, lt=401)] = 10
    max_cost_gbp: Annotated[int, Field(ge=0)] = 0
    remote: bool = False
    level: int = 4
    need: str

    @field_validator("level")
    @classmethod
    def _level(cls, value: int) -> int:
        if not 0 <= value <= 8:
            raise ValueError(f"must be 0 (Entry Level) to 8, not {value}")
        return value


def message(**values: object) -> str:
    with pytest.raises(ValidationError) as caught:
        Example.model_validate({"need": "x", **values})
    (error,) = caught.value.errors()
    return describe(error)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"limit": 0}, "must be at least 1"),
        ({"limit": 101}, "must be at most 100"),
        ({"radius_km": 0}, "must be more than 0"),
        ({"radius_km": 401}, "must be less than 401"),
        ({"max_cost_gbp": -5}, "cannot be negative"),
        ({"limit": "ten"}, "must be a whole number"),
        ({"radius_km": "far"}, "must be a number"),
        ({"remote": "perhaps"}, "must be true or false"),
        ({"level": 9}, "must be 0 (Entry Level) to 8, not 9"),
    ],
)
def test_each_kind_of_error_says_what_to_enter(values: dict[str, object], expected: str) -> None:
    assert message(**values) == expected


def test_a_missing_field_is_required() -> None:
    with pytest.raises(ValidationError) as caught:
        Example.model_validate({})
    assert [describe(e) for e in caught.value.errors()] == ["is required"]
