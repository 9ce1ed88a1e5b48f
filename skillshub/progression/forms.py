"""The progression question pages' forms: one question each."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.core.govuk_forms import GovukForm


class JobForm(GovukForm):
    job = forms.CharField(
        max_length=2000,
        strip=True,
        error_messages={
            "required": "Enter your job title or a few words about what you do, for example "
            "'I fix the machines on a factory production line'",
            "max_length": "Your description is too long: use 500 characters or fewer",
        },
    )

    def job_input(self) -> dict[str, Any]:
        return self.govuk_input(
            "job",
            label="What is your job now?",
            hint="Your job title, or a few words about what you do at work.",
            label_classes="govuk-label--l",
            page_heading=True,
            spellcheck=True,
        )


class ChooseForm(GovukForm):
    start = forms.ChoiceField(
        error_messages={
            "required": "Select the standard closest to your job",
            "invalid_choice": "Select the standard closest to your job",
        }
    )

    def __init__(self, *args: Any, options: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = options

    def start_radios(self) -> dict[str, Any]:
        radios = self.govuk_radios(
            "start", legend="Which of these is closest to your job?", size="l"
        )
        radios["fieldset"]["legend"]["isPageHeading"] = True
        return radios
