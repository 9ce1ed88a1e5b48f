"""Forms for the provider area: a provider's own offer, a CSV upload of courses, signing in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.models import AbstractBaseUser

from skillshub.core.govuk_forms import GovukForm
from skillshub.domain import provision as domain
from skillshub.domain.geography import normalise_postcode
from skillshub.provision import models
from skillshub.provision import vocabulary as v
from skillshub.sources.course_directory_codes import parse_aim_ref
from skillshub.sources.tables import parse_day, parse_url


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


def _plain(value: Decimal | None) -> str:
    """A stored number as a person would type it: 10, 7.5, 450 (not 10.00)."""
    return "" if value is None else format(value.normalize(), "f")


def initial_answers(row: models.Offer) -> dict[str, Any]:
    """A stored offer as the form's answers, to change it (the inverse of `OfferForm.offer`)."""

    def code(codes: dict[str, Any], value: str) -> str:
        return next((c for c, known in codes.items() if known.value == value), "")

    return {
        "title": row.title,
        "offer_type": code(v.OFFER_TYPES, row.offer_type),
        "level": row.level,
        "qualification_reference": row.qualification_reference,
        "standards": ", ".join(row.standard_references),
        "description": row.description,
        "delivery_mode": code(v.DELIVERY_MODES, row.delivery_mode),
        "study_mode": code(v.STUDY_MODES, row.study_mode),
        "hours_per_week": f"{row.hours_per_week:g}" if row.hours_per_week is not None else "",
        "duration_value": _plain(row.duration_value),
        "duration_unit": row.duration_unit,
        "cost_to_learner": _plain(row.cost_to_learner_gbp),
        "cost_to_employer": _plain(row.cost_to_employer_gbp),
        "funding": [code(v.FUNDING_ROUTES, route) for route in row.funding_routes],
        "awarding_body": row.awarding_body,
        "accreditation": row.accreditation,
        "start_dates": "\n".join(f"{d[8:10]}/{d[5:7]}/{d[0:4]}" for d in row.start_dates),
        "flexible_start": row.flexible_start,
        "venue_name": row.venue_name,
        "venue_postcode": row.venue_postcode,
        "national": row.national,
        "url": row.url,
    }


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
