"""Progression pages: your job now -> the standard closest to it -> your next steps, and a
printable case for your manager. One question per page, back links, errors that keep answers."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from skillshub.progression import forms, presenters, services


def start(request: HttpRequest) -> HttpResponse:
    """Question 1: what is your job now?"""
    form = forms.JobForm(request.GET if "job" in request.GET else None)
    if form.is_valid():
        query = urlencode({"job": form.cleaned_data["job"]})
        return redirect(f"{reverse('progression:choose')}?{query}")
    context = {"job_input": form.job_input(), "error_summary": form.error_summary()}
    status = 400 if form.is_bound else 200
    return render(request, "progression/start.html", context, status=status)


def choose(request: HttpRequest) -> HttpResponse:
    """Question 2: which standard is closest to your job? (proposed from what you wrote)"""
    from skillshub.domain.search import QueryError

    job = request.GET.get("job", "").strip()
    back = f"{reverse('progression:start')}?{urlencode({'job': job})}"
    form = forms.JobForm({"job": job})
    if not form.is_valid():
        return start_with_errors(request, form)
    try:
        result = services.find_pathways(services.PathwaysRequest(from_text=job, limit=1))
    except QueryError as error:
        form.add_error("job", str(error))
        return start_with_errors(request, form)
    if result.no_match or result.start is None:
        form.add_error(
            "job",
            f"No standard matches '{job}': try your job title, or a few words about what you do",
        )
        return start_with_errors(request, form)
    options = [result.start, *result.alternatives]
    choices = [(o.reference, f"{o.title} (level {o.level}, {o.reference})") for o in options]
    chosen = forms.ChooseForm(
        {"start": request.GET["start"]} if "start" in request.GET else None, options=choices
    )
    if chosen.is_valid():
        return redirect(reverse("progression:steps", args=[chosen.cleaned_data["start"]]))
    context = {
        "job": job,
        "back": back,
        "radios": chosen.start_radios(),
        "error_summary": chosen.error_summary(),
    }
    return render(
        request, "progression/choose.html", context, status=400 if chosen.is_bound else 200
    )


def start_with_errors(request: HttpRequest, form: forms.JobForm) -> HttpResponse:
    context = {"job_input": form.job_input(), "error_summary": form.error_summary()}
    return render(request, "progression/start.html", context, status=400)


def _result(reference: str) -> services.PathwaysResult:
    try:
        return services.find_pathways(services.PathwaysRequest(from_reference=reference, limit=3))
    except (services.UnknownStart, ValueError) as error:
        raise Http404(str(error)) from error


def steps(request: HttpRequest, reference: str) -> HttpResponse:
    """Your next steps from a standard: the closest three, each summarised in themes."""
    from skillshub.domain.pathways import NeedsEmbeddings

    try:
        result = _result(reference)
    except NeedsEmbeddings as error:
        return render(request, "progression/unavailable.html", {"message": str(error)}, status=503)
    assert result.start is not None
    context = {
        "result": result,
        "start": result.start,
        "at_top": result.start.level >= 5,
        "cards": presenters.step_cards(result),
        "back": reverse("progression:start"),
    }
    return render(request, "progression/steps.html", context)


def case(request: HttpRequest, reference: str, target: str) -> HttpResponse:
    """A one-page, printable case for my manager: the step, what it adds, time, cost, funding."""
    result = _result(reference)
    step = next((s for s in result.steps if s.reference == target.upper()), None)
    if step is None or result.start is None:
        raise Http404(f"{target} is not one of the next steps from {reference}")
    context = {
        "start": result.start,
        "step": step,
        "summary": presenters.case_summary(step),
        "back": reverse("progression:steps", args=[result.start.reference]),
    }
    return render(request, "progression/case.html", context)
