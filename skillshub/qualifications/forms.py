"""The qualifications list form (a need and a level): GOV.UK component params and the request."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.core.govuk_forms import GovukForm
from skillshub.domain.qualifications import PRODUCT_LEVELS
from skillshub.qualifications.services import MAX_PAGE, QualificationQuery


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

    def query(self, *, page: int, page_size: int) -> QualificationQuery:
        """The answers (none, for an unanswered or invalid form) as the one list request."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        level = data.get("level")
        return QualificationQuery(
            need=str(data.get("q") or ""),
            levels=(level,) if level is not None else PRODUCT_LEVELS,
            page=min(page, MAX_PAGE),
            page_size=page_size,
        )

    def query_input(self) -> dict[str, Any]:
        return self.govuk_input(
            "q",
            label="Describe the skills you need (optional)",
            hint="For example 'bookkeeping and payroll' or 'software development'.",
            spellcheck=True,
        )

    def level_select(self) -> dict[str, Any]:
        return self.govuk_select("level", label="Level")
