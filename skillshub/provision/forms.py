"""Forms for the provision pages: search, a provider's offer, a CSV upload and signing in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.models import AbstractBaseUser
from pydantic import ValidationError

from skillshub.core.govuk_forms import GovukForm
from skillshub.domain import provision as domain
from skillshub.domain.geography import normalise_postcode
from skillshub.provision import services
from skillshub.provision import vocabulary as v
from skillshub.provision.finder import DEFAULT_RADIUS_KM
from skillshub.sources.course_directory_codes import parse_aim_ref
from skillshub.sources.tables import parse_day, parse_url

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


def _standards(value: str) -> list[str]:
    references = [part.strip().upper() for part in value.replace(";", ",").split(",")]
    return [reference for reference in references if reference]


class OfferForm(GovukForm):
    """A provider's own offer. Every message says what to change."""

    title = forms.CharField(
        max_length=255,
        error_messages={
            "required": "Enter the course title",
            "max_length": "Keep the title to 255 characters",
        },
    )
    offer_type = forms.ChoiceField(
        choices=[("", "Choose a type")]
        + [(code, v.label(value)) for code, value in v.OFFER_TYPES.items()],
        error_messages={"required": "Choose the type of course"},
    )
    level = forms.TypedChoiceField(
        choices=[("", "Not a numbered level")] + [(str(n), f"Level {n}") for n in range(1, 9)],
        required=False,
        coerce=int,
        empty_value=None,
    )
    qualification_reference = forms.CharField(required=False, max_length=20)
    standards = forms.CharField(required=False, max_length=200)
    description = forms.CharField(required=False, max_length=5000, widget=forms.Textarea)
    delivery_mode = forms.ChoiceField(
        choices=[(code, v.label(value)) for code, value in v.DELIVERY_MODES.items()],
        error_messages={"required": "Choose how the course is delivered"},
    )
    study_mode = forms.ChoiceField(
        choices=[(code, v.label(value)) for code, value in v.STUDY_MODES.items()], required=False
    )
    hours_per_week = forms.DecimalField(
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal(60),
        decimal_places=1,
        error_messages={
            "invalid": "Enter hours a week as a number, like 7.5",
            "min_value": "Hours a week must be at least 0.5",
            "max_value": "Hours a week must be 60 or fewer",
            "max_decimal_places": "Give hours a week to one decimal place, like 7.5",
        },
    )
    duration_value = forms.DecimalField(
        required=False,
        min_value=Decimal("0.5"),
        max_value=Decimal(1000),
        decimal_places=1,
        error_messages={
            "invalid": "Enter the length as a number, like 2",
            "min_value": "The length must be at least 0.5",
            "max_value": "The length must be 1000 or less",
            "max_decimal_places": "Give the length to one decimal place",
        },
    )
    duration_unit = forms.ChoiceField(
        choices=[("", "Choose a unit")] + [(u.value, u.value) for u in domain.DurationUnit],
        required=False,
    )
    cost_to_learner = forms.CharField(required=False, max_length=20)
    cost_to_employer = forms.CharField(required=False, max_length=20)
    funding = forms.MultipleChoiceField(
        choices=[(code, v.label(value)) for code, value in v.FUNDING_ROUTES.items()],
        required=False,
    )
    awarding_body = forms.CharField(required=False, max_length=200)
    accreditation = forms.CharField(required=False, max_length=200)
    start_dates = forms.CharField(required=False, max_length=2000, widget=forms.Textarea)
    flexible_start = forms.BooleanField(required=False)
    venue_name = forms.CharField(required=False, max_length=300)
    venue_postcode = forms.CharField(required=False, max_length=10)
    national = forms.BooleanField(required=False)
    url = forms.CharField(required=False, max_length=500)

    def __init__(self, *args: Any, known_standards: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known_standards = known_standards

    def clean_qualification_reference(self) -> str:
        value = self.cleaned_data.get("qualification_reference", "")
        if not value:
            return ""
        try:
            return parse_aim_ref(value)
        except ValueError as error:
            raise forms.ValidationError(
                f"Enter the learning aim reference as 8 letters or digits ({error})"
            ) from None

    def clean_standards(self) -> list[str]:
        references = _standards(self.cleaned_data.get("standards", ""))
        unknown = [r for r in references if r not in self.known_standards]
        if unknown:
            raise forms.ValidationError(
                f"{', '.join(unknown)} is not a standard we know: enter references like ST0662, "
                "separated by commas"
            )
        return references

    def _money(self, name: str) -> Decimal | None:
        try:
            return domain.parse_cost_gbp(self.cleaned_data.get(name, ""))
        except ValueError as error:
            raise forms.ValidationError(str(error).replace("'", "", 2)) from None

    def clean_cost_to_learner(self) -> Decimal | None:
        return self._money("cost_to_learner")

    def clean_cost_to_employer(self) -> Decimal | None:
        return self._money("cost_to_employer")

    def clean_start_dates(self) -> list[Any]:
        found = []
        for line in (self.cleaned_data.get("start_dates") or "").splitlines():
            if line.strip():
                try:
                    found.append(parse_day(line))
                except ValueError as error:
                    raise forms.ValidationError(str(error)) from None
        return sorted(set(found))

    def clean_venue_postcode(self) -> str:
        value = self.cleaned_data.get("venue_postcode", "")
        if not value:
            return ""
        try:
            return normalise_postcode(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_url(self) -> str:
        value = self.cleaned_data.get("url", "")
        if not value:
            return ""
        try:
            return parse_url(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        amount, unit = data.get("duration_value"), data.get("duration_unit")
        if amount is not None and not unit:
            self.add_error(
                "duration_unit",
                "Choose whether the length is in hours, days, weeks, months or years",
            )
        if unit and amount is None and "duration_value" not in self.errors:
            self.add_error("duration_value", "Enter how long the course lasts, or clear the unit")
        mode = v.DELIVERY_MODES.get(data.get("delivery_mode") or "")
        placed = data.get("national") or mode is domain.DeliveryMode.ONLINE
        if not placed and not data.get("venue_postcode") and "venue_postcode" not in self.errors:
            self.add_error(
                "venue_postcode",
                "Enter the postcode where the course is taught, or tick that it is available "
                "anywhere in England",
            )
        if (
            not data.get("start_dates")
            and not data.get("flexible_start")
            and "start_dates" not in self.errors
        ):
            self.add_error(
                "start_dates",
                "Enter at least one start date, or tick that learners can start at any time",
            )
        return data

    def offer(self, *, offer_id: str, ukprn: int) -> domain.Offer:
        """The validated answers as a domain offer (raises ValueError on a rule the form missed)."""
        data = self.cleaned_data
        amount, unit = data.get("duration_value"), data.get("duration_unit")
        return domain.Offer(
            offer_id=offer_id,
            ukprn=ukprn,
            offer_type=v.OFFER_TYPES[data["offer_type"]],
            title=data["title"],
            delivery_mode=v.DELIVERY_MODES[data["delivery_mode"]],
            level=data.get("level"),
            qualification_reference=data.get("qualification_reference") or "",
            standard_references=tuple(data.get("standards") or ()),
            study_mode=v.STUDY_MODES.get(data.get("study_mode") or ""),
            hours_per_week=float(data["hours_per_week"]) if data.get("hours_per_week") else None,
            duration_months=domain.months_from_duration(float(amount), unit)
            if amount is not None and unit
            else None,
            cost_to_learner_gbp=data.get("cost_to_learner"),
            cost_to_employer_gbp=data.get("cost_to_employer"),
            funding_routes=tuple(v.FUNDING_ROUTES[code] for code in data.get("funding") or ()),
            awarding_body=data.get("awarding_body") or "",
            accreditation=data.get("accreditation") or "",
            start_dates=tuple(data.get("start_dates") or ()),
            flexible_start=bool(data.get("flexible_start")),
            venue_name=data.get("venue_name") or "",
            venue_postcode=data.get("venue_postcode") or None,
            national=bool(data.get("national")),
            description=data.get("description") or "",
            url=data.get("url") or "",
        )


MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class UploadForm(GovukForm):
    courses = forms.FileField(
        error_messages={
            "required": "Choose a CSV file of your courses to upload",
            "empty": "The file you chose is empty",
        }
    )

    def clean_courses(self) -> Any:
        upload = self.cleaned_data["courses"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB: split it into parts")
        return upload


class SignInForm(GovukForm):
    email = forms.CharField(max_length=254, error_messages={"required": "Enter your email address"})
    password = forms.CharField(
        max_length=200, strip=False, error_messages={"required": "Enter your password"}
    )

    def __init__(self, *args: Any, request: Any = None, refuse: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request
        self.refuse = refuse
        """When set (too many attempts), this error is shown and the password is not checked."""
        self.user: AbstractBaseUser | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        email, password = data.get("email"), data.get("password")
        if self.refuse:
            self.add_error("email", self.refuse)
        elif email and password:
            self.user = authenticate(
                self.request, username=email.strip().lower(), password=password
            )
            if self.user is None or not self.user.is_active:
                self.add_error(
                    "email", "The email address or password is not right; check them and try again"
                )
        return data
