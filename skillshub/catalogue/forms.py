"""Forms for the catalogue pages; each hands the GOV.UK component macros their parameters."""

from __future__ import annotations

from typing import Any

from django import forms

from skillshub.catalogue.browse import MAX_PAGE, StandardsListRequest
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

    def list_request(self, *, page_size: int) -> StandardsListRequest:
        """The typed request the list service takes: the chosen route and level (none when they
        are not valid; the form then says why), and the page asked for (the first when the
        `page` parameter is not a number, as links to a page are only ever made by the hub)."""
        chosen = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return StandardsListRequest(
            level=chosen.get("level"),
            route=chosen.get("route") or None,
            page=_page_number(self.data.get("page")),
            page_size=page_size,
        )

    def select_params(self, name: str, label: str) -> dict[str, Any]:
        """Parameters for the govukSelect macro, keeping what the user chose."""
        return self.govuk_select(name, label=label)


def _page_number(value: Any) -> int:
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


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
