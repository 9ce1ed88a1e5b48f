"""'Tell us you need this': a POST from Find training when nothing is near, then a thank-you."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from skillshub.core.ratelimit import AttemptLimiter, client_address
from skillshub.demand import services

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
