"""Pages for providers: sign in, then publish, change, withdraw or upload their own offers.

Every page below sign-in works on the signed-in account's provider only: offers are always
looked up together with that provider, so another provider's offer is simply not found.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login, logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from skillshub.core import ratelimit
from skillshub.core.govuk_forms import error_link
from skillshub.provider_area import forms, presenters, services
from skillshub.provision import models
from skillshub.sources.course_directory import COURSE_COLUMNS
from skillshub.sources.tables import RowError

ProviderView = Callable[..., HttpResponse]


def provider_required(view: ProviderView) -> Callable[..., HttpResponse]:
    """Signed-in provider accounts only; the view receives the account's provider."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('provider_area:sign-in')}?{query}")
        provider = services.provider_for(request.user)
        if provider is None:
            return render(request, "provider_area/no_account.html", status=403)
        return view(request, provider, *args, **kwargs)

    return wrapped


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


SIGN_IN_GUARD = ratelimit.SignInGuard.from_settings()


def _too_many(wait_s: int) -> str:
    return (
        "You have tried to sign in too many times. Wait "
        f"{ratelimit.minutes(wait_s)}, then try again"
    )


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    email = request.POST.get("email", "").strip().lower()[:254] if posted else ""
    wait_s = SIGN_IN_GUARD.wait_s(request, email) if posted else 0
    form = forms.SignInForm(
        request.POST if posted else None,
        request=request,
        refuse=_too_many(wait_s) if wait_s else "",
    )
    if posted and form.is_valid() and form.user is not None:
        SIGN_IN_GUARD.succeeded(email)
        login(request, form.user)
        return redirect(_safe_next(request, reverse("provider_area:dashboard")))
    checked = email and form.cleaned_data.get("password")  # a password was tried, and wrong
    if posted and not wait_s and form.user is None and checked:
        wait_s = SIGN_IN_GUARD.failed(request, email)
        if wait_s:  # this attempt started the lockout
            form = forms.SignInForm(request.POST, request=request, refuse=_too_many(wait_s))
            form.is_valid()
    context: dict[str, Any] = {
        "error_summary": form.error_summary(),
        "email": form.govuk_input(
            "email",
            label="Email address",
            autocomplete="email",
            spellcheck=False,
            type="email",
        ),
        "password": {
            **form.govuk_input("password", label="Password"),
            "value": "",
            "type": "password",
            "autocomplete": "current-password",
        },
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    status = 429 if wait_s else 400 if form.is_bound and form.errors else 200
    response = render(request, "provider_area/sign_in.html", context, status=status)
    if wait_s:
        response["Retry-After"] = str(wait_s)
    return response


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(reverse("provider_area:sign-in"))


@provider_required
def dashboard(request: HttpRequest, provider: models.Provider) -> HttpResponse:
    rows = list(provider.offers.order_by("withdrawn_at", "title"))
    context: dict[str, Any] = {
        "provider": provider,
        "table": presenters.provider_offers_table(rows) if rows else None,
    }
    return render(request, "provider_area/dashboard.html", context)


def _offer_fields(form: forms.OfferForm) -> dict[str, Any]:
    return {
        "title": form.govuk_input("title", label="Course title"),
        "offer_type": form.govuk_select("offer_type", label="Type of course"),
        "level": form.govuk_select("level", label="Level"),
        "qualification_reference": form.govuk_input(
            "qualification_reference",
            label="Learning aim reference (optional)",
            hint="The 8-character LARS learning aim or Ofqual qualification number, like 60312345",
            classes="govuk-input--width-10",
            spellcheck=False,
        ),
        "standards": form.govuk_input(
            "standards",
            label="Apprenticeship standards it teaches (optional)",
            hint="References like ST0662, separated by commas. Employers searching for these "
            "skills will find this course.",
            spellcheck=False,
        ),
        "description": form.govuk_textarea(
            "description", label="Who the course is for and what it covers (optional)", rows=4
        ),
        "delivery_mode": form.govuk_radios("delivery_mode", legend="How is it taught?"),
        "study_mode": form.govuk_radios("study_mode", legend="Study mode (optional)"),
        "hours_per_week": form.govuk_input(
            "hours_per_week",
            label="Hours a week (optional)",
            classes="govuk-input--width-4",
            inputmode="decimal",
            spellcheck=False,
        ),
        "duration_value": form.govuk_input(
            "duration_value",
            label="How long it lasts",
            classes="govuk-input--width-4",
            inputmode="decimal",
            spellcheck=False,
        ),
        "duration_unit": form.govuk_select("duration_unit", label="Unit"),
        "cost_to_learner": form.govuk_input(
            "cost_to_learner",
            label="Cost to the learner (optional)",
            hint="In pounds, like 1250 or Free",
            prefix={"text": "£"},
            classes="govuk-input--width-10",
            spellcheck=False,
        ),
        "cost_to_employer": form.govuk_input(
            "cost_to_employer",
            label="Cost to the employer (optional)",
            prefix={"text": "£"},
            classes="govuk-input--width-10",
            spellcheck=False,
        ),
        "funding": form.govuk_checkboxes("funding", legend="Funding learners can use (optional)"),
        "awarding_body": form.govuk_input("awarding_body", label="Awarding body (optional)"),
        "accreditation": form.govuk_input(
            "accreditation",
            label="Accreditation (optional)",
            hint="For example: Higher Technical Qualification, or a professional body",
        ),
        "start_dates": form.govuk_textarea(
            "start_dates",
            label="Start dates",
            hint="One a line, as day/month/year, like 07/09/2027",
            rows=3,
        ),
        "flexible_start": form.govuk_checkbox(
            "flexible_start", text="Learners can start at any time"
        ),
        "venue_name": form.govuk_input("venue_name", label="Venue name (optional)"),
        "venue_postcode": form.govuk_input(
            "venue_postcode",
            label="Venue postcode",
            classes="govuk-input--width-10",
            autocomplete="postal-code",
            spellcheck=False,
        ),
        "national": form.govuk_checkbox(
            "national",
            text="Available anywhere in England (online, or at the employer's workplace)",
        ),
        "url": form.govuk_input(
            "url", label="Web page for the course (optional)", type="url", spellcheck=False
        ),
    }


def _own_offer(provider: models.Provider, offer_id: str) -> models.Offer:
    """One of this provider's own published offers, or 404 (never another provider's)."""
    row = services.own_offer(provider, offer_id)
    if row is None:
        raise Http404("No such course among yours")
    return row


def _edit(
    request: HttpRequest, provider: models.Provider, row: models.Offer | None
) -> HttpResponse:
    known = services.known_standards()
    if request.method == "POST":
        form = forms.OfferForm(request.POST, known_standards=known)
    else:
        initial = forms.initial_answers(row) if row else {}
        form = forms.OfferForm(initial=initial, known_standards=known)
    if request.method == "POST" and form.is_valid():
        offer_id = services.offer_id_for(provider, row)
        try:
            offer = form.offer(offer_id=offer_id, ukprn=provider.ukprn)
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            duration = (
                form.cleaned_data.get("duration_value"),
                form.cleaned_data.get("duration_unit") or "",
            )
            services.publish_offer(offer, provider=provider, duration=duration, row=row)
            messages.success(request, f"‘{offer.title}’ is published.")
            return redirect(reverse("provider_area:dashboard"))
    context: dict[str, Any] = {
        "provider": provider,
        "row": row,
        "error_summary": form.error_summary(),
        "fields": _offer_fields(form),
        "action": request.get_full_path(),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "provider_area/offer_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@provider_required
def offer_new(request: HttpRequest, provider: models.Provider) -> HttpResponse:
    return _edit(request, provider, None)


@require_http_methods(["GET", "POST"])
@provider_required
def offer_edit(request: HttpRequest, provider: models.Provider, offer_id: str) -> HttpResponse:
    return _edit(request, provider, _own_offer(provider, offer_id))


@require_http_methods(["GET", "POST"])
@provider_required
def offer_withdraw(request: HttpRequest, provider: models.Provider, offer_id: str) -> HttpResponse:
    row = _own_offer(provider, offer_id)
    if request.method == "POST":
        services.withdraw_offer(row)
        messages.success(request, f"‘{row.title}’ is withdrawn: it no longer appears in search.")
        return redirect(reverse("provider_area:dashboard"))
    return render(request, "provider_area/withdraw.html", {"row": row})


@require_http_methods(["GET", "POST"])
@provider_required
def upload(request: HttpRequest, provider: models.Provider) -> HttpResponse:
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    problems: list[RowError] = []
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["courses"]
        try:
            offers, problems = services.read_courses(
                file.read(), filename=file.name, provider=provider
            )
        except services.Refused as error:
            form.add_error("courses", str(error))
            offers = []
        if offers and not problems:
            added, updated = services.publish_upload(offers, provider=provider)
            messages.success(
                request, f"{added} course{'s' if added != 1 else ''} added and {updated} updated."
            )
            return redirect(reverse("provider_area:dashboard"))
    summary = form.error_summary()
    if problems:
        count = len(problems)
        summary = {
            "titleText": "There is a problem",
            "errorList": [
                error_link(
                    f"The file has {count} problem{'s' if count != 1 else ''}, so nothing was "
                    "saved. Correct the rows listed below and upload it again",
                    "#problems",
                )
            ],
        }
    context: dict[str, Any] = {
        "provider": provider,
        "error_summary": summary,
        "file": form.govuk_file(
            "courses", label="Courses file (CSV)", hint="Saved as CSV UTF-8, up to 5 MB"
        ),
        "problems": presenters.row_errors_table(problems) if problems else None,
        "columns_text": "Required: PROVIDER_UKPRN, COURSE_NAME, DELIVER_MODE, and STARTDATE "
        "or FLEXIBLE_STARTDATE. All columns, in the published order: " + ", ".join(COURSE_COLUMNS),
    }
    status = 400 if summary else 200
    return render(request, "provider_area/upload.html", context, status=status)
