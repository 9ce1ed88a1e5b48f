"""Forms for the catalogue pages; each hands the GOV.UK component macros their parameters."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.catalogue.queries import CatalogueFilter
from skillshub.catalogue.services import StandardsSearchRequest
from skillshub.core.govuk_forms import GovukForm


class BrowseForm(GovukForm):
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
        return self.govuk_select(name, label=label)


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

    def search_request(self, *, limit: int) -> StandardsSearchRequest:
        """The typed request the search service takes (call after is_valid)."""
        return StandardsSearchRequest(
            q=self.cleaned_data["q"],
            limit=limit,
            level=self.cleaned_data.get("level"),
            route=self.cleaned_data.get("route") or None,
        )

    def input_params(self) -> dict[str, Any]:
        return self.govuk_input(
            "q",
            label="Describe the skills you need",
            hint="Use your own words: the tasks, machines or problems your team deals with.",
            label_classes="govuk-label--l",
            page_heading=True,
            spellcheck=True,
        )
