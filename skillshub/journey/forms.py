"""The 'Find training' form: the need, the place, and what the cost calculator needs."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.core.govuk_forms import GovukForm
from skillshub.journey.services import TrainingSearchRequest

RADII = [("5", "5 km"), ("10", "10 km"), ("25", "25 km"), ("50", "50 km"), ("100", "100 km")]
LEVELS = [("", "Any level"), ("4", "Level 4"), ("5", "Level 5")]
LEVY = [
    ("unknown", "Not sure"),
    ("no-levy", "No: our pay bill is £3 million a year or less"),
    ("pays-levy", "Yes: we pay the apprenticeship levy"),
]
AGES = [("unknown", "Not decided"), ("16-24", "16 to 24"), ("25+", "25 or over")]


class TrainingForm(GovukForm):
    q = forms.CharField(
        max_length=8000,
        strip=True,
        error_messages={
            "required": "Describe the skills your team needs, for example 'keep our production "
            "line robots running'",
            "max_length": "Your description is too long: use 500 characters or fewer",
        },
    )
    postcode = forms.CharField(
        required=False,
        max_length=10,
        strip=True,
        error_messages={"max_length": "Enter a postcode like B1 1AA, or a district like B1"},
    )
    radius = forms.TypedChoiceField(choices=RADII, coerce=float, required=False, empty_value=25.0)
    level = forms.TypedChoiceField(choices=LEVELS, coerce=int, required=False, empty_value=None)
    levy = forms.ChoiceField(choices=LEVY, required=False)
    employees = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10_000_000,
        error_messages={
            "invalid": "Enter the number of staff as a whole number, like 20",
            "min_value": "Enter the number of staff as a whole number, like 20",
            "max_value": "Enter the number of staff as a whole number, like 20",
        },
    )
    age = forms.ChoiceField(choices=AGES, required=False)

    def training_request(self) -> TrainingSearchRequest:
        """The typed request the service takes (call after is_valid)."""
        data = self.cleaned_data
        return TrainingSearchRequest(
            q=data["q"],
            postcode=data.get("postcode") or "",
            radius_km=data.get("radius") or 25.0,
            level=data.get("level"),
            levy=data.get("levy") or "unknown",
            employees=data.get("employees"),
            age=data.get("age") or "unknown",
        )

    def fields_params(self) -> dict[str, Any]:
        return {
            "q": self.govuk_input(
                "q",
                label="What does your team need to be able to do?",
                hint="Use your own words: the tasks, machines or problems your team deals with.",
                label_classes="govuk-label--m",
                spellcheck=True,
            ),
            "postcode": self.govuk_input(
                "postcode",
                label="Workplace postcode (optional)",
                hint="For example B1 1AA, or a district like B1",
                classes="govuk-input--width-10",
                autocomplete="postal-code",
            ),
            "radius": self.govuk_select("radius", label="How far to look"),
            "level": self.govuk_select("level", label="Level"),
            "levy": self.govuk_radios("levy", legend="Do you pay the apprenticeship levy?"),
            "employees": self.govuk_input(
                "employees",
                label="How many staff do you employ? (optional)",
                classes="govuk-input--width-5",
                inputmode="numeric",
            ),
            "age": self.govuk_radios("age", legend="How old will the apprentice be at the start?"),
        }
