"""The qualifications list form: a need in plain words and a level, as GOV.UK component params."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.core.govuk_forms import GovukForm
from skillshub.domain.qualifications import PRODUCT_LEVELS


class QualificationsForm(GovukForm):
    q = forms.CharField(
        required=False,
        max_length=500,
        strip=True,
        error_messages={"max_length": "Your description is too long: use 500 characters or fewer"},
    )
    level = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Levels 4 and 5")] + [(str(n), f"Level {n}") for n in PRODUCT_LEVELS],
    )

    def levels(self) -> tuple[int, ...]:
        level = self.cleaned_data.get("level") if self.is_valid() else None
        return (level,) if level is not None else PRODUCT_LEVELS

    def need(self) -> str:
        return str(self.cleaned_data.get("q") or "") if self.is_valid() else ""

    def query_input(self) -> dict[str, Any]:
        return self.govuk_input(
            "q",
            label="Describe the skills you need (optional)",
            hint="For example 'bookkeeping and payroll' or 'software development'.",
            spellcheck=True,
        )

    def level_select(self) -> dict[str, Any]:
        return self.govuk_select("level", label="Level")
