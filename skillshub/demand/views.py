"""Demand pages: 'tell us you need this' from Find training, and 'Register a training need' (one
question a page, check your answers, a private link to change or withdraw it)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from pydantic import ValidationError

from skillshub.core.ratelimit import AttemptLimiter, client_address
from skillshub.demand import forms, presenters, services
from skillshub.domain import needs as vocabulary

LIMIT = AttemptLimiter(scope="demand-signal", limit=20, window_s=3600)
"""Twenty signals an hour from one address is far more than one employer sends."""


@require_POST
def tell_us(request: HttpRequest) -> HttpResponse:
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace

    address = client_address(request)
    wait = LIMIT.wait_s(address)
    if wait:
        response = render(
            request,
            "demand/recorded.html",
            {"heading": "Too many requests", "message": "Try again later.", "back": "/"},
            status=429,
        )
        response["Retry-After"] = str(wait)
        return response
    back = "/find-training/"
    if request.POST.get("website"):  # a field people never see: only robots fill it in
        result_message = "Thank you."
    else:
        try:
            signal = services.DemandSignalRequest(
                need=request.POST.get("q", ""), postcode=request.POST.get("postcode", "")
            )
            result = services.record_nothing_near(signal)
            result_message = result.message
            LIMIT.failed(address)
            back = "/find-training/?" + request.POST.urlencode()
        except (ValidationError, InvalidPostcode, UnknownPlace):
            return render(
                request,
                "demand/recorded.html",
                {
                    "heading": "We could not record this",
                    "message": "Go back to Find training and describe what your team needs.",
                    "back": back,
                },
                status=400,
            )
    return render(
        request,
        "demand/recorded.html",
        {"heading": "Your need is recorded", "message": result_message, "back": back},
    )


REGISTER_LIMIT = AttemptLimiter(scope="register-need", limit=20, window_s=3600)
"""Twenty needs an hour from one address: more than any one employer registers."""

ANSWERS = "need-answers"  # the answers so far, in the session
CANDIDATES = "need-candidates"  # the standards proposed for the need as written
EDITING = "need-editing"  # the digest of the need being changed, if any
REGISTERED = "need-registered"  # the private link just made, shown on the confirmation
SLUGS = list(forms.STEPS)


def _answers(request: HttpRequest) -> dict[str, Any]:
    answers: dict[str, Any] = request.session.get(ANSWERS, {})
    return answers


def _candidates(request: HttpRequest) -> list[services.StandardChoice]:
    return [services.StandardChoice(**c) for c in request.session.get(CANDIDATES, [])]


def _first_unanswered(answers: dict[str, Any]) -> str | None:
    for slug, form_class in forms.STEPS.items():
        if form_class.answer not in answers:
            return slug
    return None


def _need_request(answers: dict[str, Any]) -> services.NeedRequest:
    level = answers.get("level")
    return services.NeedRequest(
        need=answers["need"],
        standard_references=answers["standard_references"],
        headcount=answers["headcount"],
        needed_within_months=answers["needed_within_months"],
        delivery_format=answers["delivery_format"],
        level=int(level) if level in ("4", "5") else None,
        postcode=answers["postcode"],
        size_band=answers["size_band"],
        sic_section=answers["sic_section"],
    )


def start(request: HttpRequest) -> HttpResponse:
    """The start page: what registering does, who sees what, and the button to begin."""
    first = reverse("demand:question", args=[SLUGS[0]])
    return render(request, "demand/start.html", {"first": first})


@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, step: str) -> HttpResponse:
    """One question page; answers live in the session until 'Check your answers' stores them."""
    form_class = forms.STEPS.get(step)
    if form_class is None:
        raise Http404(f"There is no question '{step}'")
    answers = _answers(request)
    missing = _first_unanswered(answers)
    if missing is not None and SLUGS.index(missing) < SLUGS.index(step):
        return redirect(reverse("demand:question", args=[missing]))
    extra: dict[str, Any] = {}
    if form_class is forms.MatchForm:
        extra["options"] = [
            (c.reference, f"{c.title} (level {c.level}, {c.reference})")
            for c in _candidates(request)
        ]
    changing = request.GET.get("change") == "1"
    if request.method == "POST":
        form = form_class(request.POST, **extra)
        if request.POST.get("website"):  # a field people never see: only robots fill it in
            request.session.pop(ANSWERS, None)
            return redirect(reverse("demand:start"))
        if form.is_valid():
            return _answered(request, step, form, changing=changing)
    else:
        stored = answers.get(form_class.answer)
        if form_class is forms.MatchForm and stored == []:
            stored = [forms.MatchForm.NONE]
        form = form_class(initial={form_class.answer: stored}, **extra)
    return _question_page(request, step, form, changing=changing)


def _question_page(
    request: HttpRequest, step: str, form: forms.QuestionForm, *, changing: bool
) -> HttpResponse:
    index = SLUGS.index(step)
    if changing:
        back = reverse("demand:check")
    elif index == 0:
        back = reverse("demand:start")
    else:
        back = reverse("demand:question", args=[SLUGS[index - 1]])
    component, params = form.component()
    context = {
        "form": form,
        "question": form.question,
        "component": component,
        "params": params,
        "error_summary": form.error_summary(),
        "back": back,
        "action": request.get_full_path(),
        "first": index == 0,
        "no_match": step == "matches" and not _candidates(request),
        "progress": f"Question {index + 1} of {len(SLUGS)}",
    }
    status = 400 if form.is_bound else 200
    return render(request, "demand/question.html", context, status=status)


def _answered(
    request: HttpRequest, step: str, form: forms.QuestionForm, *, changing: bool
) -> HttpResponse:
    answers = _answers(request)
    value = form.answer_value()
    if step == "what" and value != answers.get("need"):
        # A new description: propose standards for it, and ask again which fit.
        from skillshub.domain.search import QueryError

        try:
            proposed = services.propose_standards(value)
        except QueryError as error:  # nothing in it to match on, e.g. only digits
            form.add_error(form.answer, str(error))
            return _question_page(request, step, form, changing=changing)
        request.session[CANDIDATES] = [c.model_dump() for c in proposed]
        answers.pop("standard_references", None)
        if not proposed:
            answers["standard_references"] = []
        changing = changing and not proposed
    answers[form.answer] = value
    request.session[ANSWERS] = answers
    following = _first_unanswered(answers)
    if changing or following is None:
        return redirect(reverse("demand:check"))
    return redirect(reverse("demand:question", args=[following]))


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest) -> HttpResponse:
    """Check your answers, then store the need (or the change to one)."""
    from skillshub.domain.geography import InvalidPostcode, UnknownPlace

    answers = _answers(request)
    missing = _first_unanswered(answers)
    if missing is not None:
        return redirect(reverse("demand:question", args=[missing]))
    need = _need_request(answers)
    editing = request.session.get(EDITING, "")
    if request.method == "POST":
        if request.POST.get("website"):
            request.session.pop(ANSWERS, None)
            return redirect(reverse("demand:start"))
        address = client_address(request)
        wait = REGISTER_LIMIT.wait_s(address)
        if wait:
            response = render(request, "demand/too_many.html", {"wait_minutes": wait // 60 + 1})
            response.status_code = 429
            response["Retry-After"] = str(wait)
            return response
        try:
            if editing:
                services.change_need(editing, need)
                token = ""
            else:
                registered = services.register_need(need)
                token = registered.token
                REGISTER_LIMIT.failed(address)  # counts registrations, not failures
        except (InvalidPostcode, UnknownPlace, services.UnknownStandards) as error:
            # The place or the standards went away since they were answered (a new data load):
            # ask that one question again; every other answer stays.
            stale = (
                "standard_references"
                if isinstance(error, services.UnknownStandards)
                else "postcode"
            )
            answers.pop(stale)
            request.session[ANSWERS] = answers
            return redirect(reverse("demand:question", args=[_first_unanswered(answers)]))
        except services.NeedNotFound as error:
            raise Http404(str(error)) from error
        for key in (ANSWERS, CANDIDATES, EDITING):
            request.session.pop(key, None)
        request.session[REGISTERED] = {"token": token, "changed": bool(editing)}
        return redirect(reverse("demand:done"))
    standards = services.standards_for(need.standard_references)
    context = {
        "rows": presenters.answer_rows(need, standards, change=True),
        "editing": bool(editing),
        "back": reverse("demand:question", args=[SLUGS[-1]]),
    }
    return render(request, "demand/check.html", context)


def done(request: HttpRequest) -> HttpResponse:
    """The confirmation: the private link, shown once in this session."""
    registered = request.session.get(REGISTERED)
    if not registered:
        return redirect(reverse("demand:start"))
    token = registered["token"]
    link = request.build_absolute_uri(services.private_path(token)) if token else ""
    return render(request, "demand/done.html", {"link": link, "changed": registered["changed"]})


def _summary_or_404(token: str) -> services.NeedSummary:
    try:
        return services.find_need(vocabulary.token_digest(token))
    except services.NeedNotFound as error:
        raise Http404(str(error)) from error


def yours(request: HttpRequest, token: str) -> HttpResponse:
    """The private page of one need: its answers, and the buttons to change or withdraw it."""
    summary = _summary_or_404(token)
    need = (
        services.need_request_of(vocabulary.token_digest(token)) if not summary.withdrawn else None
    )
    context = {
        "summary": summary,
        "rows": presenters.answer_rows(need, summary.standards, change=False) if need else [],
        "token": token,
    }
    response = render(request, "demand/yours.html", context)
    response["Referrer-Policy"] = "no-referrer"  # the address is the secret: never pass it on
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def change(request: HttpRequest, token: str) -> HttpResponse:
    """Start changing a need: its answers go back into the question pages."""
    digest = vocabulary.token_digest(token)
    summary = _summary_or_404(token)
    if summary.withdrawn:
        raise Http404("This need was withdrawn: register it again if you still need it")
    need = services.need_request_of(digest)
    answers = need.model_dump(exclude={"level"})
    answers["level"] = str(need.level) if need.level else "either"
    request.session[ANSWERS] = answers
    request.session[CANDIDATES] = [s.model_dump() for s in summary.standards]
    request.session[EDITING] = digest
    return redirect(reverse("demand:check"))


@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Withdraw a need after a confirming button; it leaves every figure at once."""
    summary = _summary_or_404(token)
    if request.method == "POST" and not summary.withdrawn:
        services.withdraw_need(vocabulary.token_digest(token))
        return redirect(reverse("demand:yours", args=[token]))
    response = render(request, "demand/withdraw.html", {"summary": summary, "token": token})
    response["Referrer-Policy"] = "no-referrer"
    return response
