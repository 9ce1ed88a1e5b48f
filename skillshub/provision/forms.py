"""The provision search form: the page's answers become the one offer search request."""

from __future__ import annotations

from typing import Any

from django import forms
from pydantic import ValidationError

from skillshub.core.govuk_forms import GovukForm
from skillshub.provision import services
from skillshub.provision import vocabulary as v
from skillshub.provision.finder import DEFAULT_RADIUS_KM

RADIUS_CHOICES = [
    (str(km), f"Within {km} km ({round(km / 1.609344)} miles)") for km in (5, 10, 25, 50, 100)
]
LEVEL_CHOICES = [(str(n), f"Level {n}") for n in (3, 4, 5, 6)]
DURATION_CHOICES = [
    ("", "Any length"),
    ("1", "Up to 1 month"),
    ("3", "Up to 3 months"),
    ("6", "Up to 6 months"),
    ("12", "Up to 1 year"),
    ("24", "Up to 2 years"),
]
START_CHOICES = [
    ("", "Any time"),
    ("1", "Within 1 month"),
    ("3", "Within 3 months"),
    ("6", "Within 6 months"),
    ("12", "Within 12 months"),
]
MAX_COST_GBP = 1_000_000
REQUEST_FIELDS = {
    "radius_km": "radius",
    "max_duration_months": "max_duration",
    "max_cost_gbp": "max_cost",
    "start_within_months": "start_within",
}
"""Offer search request fields whose form field (and the page's address) has a shorter name."""
PAGE_MESSAGES = {
    services.NEED_OR_PLACE: (
        "Describe the skills you need, or enter a postcode to see all courses near it"
    ),
}
"""The page's words for a request's rules, by pydantic error type."""
BEYOND_THE_FORM = {"offset": "There are not that many pages of results: go back to page 1"}
"""The page's words for request fields the form does not ask (the page number sets offset)."""


def _typed(name: str, choices: list[tuple[str, str]], coerce: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(choices=choices, required=False, coerce=coerce, empty_value=None)


class SearchForm(GovukForm):
    """The search page's answers; `clean` turns them into `search_request`, the one offer
    search request, whose own rules (need or postcode, bounds) report here as field errors."""

    q = forms.CharField(
        required=False,
        max_length=500,
        strip=True,
        error_messages={"max_length": "Describe the skills in 500 characters or fewer"},
    )
    postcode = forms.CharField(required=False, max_length=20, strip=True)
    radius = _typed("radius", RADIUS_CHOICES, float)
    level = forms.TypedMultipleChoiceField(choices=LEVEL_CHOICES, required=False, coerce=int)
    type = forms.MultipleChoiceField(
        choices=[(code, v.label(value)) for code, value in v.OFFER_TYPES.items()], required=False
    )
    delivery = forms.MultipleChoiceField(
        choices=[(code, v.label(value)) for code, value in v.DELIVERY_MODES.items()],
        required=False,
    )
    max_duration = _typed("max_duration", DURATION_CHOICES, float)
    max_cost = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_COST_GBP,
        error_messages={
            "invalid": "Enter the most you could pay as a whole number of pounds, like 2000",
            "min_value": "The most you could pay must be 0 or more",
            "max_value": "Enter a maximum cost under £1,000,000",
        },
    )
    funded = forms.BooleanField(required=False)
    funding = forms.MultipleChoiceField(
        choices=[(code, v.label(value)) for code, value in v.FUNDING_ROUTES.items()],
        required=False,
    )
    start_within = _typed("start_within", START_CHOICES, int)
    sort = forms.ChoiceField(choices=list(v.SORTS.items()), required=False)

    def __init__(self, *args: Any, limit: int = 20, offset: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound or not self.data.get("radius"):
            self.initial["radius"] = str(int(DEFAULT_RADIUS_KM))
        self.limit, self.offset = limit, offset
        self.search_request: services.OfferSearchRequest | None = None

    def clean_postcode(self) -> str:
        return str(self.cleaned_data.get("postcode") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            try:
                self.search_request = self.offer_request(data)
            except ValidationError as error:
                self._add_request_errors(error)
        return data

    def offer_request(self, data: dict[str, Any]) -> services.OfferSearchRequest:
        """The answers as the offer search request (raises pydantic's ValidationError); an
        unanswered question takes the request's default."""
        max_cost = data.get("max_cost")
        answers: dict[str, Any] = {
            "q": data.get("q"),
            "postcode": data.get("postcode"),
            "radius_km": data.get("radius"),
            "level": data.get("level"),
            "type": data.get("type"),
            "delivery": data.get("delivery"),
            "max_duration_months": data.get("max_duration"),
            "max_cost_gbp": None if max_cost is None else float(max_cost),
            "funded": bool(data.get("funded")),
            "funding": data.get("funding"),
            "start_within_months": data.get("start_within"),
            "sort": data.get("sort"),
        }
        return services.OfferSearchRequest(
            **{name: value for name, value in answers.items() if value not in (None, "")},
            limit=self.limit,
            offset=self.offset,
        )

    def _add_request_errors(self, error: ValidationError) -> None:
        """Each problem under the field it is about (a rule of the whole request: under q)."""
        for problem in error.errors():
            location = problem["loc"]
            name = REQUEST_FIELDS.get(str(location[0]), str(location[0])) if location else "q"
            message = PAGE_MESSAGES.get(problem["type"], problem["msg"])
            if name not in self.fields:
                self.add_error(None, BEYOND_THE_FORM.get(name, message))
            else:
                self.add_error(name, message)
