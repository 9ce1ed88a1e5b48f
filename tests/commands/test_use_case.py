"""The CLI's one way to run a use case: exit codes, JSON, and messages naming the option."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from skillshub.commands import use_case


class Ask(BaseModel):
    q: str = Field(min_length=1)
    per_group: int = Field(1, ge=1)


class Answer(BaseModel):
    echo: str


def answer(ask: Ask) -> Answer:
    if ask.q == "broken":
        raise LookupError("not loaded")
    if ask.q == "bad":
        raise ValueError("fix your input")
    return Answer(echo=ask.q)


def run(capsys: pytest.CaptureFixture[str], **values: object) -> tuple[int, str, str]:
    code = use_case.run(
        lambda: Ask(**values),
        answer,
        as_json=True,
        show=lambda result: None,
        fixable=(ValueError,),
        not_ready=(LookupError,),
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_success_prints_the_result_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, q="hello")[:2] == (0, '{"echo":"hello"}\n')


def test_a_command_may_name_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    code = use_case.run(
        lambda: Ask(q="x", per_group=0),
        answer,
        as_json=True,
        show=lambda result: None,
        option_names={"per_group": "--limit"},
    )
    said = capsys.readouterr().err
    assert code == 2 and "--limit: " in said and "--per-group" not in said


def test_invalid_requests_name_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, said = run(capsys, q="x", per_group=0)
    assert code == 2 and "--per-group" in said
    code, _, said = run(capsys, q="")
    assert code == 2 and "the need" in said


def test_fixable_and_not_ready_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, q="bad")[0] == 2
    assert run(capsys, q="broken")[0] == 1
