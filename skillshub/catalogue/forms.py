"""Forms for the catalogue pages; each renders through the GOV.UK component macros."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.catalogue.queries import CatalogueFilter


class BrowseForm(forms.Form):
    route = forms.ChoiceField(required=False)
    level = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, *args: Any, routes: list[str], levels: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = [("", "All routes")] + [(r, r) for r in routes]
        self.fields["level"].choices = [("", "All levels")] + [
            (str(n), f"Level {n}") for n in levels
        ]

    def catalogue_filter(self) -> CatalogueFilter:
        return CatalogueFilter(
            level=self.cleaned_data.get("level"), route=self.cleaned_data.get("route") or None
        )

    def select_params(self, name: str, label: str) -> dict[str, Any]:
        """Parameters for the govukSelect macro, keeping what the user chose."""
        field = self[name]
        chosen = str(field.value() or "")
        params: dict[str, Any] = {
            "id": name,
            "name": name,
            "label": {"text": label},
            "items": [
                {"value": value, "text": text, "selected": str(value) == chosen}
                for value, text in self.fields[name].choices
            ],
        }
        if field.errors:
            params["errorMessage"] = {"text": " ".join(field.errors)}
        return params


class SearchForm(BrowseForm):
    q = forms.CharField(
        required=True,
        max_length=10_000,
        strip=True,
        error_messages={
            "required": "Describe the skills or tasks you need, for example "
            "'maintain the robots on our production line'",
            "max_length": "Your description is too long: use 500 characters or fewer",
        },
    )

    def input_params(self) -> dict[str, Any]:
        field = self["q"]
        params: dict[str, Any] = {
            "id": "q",
            "name": "q",
            "label": {
                "text": "Describe the skills you need",
                "classes": "govuk-label--l",
                "isPageHeading": True,
            },
            "hint": {
                "text": "Use your own words: the tasks, machines or problems your team deals with."
            },
            "value": field.value() or "",
            "spellcheck": True,
        }
        if field.errors:
            params["errorMessage"] = {"text": " ".join(field.errors)}
        return params

    def error_summary(self) -> dict[str, Any] | None:
        if not self.is_bound or not self.errors:
            return None
        return {
            "titleText": "There is a problem",
            "errorList": [
                {"text": " ".join(errors), "href": f"#{name}"}
                for name, errors in self.errors.items()
            ],
        }


class JobForm(forms.Form):
    """'What is your job now?': a title or a few words about the work, to find its standard."""

    job = forms.CharField(
        required=True,
        max_length=500,
        strip=True,
        error_messages={
            "required": "Enter your job title or describe what you do, for example "
            "'maintenance technician'",
            "max_length": "Your answer is too long: use 500 characters or fewer",
        },
    )

    def input_params(self) -> dict[str, Any]:
        field = self["job"]
        params: dict[str, Any] = {
            "id": "job",
            "name": "job",
            "label": {
                "text": "What is your job now?",
                "classes": "govuk-label--l",
                "isPageHeading": True,
            },
            "hint": {"text": "Your job title, or a few words about what you do at work."},
            "value": field.value() or "",
            "spellcheck": True,
        }
        if field.errors:
            params["errorMessage"] = {"text": " ".join(field.errors)}
        return params

    def error_summary(self) -> dict[str, Any] | None:
        if not self.is_bound or not self.errors:
            return None
        return {
            "titleText": "There is a problem",
            "errorList": [
                {"text": " ".join(errors), "href": f"#{name}"}
                for name, errors in self.errors.items()
            ],
        }
